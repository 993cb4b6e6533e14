/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-records-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_AUDIT_QUERY (bjb_audit_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbAuditQuery, bjb_audit_query, BJB, AUDIT_QUERY, BjbRecordsQuery)

/* The audit page's query (bjb_audit_ops_list), newest first. Filters (string properties,
 * NULL or "" off): "table", "actor" (a login), "from" and "to" (ISO 8601 instants, [from,
 * to)), "row" (a row key; the server uses it with a table). Rows are BjbAuditEntry with
 * their texts filled in. */

G_END_DECLS
