/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-query"

#include "config.h"

#include "bjb-customer-ops.h"
#include "bjb-customer-query.h"
#include "bjb-filter-query.h"

struct _BjbCustomerQuery
{
  BjbFilterQuery parent_instance;

  /* The ops call's filter itself and the sort; the strings are owned (field props) */
  BjbCustomerFilter filter;
  char *sort;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomerQuery, bjb_customer_query, BJB_TYPE_FILTER_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

/* BjbFilterQuery: straight through to the ops, whose _finish reads the answer. */

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  BjbCustomerQuery *self = BJB_CUSTOMER_QUERY (query);

  bjb_customer_ops_search_async (connection, &self->filter, self->sort,
                                 after != NULL ? BJB_CUSTOMER (after) : NULL, limit,
                                 cancellable, callback, user_data);
}

/* BjbPagedQuery: the count, over what BjbFilterQuery implements. */

static void
bjb_customer_query_count_async (BjbPagedQuery       *query,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  bjb_customer_ops_count_async (bjb_filter_query_get_connection (BJB_FILTER_QUERY (query)),
                                &BJB_CUSTOMER_QUERY (query)->filter, cancellable, callback,
                                user_data);
}

static gint64
bjb_customer_query_count_finish (BjbPagedQuery  *query,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return bjb_customer_ops_count_finish (result, error);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->count_async = bjb_customer_query_count_async;
  iface->count_finish = bjb_customer_query_count_finish;
}

/* GObject */

#define FILTER(field, pspec) \
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbCustomerQuery, field), pspec)

static void
bjb_customer_query_class_init (BjbCustomerQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);
  GParamFlags rw = BJB_FILTER_QUERY_PARAM_FLAGS;

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_customer_ops_search_finish;

  FILTER (filter.text, g_param_spec_string ("text", NULL, NULL, NULL, rw));
  FILTER (filter.status, g_param_spec_string ("status", NULL, NULL, NULL, rw));
  FILTER (filter.loyal_only, g_param_spec_boolean ("loyal-only", NULL, NULL, FALSE, rw));
  FILTER (filter.product_id, g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw));
  FILTER (filter.birthday_days, g_param_spec_int ("birthday-days", NULL, NULL, 0, 366, 0, rw));
  FILTER (sort, g_param_spec_string ("sort", NULL, NULL, "name", rw));
}

#undef FILTER

static void
bjb_customer_query_init (BjbCustomerQuery *self)
{
  self->sort = g_strdup ("name");
}

/**
 * bjb_customer_query_new:
 * @connection: (nullable): the connection the list reads through
 *
 * Returns: (transfer full): a new query with no filters, sorted by name
 */
BjbCustomerQuery *
bjb_customer_query_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_CUSTOMER_QUERY, "connection", connection, NULL);
}

BjbConnection *
bjb_customer_query_get_connection (BjbCustomerQuery *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_QUERY (self), NULL);
  return bjb_filter_query_get_connection (BJB_FILTER_QUERY (self));
}

void
bjb_customer_query_set_connection (BjbCustomerQuery *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (self), connection);
}

void
bjb_customer_query_set_text (BjbCustomerQuery *self,
                             const char       *text)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  g_object_set (self, "text", text, NULL);
}

void
bjb_customer_query_set_sort (BjbCustomerQuery *self,
                             const char       *sort)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  g_object_set (self, "sort", sort, NULL);
}
