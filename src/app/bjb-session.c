/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-session"

#include "config.h"

#include <libnotify/notify.h>

#include "bjb-event.h"
#include "bjb-field-props.h"
#include "bjb-listener.h"
#include "bjb-notification-ops.h"
#include "bjb-role.h"
#include "bjb-session-private.h"
#include "bjb-staff-ops.h"

G_DEFINE_FINAL_TYPE (BjbSession, bjb_session, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

/* For bjb-session-notifications.c, which keeps the unread count and the last desktop
 * notification's id. */
void
_bjb_session_notify (BjbSession *self,
                     guint       prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id < N_PROPS);

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Notifications are for the staff member's role or for them by name. */
static gboolean
concerns (BjbSession *self,
          BjbEvent   *event)
{
  return g_strcmp0 (bjb_event_get_audience_login (event), self->login) == 0 ||
         g_strcmp0 (bjb_event_get_audience_role (event), bjb_session_get_role (self)) == 0;
}

static void
on_event_received (BjbSession  *self,
                   BjbEvent    *event,
                   BjbListener *listener)
{
  g_autoptr(BjbNotification) notification = NULL;
  g_autoptr(GVariant) seen = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key;
  gint64 value;

  if (self->closed)
    return;

  /* Remember first: a crash right after must not show this one again. Events meant for
   * other roles (admins may read them all) still move the cursor. */
  seen = g_settings_get_value (self->settings, "last-seen-events");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sx}"));
  g_variant_iter_init (&iter, seen);
  while (g_variant_iter_next (&iter, "{&sx}", &key, &value))
    {
      if (g_strcmp0 (key, self->seen_key) != 0)
        g_variant_builder_add (&builder, "{sx}", key, value);
    }
  g_variant_builder_add (&builder, "{sx}", self->seen_key, bjb_event_get_id (event));
  g_settings_set_value (self->settings, "last-seen-events", g_variant_builder_end (&builder));

  if (!concerns (self, event))
    return;

  /* On a first run the cursor can lie behind events already in the list (committed after
   * a transaction still open at sign-in): those are not news. Otherwise everything after
   * the stored cursor is, even when the list loaded it (it happened while signed out). */
  notification = bjb_notification_new_from_event (event, bjb_session_get_role (self), FALSE);
  if (_bjb_session_add_notification (self, notification) || !self->first_run)
    _bjb_session_show_desktop_notification (self, notification);
}

static void listener_start_cb (GObject      *object,
                               GAsyncResult *result,
                               gpointer      user_data);

static gboolean
retry_listener_cb (gpointer user_data)
{
  BjbSession *self = user_data;

  self->listener_retry_source = 0;
  bjb_listener_start_async (self->listener, self->cancellable,
                            listener_start_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

/* The listening connection's first open failed (once connected, the connection retries by
 * itself). Try again with the connection's own backoff: doubling, capped, so live
 * notifications come back as soon as the server takes a second connection. */
static void
schedule_listener_retry (BjbSession *self)
{
  guint delay;

  if (self->listener_retry_msec == 0)
    self->listener_retry_msec = BJB_CONNECTION_RECONNECT_FIRST_MSEC;
  delay = self->listener_retry_msec;
  self->listener_retry_msec = MIN (self->listener_retry_msec * 2,
                                   BJB_CONNECTION_RECONNECT_CAP_MSEC);
  g_clear_handle_id (&self->listener_retry_source, g_source_remove);
  self->listener_retry_source = g_timeout_add (delay, retry_listener_cb, self);
}

static void
listener_start_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(BjbSession) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_listener_start_finish (BJB_LISTENER (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
        return;
      g_message ("Live notifications are off for now, trying again: %s", error->message);
      schedule_listener_retry (self);
      return;
    }

  self->listener_retry_msec = 0;
  self->listening = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENING]);
}

static void
start_listener (BjbSession *self,
                gint64      first_cursor)
{
  g_autoptr(BjbConnection) listen_connection = NULL;
  g_autoptr(GVariant) seen = NULL;
  gint64 last_seen = -1;

  seen = g_settings_get_value (self->settings, "last-seen-events");
  if (!g_variant_lookup (seen, self->seen_key, "x", &last_seen))
    last_seen = -1;

  /* First run of this login on this machine: what already happened is in the list, only
   * what happens from now on pops up on the desktop. The cursor is a position in delivery
   * order (see bjb_notification_ops_load_recent_finish), not the newest id loaded. */
  self->first_run = last_seen < 0;
  if (self->first_run)
    last_seen = first_cursor;

  listen_connection = bjb_connection_dup (self->connection);
  g_set_object (&self->listen_connection, listen_connection);
  self->listener = bjb_listener_new (listen_connection);
  bjb_listener_set_last_event_id (self->listener, last_seen);
  g_signal_connect_object (self->listener, "event-received",
                           G_CALLBACK (on_event_received), self,
                           G_CONNECT_SWAPPED);
  /* Before it starts: starting catches up on what happened since the cursor, and those
   * events arrive before "listening" turns TRUE. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LISTENER]);
  bjb_listener_start_async (self->listener, self->cancellable,
                            listener_start_cb, g_object_ref (self));
}

static void
load_recent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BjbSession) self = user_data;
  g_autoptr(GPtrArray) notifications = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first_cursor = -1;

  notifications = bjb_notification_ops_load_recent_finish (result, &first_cursor, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->closed)
    return;
  if (notifications == NULL)
    g_message ("Could not load notifications: %s", error->message);

  for (guint i = 0; notifications != NULL && i < notifications->len; i++)
    {
      BjbNotification *notification = g_ptr_array_index (notifications, i);

      _bjb_session_add_notification (self, notification);
    }

  /* Unknown when the list could not be read: the listener then starts at the beginning
   * rather than skip anything. */
  start_listener (self, MAX (first_cursor, 0));
}

static void
record_sign_in_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Only the admin's staff list misses it; nothing for the user to do. */
  if (!bjb_staff_ops_record_sign_in_finish (result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not record the sign-in: %s", error->message);
}

/**
 * bjb_session_start:
 *
 * Records the sign-in (bjb.record_sign_in), loads the notification centre and starts
 * listening for events. Returns at once.
 */
void
bjb_session_start (BjbSession *self)
{
  g_return_if_fail (BJB_IS_SESSION (self));
  g_return_if_fail (self->listener == NULL);

  bjb_staff_ops_record_sign_in_async (self->connection, self->cancellable,
                                      record_sign_in_cb, NULL);

  bjb_notification_ops_load_recent_async (self->connection, bjb_session_get_role (self), 100,
                                          self->cancellable, load_recent_cb, g_object_ref (self));
}

/**
 * bjb_session_close:
 *
 * Stops listening and closes both connections (sign-out).
 */
void
bjb_session_close (BjbSession *self)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (BJB_IS_SESSION (self));

  if (self->closed)
    return;

  self->closed = TRUE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->listener_retry_source, g_source_remove);

  if (self->listener != NULL)
    bjb_listener_stop (self->listener);
  bjb_connection_close (self->connection);

  g_hash_table_iter_init (&iter, self->desktop_notifications);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    notify_notification_close (key, NULL);
  g_hash_table_remove_all (self->desktop_notifications);
}

/**
 * bjb_session_reconnect_now:
 *
 * "Try now" while the server is unreachable: both connections (queries and listening)
 * try again at once instead of waiting out their backoff.
 */
void
bjb_session_reconnect_now (BjbSession *self)
{
  g_return_if_fail (BJB_IS_SESSION (self));

  if (self->closed)
    return;

  bjb_connection_reconnect_now (self->connection);
  if (self->listen_connection != NULL)
    bjb_connection_reconnect_now (self->listen_connection);
  if (self->listener_retry_source != 0)
    {
      self->listener_retry_msec = 0;
      g_clear_handle_id (&self->listener_retry_source, g_source_remove);
      retry_listener_cb (self);
    }
}

static void
bjb_session_constructed (GObject *object)
{
  BjbSession *self = (BjbSession *)object;

  G_OBJECT_CLASS (bjb_session_parent_class)->constructed (object);

  g_assert (BJB_IS_CONNECTION (self->connection));
  g_assert (BJB_IS_SERVER_PROFILE (self->profile));
  g_assert (G_IS_SETTINGS (self->settings));

  self->login = g_strdup (bjb_connection_get_login (self->connection));
  self->seen_key = g_strdup_printf ("%s/%s", bjb_server_profile_get_name (self->profile),
                                    self->login);
}

static void
bjb_session_dispose (GObject *object)
{
  BjbSession *self = (BjbSession *)object;

  bjb_session_close (self);

  g_clear_object (&self->listener);
  g_clear_object (&self->listen_connection);
  g_clear_object (&self->connection);
  g_clear_object (&self->profile);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->desktop_notifications, g_hash_table_unref);

  if (self->notifications != NULL)
    g_list_store_remove_all (self->notifications);

  G_OBJECT_CLASS (bjb_session_parent_class)->dispose (object);
}

static void
bjb_session_finalize (GObject *object)
{
  BjbSession *self = (BjbSession *)object;

  g_clear_object (&self->notifications);
  g_clear_pointer (&self->known_ids, g_hash_table_unref);
  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->seen_key, g_free);

  G_OBJECT_CLASS (bjb_session_parent_class)->finalize (object);
}

/* The three names come from the connection's whoami; the rest are fields. */
static void
bjb_session_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BjbSession *self = BJB_SESSION (object);

  if (prop_id == PROP_DISPLAY_NAME)
    g_value_set_string (value, bjb_session_get_display_name (self));
  else if (prop_id == PROP_ROLE)
    g_value_set_string (value, bjb_session_get_role (self));
  else if (prop_id == PROP_ROLE_LABEL)
    g_value_set_string (value, bjb_session_get_role_label (self));
  else
    bjb_field_props_get_property (object, prop_id, value, pspec);
}

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbSession, prop, field, pspec)
#define OBJECT(prop, field, name, type, flags) \
  FIELD (prop, field, g_param_spec_object (name, NULL, NULL, type, flags | G_PARAM_STATIC_STRINGS))
#define TEXT(prop, name) \
  g_object_class_install_property (object_class, prop, properties[prop] = \
    g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS))

static void
bjb_session_class_init (BjbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY;
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = bjb_session_constructed;
  object_class->dispose = bjb_session_dispose;
  object_class->finalize = bjb_session_finalize;
  object_class->get_property = bjb_session_get_property;
  object_class->set_property = bjb_field_props_set_property;

  OBJECT (PROP_CONNECTION, connection, "connection", BJB_TYPE_CONNECTION, construct);
  OBJECT (PROP_PROFILE, profile, "profile", BJB_TYPE_SERVER_PROFILE, construct);
  OBJECT (PROP_SETTINGS, settings, "settings", G_TYPE_SETTINGS, construct);
  FIELD (PROP_LOGIN, login, g_param_spec_string ("login", NULL, NULL, NULL, flags));
  TEXT (PROP_DISPLAY_NAME, "display-name");
  TEXT (PROP_ROLE, "role");
  TEXT (PROP_ROLE_LABEL, "role-label");
  OBJECT (PROP_NOTIFICATIONS, notifications, "notifications", G_TYPE_LIST_MODEL, G_PARAM_READABLE);
  FIELD (PROP_UNREAD_COUNT, unread_count,
         g_param_spec_uint ("unread-count", NULL, NULL, 0, G_MAXUINT, 0, flags));
  FIELD (PROP_LISTENING, listening, g_param_spec_boolean ("listening", NULL, NULL, FALSE, flags));
  OBJECT (PROP_LISTENER, listener, "listener", BJB_TYPE_LISTENER, G_PARAM_READABLE);
  FIELD (PROP_LAST_DESKTOP_NOTIFICATION_ID, last_desktop_notification_id,
         g_param_spec_int ("last-desktop-notification-id", NULL, NULL, 0, G_MAXINT, 0, flags));
}

#undef FIELD
#undef OBJECT
#undef TEXT

static void
bjb_session_init (BjbSession *self)
{
  self->notifications = g_list_store_new (BJB_TYPE_NOTIFICATION);
  self->known_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->desktop_notifications = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->cancellable = g_cancellable_new ();
}

/**
 * bjb_session_new:
 * @connection: an opened connection (whoami answered)
 *
 * Returns: (transfer full): a new session; call bjb_session_start()
 */
BjbSession *
bjb_session_new (BjbServerProfile *profile,
                 BjbConnection    *connection,
                 GSettings        *settings)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (profile), NULL);
  g_return_val_if_fail (BJB_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (BJB_TYPE_SESSION,
                       "profile", profile,
                       "connection", connection,
                       "settings", settings,
                       NULL);
}

/**
 * bjb_session_get_connection:
 *
 * Returns: (transfer none): the query connection
 */
BjbConnection *
bjb_session_get_connection (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return self->connection;
}

/**
 * bjb_session_get_profile:
 *
 * Returns: (transfer none): the server profile signed in to
 */
BjbServerProfile *
bjb_session_get_profile (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return self->profile;
}

const char *
bjb_session_get_login (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return self->login;
}

const char *
bjb_session_get_display_name (BjbSession *self)
{
  const char *name;

  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);

  name = bjb_connection_get_display_name (self->connection);
  return name && *name ? name : self->login;
}

const char *
bjb_session_get_role (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return bjb_connection_get_role (self->connection);
}

const char *
bjb_session_get_role_label (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return bjb_role_get_label (bjb_connection_get_role (self->connection));
}

/**
 * bjb_session_get_notifications:
 *
 * Returns: (transfer none): a #GListModel of #BjbNotification, newest first
 */
GListModel *
bjb_session_get_notifications (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->notifications);
}

guint
bjb_session_get_unread_count (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), 0);
  return self->unread_count;
}

gboolean
bjb_session_get_listening (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), FALSE);
  return self->listening;
}

/**
 * bjb_session_get_listener:
 *
 * The session's event stream, from the moment it is made ("listener" is notified then),
 * before it has started: the events its start catches up on come before "listening"
 * becomes %TRUE, and a window following only a listening listener would miss them.
 *
 * Returns: (transfer none) (nullable): the listener
 */
BjbListener *
bjb_session_get_listener (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), NULL);
  return self->listener;
}

/* The id the notification server gave the last desktop notification (0: none shown). */
int
bjb_session_get_last_desktop_notification_id (BjbSession *self)
{
  g_return_val_if_fail (BJB_IS_SESSION (self), 0);
  return self->last_desktop_notification_id;
}
