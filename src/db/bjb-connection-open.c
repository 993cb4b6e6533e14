/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "bjb-connection-private.h"
#include "bjb-db-error-private.h"

/* Handshake -------------------------------------------------------------- */

static void
whoami_done (BjbConnection *self,
             PGresult      *result,
             GError        *error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = NULL;
  const char *role = NULL;
  const char *login;
  const char *display_name;
  gboolean active = FALSE;

  if (error != NULL)
    {
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION) ||
          g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS))
        _bjb_connection_link_failed (self,
                                     bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF,
                                                            bjb_db_error_get_sqlstate (error),
                                                            bjb_db_error_get_server_message (error),
                                                            NULL, NULL));
      else
        _bjb_connection_link_failed (self, g_error_copy (error));
      return;
    }

  if (PQntuples (result) == 1 && !PQgetisnull (result, 0, 0))
    node = json_from_string (PQgetvalue (result, 0, 0), NULL);
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    object = json_node_get_object (node);
  if (object != NULL)
    {
      role = json_object_get_string_member_with_default (object, "role", NULL);
      active = json_object_get_boolean_member_with_default (object, "active", FALSE);
    }

  if (role == NULL || *role == '\0' || !active)
    {
      _bjb_connection_link_failed (self,
                                   bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF, NULL,
                                                          "the login is not an active staff member",
                                                          NULL, NULL));
      return;
    }

  login = json_object_get_string_member_with_default (object, "login", NULL);
  display_name = json_object_get_string_member_with_default (object, "display_name", NULL);
  _bjb_connection_set_identity (self, login, role, display_name);

  _bjb_connection_clear_source (&self->connect_timeout_source);
  self->phase = PHASE_READY;
  self->backoff_msec = self->min_delay_msec;
  _bjb_connection_set_error (self, NULL);
  _bjb_connection_set_state (self, BJB_CONNECTION_STATE_CONNECTED);

  {
    g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));
    guint generation = self->generation;

    self->front_insert = 0;
    _bjb_connection_emit_connected (self);
    self->front_insert = -1;
    if (generation != self->generation)
      return;
    _bjb_connection_finish_open (self, NULL);
    if (generation != self->generation)
      return;
  }

  _bjb_connection_maybe_send_next (self);
}

static void
schema_version_done (BjbConnection *self,
                     PGresult      *result,
                     GError        *error)
{
  const char *sqlstate = bjb_db_error_get_sqlstate (error);
  int version;

  if (error != NULL)
    {
      /* No bjb schema or no schema_version(): a database from before the migrations. */
      if (g_strcmp0 (sqlstate, "3F000") == 0 || g_strcmp0 (sqlstate, "42883") == 0)
        _bjb_connection_link_failed (self,
                                     bjb_db_error_new_schema (0, self->expected_schema_version));
      else if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION))
        _bjb_connection_link_failed (self,
                                     bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF, sqlstate,
                                                            bjb_db_error_get_server_message (error),
                                                            NULL, NULL));
      else
        _bjb_connection_link_failed (self, g_error_copy (error));
      return;
    }

  version = PQntuples (result) == 1 ? atoi (PQgetvalue (result, 0, 0)) : 0;
  _bjb_connection_set_schema_version (self, version);

  if (self->expected_schema_version > 0 && version != self->expected_schema_version)
    {
      _bjb_connection_link_failed (self,
                                   bjb_db_error_new_schema (version,
                                                            self->expected_schema_version));
      return;
    }

  self->handshake = _bjb_connection_query_new (self, "SELECT bjb.whoami()::text AS me", 0, NULL);
  self->handshake->internal_done = whoami_done;
}

static void
begin_handshake (BjbConnection *self)
{
  PQsetnonblocking (self->conn, 1);
  PQsetErrorVerbosity (self->conn, PQERRORS_DEFAULT);
  PQsetNoticeProcessor (self->conn, _bjb_connection_notice_processor, self);

  self->phase = PHASE_HANDSHAKE;
  self->handshake = _bjb_connection_query_new (self, "SELECT bjb.schema_version() AS version",
                                               0, NULL);
  self->handshake->internal_done = schema_version_done;
  _bjb_connection_maybe_send_next (self);
}

/* Connecting ------------------------------------------------------------- */

void
_bjb_connection_poll_connect (BjbConnection *self)
{
  switch (PQconnectPoll (self->conn))
    {
    case PGRES_POLLING_READING:
      _bjb_connection_watch_socket (self, G_IO_IN);
      break;

    case PGRES_POLLING_WRITING:
      _bjb_connection_watch_socket (self, G_IO_OUT);
      break;

    case PGRES_POLLING_OK:
      _bjb_connection_watch_socket (self, G_IO_IN);
      begin_handshake (self);
      break;

    case PGRES_POLLING_FAILED:
    case PGRES_POLLING_ACTIVE:
    default:
      _bjb_connection_link_failed (self,
                                   bjb_db_error_new_from_connection (PQerrorMessage (self->conn)));
      break;
    }
}

static gboolean
connect_timeout_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->connect_timeout_source, g_source_unref);
  _bjb_connection_link_failed (self,
                               bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
                                                      "timeout while connecting to the server",
                                                      NULL, NULL));
  return G_SOURCE_REMOVE;
}

typedef struct
{
  char **keywords;
  char **values;
} StartData;

static void
start_data_free (StartData *data)
{
  g_strfreev (data->keywords);
  g_strfreev (data->values);
  g_free (data);
}

/* PQconnectStartParams may resolve the host name synchronously, so it runs here. */
static void
start_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  StartData *data = task_data;
  PGconn *conn;

  conn = PQconnectStartParams ((const char *const *) data->keywords,
                               (const char *const *) data->values, 0);
  g_task_return_pointer (task, conn, (GDestroyNotify) PQfinish);
}

/* Like the cancel task, the start task holds the connection weakly, so that the
 * connection is never finalized in the worker thread. */
static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BjbConnection) self = _bjb_connection_weak_ref_take (user_data);
  GTask *task = G_TASK (result);
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "generation"));
  PGconn *conn;

  if (self == NULL || generation != self->generation || self->phase != PHASE_STARTING)
    return;   /* gone or stale: GTask frees the PGconn */

  conn = g_task_propagate_pointer (task, NULL);
  if (conn == NULL)
    {
      _bjb_connection_link_failed (self,
                                   bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
                                                          "out of memory", NULL, NULL));
      return;
    }

  self->conn = conn;
  if (PQstatus (conn) == CONNECTION_BAD)
    {
      _bjb_connection_link_failed (self, bjb_db_error_new_from_connection (PQerrorMessage (conn)));
      return;
    }

  /* Verbose errors put the SQLSTATE into connection failure messages. */
  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);
  self->phase = PHASE_POLLING;
  _bjb_connection_watch_socket (self, G_IO_OUT);
}

static char **
build_keywords (BjbConnection *self,
                char        ***values_out)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  static const char *const defaults[][2] = {
    { "application_name", "barokah" },
    { "client_encoding", "UTF8" },
    { "keepalives", "1" },
    { "keepalives_idle", "10" },
    { "keepalives_interval", "5" },
    { "keepalives_count", "3" },
    { "tcp_user_timeout", "30000" },
  };
  g_autofree char *options = NULL;

  for (guint i = 0; self->keywords[i] != NULL; i++)
    {
      if (strcmp (self->keywords[i], "options") == 0)
        {
          options = g_strdup (self->values[i]);
          continue;
        }
      g_strv_builder_add (keywords, self->keywords[i]);
      g_strv_builder_add (values, self->values[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (!g_strv_contains ((const char *const *) self->keywords, defaults[i][0]))
      {
        g_strv_builder_add (keywords, defaults[i][0]);
        g_strv_builder_add (values, defaults[i][1]);
      }

  /* BjbResult parses timestamps in ISO form. */
  g_strv_builder_add (keywords, "options");
  if (options != NULL && *options != '\0')
    {
      g_autofree char *joined = g_strconcat (options, " -c DateStyle=ISO", NULL);

      g_strv_builder_add (values, joined);
    }
  else
    g_strv_builder_add (values, "-c DateStyle=ISO");

  *values_out = g_strv_builder_end (values);
  return g_strv_builder_end (keywords);
}

void
_bjb_connection_start_link (BjbConnection *self)
{
  g_autoptr(GTask) task = NULL;
  StartData *data;

  _bjb_connection_teardown_link (self, NULL);
  self->phase = PHASE_STARTING;

  data = g_new0 (StartData, 1);
  data->keywords = build_keywords (self, &data->values);

  task = g_task_new (NULL, NULL, start_done, _bjb_connection_weak_ref_new (self));
  g_task_set_source_tag (task, _bjb_connection_start_link);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  g_task_run_in_thread (task, start_thread);

  self->connect_timeout_source = _bjb_connection_add_timeout (self, self->connect_timeout_msec,
                                                              connect_timeout_cb);
}

/* Opening ---------------------------------------------------------------- */

void
_bjb_connection_finish_open (BjbConnection *self,
                             GError        *error)
{
  GTask *task = g_steal_pointer (&self->open_task);

  _bjb_connection_clear_source (&self->open_cancel_source);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static gboolean
open_cancel_source_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->open_cancel_source, g_source_unref);
  if (self->open_task == NULL)
    return G_SOURCE_REMOVE;

  _bjb_connection_teardown_link (self, NULL);
  _bjb_connection_clear_source (&self->reconnect_source);
  _bjb_connection_set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                   "connecting was cancelled");

    _bjb_connection_fail_all_queued (self, error);
    _bjb_connection_finish_open (self, g_error_copy (error));
  }
  return G_SOURCE_REMOVE;
}

void
bjb_connection_open_async (BjbConnection       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BJB_IS_CONNECTION (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_connection_open_async);

  if (self->state != BJB_CONNECTION_STATE_DISCONNECTED || self->open_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "the connection is already open or opening");
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  self->open_task = g_steal_pointer (&task);
  if (cancellable != NULL)
    {
      /* A cancellable source fires in our context whichever thread cancels. */
      self->open_cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (self->open_cancel_source, G_SOURCE_FUNC (open_cancel_source_cb),
                             self, NULL);
      g_source_attach (self->open_cancel_source, self->context);
    }

  self->backoff_msec = self->min_delay_msec;
  _bjb_connection_set_error (self, NULL);
  _bjb_connection_set_state (self, BJB_CONNECTION_STATE_CONNECTING);
  _bjb_connection_start_link (self);
}

gboolean
bjb_connection_open_finish (BjbConnection  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_connection_open_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
