/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-admin-product"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-product.h"
#include "bjb-money.h"
#include "bjb-field-row.h"

struct _BjbAdminProduct
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *name;
  gint64 category_id;
  char *category_name;
  char *unit;
  gint64 price;
  char *price_text;
  gint64 stock;
  char *stock_text;
  gboolean low_stock;
  char *low_stock_text;
  char **stock_classes;
  gboolean active;
  char *active_text;
  char *description;
  gboolean has_photo;
  int version;
  char *edited_text;
};

G_DEFINE_FINAL_TYPE (BjbAdminProduct, bjb_admin_product, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbAdminProduct, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("name", BJB_ROW_STRING, name),
  F ("category-id", BJB_ROW_INT64, category_id),
  F ("category-name", BJB_ROW_STRING, category_name),
  F ("unit", BJB_ROW_STRING, unit),
  F ("price", BJB_ROW_INT64, price),
  F ("price-text", BJB_ROW_STRING, price_text),
  F ("stock", BJB_ROW_INT64, stock),
  F ("stock-text", BJB_ROW_STRING, stock_text),
  F ("low-stock", BJB_ROW_BOOLEAN, low_stock),
  F ("low-stock-text", BJB_ROW_STRING, low_stock_text),
  F ("stock-classes", BJB_ROW_STRV, stock_classes),
  F ("active", BJB_ROW_BOOLEAN, active),
  F ("active-text", BJB_ROW_STRING, active_text),
  F ("description", BJB_ROW_STRING, description),
  F ("has-photo", BJB_ROW_BOOLEAN, has_photo),
  F ("version", BJB_ROW_INT, version),
  F ("edited-text", BJB_ROW_STRING, edited_text),
};
#undef F

static void
bjb_admin_product_class_init (BjbAdminProductClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_admin_product_init (BjbAdminProduct *self)
{
}

/**
 * bjb_admin_product_new_from_result:
 *
 * Returns: (transfer full): the product of @row (a row of bjb.list_products)
 */
BjbAdminProduct *
bjb_admin_product_new_from_result (BjbResult *result,
                                   guint      row)
{
  BjbAdminProduct *self = bjb_field_row_new_from_result (BJB_TYPE_ADMIN_PRODUCT, result, row);
  g_autoptr(GDateTime) edited_at = bjb_result_get_datetime (result, row, "edited_at");
  const char *edited_by = bjb_result_get_string (result, row, "edited_by");

  self->price_text = bjb_money_format (self->price);
  self->stock_text = bjb_money_format_plain (self->stock);
  /* Translators: the low-stock flag in the products and stock lists */
  self->low_stock_text = g_strdup (self->low_stock ? _("Low") : "");
  self->stock_classes = self->low_stock ? g_strsplit ("numeric catalog-low-stock", " ", -1)
                                        : g_strsplit ("numeric", " ", -1);
  self->active_text = g_strdup (self->active ? _("Active") : _("Inactive"));
  if (edited_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (edited_at);
      g_autofree char *when = g_date_time_format (local, _("%-d %b %Y %H:%M"));

      /* Translators: who last saved a product and when, e.g. "admin, 1 Dec 2026 10:20" */
      self->edited_text = edited_by != NULL ? g_strdup_printf (_("%s, %s"), edited_by, when)
                                            : g_steal_pointer (&when);
    }
  return self;
}

gint64
bjb_admin_product_get_id (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), 0);
  return self->id;
}

const char *
bjb_admin_product_get_name (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), NULL);
  return self->name;
}

gint64
bjb_admin_product_get_category_id (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), 0);
  return self->category_id;
}

const char *
bjb_admin_product_get_unit (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), NULL);
  return self->unit;
}

gint64
bjb_admin_product_get_price (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), 0);
  return self->price;
}

gint64
bjb_admin_product_get_stock (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), 0);
  return self->stock;
}

gboolean
bjb_admin_product_get_low_stock (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), FALSE);
  return self->low_stock;
}

gboolean
bjb_admin_product_get_active (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), FALSE);
  return self->active;
}

const char *
bjb_admin_product_get_description (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), NULL);
  return self->description;
}

gboolean
bjb_admin_product_get_has_photo (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), FALSE);
  return self->has_photo;
}

int
bjb_admin_product_get_version (BjbAdminProduct *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_PRODUCT (self), 0);
  return self->version;
}
