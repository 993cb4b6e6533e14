/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-transaction-query"

#include "config.h"

#include "bjb-order-format.h"
#include "bjb-filter-query.h"
#include "bjb-transaction-query.h"

struct _BjbTransactionQuery
{
  BjbFilterQuery parent_instance;

  /* The ops call's filter itself; its strings are owned (field props) */
  BjbTransactionFilter filter;
};

G_DEFINE_FINAL_TYPE (BjbTransactionQuery, bjb_transaction_query, BJB_TYPE_FILTER_QUERY)

void
bjb_transaction_query_get_filter (BjbTransactionQuery  *self,
                                  BjbTransactionFilter *filter)
{
  g_return_if_fail (BJB_IS_TRANSACTION_QUERY (self));

  *filter = self->filter;
}

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  bjb_report_ops_transactions_async (connection, &BJB_TRANSACTION_QUERY (query)->filter,
                                     after != NULL ? BJB_REPORT_ROW (after) : NULL, limit,
                                     cancellable, callback, user_data);
}

static void
decorate (gpointer row,
          gpointer query)
{
  g_object_set (row, "status-label",
                bjb_order_status_label (bjb_report_row_get_text (row, "status")), NULL);
}

void
bjb_transaction_query_set_connection (BjbTransactionQuery *self,
                                      BjbConnection       *connection)
{
  g_return_if_fail (BJB_IS_TRANSACTION_QUERY (self));
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (self), connection);
}

#define TEXT_FILTER(field, name) \
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (BjbTransactionQuery, field), name)

static void
bjb_transaction_query_class_init (BjbTransactionQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_report_ops_transactions_finish;
  query_class->decorate = decorate;
  TEXT_FILTER (filter.from, "from");
  TEXT_FILTER (filter.to, "to");
  TEXT_FILTER (filter.status, "status");
  TEXT_FILTER (filter.courier, "courier");
  TEXT_FILTER (filter.delivery, "delivery");
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbTransactionQuery, filter.customer_id),
                              g_param_spec_int64 ("customer-id", NULL, NULL, -1, G_MAXINT64, 0,
                                                  BJB_FILTER_QUERY_PARAM_FLAGS));
}

#undef TEXT_FILTER

static void
bjb_transaction_query_init (BjbTransactionQuery *self)
{
}
