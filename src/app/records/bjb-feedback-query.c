/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-query"

#include "config.h"

#include "bjb-feedback-ops.h"
#include "bjb-feedback-query.h"
#include "bjb-records-format.h"

struct _BjbFeedbackQuery
{
  BjbRecordsQuery parent_instance;

  /* Owned: the filters, NULL when off */
  char *from;
  char *to;
};

G_DEFINE_FINAL_TYPE (BjbFeedbackQuery, bjb_feedback_query, BJB_TYPE_RECORDS_QUERY)

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  BjbFeedbackQuery *self = BJB_FEEDBACK_QUERY (query);

  bjb_feedback_ops_list_async (connection, self->from, self->to,
                               after != NULL ? BJB_FEEDBACK_ENTRY (after) : NULL, limit,
                               cancellable, callback, user_data);
}

static void
decorate (gpointer row,
          gpointer query)
{
  g_autofree char *at =
    bjb_records_format_time (bjb_value_row_get_string (row, BJB_FEEDBACK_ENTRY_FEEDBACK_AT));

  bjb_value_row_set_string (row, BJB_FEEDBACK_ENTRY_FEEDBACK_AT_TEXT, at);
}

static void
bjb_feedback_query_class_init (BjbFeedbackQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_feedback_ops_list_finish;
  query_class->decorate = decorate;
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (BjbFeedbackQuery, from), "from");
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (BjbFeedbackQuery, to), "to");
}

static void
bjb_feedback_query_init (BjbFeedbackQuery *self)
{
}
