/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * The order desk's operations: quote and place an order, read one order, and every step
 * of its life (confirm the payment, cancel, ship, hand over, record feedback). Each call
 * is one bjb.* function (the database checks the role, the state and the stock); the
 * statements are constants in bjb-order-ops.c. Errors are the database's (BJ codes with
 * the server's message): show them through bjb_error_sentence().
 */

/* One line of a cart as bjb.quote and bjb.place_order take it. */
typedef struct
{
  gint64 product_id;
  gint64 qty;
} BjbOrderItem;

/* Finish: (transfer full): the bjb.quote() object (lines with price, discount, rule and
 * reason; subtotal, discount_total, loyal, birthday). @items: BjbOrderItem. */
BJB_OPS_DECLARE (JsonObject *, bjb_order_ops_quote, gint64 customer_id, GArray *items);

/*
 * bjb_order_ops_place_async:
 * @address: (nullable): for a delivery
 * @request_id: one UUID per order the clerk means to place, kept across retries: placing
 *   again after a dropped connection returns the order that did commit
 *
 * Finish: the order's id (0 with @error set).
 */
BJB_OPS_DECLARE (gint64, bjb_order_ops_place, gint64 customer_id, GArray *items, gboolean delivery,
                 const char *address, gint64 shipping_cost, const char *request_id);

/* Finish: (transfer full): the bjb.order_detail() object: order, customer, courier_name,
 * lines, history (with staff names), photos (metadata only). */
BJB_OPS_DECLARE (JsonObject *, bjb_order_ops_get_detail, gint64 order_id);

/* Finish: (transfer full): what the nota prints about the business: business_name,
 * business_address, business_phone, bank_accounts (from bjb.setting). */
BJB_OPS_DECLARE (JsonObject *, bjb_order_ops_get_business);

/* Finish: (transfer full): BjbCourier items of the active couriers, by name. */
BJB_OPS_DECLARE (GListModel *, bjb_order_ops_list_couriers);

/* The steps of an order. Each finishes with bjb_order_ops_step_finish(). */
BJB_OPS_ASYNC (bjb_order_ops_confirm_payment, gint64 order_id);
BJB_OPS_ASYNC (bjb_order_ops_cancel, gint64 order_id, const char *reason);
BJB_OPS_ASYNC (bjb_order_ops_ship, gint64 order_id, const char *courier_login);
/* A pickup handed over at the depot. */
BJB_OPS_ASYNC (bjb_order_ops_complete, gint64 order_id);
BJB_OPS_ASYNC (bjb_order_ops_record_feedback, gint64 order_id, const char *feedback);
BJB_OPS_FINISH (gboolean, bjb_order_ops_step);

G_END_DECLS
