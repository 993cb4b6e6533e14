/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier"

#include "config.h"

#include "bjb-courier.h"

struct _BjbCourier
{
  GObject parent_instance;

  char *login;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (BjbCourier, bjb_courier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_courier_finalize (GObject *object)
{
  BjbCourier *self = BJB_COURIER (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->display_name, g_free);

  G_OBJECT_CLASS (bjb_courier_parent_class)->finalize (object);
}

static void
bjb_courier_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BjbCourier *self = BJB_COURIER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->login);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_courier_class_init (BjbCourierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_courier_finalize;
  object_class->get_property = bjb_courier_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("login", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_courier_init (BjbCourier *self)
{
}

BjbCourier *
bjb_courier_new (const char *login,
                const char *display_name)
{
  BjbCourier *self = g_object_new (BJB_TYPE_COURIER, NULL);

  self->login = g_strdup (login);
  self->display_name = g_strdup (display_name ? display_name : "");
  return self;
}

const char *
bjb_courier_get_login (BjbCourier *self)
{
  g_return_val_if_fail (BJB_IS_COURIER (self), NULL);
  return self->login;
}

const char *
bjb_courier_get_display_name (BjbCourier *self)
{
  g_return_val_if_fail (BJB_IS_COURIER (self), NULL);
  return self->display_name;
}
