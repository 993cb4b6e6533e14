/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-best-seller"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-best-seller.h"
#include "bjb-money.h"

struct _BjbBestSeller
{
  GObject parent_instance;

  gint64   id;            /* product id, or category id for a subtotal */
  int      rank;
  char    *name;
  char    *category;
  char    *unit;
  gint64   qty;
  gint64   revenue;
  double   share;
  gboolean is_category;
  char    *qty_text;
  char    *revenue_text;
  char    *share_text;
};

G_DEFINE_FINAL_TYPE (BjbBestSeller, bjb_best_seller, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RANK,
  PROP_NAME,
  PROP_CATEGORY,
  PROP_UNIT,
  PROP_QTY,
  PROP_REVENUE,
  PROP_SHARE,
  PROP_IS_CATEGORY,
  PROP_QTY_TEXT,
  PROP_REVENUE_TEXT,
  PROP_SHARE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_best_seller_finalize (GObject *object)
{
  BjbBestSeller *self = BJB_BEST_SELLER (object);

  g_free (self->name);
  g_free (self->category);
  g_free (self->unit);
  g_free (self->qty_text);
  g_free (self->revenue_text);
  g_free (self->share_text);

  G_OBJECT_CLASS (bjb_best_seller_parent_class)->finalize (object);
}

static void
bjb_best_seller_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbBestSeller *self = BJB_BEST_SELLER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_RANK: g_value_set_int (value, self->rank); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_CATEGORY: g_value_set_string (value, self->category); break;
    case PROP_UNIT: g_value_set_string (value, self->unit); break;
    case PROP_QTY: g_value_set_int64 (value, self->qty); break;
    case PROP_REVENUE: g_value_set_int64 (value, self->revenue); break;
    case PROP_SHARE: g_value_set_double (value, self->share); break;
    case PROP_IS_CATEGORY: g_value_set_boolean (value, self->is_category); break;
    case PROP_QTY_TEXT: g_value_set_string (value, self->qty_text); break;
    case PROP_REVENUE_TEXT: g_value_set_string (value, self->revenue_text); break;
    case PROP_SHARE_TEXT: g_value_set_string (value, self->share_text); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_best_seller_class_init (BjbBestSellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_best_seller_finalize;
  object_class->get_property = bjb_best_seller_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_RANK] = g_param_spec_int ("rank", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_CATEGORY] = g_param_spec_string ("category", NULL, NULL, NULL, flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, NULL, flags);
  properties[PROP_QTY] = g_param_spec_int64 ("qty", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_REVENUE] = g_param_spec_int64 ("revenue", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                                 flags);
  properties[PROP_SHARE] = g_param_spec_double ("share", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_IS_CATEGORY] = g_param_spec_boolean ("is-category", NULL, NULL, FALSE, flags);
  properties[PROP_QTY_TEXT] = g_param_spec_string ("qty-text", NULL, NULL, NULL, flags);
  properties[PROP_REVENUE_TEXT] = g_param_spec_string ("revenue-text", NULL, NULL, NULL, flags);
  properties[PROP_SHARE_TEXT] = g_param_spec_string ("share-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_best_seller_init (BjbBestSeller *self)
{
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static double
member_double (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_double (node) : 0;
}

char *
bjb_best_seller_format_share (double share)
{
  /* Tenths of a percent, rounded half up, in integers: no locale's decimal point. */
  gint64 tenths = (gint64) (CLAMP (share, 0, 1) * 1000 + 0.5);

  return g_strdup_printf ("%" G_GINT64_FORMAT ",%d %%", tenths / 10, (int) (tenths % 10));
}

BjbBestSeller *
bjb_best_seller_new_from_json (JsonObject *object,
                               gboolean    is_category)
{
  BjbBestSeller *self = g_object_new (BJB_TYPE_BEST_SELLER, NULL);
  g_autofree char *qty = NULL;

  g_return_val_if_fail (object != NULL, self);

  self->is_category = is_category;
  self->id = member_int (object, is_category ? "category_id" : "product_id");
  self->rank = is_category ? 0 : (int) member_int (object, "rank");
  self->name = g_strdup (member_string (object, is_category ? "category" : "product"));
  if (is_category)
    {
      gint64 n = member_int (object, "products");
      int n_products = (int) CLAMP (n, 0, G_MAXINT);

      self->category = g_strdup_printf (ngettext ("%d product", "%d products", n_products),
                                        n_products);
    }
  else
    self->category = g_strdup (member_string (object, "category"));
  self->unit = g_strdup (member_string (object, "unit"));
  self->qty = member_int (object, "qty");
  self->revenue = member_int (object, "revenue");
  self->share = CLAMP (member_double (object, "share"), 0, 1);

  qty = bjb_money_format_plain (self->qty);
  /* Quantities of different units do not add up: a mixed category shows none. */
  self->qty_text = self->unit != NULL ? g_strdup_printf ("%s %s", qty, self->unit) : g_strdup ("");
  self->revenue_text = bjb_money_format (self->revenue);
  self->share_text = bjb_best_seller_format_share (self->share);
  return self;
}

gint64
bjb_best_seller_get_id (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->id;
}

int
bjb_best_seller_get_rank (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->rank;
}

const char *
bjb_best_seller_get_name (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), NULL);
  return self->name;
}

gint64
bjb_best_seller_get_qty (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->qty;
}

gint64
bjb_best_seller_get_revenue (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->revenue;
}

double
bjb_best_seller_get_share (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->share;
}

gboolean
bjb_best_seller_get_is_category (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), FALSE);
  return self->is_category;
}

const char *
bjb_best_seller_get_share_text (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), NULL);
  return self->share_text;
}
