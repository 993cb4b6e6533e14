/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BJB_TYPE_REPORTS_PAGE (bjb_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbReportsPage, bjb_reports_page, BJB, REPORTS_PAGE, AdwBin)

/*
 * BjbReportsPage: the admin's Reports page (a BjbPage): an inner switcher, Transactions
 * (BjbTransactionsReport) | Customers (five BjbCustomerReportSection). A customer row
 * activates app.open-customer (int64 id). Action reports.refresh (F5).
 */

/* (transfer none): for tests */
GtkWidget *bjb_reports_page_get_transactions (BjbReportsPage *self);
/* @report: a BjbCustomerReport. (transfer none) */
GtkWidget *bjb_reports_page_get_section      (BjbReportsPage *self,
                                              int             report);
/* "transactions" or "customers" */
void       bjb_reports_page_show             (BjbReportsPage *self,
                                              const char     *name);

G_END_DECLS
