/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"
#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_PRODUCT_HIT (bjb_product_hit_get_type ())
G_DECLARE_FINAL_TYPE (BjbProductHit, bjb_product_hit, BJB, PRODUCT_HIT, BjbFieldRow)

/* A product found by the new-order product search (a row of bjb.search_products).
 * Read-only properties "id", "name", "category", "unit", "price", "price-text"
 * ("Rp 4.500 / pcs"), "stock", "stock-text" ("120 pcs", "Out of stock"), so GtkColumnView
 * cells bind to them from the .ui. */
BjbProductHit *bjb_product_hit_new_from_result (BjbResult     *result,
                                                guint          row);
gint64      bjb_product_hit_get_id         (BjbProductHit *self);
const char *bjb_product_hit_get_name       (BjbProductHit *self);
const char *bjb_product_hit_get_price_text (BjbProductHit *self);
gint64      bjb_product_hit_get_stock      (BjbProductHit *self);

/* (transfer full): "stock-text": "5.000 pcs", grouped as every other count of the program,
 * or "Out of stock" for none. */
char       *bjb_product_hit_format_stock   (gint64         stock,
                                            const char    *unit);

G_END_DECLS
