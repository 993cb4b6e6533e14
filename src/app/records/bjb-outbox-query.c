/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-outbox-query"

#include "config.h"

#include "bjb-message-admin-ops.h"
#include "bjb-outbox-query.h"
#include "bjb-records-format.h"

struct _BjbOutboxQuery
{
  BjbRecordsQuery parent_instance;

  /* Owned: the filters, NULL when off */
  char *statuses;
  char *channel;
  char *customer_id;
  char *kind;
};

G_DEFINE_FINAL_TYPE (BjbOutboxQuery, bjb_outbox_query, BJB_TYPE_RECORDS_QUERY)

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

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  BjbOutboxQuery *self = BJB_OUTBOX_QUERY (query);
  BjbMessageFilter filter = {
    .statuses = self->statuses,
    .channel = self->channel,
    .customer_id = self->customer_id != NULL ? g_ascii_strtoll (self->customer_id, NULL, 10) : 0,
    .kind = self->kind,
  };

  bjb_message_ops_list_async (connection, &filter, after != NULL ? BJB_OUTBOX_ROW (after) : NULL,
                              limit, cancellable, callback, user_data);
}

#define FILTER(field, name) \
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (BjbOutboxQuery, field), name)

static void
bjb_outbox_query_class_init (BjbOutboxQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_message_ops_list_finish;
  query_class->decorate = (GFunc) decorate;
  FILTER (statuses, "statuses");
  FILTER (channel, "channel");
  FILTER (customer_id, "customer-id");
  FILTER (kind, "kind");
}

#undef FILTER

static void
bjb_outbox_query_init (BjbOutboxQuery *self)
{
}
