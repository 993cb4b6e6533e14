/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_ADMIN_PRODUCT (bjb_admin_product_get_type ())
G_DECLARE_FINAL_TYPE (BjbAdminProduct, bjb_admin_product, BJB, ADMIN_PRODUCT, BjbFieldRow)

/*
 * One product as the admin's products and stock pages show it (a row of bjb.list_products),
 * a BjbPagedRow. Read-only properties the .ui binds: "id", "name", "category-id",
 * "category-name", "unit", "price", "price-text" (Rp 2.500), "stock", "stock-text",
 * "low-stock", "low-stock-text" ("Low" or ""), "stock-classes" (the highlight of a low row),
 * "active", "active-text", "description", "has-photo", "version" (what save_product checks),
 * "edited-text" (who last saved it, when).
 */
BjbAdminProduct *bjb_admin_product_new_from_result (BjbResult       *result,
                                                    guint            row);
gint64      bjb_admin_product_get_id            (BjbAdminProduct *self);
const char *bjb_admin_product_get_name          (BjbAdminProduct *self);
gint64      bjb_admin_product_get_category_id   (BjbAdminProduct *self);
const char *bjb_admin_product_get_unit          (BjbAdminProduct *self);
gint64      bjb_admin_product_get_price         (BjbAdminProduct *self);
gint64      bjb_admin_product_get_stock         (BjbAdminProduct *self);
gboolean    bjb_admin_product_get_low_stock     (BjbAdminProduct *self);
gboolean    bjb_admin_product_get_active        (BjbAdminProduct *self);
const char *bjb_admin_product_get_description   (BjbAdminProduct *self);
gboolean    bjb_admin_product_get_has_photo     (BjbAdminProduct *self);
int         bjb_admin_product_get_version       (BjbAdminProduct *self);

G_END_DECLS
