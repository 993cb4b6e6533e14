/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-outbox-query"

#include "config.h"

#include "bjb-message-admin-ops.h"
#include "bjb-outbox-query.h"
#include "bjb-records-format.h"

struct _BjbOutboxQuery
{
  BjbRecordsQuery parent_instance;
};

enum { FILTER_STATUSES, FILTER_CHANNEL, FILTER_CUSTOMER_ID, FILTER_KIND, N_FILTERS };

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbOutboxQuery, bjb_outbox_query, BJB_TYPE_RECORDS_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

static void
decorate (BjbValueRow *row,
          gpointer     user_data)
{
  g_autofree char *created =
    bjb_records_format_time (bjb_value_row_get_string (row, BJB_OUTBOX_ROW_CREATED_AT));

  bjb_value_row_set_string (row, BJB_OUTBOX_ROW_CREATED_TEXT, created);
  bjb_value_row_set_string (row, BJB_OUTBOX_ROW_STATUS_LABEL,
                            bjb_records_status_label (bjb_value_row_get_string (row, BJB_OUTBOX_ROW_STATUS)));
  bjb_value_row_set_string (row, BJB_OUTBOX_ROW_CHANNEL_LABEL,
                            bjb_records_channel_label (bjb_value_row_get_string (row, BJB_OUTBOX_ROW_CHANNEL)));
  bjb_value_row_set_string (row, BJB_OUTBOX_ROW_KIND_LABEL,
                            bjb_records_kind_label (bjb_value_row_get_string (row, BJB_OUTBOX_ROW_KIND)));
}

static void
bjb_outbox_query_fetch_async (BjbPagedQuery       *query,
                              BjbPagedRow         *after,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  BjbRecordsQuery *self = BJB_RECORDS_QUERY (query);
  const char *customer = bjb_records_query_get_filter (self, FILTER_CUSTOMER_ID);
  BjbMessageFilter filter = {
    .statuses = bjb_records_query_get_filter (self, FILTER_STATUSES),
    .channel = bjb_records_query_get_filter (self, FILTER_CHANNEL),
    .customer_id = customer != NULL ? g_ascii_strtoll (customer, NULL, 10) : 0,
    .kind = bjb_records_query_get_filter (self, FILTER_KIND),
  };

  bjb_message_ops_list_async (bjb_records_query_get_connection (self), &filter,
                              after != NULL ? BJB_OUTBOX_ROW (after) : NULL, limit, cancellable,
                              callback, user_data);
}

static GPtrArray *
bjb_outbox_query_fetch_finish (BjbPagedQuery  *query,
                               GAsyncResult   *result,
                               GError        **error)
{
  return bjb_paged_query_decorate (bjb_message_ops_list_finish (result, error),
                                   (GFunc) decorate, NULL);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->fetch_async = bjb_outbox_query_fetch_async;
  iface->fetch_finish = bjb_outbox_query_fetch_finish;
}

static void
bjb_outbox_query_class_init (BjbOutboxQueryClass *klass)
{
  static const char *const filters[N_FILTERS] = { "statuses", "channel", "customer-id", "kind" };

  bjb_records_query_class_install_filters (BJB_RECORDS_QUERY_CLASS (klass), filters, N_FILTERS);
}

static void
bjb_outbox_query_init (BjbOutboxQuery *self)
{
}
