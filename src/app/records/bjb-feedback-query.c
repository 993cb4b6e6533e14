/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-query"

#include "config.h"

#include "bjb-feedback-ops.h"
#include "bjb-feedback-query.h"
#include "bjb-records-format.h"

struct _BjbFeedbackQuery
{
  BjbRecordsQuery parent_instance;
};

enum { FILTER_FROM, FILTER_TO, N_FILTERS };

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbFeedbackQuery, bjb_feedback_query, BJB_TYPE_RECORDS_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

static void
bjb_feedback_query_fetch_async (BjbPagedQuery       *query,
                                BjbPagedRow         *after,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  BjbRecordsQuery *self = BJB_RECORDS_QUERY (query);

  bjb_feedback_ops_list_async (bjb_records_query_get_connection (self),
                               bjb_records_query_get_filter (self, FILTER_FROM),
                               bjb_records_query_get_filter (self, FILTER_TO),
                               after != NULL ? BJB_FEEDBACK_ENTRY (after) : NULL, limit,
                               cancellable, callback, user_data);
}

static GPtrArray *
bjb_feedback_query_fetch_finish (BjbPagedQuery  *query,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  GPtrArray *rows = bjb_feedback_ops_list_finish (result, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      BjbValueRow *row = g_ptr_array_index (rows, i);
      g_autofree char *at =
        bjb_records_format_time (bjb_value_row_get_string (row, BJB_FEEDBACK_ENTRY_FEEDBACK_AT));

      bjb_value_row_set_string (row, BJB_FEEDBACK_ENTRY_FEEDBACK_AT_TEXT, at);
    }
  return rows;
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->fetch_async = bjb_feedback_query_fetch_async;
  iface->fetch_finish = bjb_feedback_query_fetch_finish;
}

static void
bjb_feedback_query_class_init (BjbFeedbackQueryClass *klass)
{
  static const char *const filters[N_FILTERS] = { "from", "to" };

  bjb_records_query_class_install_filters (BJB_RECORDS_QUERY_CLASS (klass), filters, N_FILTERS);
}

static void
bjb_feedback_query_init (BjbFeedbackQuery *self)
{
}
