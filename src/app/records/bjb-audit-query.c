/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-query"

#include "config.h"

#include "bjb-audit-ops.h"
#include "bjb-audit-query.h"
#include "bjb-records-format.h"

struct _BjbAuditQuery
{
  BjbRecordsQuery parent_instance;
};

enum { FILTER_TABLE, FILTER_ACTOR, FILTER_FROM, FILTER_TO, FILTER_ROW, N_FILTERS };

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbAuditQuery, bjb_audit_query, BJB_TYPE_RECORDS_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

static void
decorate (BjbValueRow *row,
          gpointer     user_data)
{
  const char *name = bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTOR_NAME);
  g_autofree char *at = bjb_records_format_time (bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_AT));
  g_autofree char *changes =
    bjb_records_format_changes (bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_CHANGES));

  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_AT_TEXT, at);
  /* A login that is no staff member (the owner, a superuser) has no display name. */
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_WHO_TEXT,
                            name != NULL ? name : bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTOR));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_TABLE_LABEL,
                            bjb_records_table_label (bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_TABLE_NAME)));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_ACTION_LABEL,
                            bjb_records_action_label (bjb_value_row_get_string (row, BJB_AUDIT_ENTRY_ACTION)));
  bjb_value_row_set_string (row, BJB_AUDIT_ENTRY_CHANGES_TEXT, changes);
}

static void
bjb_audit_query_fetch_async (BjbPagedQuery       *query,
                             BjbPagedRow         *after,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  BjbRecordsQuery *self = BJB_RECORDS_QUERY (query);
  BjbAuditFilter filter = {
    .table = bjb_records_query_get_filter (self, FILTER_TABLE),
    .actor = bjb_records_query_get_filter (self, FILTER_ACTOR),
    .from = bjb_records_query_get_filter (self, FILTER_FROM),
    .to = bjb_records_query_get_filter (self, FILTER_TO),
    .row = bjb_records_query_get_filter (self, FILTER_ROW),
  };

  bjb_audit_ops_list_async (bjb_records_query_get_connection (self), &filter,
                            after != NULL ? BJB_AUDIT_ENTRY (after) : NULL, limit, cancellable,
                            callback, user_data);
}

static GPtrArray *
bjb_audit_query_fetch_finish (BjbPagedQuery  *query,
                              GAsyncResult   *result,
                              GError        **error)
{
  return bjb_paged_query_decorate (bjb_audit_ops_list_finish (result, error),
                                   (GFunc) decorate, NULL);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->fetch_async = bjb_audit_query_fetch_async;
  iface->fetch_finish = bjb_audit_query_fetch_finish;
}

static void
bjb_audit_query_class_init (BjbAuditQueryClass *klass)
{
  static const char *const filters[N_FILTERS] = { "table", "actor", "from", "to", "row" };

  bjb_records_query_class_install_filters (BJB_RECORDS_QUERY_CLASS (klass), filters, N_FILTERS);
}

static void
bjb_audit_query_init (BjbAuditQuery *self)
{
}
