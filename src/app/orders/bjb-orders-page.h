/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-listener.h"

G_BEGIN_DECLS

#define BJB_TYPE_ORDERS_PAGE (bjb_orders_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbOrdersPage, bjb_orders_page, BJB, ORDERS_PAGE, AdwBin)

/*
 * BjbOrdersPage: every order, newest first, a BjbPagedQueryModel over BjbOrderQuery
 * (bjb.list_orders, keyset pages as the list scrolls); filters for status, date range,
 * customer and order number; unpaid orders show the time left to pay, highlighted when it
 * is short. A BjbPage: an event about an order (placed, paid, shipped, expired at another
 * desk) refreshes the rows in place, keeping the selection and the scroll position.
 *
 * Properties: "connection", "listener" (for a window that does not hand it a session yet).
 * Signal: "order-activated" (gint64 order id) when a row is selected (click, arrow keys) or
 * activated (Enter, double click): the window opens that order beside the list.
 * Action: "orders.refresh" (F5).
 */

GtkWidget *bjb_orders_page_new            (BjbConnection *connection);
/* Refetches the loaded range and updates rows in place. */
void       bjb_orders_page_refresh        (BjbOrdersPage *self);
/* Shows only this customer's orders (0: everyone); @name fills the customer field. */
void       bjb_orders_page_set_customer   (BjbOrdersPage *self,
                                           gint64         customer_id,
                                           const char    *name);
/* The list model the view shows (BjbOrderRow items); (transfer none) */
GListModel *bjb_orders_page_get_model     (BjbOrdersPage *self);
gboolean   bjb_orders_page_is_loading     (BjbOrdersPage *self);

G_END_DECLS
