/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-count"

#include "config.h"

#include "bjb-money.h"
#include "bjb-field-row.h"
#include "bjb-stock-count.h"

struct _BjbStockCount
{
  BjbFieldRow parent_instance;

  gint64 product_id;
  char *name;
  char *unit;
  gint64 stock;
  char *stock_text;
  char *diff_text;
  char **diff_classes;
  gint64 counted;
};

G_DEFINE_FINAL_TYPE (BjbStockCount, bjb_stock_count, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbStockCount, field) }
static const BjbRowField fields[] = {
  F ("product-id", BJB_ROW_INT64, product_id),
  F ("name", BJB_ROW_STRING, name),
  F ("unit", BJB_ROW_STRING, unit),
  F ("stock", BJB_ROW_INT64, stock),
  F ("stock-text", BJB_ROW_STRING, stock_text),
  F ("diff-text", BJB_ROW_STRING, diff_text),
  F ("diff-classes", BJB_ROW_STRV, diff_classes),
};
#undef F

#define N_FIELDS G_N_ELEMENTS (fields)
#define PROP_COUNTED (N_FIELDS + 1)
#define PROP_DIFF_TEXT 6
#define PROP_DIFF_CLASSES 7

static GParamSpec *properties[N_FIELDS + 2];

static void
update_diff (BjbStockCount *self)
{
  gint64 diff = self->counted - self->stock;

  g_clear_pointer (&self->diff_text, g_free);
  g_clear_pointer (&self->diff_classes, g_strfreev);
  if (self->counted >= 0 && diff != 0)
    {
      g_autofree char *amount = bjb_money_format_plain (ABS (diff));

      self->diff_text = g_strconcat (diff < 0 ? "−" : "+", amount, NULL);
    }
  self->diff_classes = g_strsplit (diff < 0 ? "numeric catalog-stock-out"
                                            : "numeric catalog-stock-in", " ", -1);
}

static void
bjb_stock_count_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbStockCount *self = BJB_STOCK_COUNT (object);

  if (prop_id == PROP_COUNTED)
    g_value_set_int64 (value, self->counted);
  else if (!bjb_row_fields_get (self, fields, N_FIELDS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_stock_count_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbStockCount *self = BJB_STOCK_COUNT (object);

  if (prop_id == PROP_COUNTED)
    bjb_stock_count_set_counted (self, g_value_get_int64 (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_stock_count_class_init (BjbStockCountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, N_FIELDS, properties);
  object_class->get_property = bjb_stock_count_get_property;
  object_class->set_property = bjb_stock_count_set_property;
  g_assert (g_str_equal (properties[PROP_DIFF_TEXT]->name, "diff-text"));
  g_assert (g_str_equal (properties[PROP_DIFF_CLASSES]->name, "diff-classes"));
  properties[PROP_COUNTED] =
    g_param_spec_int64 ("counted", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_COUNTED, properties[PROP_COUNTED]);
}

static void
bjb_stock_count_init (BjbStockCount *self)
{
  self->counted = -1;
}

/**
 * bjb_stock_count_new:
 *
 * Returns: (transfer full): a line of a stocktake, not counted yet
 */
BjbStockCount *
bjb_stock_count_new (gint64      product_id,
                     const char *name,
                     const char *unit,
                     gint64      stock)
{
  BjbStockCount *self = g_object_new (BJB_TYPE_STOCK_COUNT, NULL);

  self->product_id = product_id;
  self->name = g_strdup (name);
  self->unit = g_strdup (unit);
  self->stock = stock;
  self->stock_text = bjb_money_format_plain (stock);
  update_diff (self);
  return self;
}

gint64
bjb_stock_count_get_product_id (BjbStockCount *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_COUNT (self), 0);
  return self->product_id;
}

const char *
bjb_stock_count_get_name (BjbStockCount *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_COUNT (self), NULL);
  return self->name;
}

gint64
bjb_stock_count_get_counted (BjbStockCount *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_COUNT (self), -1);
  return self->counted;
}

void
bjb_stock_count_set_counted (BjbStockCount *self,
                             gint64         counted)
{
  g_return_if_fail (BJB_IS_STOCK_COUNT (self));

  if (self->counted == counted)
    return;
  self->counted = counted;
  update_diff (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF_CLASSES]);
}

gboolean
bjb_stock_count_get_differs (BjbStockCount *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_COUNT (self), FALSE);
  return self->counted >= 0 && self->counted != self->stock;
}
