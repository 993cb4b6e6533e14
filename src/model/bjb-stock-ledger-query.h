/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_LEDGER_QUERY (bjb_stock_ledger_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbStockLedgerQuery, bjb_stock_ledger_query, BJB, STOCK_LEDGER_QUERY,
                      BjbFilterQuery)

/*
 * BjbStockLedgerQuery: the BjbPagedQuery of the stock page's ledger, over bjb.stock_ledger,
 * newest first, keyset on the movement id (page 1000 costs what page 1 does, at millions of
 * movements). Properties: "connection", "product-id" (0: every product).
 */
BjbStockLedgerQuery *bjb_stock_ledger_query_new (BjbConnection *connection);

G_END_DECLS
