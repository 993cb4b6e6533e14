/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BJB_TYPE_PRODUCT_HIT (bjb_product_hit_get_type ())
G_DECLARE_FINAL_TYPE (BjbProductHit, bjb_product_hit, BJB, PRODUCT_HIT, GObject)

/* A product found by the new-order product search.
 * Plain properties so GtkColumnView cells bind to them from the .ui. */
BjbProductHit *bjb_product_hit_new (void);
gint64 bjb_product_hit_get_id (BjbProductHit *self);
void bjb_product_hit_set_id (BjbProductHit *self, gint64 value);
const char *bjb_product_hit_get_name (BjbProductHit *self);
void bjb_product_hit_set_name (BjbProductHit *self, const char *value);
const char *bjb_product_hit_get_category (BjbProductHit *self);
void bjb_product_hit_set_category (BjbProductHit *self, const char *value);
const char *bjb_product_hit_get_unit (BjbProductHit *self);
void bjb_product_hit_set_unit (BjbProductHit *self, const char *value);
gint64 bjb_product_hit_get_price (BjbProductHit *self);
void bjb_product_hit_set_price (BjbProductHit *self, gint64 value);
const char *bjb_product_hit_get_price_text (BjbProductHit *self);
void bjb_product_hit_set_price_text (BjbProductHit *self, const char *value);
gint64 bjb_product_hit_get_stock (BjbProductHit *self);
void bjb_product_hit_set_stock (BjbProductHit *self, gint64 value);
const char *bjb_product_hit_get_stock_text (BjbProductHit *self);
void bjb_product_hit_set_stock_text (BjbProductHit *self, const char *value);

G_END_DECLS
