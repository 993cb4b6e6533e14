/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bjb-field-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_BEST_SELLER (bjb_best_seller_get_type ())
G_DECLARE_FINAL_TYPE (BjbBestSeller, bjb_best_seller, BJB, BEST_SELLER, BjbFieldRow)

/*
 * BjbBestSeller: one row of bjb.best_sellers (a product) or of bjb.best_seller_categories
 * (a category subtotal, "is-category"), immutable. Read-only properties, for the columns:
 *   "rank" (int, 0 for a category), "name" (product or category), "category" (the
 *   product's category; for a subtotal "N products"), "qty" (gint64), "unit" (nullable: a
 *   category whose products use different units), "revenue" (gint64 rupiah), "share"
 *   (double 0–1 of the period's revenue), and the texts the cells show:
 *   "qty-text" ("1.250 m2", "" without a unit), "revenue-text" ("Rp 1.250.000"),
 *   "share-text" ("12,5 %"; Rupiah figures read the Indonesian way in both languages).
 */

/* Returns: (transfer full): the row in @object (a jsonb row of either function) */
BjbBestSeller *bjb_best_seller_new_from_json (JsonObject    *object,
                                              gboolean       is_category);

gint64         bjb_best_seller_get_id        (BjbBestSeller *self);
int            bjb_best_seller_get_rank      (BjbBestSeller *self);
const char    *bjb_best_seller_get_name      (BjbBestSeller *self);
gint64         bjb_best_seller_get_revenue   (BjbBestSeller *self);
gboolean       bjb_best_seller_get_is_category (BjbBestSeller *self);

/* (transfer full): "12,5 %" for 0.125 (one decimal, comma) */
char          *bjb_best_seller_format_share  (double         share);

G_END_DECLS
