/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"
#include "bjb-order-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_ORDER_QUERY (bjb_order_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbOrderQuery, bjb_order_query, BJB, ORDER_QUERY, BjbFilterQuery)

/*
 * BjbOrderQuery: the orders page's BjbPagedQuery over bjb_order_list_ops_list_async, newest
 * first. Filters are properties: "status" (a bjb.order_status value, "" any), "from" and
 * "to" (ISO dates, NULL open), "customer-id" (0 everyone; -1 a name that matched nobody:
 * no rows), "number" (a fragment). The rows come with the texts the columns show.
 */

BjbOrderQuery *bjb_order_query_new            (BjbConnection *connection);
void           bjb_order_query_set_connection (BjbOrderQuery *self,
                                               BjbConnection *connection);

/* The "Payment" column of an unpaid order: time left at @now, red when short or past. */
void           bjb_order_query_update_due     (BjbOrderRow   *row,
                                               GDateTime     *now);

G_END_DECLS
