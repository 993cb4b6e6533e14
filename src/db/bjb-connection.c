/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "bjb-connection-private.h"
#include "bjb-field-props.h"
#include "bjb-db-error-private.h"

/* The object: properties, signals, the setters the parts share, the public API. The overview
 * of how a connection works is in bjb-connection-private.h. */

G_DEFINE_FINAL_TYPE (BjbConnection, bjb_connection, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (BjbConnectionState, bjb_connection_state,
  G_DEFINE_ENUM_VALUE (BJB_CONNECTION_STATE_DISCONNECTED, "disconnected"),
  G_DEFINE_ENUM_VALUE (BJB_CONNECTION_STATE_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (BJB_CONNECTION_STATE_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (BJB_CONNECTION_STATE_RECONNECTING, "reconnecting"))

enum {
  PROP_0,
  PROP_STATE,
  PROP_LAST_SUCCESS,
  PROP_ERROR,
  PROP_LOGIN,
  PROP_ROLE,
  PROP_DISPLAY_NAME,
  PROP_SCHEMA_VERSION,
  N_PROPS
};

enum {
  CONNECTED,
  NOTIFICATION,
  NOTICE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Small helpers ---------------------------------------------------------- */

GSource *
_bjb_connection_add_timeout (BjbConnection *self,
                             guint          msec,
                             GSourceFunc    func)
{
  GSource *source = g_timeout_source_new (msec);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

void
_bjb_connection_clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

/* A worker-thread task holds the connection weakly: with a strong reference, the last unref
 * (and so finalize) could happen in the worker thread. */
GWeakRef *
_bjb_connection_weak_ref_new (BjbConnection *self)
{
  GWeakRef *weak = g_new0 (GWeakRef, 1);

  g_weak_ref_init (weak, self);
  return weak;
}

/* Frees @weak; returns the connection (transfer full), or NULL if it is gone. */
BjbConnection *
_bjb_connection_weak_ref_take (GWeakRef *weak)
{
  BjbConnection *self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);
  return self;
}

void
_bjb_connection_set_state (BjbConnection      *self,
                           BjbConnectionState  state)
{
  if (self->state == state)
    return;
  g_debug ("state %d → %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
_bjb_connection_set_error (BjbConnection *self,
                           const GError  *error)
{
  if (error == NULL && self->error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_string (BjbConnection *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_bjb_connection_touch_last_success (BjbConnection *self)
{
  g_clear_pointer (&self->last_success, g_date_time_unref);
  self->last_success = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
}

void
_bjb_connection_set_identity (BjbConnection *self,
                              const char    *login,
                              const char    *role,
                              const char    *display_name)
{
  set_string (self, &self->login, login, PROP_LOGIN);
  set_string (self, &self->role, role, PROP_ROLE);
  set_string (self, &self->display_name, display_name, PROP_DISPLAY_NAME);
}

void
_bjb_connection_set_schema_version (BjbConnection *self,
                                    int            version)
{
  if (version != self->schema_version)
    {
      self->schema_version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA_VERSION]);
    }
}

/* Signals ---------------------------------------------------------------- */

/* Notices arrive from inside libpq calls on the main thread. */
void
_bjb_connection_notice_processor (void       *arg,
                                  const char *message)
{
  BjbConnection *self = arg;
  g_autofree char *text = g_strstrip (g_strdup (message));

  g_signal_emit (self, signals[NOTICE], 0, text);
}

void
_bjb_connection_emit_notifications (BjbConnection *self)
{
  PGnotify *notify;

  while (self->conn != NULL && (notify = PQnotifies (self->conn)) != NULL)
    {
      g_autofree char *channel = g_strdup (notify->relname);
      g_autofree char *payload = g_strdup (notify->extra);
      int pid = notify->be_pid;

      PQfreemem (notify);
      g_signal_emit (self, signals[NOTIFICATION], 0, channel, payload, pid);
    }
}

void
_bjb_connection_emit_connected (BjbConnection *self)
{
  g_signal_emit (self, signals[CONNECTED], 0);
}

/* GObject ---------------------------------------------------------------- */

static void
bjb_connection_dispose (GObject *object)
{
  BjbConnection *self = (BjbConnection *) object;
  g_autoptr(GError) error = bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                                   "connection closed", NULL, NULL);

  _bjb_connection_teardown_link (self, error);
  _bjb_connection_clear_source (&self->reconnect_source);
  _bjb_connection_fail_all_queued (self, error);
  _bjb_connection_finish_open (self, g_error_copy (error));

  G_OBJECT_CLASS (bjb_connection_parent_class)->dispose (object);
}

static void
bjb_connection_finalize (GObject *object)
{
  BjbConnection *self = (BjbConnection *) object;

  g_strfreev (self->keywords);
  g_strfreev (self->values);
  g_clear_pointer (&self->last_success, g_date_time_unref);
  g_clear_error (&self->error);
  g_free (self->login);
  g_free (self->role);
  g_free (self->display_name);
  g_main_context_unref (self->context);

  G_OBJECT_CLASS (bjb_connection_parent_class)->finalize (object);
}

static void
bjb_connection_class_init (BjbConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bjb_connection_dispose;
  object_class->finalize = bjb_connection_finalize;
  object_class->get_property = bjb_field_props_get_property;

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbConnection, prop, field, pspec)
  FIELD (PROP_STATE, state,
         g_param_spec_enum ("state", NULL, NULL, BJB_TYPE_CONNECTION_STATE,
                            BJB_CONNECTION_STATE_DISCONNECTED, flags));
  FIELD (PROP_LAST_SUCCESS, last_success,
         g_param_spec_boxed ("last-success", NULL, NULL, G_TYPE_DATE_TIME, flags));
  FIELD (PROP_ERROR, error, g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags));
  FIELD (PROP_LOGIN, login, g_param_spec_string ("login", NULL, NULL, NULL, flags));
  FIELD (PROP_ROLE, role, g_param_spec_string ("role", NULL, NULL, NULL, flags));
  FIELD (PROP_DISPLAY_NAME, display_name,
         g_param_spec_string ("display-name", NULL, NULL, NULL, flags));
  FIELD (PROP_SCHEMA_VERSION, schema_version,
         g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0, flags));
#undef FIELD

  signals[CONNECTED] =
    g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[NOTIFICATION] =
    g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT);
  signals[NOTICE] =
    g_signal_new ("notice", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
bjb_connection_init (BjbConnection *self)
{
  self->context = g_main_context_ref_thread_default ();
  g_queue_init (&self->queue);
  self->socket_fd = -1;
  self->front_insert = -1;
  self->heartbeat_msec = 15000;
  self->min_delay_msec = BJB_CONNECTION_RECONNECT_FIRST_MSEC;
  self->max_delay_msec = BJB_CONNECTION_RECONNECT_CAP_MSEC;
  self->backoff_msec = self->min_delay_msec;
  self->connect_timeout_msec = 10000;
}

/* Public API ------------------------------------------------------------- */

BjbConnection *
bjb_connection_new (const char *const *keywords,
                    const char *const *values)
{
  BjbConnection *self;

  g_return_val_if_fail (keywords != NULL, NULL);
  g_return_val_if_fail (values != NULL, NULL);
  g_return_val_if_fail (g_strv_length ((char **) keywords) == g_strv_length ((char **) values),
                        NULL);

  self = g_object_new (BJB_TYPE_CONNECTION, NULL);
  self->keywords = g_strdupv ((char **) keywords);
  self->values = g_strdupv ((char **) values);
  return self;
}

BjbConnection *
bjb_connection_new_from_conninfo (const char  *conninfo,
                                  GError     **error)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) k = NULL;
  g_auto(GStrv) v = NULL;
  PQconninfoOption *options;
  char *errmsg = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  options = PQconninfoParse (conninfo, &errmsg);
  if (options == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (errmsg ? errmsg : "invalid conninfo"));

      g_propagate_error (error, bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
                                                       message, NULL, NULL));
      PQfreemem (errmsg);
      return NULL;
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL)
      {
        g_strv_builder_add (keywords, o->keyword);
        g_strv_builder_add (values, o->val);
      }
  PQconninfoFree (options);

  k = g_strv_builder_end (keywords);
  v = g_strv_builder_end (values);
  return bjb_connection_new ((const char *const *) k, (const char *const *) v);
}

BjbConnection *
bjb_connection_dup (BjbConnection *self)
{
  BjbConnection *copy;

  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);

  copy = bjb_connection_new ((const char *const *) self->keywords,
                             (const char *const *) self->values);
  copy->expected_schema_version = self->expected_schema_version;
  copy->heartbeat_msec = self->heartbeat_msec;
  copy->min_delay_msec = self->min_delay_msec;
  copy->max_delay_msec = self->max_delay_msec;
  copy->backoff_msec = self->min_delay_msec;
  copy->connect_timeout_msec = self->connect_timeout_msec;
  return copy;
}

void
bjb_connection_set_expected_schema_version (BjbConnection *self,
                                            int            version)
{
  g_return_if_fail (BJB_IS_CONNECTION (self));
  g_return_if_fail (version >= 0);

  self->expected_schema_version = version;
}

void
bjb_connection_set_heartbeat_interval (BjbConnection *self,
                                       guint          msec)
{
  g_return_if_fail (BJB_IS_CONNECTION (self));

  self->heartbeat_msec = msec;
  if (self->heartbeat_source != NULL || msec == 0)
    _bjb_connection_arm_heartbeat (self);
}

void
bjb_connection_set_reconnect_delays (BjbConnection *self,
                                     guint          min_msec,
                                     guint          max_msec)
{
  g_return_if_fail (BJB_IS_CONNECTION (self));
  g_return_if_fail (min_msec > 0 && min_msec <= max_msec);

  self->min_delay_msec = min_msec;
  self->max_delay_msec = max_msec;
  self->backoff_msec = min_msec;
}

void
bjb_connection_set_connect_timeout (BjbConnection *self,
                                    guint          msec)
{
  g_return_if_fail (BJB_IS_CONNECTION (self));
  g_return_if_fail (msec > 0);

  self->connect_timeout_msec = msec;
}

void
bjb_connection_close (BjbConnection *self)
{
  g_autoptr(GObject) guard = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BJB_IS_CONNECTION (self));

  guard = g_object_ref (G_OBJECT (self));
  error = bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL, "connection closed",
                                 NULL, NULL);
  _bjb_connection_teardown_link (self, error);
  _bjb_connection_clear_source (&self->reconnect_source);
  _bjb_connection_set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
  _bjb_connection_fail_all_queued (self, error);
  _bjb_connection_finish_open (self, g_error_copy (error));
}

BjbConnectionState
bjb_connection_get_state (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), BJB_CONNECTION_STATE_DISCONNECTED);
  return self->state;
}

GDateTime *
bjb_connection_get_last_success (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  return self->last_success;
}

const GError *
bjb_connection_get_error (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  return self->error;
}

const char *
bjb_connection_get_login (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  return self->login;
}

const char *
bjb_connection_get_role (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  return self->role;
}

const char *
bjb_connection_get_display_name (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  return self->display_name;
}

int
bjb_connection_get_schema_version (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), 0);
  return self->schema_version;
}

int
bjb_connection_get_backend_pid (BjbConnection *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), 0);
  return self->conn != NULL && self->phase >= PHASE_HANDSHAKE ? PQbackendPID (self->conn) : 0;
}
