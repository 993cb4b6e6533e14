/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-admin-category"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-category.h"
#include "bjb-money.h"
#include "bjb-field-row.h"

struct _BjbAdminCategory
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *name;
  int version;
  gint64 products;
  char *products_text;
};

G_DEFINE_FINAL_TYPE (BjbAdminCategory, bjb_admin_category, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbAdminCategory, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("name", BJB_ROW_STRING, name),
  F ("version", BJB_ROW_INT, version),
  F ("products", BJB_ROW_INT64, products),
  F ("products-text", BJB_ROW_STRING, products_text),
};
#undef F

static void
bjb_admin_category_class_init (BjbAdminCategoryClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_admin_category_init (BjbAdminCategory *self)
{
}

/**
 * bjb_admin_category_new_from_result:
 *
 * Returns: (transfer full): the category of @row (a row of bjb.admin_categories)
 */
BjbAdminCategory *
bjb_admin_category_new_from_result (BjbResult *result,
                                    guint      row)
{
  BjbAdminCategory *self = bjb_field_row_new_from_result (BJB_TYPE_ADMIN_CATEGORY, result, row);
  g_autofree char *digits = NULL;

  digits = bjb_money_format_plain (self->products);
  /* Translators: how many products use a category; %s is a number */
  self->products_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s product", "%s products",
                                                      (gulong) self->products),
                                         digits);
  return self;
}

gint64
bjb_admin_category_get_id (BjbAdminCategory *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_CATEGORY (self), 0);
  return self->id;
}

const char *
bjb_admin_category_get_name (BjbAdminCategory *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_CATEGORY (self), NULL);
  return self->name;
}

int
bjb_admin_category_get_version (BjbAdminCategory *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_CATEGORY (self), 0);
  return self->version;
}
