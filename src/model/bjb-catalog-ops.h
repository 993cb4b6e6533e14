/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * The catalogue as the order desk and the admin's stock and discount pages read it:
 * categories and active products. Table reads whose grants (SELECT to admin, cs, courier)
 * and RLS are the gate; each statement is a constant in bjb-catalog-ops.c.
 */

/* Finish: (transfer full): BjbCategory items by name, first a "All categories" item
 * with id 0. */
BJB_OPS_DECLARE (GListModel *, bjb_catalog_ops_list_categories);

/*
 * bjb_catalog_ops_search_products_async:
 * @text: any part of the name, taken literally (no LIKE syntax); "" for all
 * @category_id: 0 for every category
 * @limit: at most this many (by name)
 *
 * Finish: (transfer full): BjbProductHit items with their price and stock texts.
 */
BJB_OPS_DECLARE (GListModel *, bjb_catalog_ops_search_products, const char *text,
                 gint64 category_id, guint limit);

G_END_DECLS
