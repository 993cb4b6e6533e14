/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-orders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-filter.h"
#include "bjb-date-entry.h"
#include "bjb-error-sentence.h"
#include "bjb-list-controller.h"
#include "bjb-order-format.h"
#include "bjb-order-query.h"
#include "bjb-order-row.h"
#include "bjb-orders-page.h"
#include "bjb-page.h"
#include "bjb-widgets.h"

struct _BjbOrdersPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkSearchEntry     *number_entry;
  GtkDropDown        *status_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkSearchEntry     *customer_entry;
  BjbPagedQueryModel *list_model;
  BjbListController  *list;
  BjbOrderQuery      *query;
  GtkLabel           *status_label;

  /* Owned */
  BjbConnection *connection;
  BjbListener   *listener;          /* the old "listener" property, until no window sets it */
  GCancellable  *cancellable;       /* cancelled in dispose */
  GCancellable  *customer_cancellable;
  char          *customer_name;     /* as set by bjb_orders_page_set_customer() */
  guint          tick_id;
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbOrdersPage, bjb_orders_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_LISTENER,
  N_PROPS
};

enum {
  ORDER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *status_values[] = { "", "pending_payment", "paid", "shipped", "completed", "cancelled" };

static void
update_status_label (BjbOrdersPage *self)
{
  const GError *error = bjb_paged_query_model_get_error (self->list_model);
  guint n = bjb_paged_query_model_get_n_loaded (self->list_model);
  gint64 total = bjb_paged_query_model_get_n_total (self->list_model);
  g_autofree char *text = NULL;

  if (error != NULL)
    text = bjb_error_sentence (error);
  else if (bjb_paged_query_model_get_loading (self->list_model))
    text = g_strdup (_("Loading orders…"));
  else if (n == 0)
    text = g_strdup (_("No orders match."));
  else if (total >= 0)
    text = g_strdup_printf (ngettext ("%u order", "%u orders", n), n);
  else
    text = g_strdup_printf (_("%u orders shown; scroll for more"), n);
  gtk_label_set_text (self->status_label, text);
}

/* The time left to pay counts down. */
static gboolean
tick (gpointer user_data)
{
  BjbOrdersPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n = bjb_paged_query_model_get_n_loaded (self->list_model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderRow) row = g_list_model_get_item (G_LIST_MODEL (self->list_model), i);

      if (bjb_order_row_get_due_at (row) != 0)
        bjb_order_query_update_due (row, now);
    }
  return G_SOURCE_CONTINUE;
}

static void
on_filter_changed (BjbOrdersPage *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  gboolean from_ok, to_ok;
  /* A date that is not one yet filters nothing; its entry is marked. */
  g_autofree char *from = bjb_date_entry_read_iso (GTK_EDITABLE (self->from_entry), &from_ok);
  g_autofree char *to = bjb_date_entry_read_iso (GTK_EDITABLE (self->to_entry), &to_ok);

  g_object_set (self->query,
                "status", status < G_N_ELEMENTS (status_values) ? status_values[status] : "",
                "from", from,
                "to", to,
                "number", gtk_editable_get_text (GTK_EDITABLE (self->number_entry)),
                NULL);
}

static void
customer_filtered_cb (gpointer user_data,
                      gint64   customer_id)
{
  g_object_set (BJB_ORDERS_PAGE (user_data)->query, "customer-id", customer_id, NULL);
}

static void
on_customer_changed (BjbOrdersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));

  /* The text bjb_orders_page_set_customer() put there already has its id. */
  if (self->customer_name != NULL && g_strcmp0 (text, self->customer_name) == 0)
    return;
  g_clear_pointer (&self->customer_name, g_free);
  bjb_customer_filter_lookup (self->connection, GTK_EDITABLE (self->customer_entry),
                              self->status_label, &self->customer_cancellable,
                              customer_filtered_cb, self);
}

/* The order shown beside the list: what the list keeps selected. */
static void
open_order (BjbOrdersPage *self,
            BjbOrderRow   *row)
{
  bjb_list_controller_set_selected_id (self->list, bjb_order_row_get_id (row));
  g_signal_emit (self, signals[ORDER_ACTIVATED], 0, bjb_order_row_get_id (row));
}

/* A single click or the arrow keys open the order beside the list (issue 8 #5); a refresh
 * that only moves the selected row along does not open it again. */
static void
on_picked (BjbOrdersPage *self,
           BjbOrderRow   *row)
{
  if (bjb_order_row_get_id (row) != bjb_list_controller_get_selected_id (self->list))
    open_order (self, row);
}

static void
set_connection (BjbOrdersPage *self,
                BjbConnection *connection)
{
  if (!g_set_object (&self->connection, connection))
    return;
  bjb_order_query_set_connection (self->query, connection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

/* BjbPage */

static void
bjb_orders_page_set_session (BjbPage    *page,
                             BjbSession *session)
{
  set_connection (BJB_ORDERS_PAGE (page), session != NULL ? bjb_session_get_connection (session)
                                                          : NULL);
}

static void
bjb_orders_page_page_refresh (BjbPage *page)
{
  bjb_orders_page_refresh (BJB_ORDERS_PAGE (page));
}

/* An order placed, paid, shipped or expired at another desk appears, changes or goes in
 * place: the rows still there keep their objects, so selection and scroll stay. */
static void
bjb_orders_page_event_received (BjbPage  *page,
                                BjbEvent *event)
{
  if (bjb_event_get_order_id (event) > 0)
    bjb_orders_page_refresh (BJB_ORDERS_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_orders_page_set_session;
  iface->refresh = bjb_orders_page_page_refresh;
  iface->event_received = bjb_orders_page_event_received;
}

/* The old "listener" property: the same as a window forwarding events. */
static void
on_event_received (BjbListener *listener,
                   BjbEvent    *event,
                   gpointer     user_data)
{
  bjb_orders_page_event_received (BJB_PAGE (user_data), event);
}

static void
set_listener (BjbOrdersPage *self,
              BjbListener   *listener)
{
  if (self->listener == listener)
    return;
  if (self->listener != NULL)
    g_signal_handlers_disconnect_by_func (self->listener, on_event_received, self);
  g_set_object (&self->listener, listener);
  if (listener != NULL)
    g_signal_connect_object (listener, "event-received", G_CALLBACK (on_event_received), self, 0);
}

/* GObject */

static void
bjb_orders_page_dispose (GObject *object)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->customer_cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_listener (self, NULL);
  g_clear_object (&self->connection);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_ORDERS_PAGE);

  G_OBJECT_CLASS (bjb_orders_page_parent_class)->dispose (object);
}

static void
bjb_orders_page_finalize (GObject *object)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->customer_cancellable);
  g_clear_pointer (&self->customer_name, g_free);

  G_OBJECT_CLASS (bjb_orders_page_parent_class)->finalize (object);
}

static void
bjb_orders_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_LISTENER:
      g_value_set_object (value, self->listener);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_orders_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      set_connection (self, g_value_get_object (value));
      break;
    case PROP_LISTENER:
      set_listener (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_orders_page_class_init (BjbOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_orders_page_dispose;
  object_class->finalize = bjb_orders_page_finalize;
  object_class->get_property = bjb_orders_page_get_property;
  object_class->set_property = bjb_orders_page_set_property;

  /* Both for the window that does not hand a session yet (BjbPage's set_session is the
   * way now) and for tests. */
  properties[PROP_CONNECTION] = bjb_widgets_connection_property ();
  properties[PROP_LISTENER] =
    g_param_spec_object ("listener", NULL, NULL, BJB_TYPE_LISTENER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ORDER_ACTIVATED] = g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BJB_TYPE_ORDER_ROW);
  g_type_ensure (BJB_TYPE_ORDER_QUERY);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  bjb_orders_ensure_resources ();
  /* The column cells are the shared ones of ui/cells/. */
  bjb_widgets_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/orders/bjb-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, customer_entry);
  /* Tests scroll and pick rows through them. */
  gtk_widget_class_bind_template_child_full (widget_class, "scroller", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "selection", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, list);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_picked);
  gtk_widget_class_bind_template_callback (widget_class, open_order);
  gtk_widget_class_bind_template_callback (widget_class, update_status_label);

  gtk_widget_class_install_action (widget_class, "orders.refresh", NULL, bjb_page_refresh_action);
}

static void
bjb_orders_page_init (BjbOrdersPage *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  update_status_label (self);
  self->tick_id = g_timeout_add_seconds (60, tick, self);
}

GtkWidget *
bjb_orders_page_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_ORDERS_PAGE, "connection", connection, NULL);
}

void
bjb_orders_page_refresh (BjbOrdersPage *self)
{
  g_return_if_fail (BJB_IS_ORDERS_PAGE (self));

  bjb_paged_query_model_refresh (self->list_model);
}

void
bjb_orders_page_set_customer (BjbOrdersPage *self,
                              gint64         customer_id,
                              const char    *name)
{
  g_return_if_fail (BJB_IS_ORDERS_PAGE (self));

  g_free (self->customer_name);
  self->customer_name = g_strdup (name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), self->customer_name);
  g_object_set (self->query, "customer-id", customer_id, NULL);
}

GListModel *
bjb_orders_page_get_model (BjbOrdersPage *self)
{
  g_return_val_if_fail (BJB_IS_ORDERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->list_model);
}

gboolean
bjb_orders_page_is_loading (BjbOrdersPage *self)
{
  g_return_val_if_fail (BJB_IS_ORDERS_PAGE (self), FALSE);
  return bjb_paged_query_model_get_loading (self->list_model);
}
