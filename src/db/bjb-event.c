/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-event"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-event.h"

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

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ORDER_ID,
  PROP_PRODUCT_ID,
  PROP_CUSTOMER_ID,
  PROP_AUDIENCE_ROLE,
  PROP_AUDIENCE_LOGIN,
  PROP_CREATED_AT,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_event_finalize (GObject *object)
{
  BjbEvent *self = (BjbEvent *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->audience_role, g_free);
  g_clear_pointer (&self->audience_login, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (bjb_event_parent_class)->finalize (object);
}

static void
bjb_event_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BjbEvent *self = BJB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_AUDIENCE_ROLE:
      g_value_set_string (value, self->audience_role);
      break;
    case PROP_AUDIENCE_LOGIN:
      g_value_set_string (value, self->audience_login);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_event_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BjbEvent *self = BJB_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;
    case PROP_ORDER_ID:
      self->order_id = g_value_get_int64 (value);
      break;
    case PROP_PRODUCT_ID:
      self->product_id = g_value_get_int64 (value);
      break;
    case PROP_CUSTOMER_ID:
      self->customer_id = g_value_get_int64 (value);
      break;
    case PROP_AUDIENCE_ROLE:
      self->audience_role = g_value_dup_string (value);
      break;
    case PROP_AUDIENCE_LOGIN:
      self->audience_login = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_dup_boxed (value);
      break;
    case PROP_DETAILS:
      g_free (self->details);
      self->details = g_value_dup_string (value);
      if (self->details == NULL)
        self->details = g_strdup ("{}");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_event_class_init (BjbEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_event_finalize;
  object_class->get_property = bjb_event_get_property;
  object_class->set_property = bjb_event_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_AUDIENCE_ROLE] =
    g_param_spec_string ("audience-role", NULL, NULL, NULL, flags);
  properties[PROP_AUDIENCE_LOGIN] =
    g_param_spec_string ("audience-login", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_DETAILS] =
    g_param_spec_string ("details", NULL, NULL, "{}", flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
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
