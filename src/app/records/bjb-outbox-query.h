/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-records-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_OUTBOX_QUERY (bjb_outbox_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbOutboxQuery, bjb_outbox_query, BJB, OUTBOX_QUERY, BjbRecordsQuery)

/* The Messages page's query (bjb_message_ops_list), newest first. Filters: "statuses"
 * (comma-separated states), "channel", "customer-id" (a customer's id as text) and "kind".
 * Rows are BjbOutboxRow with their labels filled in. */

G_END_DECLS
