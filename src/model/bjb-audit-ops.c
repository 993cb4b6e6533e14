/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-ops"

#include "config.h"

#include "bjb-audit-ops.h"
#include "bjb-ops-query.h"

/* SECURITY INVOKER: RLS and the admin's grant on bjb.audit_log decide. */
static const char SQL_AUDIT_ENTRIES[] =
  "SELECT id, at, actor, actor_name, table_name, row_key, action, changes"
  " FROM bjb.audit_entries($1::text, $2::text, $3::timestamptz, $4::timestamptz, $5::text,"
  "                        $6::timestamptz, $7::bigint, $8::int)";

/* NULL for an empty filter: the function reads NULL as "off". */
static const char *
param (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

BJB_OPS_ASYNC (bjb_audit_ops_list, const BjbAuditFilter *filter, BjbAuditEntry *after, guint limit)
{
  g_autofree char *before_id = bjb_value_row_int_param (after, BJB_AUDIT_ENTRY_ID);
  g_autofree char *lim = bjb_ops_int_param (limit);
  const char *params[] = {
    param (filter->table), param (filter->actor), param (filter->from), param (filter->to),
    param (filter->row), bjb_value_row_string_param (after, BJB_AUDIT_ENTRY_AT), before_id, lim,
  };

  g_return_if_fail (filter != NULL);
  bjb_ops_query_async (connection, SQL_AUDIT_ENTRIES, G_N_ELEMENTS (params), params, cancellable,
                       bjb_audit_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_audit_ops_list)
{
  return bjb_value_row_array_finish (result, bjb_audit_ops_list_async, BJB_TYPE_AUDIT_ENTRY, error);
}

