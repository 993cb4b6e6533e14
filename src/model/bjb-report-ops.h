/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-export-spec.h"
#include "bjb-report-row.h"

G_BEGIN_DECLS

/*
 * The admin's reports (0011): the transaction report (keyset pages and the totals of the
 * same filters) and the five customer analyses, as BjbReportRow rows whose texts are
 * formatted here (money as "Rp 1.250.000", times in Jakarta); status and delivery labels
 * are the page's. And the export spec of each, so a page exports exactly what it shows.
 */

/* The transaction report's filters; NULL / 0 is "any". Dates are ISO, inclusive. */
typedef struct
{
  const char *from;
  const char *to;
  const char *status;       /* a bjb.order_status value */
  gint64      customer_id;
  const char *courier;      /* a courier login */
  const char *delivery;     /* "delivery" or "pickup" */
} BjbTransactionFilter;

typedef struct
{
  gint64 orders;
  gint64 gross;             /* the lines before discounts */
  gint64 discount;
  gint64 shipping;
  gint64 net;               /* what the customers pay: gross − discount + shipping */
} BjbTransactionTotals;

/* Finish: (transfer full): GPtrArray of BjbReportRow: "id" the order, "key" placed_at,
 * "title" number, "subtitle" customer, "customer-id", "items", "count" quantity, "status",
 * "detail" courier name, "date-text" placed, "gross-text", "discount-text",
 * "shipping-text", "amount" + "amount-text" total, "kind" + "kind-label" delivery or
 * pickup. "status-label" is left to the page (the orders' labels). */
BJB_OPS_DECLARE (GPtrArray *, bjb_report_ops_transactions, const BjbTransactionFilter *filter,
                 BjbReportRow *after, guint limit);

BJB_OPS_ASYNC (bjb_report_ops_transaction_totals, const BjbTransactionFilter *filter);
BJB_OPS_FINISH (gboolean, bjb_report_ops_transaction_totals, BjbTransactionTotals *totals);

/* Which customer analysis; each one's rows and parameters are below. */
typedef enum
{
  BJB_CUSTOMER_REPORT_STATUS,       /* "status" + "detail" ("loyal"/""), "count" */
  BJB_CUSTOMER_REPORT_NEW,          /* per month of from..to: "date-text", "count" */
  BJB_CUSTOMER_REPORT_TOP,          /* months from..to: "title" name, "subtitle" phone,
                                       "amount" spend, "count" orders, "detail" loyal */
  BJB_CUSTOMER_REPORT_PREFERENCES,  /* "title" product, "subtitle" category, "count"
                                       customers, "detail" of them loyal */
  BJB_CUSTOMER_REPORT_LAPSED,       /* days: "title" name, "subtitle" phone, "date-text"
                                       last order, "count" orders, "amount" spend; paged */
} BjbCustomerReport;

typedef struct
{
  BjbCustomerReport report;
  const char *from;         /* NEW, TOP: ISO dates (months) */
  const char *to;
  int days;                 /* LAPSED */
  guint limit;              /* TOP: how many */
} BjbCustomerReportParams;

/* @after: (nullable): LAPSED only, the last row of the previous page */
BJB_OPS_DECLARE (GPtrArray *, bjb_report_ops_customers, const BjbCustomerReportParams *params,
                 BjbReportRow *after, guint limit);

/* The export of each report, with the same filters as the page (transfer full). The
 * status column is written as @status_labels (value, label, …; nullable). */
BjbExportSpec *bjb_report_ops_transactions_spec     (const BjbTransactionFilter    *filter,
                                                     const char *const             *status_labels);
BjbExportSpec *bjb_report_ops_customers_spec        (const BjbCustomerReportParams *params);

/* "Rp 1.250.000" style texts the rows carry; times as "01-12-2026 14:30" in Jakarta.
 * (transfer full) */
char          *bjb_report_format_time               (GDateTime                     *time);

G_END_DECLS
