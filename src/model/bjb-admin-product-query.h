/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_ADMIN_PRODUCT_QUERY (bjb_admin_product_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbAdminProductQuery, bjb_admin_product_query, BJB, ADMIN_PRODUCT_QUERY,
                      BjbFilterQuery)

/*
 * BjbAdminProductQuery: the BjbPagedQuery of the admin's products and stock lists, over
 * bjb.list_products (low stock first, then by name). Filters are properties: "connection",
 * "search" (a literal part of the name), "category-id" (0: all), "active" (-1 any, 0
 * inactive, 1 active).
 *
 * bjb.list_products answers a whole catalogue at once (≤ 2000 rows, 0007: a shop has
 * hundreds, not millions), without a keyset. So the first page reads it all and keeps it;
 * the following pages are slices of that answer (no second round trip), and a refresh or a
 * new filter reads it again.
 */
BjbAdminProductQuery *bjb_admin_product_query_new (BjbConnection *connection);

G_END_DECLS
