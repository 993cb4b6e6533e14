/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-stock-count.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_COUNT_CELL (bjb_stock_count_cell_get_type ())

G_DECLARE_FINAL_TYPE (BjbStockCountCell, bjb_stock_count_cell, BJB, STOCK_COUNT_CELL, GtkWidget)

/*
 * BjbStockCountCell: the spin button of a stocktake line, bound both ways to its
 * BjbStockCount's "counted" (property "count", set from the column's .ui factory), so what
 * is typed lives in the line, not in the recycled row widget.
 */
void bjb_stock_count_cell_set_count (BjbStockCountCell *self,
                                     BjbStockCount     *count);

G_END_DECLS
