/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-admin-category.h"
#include "bjb-admin-product.h"
#include "bjb-connection.h"
#include "bjb-image.h"
#include "bjb-price-change.h"
#include "bjb-stock-count.h"
#include "bjb-stock-movement.h"

G_BEGIN_DECLS

/*
 * The admin's catalogue and stock: every statement of the products and stock pages, on
 * 0007's functions (save_product, set_product_photo, price_history, list_products,
 * save_category, delete_category, adjust_stock, apply_stocktake, stock_ledger) and 0013's
 * reads (admin_categories, product_photo). Each statement is a constant in
 * bjb-product-ops.c; the desk's catalogue reads stay in bjb-catalog-ops.
 */

/* What the products form saves; id 0 creates, version is the one the form was loaded with. */
typedef struct
{
  gint64      id;
  int         version;
  gint64      category_id;
  const char *name;
  const char *unit;
  gint64      price;
  const char *description;
  gboolean    active;
} BjbProductEdit;

/* @active: -1 any, 0 inactive only, 1 active only; @category_id 0: every category.
 * Finish: (transfer full): BjbAdminProduct items, low stock first then by name (≤ 2000), each
 * made when first asked for (a BjbResultRows). */
void       bjb_product_ops_list_products_async   (BjbConnection        *connection,
                                                  const char           *search,
                                                  gint64                category_id,
                                                  int                   active,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel *bjb_product_ops_list_products_finish (GAsyncResult         *result,
                                                  GError              **error);

/* Finish: the product's id (0 with @error set); *@version the version to save next. */
void       bjb_product_ops_save_product_async    (BjbConnection        *connection,
                                                  const BjbProductEdit *edit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64     bjb_product_ops_save_product_finish   (GAsyncResult         *result,
                                                  int                  *version,
                                                  GError              **error);

/* @image: (nullable): NULL removes the photo. */
void       bjb_product_ops_set_photo_async       (BjbConnection        *connection,
                                                  gint64                product_id,
                                                  BjbImage             *image,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean   bjb_product_ops_set_photo_finish      (GAsyncResult         *result,
                                                  GError              **error);

/* Finish: (transfer full) (nullable): the stored JPEG; NULL without @error: none stored. */
void       bjb_product_ops_get_photo_async       (BjbConnection        *connection,
                                                  gint64                product_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GBytes    *bjb_product_ops_get_photo_finish      (GAsyncResult         *result,
                                                  GError              **error);

/* Finish: (transfer full): BjbPriceChange items, newest first. */
void        bjb_product_ops_price_history_async  (BjbConnection        *connection,
                                                  gint64                product_id,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GListModel *bjb_product_ops_price_history_finish (GAsyncResult         *result,
                                                  GError              **error);

/* Finish: (transfer full): BjbAdminCategory items by name. */
void        bjb_product_ops_list_categories_async  (BjbConnection      *connection,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
GListModel *bjb_product_ops_list_categories_finish (GAsyncResult       *result,
                                                    GError            **error);

/* @id 0 creates. Finish: the category's id, 0 with @error set. */
void       bjb_product_ops_save_category_async   (BjbConnection        *connection,
                                                  gint64                id,
                                                  int                   version,
                                                  const char           *name,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64     bjb_product_ops_save_category_finish  (GAsyncResult         *result,
                                                  GError              **error);
void       bjb_product_ops_delete_category_async (BjbConnection        *connection,
                                                  gint64                id,
                                                  int                   version,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean   bjb_product_ops_delete_category_finish (GAsyncResult        *result,
                                                   GError             **error);

/* @reason: restock, damaged, stocktake, correction, return. Finish: the new stock, -1 with
 * @error set. */
void       bjb_product_ops_adjust_stock_async    (BjbConnection        *connection,
                                                  gint64                product_id,
                                                  gint64                delta,
                                                  const char           *reason,
                                                  const char           *note,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64     bjb_product_ops_adjust_stock_finish   (GAsyncResult         *result,
                                                  GError              **error);

/* @counts: BjbStockCount lines, each counted (every one is sent: all or nothing).
 * Finish: how many products changed, -1 with @error set. */
void       bjb_product_ops_apply_stocktake_async  (BjbConnection       *connection,
                                                   GPtrArray           *counts,
                                                   const char          *note,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
int        bjb_product_ops_apply_stocktake_finish (GAsyncResult        *result,
                                                   GError             **error);

/* @product_id 0: every product; @before_id 0: from the newest.
 * Finish: (transfer full): BjbStockMovement rows, newest first. */
void       bjb_product_ops_stock_ledger_async    (BjbConnection        *connection,
                                                  gint64                product_id,
                                                  gint64                before_id,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *bjb_product_ops_stock_ledger_finish   (GAsyncResult         *result,
                                                  GError              **error);

/*
 * bjb_product_ops_stale_edit_sentence:
 *
 * For a BJ020 refusal (somebody saved the row since the form was loaded): "Changed by X at
 * T…", from the server's DETAIL, in the UI's language. Returns: (transfer full) (nullable):
 * NULL for any other error
 */
char      *bjb_product_ops_stale_edit_sentence   (const GError         *error);

G_END_DECLS
