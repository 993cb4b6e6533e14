/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-event"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-event.h"
#include "bjb-field-props.h"

struct _BjbEvent
{
  GObject parent_instance;

  /* Owned */
  char *kind;
  char *audience_role;
  char *audience_login;
  GDateTime *created_at;
  char *details;

  gint64 id;
  gint64 order_id;
  gint64 product_id;
  gint64 customer_id;
};

G_DEFINE_FINAL_TYPE (BjbEvent, bjb_event, G_TYPE_OBJECT)

static void
bjb_event_finalize (GObject *object)
{
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_event_parent_class)->finalize (object);
}

static void
bjb_event_constructed (GObject *object)
{
  BjbEvent *self = BJB_EVENT (object);

  G_OBJECT_CLASS (bjb_event_parent_class)->constructed (object);

  /* A NULL jsonb column reads as the empty object, so every reader can parse it. */
  if (self->details == NULL)
    self->details = g_strdup ("{}");
}

static void
bjb_event_class_init (BjbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  guint prop_id = 0;

  object_class->finalize = bjb_event_finalize;
  object_class->constructed = bjb_event_constructed;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;

#define ID_FIELD(name, field) \
  bjb_field_props_install (object_class, ++prop_id, G_STRUCT_OFFSET (BjbEvent, field), \
                           g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0, flags))
#define TEXT_FIELD(name, field, fallback) \
  bjb_field_props_install (object_class, ++prop_id, G_STRUCT_OFFSET (BjbEvent, field), \
                           g_param_spec_string (name, NULL, NULL, fallback, flags))
  ID_FIELD ("id", id);
  TEXT_FIELD ("kind", kind, NULL);
  ID_FIELD ("order-id", order_id);
  ID_FIELD ("product-id", product_id);
  ID_FIELD ("customer-id", customer_id);
  TEXT_FIELD ("audience-role", audience_role, NULL);
  TEXT_FIELD ("audience-login", audience_login, NULL);
  bjb_field_props_install (object_class, ++prop_id, G_STRUCT_OFFSET (BjbEvent, created_at),
                           g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags));
  TEXT_FIELD ("details", details, "{}");
#undef ID_FIELD
#undef TEXT_FIELD
}

static void
bjb_event_init (BjbEvent *self)
{
}

BjbEvent *
bjb_event_new_from_result (BjbResult *result,
                           guint      row)
{
  g_autoptr(GDateTime) created_at = NULL;

  g_return_val_if_fail (BJB_IS_RESULT (result), NULL);
  g_return_val_if_fail (row < bjb_result_get_n_rows (result), NULL);

  created_at = bjb_result_get_datetime (result, row, "created_at");

  return g_object_new (BJB_TYPE_EVENT,
                       "id", bjb_result_get_int64 (result, row, "id"),
                       "kind", bjb_result_get_string (result, row, "kind"),
                       "order-id", bjb_result_get_int64 (result, row, "order_id"),
                       "product-id", bjb_result_get_int64 (result, row, "product_id"),
                       "customer-id", bjb_result_get_int64 (result, row, "customer_id"),
                       "audience-role", bjb_result_get_string (result, row, "audience_role"),
                       "audience-login", bjb_result_get_string (result, row, "audience_login"),
                       "created-at", created_at,
                       "details", bjb_result_get_string (result, row, "details"),
                       NULL);
}

gint64
bjb_event_get_id (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), 0);
  return self->id;
}

const char *
bjb_event_get_kind (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), NULL);
  return self->kind;
}

gint64
bjb_event_get_order_id (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), 0);
  return self->order_id;
}

gint64
bjb_event_get_product_id (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), 0);
  return self->product_id;
}

gint64
bjb_event_get_customer_id (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), 0);
  return self->customer_id;
}

const char *
bjb_event_get_audience_role (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), NULL);
  return self->audience_role;
}

const char *
bjb_event_get_audience_login (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), NULL);
  return self->audience_login;
}

GDateTime *
bjb_event_get_created_at (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), NULL);
  return self->created_at;
}

const char *
bjb_event_get_details (BjbEvent *self)
{
  g_return_val_if_fail (BJB_IS_EVENT (self), NULL);
  return self->details;
}
