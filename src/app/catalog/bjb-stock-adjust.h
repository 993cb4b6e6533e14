/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_ADJUST (bjb_stock_adjust_get_type ())

G_DECLARE_FINAL_TYPE (BjbStockAdjust, bjb_stock_adjust, BJB, STOCK_ADJUST, GtkWidget)

/*
 * BjbStockAdjust: a restock (goods from the kiln: a quantity and a note) or a correction
 * (a change ± with a reason — damaged, stocktake, correction, return — and a note) of one
 * product, through bjb.adjust_stock. A change that would take the stock below zero is
 * refused by the server (BJ001); its sentence goes beside the quantity.
 *
 * Signals: "applied" (gint64 the new stock), "cancelled". Actions: adjust.apply,
 * adjust.cancel.
 */
void         bjb_stock_adjust_set_connection (BjbStockAdjust *self,
                                              BjbConnection  *connection);
/* @correction: FALSE for a restock */
void         bjb_stock_adjust_start          (BjbStockAdjust *self,
                                              gint64          product_id,
                                              const char     *product_name,
                                              gboolean        correction);
/* For tests: the amount (restock quantity, or the correction's delta) and the reason
 * ("damaged", "stocktake", "correction", "return"). */
void         bjb_stock_adjust_set_values     (BjbStockAdjust *self,
                                              gint64          amount,
                                              const char     *reason,
                                              const char     *note);
/* (nullable): the sentence beside the quantity, or at the bottom ("form") */
const char  *bjb_stock_adjust_get_error      (BjbStockAdjust *self,
                                              const char     *field);
gboolean     bjb_stock_adjust_get_busy       (BjbStockAdjust *self);

G_END_DECLS
