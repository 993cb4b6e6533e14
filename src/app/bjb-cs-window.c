/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-cs-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-cs-window.h"
#include "bjb-connection-indicator.h"
#include "bjb-notification-button.h"
#include "bjb-offline-banner.h"
#include "bjb-customers-page.h"
#include "bjb-new-order.h"
#include "bjb-order-detail.h"
#include "bjb-orders-page.h"

/* The customer service desk: customers, taking orders, and the orders list with the open
 * order beside it (payment proofs, confirmation, shipping, feedback, invoice). The pages are
 * self-contained widgets; this window hands them the session's connection and event stream
 * and routes between them. */
struct _BjbCsWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwViewStack *stack;
  GtkLabel *name_label;
  GtkLabel *role_label;
  BjbOfflineBanner *offline_banner;
  BjbNotificationButton *notification_button;
  BjbConnectionIndicator *connection_indicator;
  BjbCustomersPage *customers_page;
  BjbNewOrder *new_order;
  BjbOrdersPage *orders_page;
  BjbOrderDetail *order_detail;

  /* Owned */
  BjbSession *session;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (BjbCsWindow, bjb_cs_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Another desk or a courier changed something: the customers list shows spend and loyalty,
 * so it refreshes too (the orders page and the open order follow the listener themselves). */
static void
on_event_received (BjbCsWindow *self,
                   BjbEvent    *event)
{
  if (bjb_event_get_customer_id (event) != 0)
    bjb_customers_page_refresh (self->customers_page);
}

static void
on_listening_changed (BjbCsWindow *self)
{
  BjbListener *listener = bjb_session_get_listener (self->session);

  g_object_set (self->orders_page, "listener", listener, NULL);
  g_object_set (self->order_detail, "listener", listener, NULL);
  if (listener != NULL)
    g_signal_connect_object (listener, "event-received", G_CALLBACK (on_event_received), self,
                             G_CONNECT_SWAPPED);
}

static void
connect_pages (BjbCsWindow *self)
{
  BjbConnection *connection = bjb_session_get_connection (self->session);

  bjb_customers_page_set_connection (self->customers_page, connection);
  g_object_set (self->new_order, "connection", connection, NULL);
  g_object_set (self->orders_page, "connection", connection, NULL);
  g_object_set (self->order_detail, "connection", connection, NULL);
  g_signal_connect_object (self->session, "notify::listening", G_CALLBACK (on_listening_changed),
                           self, G_CONNECT_SWAPPED);
  on_listening_changed (self);
}

static void
on_order_activated (BjbCsWindow   *self,
                    gint64         order_id,
                    BjbOrdersPage *page)
{
  bjb_order_detail_set_order_id (self->order_detail, order_id);
}

static void
on_order_placed (BjbCsWindow *self,
                 gint64       order_id,
                 BjbNewOrder *new_order)
{
  bjb_orders_page_refresh (self->orders_page);
  bjb_customers_page_refresh (self->customers_page);
  /* The new order's own page keeps showing its number and payment deadline; the clerk
   * moves on to the order when ready, where it is already open. */
  bjb_order_detail_set_order_id (self->order_detail, order_id);
}

static void
on_order_changed (BjbCsWindow    *self,
                  BjbOrderDetail *detail)
{
  bjb_orders_page_refresh (self->orders_page);
}

static void
bjb_cs_window_constructed (GObject *object)
{
  BjbCsWindow *self = (BjbCsWindow *)object;

  G_OBJECT_CLASS (bjb_cs_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
bjb_cs_window_dispose (GObject *object)
{
  BjbCsWindow *self = (BjbCsWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_CS_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bjb_cs_window_parent_class)->dispose (object);
}

static void
bjb_cs_window_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BjbCsWindow *self = BJB_CS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_cs_window_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BjbCsWindow *self = BJB_CS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* Not construct-only: the template's expressions watch it change. */
      if (g_set_object (&self->session, g_value_get_object (value)))
        {
          if (self->session != NULL)
            connect_pages (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_cs_window_class_init (BjbCsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bjb_cs_window_constructed;
  object_class->dispose = bjb_cs_window_dispose;
  object_class->get_property = bjb_cs_window_get_property;
  object_class->set_property = bjb_cs_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BJB_TYPE_CONNECTION_INDICATOR);
  g_type_ensure (BJB_TYPE_NOTIFICATION_BUTTON);
  g_type_ensure (BJB_TYPE_OFFLINE_BANNER);
  g_type_ensure (BJB_TYPE_SESSION);
  g_type_ensure (BJB_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (BJB_TYPE_NEW_ORDER);
  g_type_ensure (BJB_TYPE_ORDERS_PAGE);
  g_type_ensure (BJB_TYPE_ORDER_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-cs-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, role_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, notification_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, connection_indicator);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, new_order);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, orders_page);
  gtk_widget_class_bind_template_child (widget_class, BjbCsWindow, order_detail);
  gtk_widget_class_bind_template_callback (widget_class, on_order_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_order_placed);
  gtk_widget_class_bind_template_callback (widget_class, on_order_changed);
}

static void
bjb_cs_window_init (BjbCsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bjb_cs_window_get_session:
 *
 * Returns: (transfer none) (nullable): the signed-in session shown
 */
BjbSession *
bjb_cs_window_get_session (BjbCsWindow *self)
{
  g_return_val_if_fail (BJB_IS_CS_WINDOW (self), NULL);
  return self->session;
}

/**
 * bjb_cs_window_show_order:
 *
 * Shows the orders page with this order open (a notification's "Open").
 */
void
bjb_cs_window_show_order (BjbCsWindow *self,
                          gint64       order_id)
{
  g_return_if_fail (BJB_IS_CS_WINDOW (self));

  adw_view_stack_set_visible_child_name (self->stack, "orders");
  bjb_order_detail_set_order_id (self->order_detail, order_id);
}
