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

G_DEFINE_FINAL_TYPE (BjbStockLedgerQuery, bjb_stock_ledger_query, BJB_TYPE_FILTER_QUERY)

/* BjbFilterQuery: straight through to the ops, whose _finish reads the answer. */

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  BjbStockLedgerQuery *self = BJB_STOCK_LEDGER_QUERY (query);

  /* stock_ledger answers at most 500 rows a call. */
  bjb_product_ops_stock_ledger_async (connection, self->product_id,
                                      after != NULL ? bjb_paged_row_get_id (after) : 0,
                                      MIN (limit, 500), cancellable, callback, user_data);
}

/* GObject */

static void
bjb_stock_ledger_query_class_init (BjbStockLedgerQueryClass *klass)
{
  BJB_FILTER_QUERY_CLASS (klass)->fetch = fetch_async;
  BJB_FILTER_QUERY_CLASS (klass)->fetch_finish = bjb_product_ops_stock_ledger_finish;
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
