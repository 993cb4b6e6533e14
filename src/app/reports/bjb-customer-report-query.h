/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"
#include "bjb-report-ops.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_REPORT_QUERY (bjb_customer_report_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerReportQuery, bjb_customer_report_query, BJB,
                      CUSTOMER_REPORT_QUERY, BjbFilterQuery)

/*
 * BjbCustomerReportQuery: one customer analysis as a BjbPagedQuery. Properties: "report"
 * (a BjbCustomerReport), "from", "to" (ISO dates: the months of the new-customer and
 * top-customer reports), "days" (the call-back list), "top" (how many top customers).
 * Only the call-back list pages (keyset); the others are one short page.
 */

void bjb_customer_report_query_set_connection (BjbCustomerReportQuery  *self,
                                               BjbConnection           *connection);
void bjb_customer_report_query_get_params     (BjbCustomerReportQuery  *self,
                                               BjbCustomerReportParams *params);

G_END_DECLS
