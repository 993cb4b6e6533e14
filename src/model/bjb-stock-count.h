/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_COUNT (bjb_stock_count_get_type ())
G_DECLARE_FINAL_TYPE (BjbStockCount, bjb_stock_count, BJB, STOCK_COUNT, BjbFieldRow)

/*
 * One product of a stocktake: what the books say ("stock") and what was counted
 * ("counted", read-write, the row's spin button binds to it; -1 while not counted yet).
 * "diff-text" (+3 / −2 / "" when equal or not counted) and "diff-classes" follow it.
 * Read-only "product-id", "name", "unit", "stock", "stock-text".
 */
BjbStockCount *bjb_stock_count_new             (gint64         product_id,
                                                const char    *name,
                                                const char    *unit,
                                                gint64         stock);
gint64         bjb_stock_count_get_product_id  (BjbStockCount *self);
const char    *bjb_stock_count_get_name        (BjbStockCount *self);
gint64         bjb_stock_count_get_counted     (BjbStockCount *self);
void           bjb_stock_count_set_counted     (BjbStockCount *self,
                                                gint64         counted);
/* TRUE when counted and different from the books: a line apply_stocktake would change. */
gboolean       bjb_stock_count_get_differs     (BjbStockCount *self);

G_END_DECLS
