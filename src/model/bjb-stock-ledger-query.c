/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-ledger-query"

#include "config.h"

#include "bjb-paged-query.h"
#include "bjb-product-ops.h"
#include "bjb-stock-ledger-query.h"

struct _BjbStockLedgerQuery
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  gint64 product_id;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbStockLedgerQuery, bjb_stock_ledger_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_PRODUCT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* BjbPagedQuery: straight through to the ops, whose _finish reads the answer. */

static gboolean
bjb_stock_ledger_query_can_fetch (BjbPagedQuery *query)
{
  return BJB_STOCK_LEDGER_QUERY (query)->connection != NULL;
}

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
  bjb_product_ops_stock_ledger_async (self->connection, self->product_id,
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
  iface->can_fetch = bjb_stock_ledger_query_can_fetch;
  iface->fetch_async = bjb_stock_ledger_query_fetch_async;
  iface->fetch_finish = bjb_stock_ledger_query_fetch_finish;
}

/* GObject */

static void
bjb_stock_ledger_query_dispose (GObject *object)
{
  BjbStockLedgerQuery *self = (BjbStockLedgerQuery *)object;

  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_stock_ledger_query_parent_class)->dispose (object);
}

static void
bjb_stock_ledger_query_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BjbStockLedgerQuery *self = BJB_STOCK_LEDGER_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_stock_ledger_query_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BjbStockLedgerQuery *self = BJB_STOCK_LEDGER_QUERY (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_CONNECTION:
      changed = g_set_object (&self->connection, g_value_get_object (value));
      break;
    case PROP_PRODUCT_ID:
      changed = self->product_id != g_value_get_int64 (value);
      self->product_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bjb_stock_ledger_query_class_init (BjbStockLedgerQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispatch_properties_changed = bjb_paged_query_dispatch_properties_changed;
  object_class->dispose = bjb_stock_ledger_query_dispose;
  object_class->get_property = bjb_stock_ledger_query_get_property;
  object_class->set_property = bjb_stock_ledger_query_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION, rw);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
