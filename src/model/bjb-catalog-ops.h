/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * The catalogue as the order desk and the admin's stock and discount pages read it:
 * categories and active products. Table reads whose grants (SELECT to admin, cs, courier)
 * and RLS are the gate; each statement is a constant in bjb-catalog-ops.c.
 */

/* Finish: (transfer full): BjbCategory items by name, first a "All categories" item
 * with id 0. */
void        bjb_catalog_ops_list_categories_async  (BjbConnection        *connection,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel *bjb_catalog_ops_list_categories_finish (GAsyncResult         *result,
                                                    GError              **error);

/*
 * bjb_catalog_ops_search_products_async:
 * @text: any part of the name, taken literally (no LIKE syntax); "" for all
 * @category_id: 0 for every category
 * @limit: at most this many (by name)
 *
 * Finish: (transfer full): BjbProductHit items with their price and stock texts.
 */
void        bjb_catalog_ops_search_products_async  (BjbConnection        *connection,
                                                    const char           *text,
                                                    gint64                category_id,
                                                    guint                 limit,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GListModel *bjb_catalog_ops_search_products_finish (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
