/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-notification"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-notification.h"

/* One row of the notification centre: a bjb.event seen by this staff member,
 * already worded for people, with its read state from bjb.notification_read. */
struct _BjbNotification
{
  GObject parent_instance;

  gint64 id;
  gint64 order_id;
  char *kind;
  char *title;
  char *body;
  char *when;
  char *subtitle;
  GDateTime *created_at;
  gboolean read;
};

G_DEFINE_FINAL_TYPE (BjbNotification, bjb_notification, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ORDER_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_WHEN,
  PROP_SUBTITLE,
  PROP_READ,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_notification_finalize (GObject *object)
{
  BjbNotification *self = (BjbNotification *)object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->when, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (bjb_notification_parent_class)->finalize (object);
}

static void
bjb_notification_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbNotification *self = BJB_NOTIFICATION (object);

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
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_WHEN:
      g_value_set_string (value, self->when);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_READ:
      g_value_set_boolean (value, self->read);
      break;
    case PROP_UNREAD:
      g_value_set_boolean (value, !self->read);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_notification_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BjbNotification *self = BJB_NOTIFICATION (object);

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
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_BODY:
      self->body = g_value_dup_string (value);
      break;
    case PROP_CREATED_AT:
      self->created_at = g_value_dup_boxed (value);
      break;
    case PROP_READ:
      bjb_notification_set_read (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_notification_constructed (GObject *object)
{
  BjbNotification *self = (BjbNotification *)object;

  G_OBJECT_CLASS (bjb_notification_parent_class)->constructed (object);

  if (self->created_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->created_at);

      /* Translators: date and time of a notification, see g_date_time_format() */
      self->when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }
  else
    self->when = g_strdup ("");

  if (self->body != NULL && *self->body != '\0')
    self->subtitle = g_strdup_printf ("%s · %s", self->body, self->when);
  else
    self->subtitle = g_strdup (self->when);
}

static void
bjb_notification_class_init (BjbNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_notification_finalize;
  object_class->constructed = bjb_notification_constructed;
  object_class->get_property = bjb_notification_get_property;
  object_class->set_property = bjb_notification_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WHEN] =
    g_param_spec_string ("when", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* The second line of a row: who it concerns, and when. */
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* For the list's unread dot: expressions cannot negate. */
  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_notification_init (BjbNotification *self)
{
}

/**
 * bjb_notification_new:
 * @created_at: (nullable): when the event happened
 *
 * Returns: (transfer full): a new notification
 */
BjbNotification *
bjb_notification_new (gint64      id,
                      const char *kind,
                      gint64      order_id,
                      const char *title,
                      const char *body,
                      GDateTime  *created_at,
                      gboolean    read)
{
  return g_object_new (BJB_TYPE_NOTIFICATION,
                       "id", id,
                       "kind", kind,
                       "order-id", order_id,
                       "title", title,
                       "body", body,
                       "created-at", created_at,
                       "read", read,
                       NULL);
}

gint64
bjb_notification_get_id (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), 0);
  return self->id;
}

const char *
bjb_notification_get_kind (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->kind;
}

gint64
bjb_notification_get_order_id (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), 0);
  return self->order_id;
}

const char *
bjb_notification_get_title (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->title;
}

const char *
bjb_notification_get_body (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->body;
}

/**
 * bjb_notification_get_created_at:
 *
 * Returns: (transfer none) (nullable): when the event happened
 */
GDateTime *
bjb_notification_get_created_at (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->created_at;
}

gboolean
bjb_notification_get_read (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), FALSE);
  return self->read;
}

void
bjb_notification_set_read (BjbNotification *self,
                           gboolean         read)
{
  g_return_if_fail (BJB_IS_NOTIFICATION (self));

  read = !!read;
  if (self->read == read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}
