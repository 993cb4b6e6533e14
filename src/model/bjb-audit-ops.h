/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-audit-entry.h"
#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * The audit log for the admin, a keyset page at a time, newest first (bjb.audit_entries;
 * the statement is in bjb-audit-ops.c). Every filter is optional: NULL (or "") is off.
 */

/**
 * BjbAuditFilter:
 * @table: a table name (bjb.audit_log.table_name)
 * @actor: a login
 * @from: a timestamptz in ISO form, the first instant shown
 * @to: a timestamptz in ISO form, the first instant no longer shown
 * @row: a row key (needs @table)
 */
typedef struct
{
  const char *table;
  const char *actor;
  const char *from;
  const char *to;
  const char *row;
} BjbAuditFilter;

/* @after: (nullable): the last entry of the previous page; NULL for the newest */
/* Returns: (transfer full) (element-type BjbAuditEntry): the entries, NULL with @error set */
BJB_OPS_DECLARE (GPtrArray *, bjb_audit_ops_list, const BjbAuditFilter *filter,
                 BjbAuditEntry *after, guint limit);

G_END_DECLS
