/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"
#include "bjb-report-ops.h"

G_BEGIN_DECLS

#define BJB_TYPE_TRANSACTION_QUERY (bjb_transaction_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbTransactionQuery, bjb_transaction_query, BJB, TRANSACTION_QUERY,
                      BjbFilterQuery)

/*
 * BjbTransactionQuery: the transaction report's BjbPagedQuery (bjb.transaction_report,
 * newest first, keyset pages). Filters are properties: "from", "to" (ISO dates), "status",
 * "courier", "delivery" ("" any), "customer-id" (0 any). Rows get the orders' status
 * labels. Nothing is fetched until "connection" is set.
 */

void bjb_transaction_query_set_connection (BjbTransactionQuery  *self,
                                           BjbConnection        *connection);
/* The filters now, borrowed strings valid until the next change. */
void bjb_transaction_query_get_filter     (BjbTransactionQuery  *self,
                                           BjbTransactionFilter *filter);

G_END_DECLS
