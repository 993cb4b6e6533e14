/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-line-item"

#include "config.h"

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
  PROP_TOTAL_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_order_line_item_finalize (GObject *object)
{
  BjbOrderLineItem *self = (BjbOrderLineItem *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->qty_text, g_free);
  g_clear_pointer (&self->price_text, g_free);
  g_clear_pointer (&self->subtotal_text, g_free);
  g_clear_pointer (&self->discount_text, g_free);
  g_clear_pointer (&self->reason, g_free);
  g_clear_pointer (&self->total_text, g_free);

  G_OBJECT_CLASS (bjb_order_line_item_parent_class)->finalize (object);
}

static void
bjb_order_line_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BjbOrderLineItem *self = (BjbOrderLineItem *) object;

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_QTY:
      g_value_set_int64 (value, self->qty);
      break;
    case PROP_STOCK:
      g_value_set_int64 (value, self->stock);
      break;
    case PROP_QTY_TEXT:
      g_value_set_string (value, self->qty_text);
      break;
    case PROP_PRICE_TEXT:
      g_value_set_string (value, self->price_text);
      break;
    case PROP_SUBTOTAL_TEXT:
      g_value_set_string (value, self->subtotal_text);
      break;
    case PROP_DISCOUNT_TEXT:
      g_value_set_string (value, self->discount_text);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    case PROP_TOTAL_TEXT:
      g_value_set_string (value, self->total_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_line_item_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BjbOrderLineItem *self = (BjbOrderLineItem *) object;

  switch (prop_id)
    {
    case PROP_PRODUCT_ID:
      bjb_order_line_item_set_product_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      bjb_order_line_item_set_name (self, g_value_get_string (value));
      break;
    case PROP_QTY:
      bjb_order_line_item_set_qty (self, g_value_get_int64 (value));
      break;
    case PROP_STOCK:
      bjb_order_line_item_set_stock (self, g_value_get_int64 (value));
      break;
    case PROP_QTY_TEXT:
      bjb_order_line_item_set_qty_text (self, g_value_get_string (value));
      break;
    case PROP_PRICE_TEXT:
      bjb_order_line_item_set_price_text (self, g_value_get_string (value));
      break;
    case PROP_SUBTOTAL_TEXT:
      bjb_order_line_item_set_subtotal_text (self, g_value_get_string (value));
      break;
    case PROP_DISCOUNT_TEXT:
      bjb_order_line_item_set_discount_text (self, g_value_get_string (value));
      break;
    case PROP_REASON:
      bjb_order_line_item_set_reason (self, g_value_get_string (value));
      break;
    case PROP_TOTAL_TEXT:
      bjb_order_line_item_set_total_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_line_item_class_init (BjbOrderLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_order_line_item_finalize;
  object_class->get_property = bjb_order_line_item_get_property;
  object_class->set_property = bjb_order_line_item_set_property;

  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QTY] =
    g_param_spec_int64 ("qty", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STOCK] =
    g_param_spec_int64 ("stock", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QTY_TEXT] =
    g_param_spec_string ("qty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRICE_TEXT] =
    g_param_spec_string ("price-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTOTAL_TEXT] =
    g_param_spec_string ("subtotal-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISCOUNT_TEXT] =
    g_param_spec_string ("discount-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_TEXT] =
    g_param_spec_string ("total-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
                                     gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (self->product_id == value)
    return;
  self->product_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRODUCT_ID]);
}

const char *
bjb_order_line_item_get_name (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->name;
}

void
bjb_order_line_item_set_name (BjbOrderLineItem *self,
                               const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->name, value) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64
bjb_order_line_item_get_qty (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), 0);
  return self->qty;
}

void
bjb_order_line_item_set_qty (BjbOrderLineItem *self,
                              gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (self->qty == value)
    return;
  self->qty = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QTY]);
}

gint64
bjb_order_line_item_get_stock (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), 0);
  return self->stock;
}

void
bjb_order_line_item_set_stock (BjbOrderLineItem *self,
                                gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (self->stock == value)
    return;
  self->stock = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STOCK]);
}

const char *
bjb_order_line_item_get_qty_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->qty_text;
}

void
bjb_order_line_item_set_qty_text (BjbOrderLineItem *self,
                                   const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->qty_text, value) == 0)
    return;
  g_free (self->qty_text);
  self->qty_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QTY_TEXT]);
}

const char *
bjb_order_line_item_get_price_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->price_text;
}

void
bjb_order_line_item_set_price_text (BjbOrderLineItem *self,
                                     const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->price_text, value) == 0)
    return;
  g_free (self->price_text);
  self->price_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRICE_TEXT]);
}

const char *
bjb_order_line_item_get_subtotal_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->subtotal_text;
}

void
bjb_order_line_item_set_subtotal_text (BjbOrderLineItem *self,
                                        const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->subtotal_text, value) == 0)
    return;
  g_free (self->subtotal_text);
  self->subtotal_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTOTAL_TEXT]);
}

const char *
bjb_order_line_item_get_discount_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->discount_text;
}

void
bjb_order_line_item_set_discount_text (BjbOrderLineItem *self,
                                        const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->discount_text, value) == 0)
    return;
  g_free (self->discount_text);
  self->discount_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISCOUNT_TEXT]);
}

const char *
bjb_order_line_item_get_reason (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->reason;
}

void
bjb_order_line_item_set_reason (BjbOrderLineItem *self,
                                 const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->reason, value) == 0)
    return;
  g_free (self->reason);
  self->reason = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REASON]);
}

const char *
bjb_order_line_item_get_total_text (BjbOrderLineItem *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_LINE_ITEM (self), NULL);
  return self->total_text;
}

void
bjb_order_line_item_set_total_text (BjbOrderLineItem *self,
                                     const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));
  if (g_strcmp0 (self->total_text, value) == 0)
    return;
  g_free (self->total_text);
  self->total_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_TEXT]);
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
  bjb_order_line_item_set_discount_text (self, discount ? discount : "");
  bjb_order_line_item_set_reason (self, why ? why : "");
}

void
bjb_order_line_item_set_priced (BjbOrderLineItem *self,
                                JsonObject       *line)
{
  g_autofree char *price = bjb_money_format (bjb_json_int (line, "unit_price"));
  g_autofree char *total = bjb_money_format (bjb_json_int (line, "total"));

  g_return_if_fail (BJB_IS_ORDER_LINE_ITEM (self));

  bjb_order_line_item_set_price_text (self, price);
  bjb_order_line_item_set_total_text (self, total);
  bjb_order_line_item_set_discount (self, bjb_json_int (line, "discount_amount"),
                                    bjb_json_int (line, "discount_percent"),
                                    bjb_json_string (line, "reason"), bjb_json_string (line, "rule"));
}
