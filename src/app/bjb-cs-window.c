/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-cs-window"

#include "config.h"

#include "bjb-cs-window.h"
#include "bjb-customers-page.h"
#include "bjb-new-order.h"
#include "bjb-order-detail.h"
#include "bjb-orders-page.h"

/* The customer service desk: customers, taking orders, and the orders list with the open
 * order beside it (payment proofs, confirmation, shipping, feedback, invoice). Its pages
 * are in its template; BjbRoleWindow hands them the session and the events, and this
 * window only routes between them. */
struct _BjbCsWindow
{
  BjbRoleWindow parent_instance;

  /* Template widgets */
  BjbCustomersPage *customers_page;
  BjbNewOrder *new_order;
  BjbOrdersPage *orders_page;
  BjbOrderDetail *order_detail;
};

G_DEFINE_FINAL_TYPE (BjbCsWindow, bjb_cs_window, BJB_TYPE_ROLE_WINDOW)

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
  bjb_page_refresh (BJB_PAGE (self->orders_page));
  bjb_page_refresh (BJB_PAGE (self->customers_page));
  /* The new order's own page keeps showing its number and payment deadline; the clerk
   * moves on to the order when ready, where it is already open. */
  bjb_order_detail_set_order_id (self->order_detail, order_id);
}

static void
on_order_changed (BjbCsWindow    *self,
                  BjbOrderDetail *detail)
{
  bjb_page_refresh (BJB_PAGE (self->orders_page));
}

static void
bjb_cs_window_class_init (BjbCsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BJB_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (BJB_TYPE_NEW_ORDER);
  g_type_ensure (BJB_TYPE_ORDERS_PAGE);
  g_type_ensure (BJB_TYPE_ORDER_DETAIL);

  bjb_role_window_class_set_template (BJB_ROLE_WINDOW_CLASS (klass),
                                      "/id/barokahjaya/BackOffice/ui/bjb-cs-window.ui",
                                      "cs-window");
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

  /* Not pages of the stack themselves (they share the "orders" page, side by side). */
  bjb_role_window_add_page (BJB_ROLE_WINDOW (self), BJB_PAGE (self->orders_page));
  bjb_role_window_add_page (BJB_ROLE_WINDOW (self), BJB_PAGE (self->order_detail));
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

  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (self)),
                                         "orders");
  bjb_order_detail_set_order_id (self->order_detail, order_id);
}

/**
 * bjb_cs_window_show_customer:
 *
 * Shows the customers page with this customer's record open (a report's row).
 */
void
bjb_cs_window_show_customer (BjbCsWindow *self,
                             gint64       customer_id)
{
  g_return_if_fail (BJB_IS_CS_WINDOW (self));

  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (self)),
                                         "customers");
  gtk_widget_activate_action (GTK_WIDGET (self->customers_page), "customers.open", "x",
                              customer_id);
}
