/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-hit"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"
#include "bjb-product-hit.h"

struct _BjbProductHit
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *name;
  char *category;
  char *unit;
  gint64 price;
  char *price_text;
  gint64 stock;
  char *stock_text;
};

G_DEFINE_FINAL_TYPE (BjbProductHit, bjb_product_hit, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbProductHit, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("name", BJB_ROW_STRING, name),
  F ("category", BJB_ROW_STRING, category),
  F ("unit", BJB_ROW_STRING, unit),
  F ("price", BJB_ROW_INT64, price),
  F ("price-text", BJB_ROW_STRING, price_text),
  F ("stock", BJB_ROW_INT64, stock),
  F ("stock-text", BJB_ROW_STRING, stock_text),
};
#undef F

static void
bjb_product_hit_class_init (BjbProductHitClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_product_hit_init (BjbProductHit *self)
{
}

BjbProductHit *
bjb_product_hit_new_from_result (BjbResult *result,
                                 guint      row)
{
  BjbProductHit *self = bjb_field_row_new_from_result (BJB_TYPE_PRODUCT_HIT, result, row);
  g_autofree char *price = NULL;

  price = bjb_money_format (self->price);
  self->price_text = g_strdup_printf ("%s / %s", price, self->unit);
  self->stock_text = bjb_product_hit_format_stock (self->stock, self->unit);
  return self;
}

char *
bjb_product_hit_format_stock (gint64      stock,
                              const char *unit)
{
  g_autofree char *count = NULL;

  if (stock <= 0)
    return g_strdup (_("Out of stock"));
  count = bjb_money_format_plain (stock);
  return g_strdup_printf ("%s %s", count, unit);
}

gint64
bjb_product_hit_get_id (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), 0);
  return self->id;
}

const char *
bjb_product_hit_get_name (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->name;
}

const char *
bjb_product_hit_get_price_text (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->price_text;
}

gint64
bjb_product_hit_get_stock (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), 0);
  return self->stock;
}
