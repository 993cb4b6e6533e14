/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BJB_TYPE_ORDER_LINE_ITEM (bjb_order_line_item_get_type ())
G_DECLARE_FINAL_TYPE (BjbOrderLineItem, bjb_order_line_item, BJB, ORDER_LINE_ITEM, GObject)

/* A line of a cart (new order, live quote) or of a placed order.
 * Plain properties so GtkColumnView cells bind to them from the .ui. */
BjbOrderLineItem *bjb_order_line_item_new (void);
gint64 bjb_order_line_item_get_product_id (BjbOrderLineItem *self);
void bjb_order_line_item_set_product_id (BjbOrderLineItem *self, gint64 value);
const char *bjb_order_line_item_get_name (BjbOrderLineItem *self);
void bjb_order_line_item_set_name (BjbOrderLineItem *self, const char *value);
gint64 bjb_order_line_item_get_qty (BjbOrderLineItem *self);
void bjb_order_line_item_set_qty (BjbOrderLineItem *self, gint64 value);
gint64 bjb_order_line_item_get_stock (BjbOrderLineItem *self);
void bjb_order_line_item_set_stock (BjbOrderLineItem *self, gint64 value);
void bjb_order_line_item_set_qty_text (BjbOrderLineItem *self, const char *value);
void bjb_order_line_item_set_price_text (BjbOrderLineItem *self, const char *value);
void bjb_order_line_item_set_subtotal_text (BjbOrderLineItem *self, const char *value);
const char *bjb_order_line_item_get_discount_text (BjbOrderLineItem *self);
const char *bjb_order_line_item_get_reason (BjbOrderLineItem *self);

/* The discount and reason columns from a quote or order line: "-Rp 600.000 (10 %)" and
 * "10 % — <the server's reason, or the rule's name>"; both "" without a discount. */
void bjb_order_line_item_set_discount (BjbOrderLineItem *self,
                                       gint64            amount,
                                       gint64            percent,
                                       const char       *reason,
                                       const char       *rule);

/* The price, total and discount columns of a line as bjb.quote_order and bjb.order_detail
 * give it (unit_price, total, discount_amount, discount_percent, reason, rule). */
void bjb_order_line_item_set_priced   (BjbOrderLineItem *self,
                                       JsonObject       *line);

G_END_DECLS
