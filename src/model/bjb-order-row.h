/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BJB_TYPE_ORDER_ROW (bjb_order_row_get_type ())
G_DECLARE_FINAL_TYPE (BjbOrderRow, bjb_order_row, BJB, ORDER_ROW, GObject)

/* One row of the orders page (a row of bjb.list_orders), a BjbPagedRow: updated in place on
 * refresh; a placeholder ("placeholder" TRUE, everything empty) stands in while its page
 * is on its way. Plain properties so GtkColumnView cells bind to them from the .ui. */
BjbOrderRow *bjb_order_row_new (void);
gint64 bjb_order_row_get_id (BjbOrderRow *self);
void bjb_order_row_set_id (BjbOrderRow *self, gint64 value);
const char *bjb_order_row_get_number (BjbOrderRow *self);
void bjb_order_row_set_number (BjbOrderRow *self, const char *value);
void bjb_order_row_set_customer_name (BjbOrderRow *self, const char *value);
const char *bjb_order_row_get_status (BjbOrderRow *self);
void bjb_order_row_set_status (BjbOrderRow *self, const char *value);
const char *bjb_order_row_get_status_label (BjbOrderRow *self);
void bjb_order_row_set_status_label (BjbOrderRow *self, const char *value);
gint64 bjb_order_row_get_total (BjbOrderRow *self);
void bjb_order_row_set_total (BjbOrderRow *self, gint64 value);
const char *bjb_order_row_get_total_text (BjbOrderRow *self);
void bjb_order_row_set_total_text (BjbOrderRow *self, const char *value);
gint64 bjb_order_row_get_placed_at (BjbOrderRow *self);
void bjb_order_row_set_placed_at (BjbOrderRow *self, gint64 value);
void bjb_order_row_set_placed_text (BjbOrderRow *self, const char *value);
gint64 bjb_order_row_get_due_at (BjbOrderRow *self);
void bjb_order_row_set_due_at (BjbOrderRow *self, gint64 value);
const char *bjb_order_row_get_due_text (BjbOrderRow *self);
void bjb_order_row_set_due_text (BjbOrderRow *self, const char *value);
const char * const *bjb_order_row_get_due_classes (BjbOrderRow *self);
void bjb_order_row_set_due_classes (BjbOrderRow *self, const char * const *value);
void bjb_order_row_set_courier (BjbOrderRow *self, const char *value);
const char *bjb_order_row_get_placed_key (BjbOrderRow *self);
void bjb_order_row_set_placed_key (BjbOrderRow *self, const char *value);
gboolean bjb_order_row_get_placeholder (BjbOrderRow *self);

G_END_DECLS
