/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-paged-query-model.h"
#include "bjb-report-ops.h"

G_BEGIN_DECLS

#define BJB_TYPE_TRANSACTIONS_REPORT (bjb_transactions_report_get_type ())
G_DECLARE_FINAL_TYPE (BjbTransactionsReport, bjb_transactions_report, BJB, TRANSACTIONS_REPORT,
                      AdwBin)

/*
 * BjbTransactionsReport: the transaction report tab. Filters (dates, status, customer,
 * courier, delivery or pickup), the orders server-paged in a GtkColumnView, the totals of
 * the whole filtered set from the server, and the export of that set. A row opens its order
 * (app.open-order). A range that ends
 * before it starts is refused by the server (BJ045) and its sentence shown; the table
 * keeps the last good result.
 */

void                bjb_transactions_report_set_connection (BjbTransactionsReport *self,
                                                            BjbConnection         *connection);
void                bjb_transactions_report_refresh        (BjbTransactionsReport *self);

/* For tests: the list, the filters as typed, the totals shown. */
BjbPagedQueryModel *bjb_transactions_report_get_model      (BjbTransactionsReport *self);
void                bjb_transactions_report_set_filters    (BjbTransactionsReport *self,
                                                            const char            *from,
                                                            const char            *to,
                                                            const char            *status,
                                                            const char            *delivery);
/* FALSE until the totals of the current filters arrived (or failed). */
gboolean            bjb_transactions_report_get_totals     (BjbTransactionsReport *self,
                                                            BjbTransactionTotals  *totals);
const char         *bjb_transactions_report_get_message    (BjbTransactionsReport *self);
GtkWidget          *bjb_transactions_report_get_export_button (BjbTransactionsReport *self);
/* Activates row @position as a double-click does: app.open-order with the order's id. */
void                bjb_transactions_report_activate_row   (BjbTransactionsReport *self,
                                                            guint                  position);

G_END_DECLS
