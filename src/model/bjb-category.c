/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-category"

#include "config.h"

#include "bjb-category.h"

struct _BjbCategory
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (BjbCategory, bjb_category, BJB_TYPE_FIELD_ROW)

static const BjbRowField fields[] = {
  { "id", BJB_ROW_INT64, G_STRUCT_OFFSET (BjbCategory, id) },
  { "display-name", BJB_ROW_STRING, G_STRUCT_OFFSET (BjbCategory, display_name) },
};

static void
bjb_category_class_init (BjbCategoryClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_category_init (BjbCategory *self)
{
}

BjbCategory *
bjb_category_new (gint64      id,
                  const char *display_name)
{
  BjbCategory *self = g_object_new (BJB_TYPE_CATEGORY, NULL);

  self->id = id;
  self->display_name = g_strdup (display_name ? display_name : "");
  return self;
}

gint64
bjb_category_get_id (BjbCategory *self)
{
  g_return_val_if_fail (BJB_IS_CATEGORY (self), 0);
  return self->id;
}
