/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-hit"

#include "config.h"

#include "bjb-product-hit.h"

struct _BjbProductHit
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *category;
  char *unit;
  gint64 price;
  char *price_text;
  gint64 stock;
  char *stock_text;
};

G_DEFINE_FINAL_TYPE (BjbProductHit, bjb_product_hit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_PRICE,
  PROP_PRICE_TEXT,
  PROP_STOCK,
  PROP_STOCK_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_product_hit_finalize (GObject *object)
{
  BjbProductHit *self = (BjbProductHit *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->price_text, g_free);
  g_clear_pointer (&self->stock_text, g_free);

  G_OBJECT_CLASS (bjb_product_hit_parent_class)->finalize (object);
}

static void
bjb_product_hit_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbProductHit *self = (BjbProductHit *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_PRICE:
      g_value_set_int64 (value, self->price);
      break;
    case PROP_PRICE_TEXT:
      g_value_set_string (value, self->price_text);
      break;
    case PROP_STOCK:
      g_value_set_int64 (value, self->stock);
      break;
    case PROP_STOCK_TEXT:
      g_value_set_string (value, self->stock_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_product_hit_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbProductHit *self = (BjbProductHit *) object;

  switch (prop_id)
    {
    case PROP_ID:
      bjb_product_hit_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      bjb_product_hit_set_name (self, g_value_get_string (value));
      break;
    case PROP_CATEGORY:
      bjb_product_hit_set_category (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      bjb_product_hit_set_unit (self, g_value_get_string (value));
      break;
    case PROP_PRICE:
      bjb_product_hit_set_price (self, g_value_get_int64 (value));
      break;
    case PROP_PRICE_TEXT:
      bjb_product_hit_set_price_text (self, g_value_get_string (value));
      break;
    case PROP_STOCK:
      bjb_product_hit_set_stock (self, g_value_get_int64 (value));
      break;
    case PROP_STOCK_TEXT:
      bjb_product_hit_set_stock_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_product_hit_class_init (BjbProductHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_product_hit_finalize;
  object_class->get_property = bjb_product_hit_get_property;
  object_class->set_property = bjb_product_hit_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE] =
    g_param_spec_int64 ("price", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_TEXT] =
    g_param_spec_string ("price-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STOCK] =
    g_param_spec_int64 ("stock", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STOCK_TEXT] =
    g_param_spec_string ("stock-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_product_hit_init (BjbProductHit *self)
{
}

BjbProductHit *
bjb_product_hit_new (void)
{
  return g_object_new (BJB_TYPE_PRODUCT_HIT, NULL);
}

gint64
bjb_product_hit_get_id (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), 0);
  return self->id;
}

void
bjb_product_hit_set_id (BjbProductHit *self,
                         gint64 value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
bjb_product_hit_get_name (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->name;
}

void
bjb_product_hit_set_name (BjbProductHit *self,
                           const char *value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
bjb_product_hit_get_category (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->category;
}

void
bjb_product_hit_set_category (BjbProductHit *self,
                               const char *value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (g_strcmp0 (self->category, value) == 0)
    return;
  g_free (self->category);
  self->category = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

const char *
bjb_product_hit_get_unit (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->unit;
}

void
bjb_product_hit_set_unit (BjbProductHit *self,
                           const char *value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (g_strcmp0 (self->unit, value) == 0)
    return;
  g_free (self->unit);
  self->unit = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

gint64
bjb_product_hit_get_price (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), 0);
  return self->price;
}

void
bjb_product_hit_set_price (BjbProductHit *self,
                            gint64 value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (self->price == value)
    return;
  self->price = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE]);
}

const char *
bjb_product_hit_get_price_text (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->price_text;
}

void
bjb_product_hit_set_price_text (BjbProductHit *self,
                                 const char *value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (g_strcmp0 (self->price_text, value) == 0)
    return;
  g_free (self->price_text);
  self->price_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_TEXT]);
}

gint64
bjb_product_hit_get_stock (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), 0);
  return self->stock;
}

void
bjb_product_hit_set_stock (BjbProductHit *self,
                            gint64 value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (self->stock == value)
    return;
  self->stock = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOCK]);
}

const char *
bjb_product_hit_get_stock_text (BjbProductHit *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_HIT (self), NULL);
  return self->stock_text;
}

void
bjb_product_hit_set_stock_text (BjbProductHit *self,
                                 const char *value)
{
  g_return_if_fail (BJB_IS_PRODUCT_HIT (self));
  if (g_strcmp0 (self->stock_text, value) == 0)
    return;
  g_free (self->stock_text);
  self->stock_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOCK_TEXT]);
}
