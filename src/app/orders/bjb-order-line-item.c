/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-line-item"

#include "config.h"

#include "bjb-field-props.h"
#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-order-line-item.h"

struct _BjbOrderLineItem
{
  GObject parent_instance;

  gint64 product_id;
  char *name;
  gint64 qty;
  gint64 stock;
  char *qty_text;
  char *price_text;
  char *subtotal_text;
  char *discount_text;
  char *reason;
  gboolean has_reason;
  char *total_text;
};

G_DEFINE_FINAL_TYPE (BjbOrderLineItem, bjb_order_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PRODUCT_ID,
  PROP_NAME,
  PROP_QTY,
  PROP_STOCK,
  PROP_QTY_TEXT,
  PROP_PRICE_TEXT,
  PROP_SUBTOTAL_TEXT,
  PROP_DISCOUNT_TEXT,
  PROP_REASON,
  PROP_HAS_REASON,
  PROP_TOTAL_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_order_line_item_finalize (GObject *object)
{
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_order_line_item_parent_class)->finalize (object);
}

static void
bjb_order_line_item_class_init (BjbOrderLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_order_line_item_finalize;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;

  BJB_FIELD_PROP (BjbOrderLineItem, PROP_PRODUCT_ID, product_id,
                  g_param_spec_int64 ("product-id", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_NAME, name,
                  g_param_spec_string ("name", NULL, NULL, NULL, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_QTY, qty,
                  g_param_spec_int64 ("qty", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_STOCK, stock,
                  g_param_spec_int64 ("stock", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_QTY_TEXT, qty_text,
                  g_param_spec_string ("qty-text", NULL, NULL, NULL, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_PRICE_TEXT, price_text,
                  g_param_spec_string ("price-text", NULL, NULL, NULL, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_SUBTOTAL_TEXT, subtotal_text,
                  g_param_spec_string ("subtotal-text", NULL, NULL, NULL, flags));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_DISCOUNT_TEXT, discount_text,
                  g_param_spec_string ("discount-text", NULL, NULL, NULL, flags));
  /* Read-only: set_discount() writes it with has-reason, which must never disagree. */
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_REASON, reason,
                  g_param_spec_string ("reason", NULL, NULL, NULL,
                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Whether the line has a discount rule to show (a cell hides the rule's line without). */
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_HAS_REASON, has_reason,
                  g_param_spec_boolean ("has-reason", NULL, NULL, FALSE,
                                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  BJB_FIELD_PROP (BjbOrderLineItem, PROP_TOTAL_TEXT, total_text,
                  g_param_spec_string ("total-text", NULL, NULL, NULL, flags));
}

static void
bjb_order_line_item_init (BjbOrderLineItem *self)
{
}

BjbOrderLineItem *
bjb_order_line_item_new (void)
{
  return g_object_new (BJB_TYPE_ORDER_LINE_ITEM, NULL);
}

gint64
bjb_order_line_item_get_product_id (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), 0);
  return self->product_id;
}

void
bjb_order_line_item_set_product_id (BjbOrderLineItem *self,
                                    gint64            value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_int64 (self, properties[PROP_PRODUCT_ID], value);
}

const char *
bjb_order_line_item_get_name (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->name;
}

void
bjb_order_line_item_set_name (BjbOrderLineItem *self,
                              const char       *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_string (self, properties[PROP_NAME], value);
}

gint64
bjb_order_line_item_get_qty (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), 0);
  return self->qty;
}

void
bjb_order_line_item_set_qty (BjbOrderLineItem *self,
                             gint64            value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_int64 (self, properties[PROP_QTY], value);
}

gint64
bjb_order_line_item_get_stock (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), 0);
  return self->stock;
}

void
bjb_order_line_item_set_stock (BjbOrderLineItem *self,
                               gint64            value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_int64 (self, properties[PROP_STOCK], value);
}

void
bjb_order_line_item_set_qty_text (BjbOrderLineItem *self,
                                  const char       *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_string (self, properties[PROP_QTY_TEXT], value);
}

void
bjb_order_line_item_set_price_text (BjbOrderLineItem *self,
                                    const char       *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_string (self, properties[PROP_PRICE_TEXT], value);
}

void
bjb_order_line_item_set_subtotal_text (BjbOrderLineItem *self,
                                       const char       *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  bjb_field_props_set_string (self, properties[PROP_SUBTOTAL_TEXT], value);
}

const char *
bjb_order_line_item_get_discount_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->discount_text;
}

const char *
bjb_order_line_item_get_reason (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->reason;
}

void
bjb_order_line_item_set_discount (BjbOrderLineItem *self,
                                  gint64            amount,
                                  gint64            percent,
                                  const char       *reason,
                                  const char       *rule)
{
  g_autofree char *discount = NULL;
  g_autofree char *why = NULL;

  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));

  if (amount > 0)
    {
      g_autofree char *money = bjb_money_format (-amount);
      g_autofree char *percent_text = bjb_order_format_percent (percent);

      discount = g_strdup_printf ("%s (%s)", money, percent_text);
      /* The server's reason names the rule ("Diskon ulang tahun — produk favorit"). */
      why = g_strdup_printf ("%s — %s", percent_text, reason ? reason : bjb_order_rule_label (rule));
    }
  bjb_field_props_set_string (self, properties[PROP_DISCOUNT_TEXT], discount ? discount : "");
  bjb_field_props_set_string (self, properties[PROP_REASON], why ? why : "");
  bjb_field_props_set_boolean (self, properties[PROP_HAS_REASON], why != NULL);
}

void
bjb_order_line_item_set_priced (BjbOrderLineItem *self,
                                JsonObject       *line)
{
  g_autofree char *price = bjb_money_format (bjb_json_int (line, "unit_price"));
  g_autofree char *total = bjb_money_format (bjb_json_int (line, "total"));

  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));

  bjb_order_line_item_set_price_text (self, price);
  bjb_field_props_set_string (self, properties[PROP_TOTAL_TEXT], total);
  bjb_order_line_item_set_discount (self, bjb_json_int (line, "discount_amount"),
                                    bjb_json_int (line, "discount_percent"),
                                    bjb_json_string (line, "reason"), bjb_json_string (line, "rule"));
}
