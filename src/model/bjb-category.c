/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-category"

#include "config.h"

#include "bjb-category.h"

struct _BjbCategory
{
  GObject parent_instance;

  gint64 id;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (BjbCategory, bjb_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_category_finalize (GObject *object)
{
  BjbCategory *self = BJB_CATEGORY (object);

  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (bjb_category_parent_class)->finalize (object);
}

static void
bjb_category_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BjbCategory *self = BJB_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_category_class_init (BjbCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_category_finalize;
  object_class->get_property = bjb_category_get_property;

  properties[PROP_KEY] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_category_init (BjbCategory *self)
{
}

BjbCategory *
bjb_category_new (gint64 id,
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

const char *
bjb_category_get_display_name (BjbCategory *self)
{
  g_return_val_if_fail (BJB_IS_CATEGORY (self), NULL);
  return self->display_name;
}
