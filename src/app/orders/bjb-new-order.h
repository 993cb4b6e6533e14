/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_NEW_ORDER (bjb_new_order_get_type ())
G_DECLARE_FINAL_TYPE (BjbNewOrder, bjb_new_order, BJB, NEW_ORDER, AdwBin)

/*
 * BjbNewOrder: taking an order on the phone. Pick the customer, add products with
 * quantities (stock is shown; asking for more than is left is trimmed with a warning),
 * watch the live quote from bjb.quote (every line's price, discount and the rule that gave
 * it, re-quoted on each change, stale quotes cancelled), choose delivery or pickup, then
 * "new-order.place". One request_id is kept until the order is placed or the form is
 * reset, so placing again after a dropped connection never makes a second order.
 *
 * Actions: "new-order.add-product", "new-order.set-quantity", "new-order.remove-line",
 * "new-order.place", "new-order.reset".
 * Signals: "order-placed" (gint64 order id); "quote-updated" after a quote was shown.
 */

GtkWidget  *bjb_new_order_new                  (BjbConnection *connection);

/* Picks a customer directly (e.g. "New order" from the customer detail). */
void        bjb_new_order_set_customer         (BjbNewOrder *self,
                                                gint64       customer_id);
gint64      bjb_new_order_get_customer_id      (BjbNewOrder *self);

/* The search results the lists show, for selecting from code and tests. (transfer none) */
GtkSelectionModel *bjb_new_order_get_customer_results (BjbNewOrder *self);
GtkSelectionModel *bjb_new_order_get_product_results  (BjbNewOrder *self);
/* (transfer none): BjbOrderLineItem of the cart, with the quote applied */
GListModel *bjb_new_order_get_cart             (BjbNewOrder *self);

gint64      bjb_new_order_get_placed_order_id  (BjbNewOrder *self);
/* (transfer none) (nullable): kept across retries until placed or reset */
const char *bjb_new_order_get_request_id       (BjbNewOrder *self);
/* (transfer none): the warning or error last shown ("" when none) */
const char *bjb_new_order_get_message          (BjbNewOrder *self);
gint64      bjb_new_order_get_quote_total      (BjbNewOrder *self);
gboolean    bjb_new_order_is_busy              (BjbNewOrder *self);

G_END_DECLS
