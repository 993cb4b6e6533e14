/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-event.h"
#include "bjb-paged-query-model.h"
#include "bjb-stock-adjust.h"
#include "bjb-stocktake-view.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_PAGE (bjb_stock_page_get_type ())

G_DECLARE_FINAL_TYPE (BjbStockPage, bjb_stock_page, BJB, STOCK_PAGE, GtkWidget)

/*
 * BjbStockPage: the admin's stock (a BjbPage): every product's stock, low stock first and
 * highlighted; the picked product's ledger (bjb.stock_ledger, keyset-paged: every movement
 * with its reason, who, when and the order), restock and correction (bjb.adjust_stock);
 * stocktake mode (bjb.apply_stocktake). Refreshes on the events that move stock.
 *
 * Actions: stock.open (int64 product id), stock.restock, stock.correct, stock.stocktake,
 * stock.refresh, stock.search.
 */
void                bjb_stock_page_set_connection      (BjbStockPage *self,
                                                        BjbConnection *connection);
void                bjb_stock_page_refresh             (BjbStockPage *self);
BjbPagedQueryModel *bjb_stock_page_get_product_model   (BjbStockPage *self);
BjbPagedQueryModel *bjb_stock_page_get_ledger_model    (BjbStockPage *self);
BjbStockAdjust     *bjb_stock_page_get_adjust          (BjbStockPage *self);
BjbStocktakeView   *bjb_stock_page_get_stocktake       (BjbStockPage *self);
/* "empty", "ledger" or "stocktake" */
const char         *bjb_stock_page_get_visible_pane    (BjbStockPage *self);
/* The line under the search: what the last action did. */
const char         *bjb_stock_page_get_status          (BjbStockPage *self);
/* Whether @event changes some product's stock (orders placed, cancelled, expired; stock_low). */
gboolean            bjb_stock_page_event_moves_stock   (BjbEvent     *event);

G_END_DECLS
