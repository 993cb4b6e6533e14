/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier"

#include "config.h"

#include "bjb-courier.h"

struct _BjbCourier
{
  BjbFieldRow parent_instance;

  char *login;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (BjbCourier, bjb_courier, BJB_TYPE_FIELD_ROW)

/* No "id" field: a courier is never a paged row, only a choice in the ship dialog. */
static const BjbRowField fields[] = {
  { "login", BJB_ROW_STRING, G_STRUCT_OFFSET (BjbCourier, login) },
  { "display-name", BJB_ROW_STRING, G_STRUCT_OFFSET (BjbCourier, display_name) },
};

static void
bjb_courier_class_init (BjbCourierClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
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
