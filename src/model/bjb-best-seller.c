/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-best-seller"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-best-seller.h"
#include "bjb-field-row.h"
#include "bjb-money.h"

struct _BjbBestSeller
{
  BjbFieldRow parent_instance;

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

G_DEFINE_FINAL_TYPE (BjbBestSeller, bjb_best_seller, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbBestSeller, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("rank", BJB_ROW_INT, rank),
  F ("name", BJB_ROW_STRING, name),
  F ("category", BJB_ROW_STRING, category),
  F ("unit", BJB_ROW_STRING, unit),
  F ("qty", BJB_ROW_INT64, qty),
  F ("revenue", BJB_ROW_INT64, revenue),
  F ("share", BJB_ROW_DOUBLE, share),
  F ("is-category", BJB_ROW_BOOLEAN, is_category),
  F ("qty-text", BJB_ROW_STRING, qty_text),
  F ("revenue-text", BJB_ROW_STRING, revenue_text),
  F ("share-text", BJB_ROW_STRING, share_text),
};
#undef F

static void
bjb_best_seller_class_init (BjbBestSellerClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
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
bjb_best_seller_get_revenue (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), 0);
  return self->revenue;
}

gboolean
bjb_best_seller_get_is_category (BjbBestSeller *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLER (self), FALSE);
  return self->is_category;
}
