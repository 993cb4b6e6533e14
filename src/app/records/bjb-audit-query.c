/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-query"

#include "config.h"

#include "bjb-audit-labels.h"
#include "bjb-audit-ops.h"
#include "bjb-audit-query.h"
#include "bjb-records-format.h"

struct _BjbAuditQuery
{
  BjbRecordsQuery parent_instance;

  /* The ops call's filter itself; its strings are owned (field props), NULL when off */
  BjbAuditFilter filter;
};

G_DEFINE_FINAL_TYPE (BjbAuditQuery, bjb_audit_query, BJB_TYPE_RECORDS_QUERY)

static void
decorate (BjbValueRow *row,
          gpointer     user_data)
{
  const char *name = bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTOR_NAME);
  const char *table = bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_TABLE_NAME);
  g_autofree char *at = bjb_records_format_time (bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_AT));
  g_autofree char *changes =
    bjb_records_format_changes (table, bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_CHANGES));

  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_AT_TEXT, at);
  /* A login that is no staff member (the owner, a superuser) has no display name. */
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_WHO_TEXT,
                            name != NULL ? name : bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTOR));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_TABLE_LABEL, bjb_records_table_label (table));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_ACTION_LABEL,
                            bjb_audit_entry_action_label (
                              bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTION)));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_CHANGES_TEXT, changes);
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_ROW_TEXT,
                            bjb_audit_row_label (table,
                                                 bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ROW_KEY)));
}

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  bjb_audit_ops_list_async (connection, &BJB_AUDIT_QUERY (query)->filter,
                            after != NULL ? BJB_AUDIT_ENTRY (after) : NULL, limit,
                            cancellable, callback, user_data);
}

#define FILTER(field, name) \
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (BjbAuditQuery, field), name)

static void
bjb_audit_query_class_init (BjbAuditQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_audit_ops_list_finish;
  query_class->decorate = (GFunc) decorate;
  FILTER (filter.table, "table");
  FILTER (filter.actor, "actor");
  FILTER (filter.from, "from");
  FILTER (filter.to, "to");
  FILTER (filter.row, "row");
}

#undef FILTER

static void
bjb_audit_query_init (BjbAuditQuery *self)
{
}
