/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCKTAKE_VIEW (bjb_stocktake_view_get_type ())

G_DECLARE_FINAL_TYPE (BjbStocktakeView, bjb_stocktake_view, BJB, STOCKTAKE_VIEW, GtkWidget)

/*
 * BjbStocktakeView: stocktake mode. One line per product with what the books say and a
 * "counted" spin (starting at the books' figure), the difference beside it; Apply All sends
 * every line that differs in one bjb.apply_stocktake (all or nothing: a refused count
 * changes no product, and the sentence names the product).
 *
 * Signals: "applied" (int: how many products changed), "cancelled".
 * Actions: stocktake.apply, stocktake.cancel.
 */
void        bjb_stocktake_view_set_connection (BjbStocktakeView *self,
                                               BjbConnection    *connection);
/* Reads every product (bjb.list_products) and gives each a line counted as the books say. */
void        bjb_stocktake_view_start          (BjbStocktakeView *self);
/* The lines (BjbStockCount items). */
GListModel *bjb_stocktake_view_get_counts     (BjbStocktakeView *self);
/* (nullable): the sentence shown, NULL when none */
const char *bjb_stocktake_view_get_error      (BjbStocktakeView *self);
gboolean    bjb_stocktake_view_get_busy       (BjbStocktakeView *self);

G_END_DECLS
