/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-admin-category.h"
#include "bjb-admin-product.h"
#include "bjb-ops-query.h"
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
BJB_OPS_DECLARE (GListModel *, bjb_product_ops_list_products, const char *search,
                 gint64 category_id, int active);

/* Finish: the product's id (0 with @error set); *@version the version to save next. */
BJB_OPS_ASYNC (bjb_product_ops_save_product, const BjbProductEdit *edit);
BJB_OPS_FINISH (gint64, bjb_product_ops_save_product, int *version);

/* @image: (nullable): NULL removes the photo. */
BJB_OPS_DECLARE (gboolean, bjb_product_ops_set_photo, gint64 product_id, BjbImage *image);

/* Finish: (transfer full) (nullable): the stored JPEG; NULL without @error: none stored. */
BJB_OPS_DECLARE (GBytes *, bjb_product_ops_get_photo, gint64 product_id);

/* Finish: (transfer full): BjbPriceChange items, newest first. */
BJB_OPS_DECLARE (GListModel *, bjb_product_ops_price_history, gint64 product_id);

/* Finish: (transfer full): BjbAdminCategory items by name. */
BJB_OPS_DECLARE (GListModel *, bjb_product_ops_list_categories);

/* @id 0 creates. Finish: the category's id, 0 with @error set. */
BJB_OPS_DECLARE (gint64, bjb_product_ops_save_category, gint64 id, int version, const char *name);
BJB_OPS_DECLARE (gboolean, bjb_product_ops_delete_category, gint64 id, int version);

/* @reason: restock, damaged, stocktake, correction, return. Finish: the new stock, -1 with
 * @error set. */
BJB_OPS_DECLARE (gint64, bjb_product_ops_adjust_stock, gint64 product_id, gint64 delta,
                 const char *reason, const char *note);

/* @counts: BjbStockCount lines, each counted (every one is sent: all or nothing).
 * Finish: how many products changed, -1 with @error set. */
BJB_OPS_DECLARE (int, bjb_product_ops_apply_stocktake, GPtrArray *counts, const char *note);

/* @product_id 0: every product; @before_id 0: from the newest.
 * Finish: (transfer full): BjbStockMovement rows, newest first. */
BJB_OPS_DECLARE (GPtrArray *, bjb_product_ops_stock_ledger, gint64 product_id, gint64 before_id,
                 guint limit);

/*
 * bjb_product_ops_stale_edit_sentence:
 *
 * For a BJ020 refusal (somebody saved the row since the form was loaded): "Changed by X at
 * T…", from the server's DETAIL, in the UI's language. Returns: (transfer full) (nullable):
 * NULL for any other error
 */
char      *bjb_product_ops_stale_edit_sentence   (const GError         *error);

G_END_DECLS
