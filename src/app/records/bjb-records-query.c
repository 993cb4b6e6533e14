/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-records-query"

#include "config.h"

#include "bjb-records-query.h"

G_DEFINE_ABSTRACT_TYPE (BjbRecordsQuery, bjb_records_query, BJB_TYPE_FILTER_QUERY)

static void
bjb_records_query_class_init (BjbRecordsQueryClass *klass)
{
}

static void
bjb_records_query_init (BjbRecordsQuery *self)
{
}

BjbConnection *
bjb_records_query_get_connection (BjbRecordsQuery *self)
{
  g_return_val_if_fail (BJB_IS_RECORDS_QUERY (self), NULL);
  return bjb_filter_query_get_connection (BJB_FILTER_QUERY (self));
}

void
bjb_records_query_set_connection (BjbRecordsQuery *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_RECORDS_QUERY (self));
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (self), connection);
}
