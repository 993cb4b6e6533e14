/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-ledger-query"

#include "config.h"

#include "bjb-filter-query.h"
#include "bjb-product-ops.h"
#include "bjb-stock-ledger-query.h"

struct _BjbStockLedgerQuery
{
  BjbFilterQuery parent_instance;

  gint64 product_id;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbStockLedgerQuery, bjb_stock_ledger_query,
                               BJB_TYPE_FILTER_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

/* BjbPagedQuery: straight through to the ops, whose _finish reads the answer. */

static void
bjb_stock_ledger_query_fetch_async (BjbPagedQuery       *query,
                                    BjbPagedRow         *after,
                                    guint                limit,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  BjbStockLedgerQuery *self = BJB_STOCK_LEDGER_QUERY (query);

  /* stock_ledger answers at most 500 rows a call. */
  bjb_product_ops_stock_ledger_async (bjb_filter_query_get_connection (BJB_FILTER_QUERY (self)),
                                      self->product_id,
                                      after != NULL ? bjb_paged_row_get_id (after) : 0,
                                      MIN (limit, 500), cancellable, callback, user_data);
}

static GPtrArray *
bjb_stock_ledger_query_fetch_finish (BjbPagedQuery  *query,
                                     GAsyncResult   *result,
                                     GError        **error)
{
  return bjb_product_ops_stock_ledger_finish (result, error);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_filter_query_can_fetch;
  iface->fetch_async = bjb_stock_ledger_query_fetch_async;
  iface->fetch_finish = bjb_stock_ledger_query_fetch_finish;
}

/* GObject */

static void
bjb_stock_ledger_query_class_init (BjbStockLedgerQueryClass *klass)
{
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbStockLedgerQuery, product_id),
                              g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                  BJB_FILTER_QUERY_PARAM_FLAGS));
}

static void
bjb_stock_ledger_query_init (BjbStockLedgerQuery *self)
{
}

/**
 * bjb_stock_ledger_query_new:
 * @connection: (nullable): the connection the ledger reads through
 *
 * Returns: (transfer full): a query of every product's movements
 */
BjbStockLedgerQuery *
bjb_stock_ledger_query_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_STOCK_LEDGER_QUERY, "connection", connection, NULL);
}
