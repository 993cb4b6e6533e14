/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-paged-row-base.h"

G_BEGIN_DECLS

#define BJB_TYPE_REPORT_ROW (bjb_report_row_get_type ())
G_DECLARE_FINAL_TYPE (BjbReportRow, bjb_report_row, BJB, REPORT_ROW, BjbPagedRowBase)

/*
 * BjbReportRow: one row of a report table (the transaction report, the five customer
 * analyses), a BjbPagedRow. The reports show texts the ops layer formats, so a row is a
 * few numbers and a set of string properties a .ui binds to cells, each report using the
 * ones it shows:
 *
 *   int64:  "id" (the order, or the customer for customer rows), "customer-id", "count",
 *           "amount" (rupiah)
 *   string: "key" (the keyset the server wrote, e.g. placed_at to the microsecond),
 *           "title", "subtitle", "items", "status", "status-label", "detail", "date-text",
 *           "count-text", "amount-text", "gross-text", "discount-text", "shipping-text",
 *           "kind" (an order's delivery), "kind-label"
 */

BjbReportRow *bjb_report_row_new          (void);
gint64        bjb_report_row_get_customer_id (BjbReportRow *self);
const char   *bjb_report_row_get_key      (BjbReportRow *self);
/* (transfer none): a string property by name, "" when unset */
const char   *bjb_report_row_get_text     (BjbReportRow *self,
                                           const char   *name);

G_END_DECLS
