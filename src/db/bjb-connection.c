/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

#include "bjb-connection.h"
#include "bjb-db-error-private.h"
#include "bjb-result-private.h"

/*
 * One libpq connection on the GLib main loop. Nothing here blocks: PQconnectStartParams
 * (which may resolve a host name) runs in a worker thread, PQconnectPoll / PQconsumeInput /
 * PQflush are driven by a GSource on PQsocket(), and PQcancel runs in a worker thread.
 *
 * The link goes through phases: STARTING (thread) → POLLING (PQconnectPoll) → HANDSHAKE
 * (schema_version, whoami as internal queries) → READY (user queries, heartbeat). Any
 * failure tears the link down; "generation" is bumped on every teardown so callbacks of
 * an older link (the start thread, a late timer) recognise themselves as stale.
 */

typedef enum {
  PHASE_NONE,
  PHASE_STARTING,
  PHASE_POLLING,
  PHASE_HANDSHAKE,
  PHASE_READY,
} Phase;

typedef struct _Query Query;
typedef void (*InternalDone) (BjbConnection *self,
                              PGresult      *result,
                              GError        *error);

struct _Query
{
  BjbConnection *self;          /* borrowed */
  GTask *task;                  /* NULL for internal queries and orphans */
  InternalDone internal_done;   /* for internal queries */
  char *sql;
  char **params;
  guint n_params;
  GSource *cancel_source;
  PGresult *result;
  GError *error;
};

struct _BjbConnection
{
  GObject parent_instance;

  /* Owned */
  GMainContext *context;
  char **keywords;
  char **values;
  PGconn *conn;
  GSource *socket_source;
  GSource *connect_timeout_source;
  GSource *reconnect_source;
  GSource *heartbeat_source;
  GSource *heartbeat_deadline_source;
  GQueue queue;                 /* Query*, waiting to be sent */
  Query *in_flight;
  Query *handshake;             /* internal query waiting during HANDSHAKE */
  guint cancels_in_flight;      /* PQcancel calls not yet returned … */
  int cancel_backend_pid;       /* … aimed at this backend */
  GTask *open_task;
  GSource *open_cancel_source;
  GDateTime *last_success;
  GError *error;
  char *login;
  char *role;
  char *display_name;

  int socket_fd;
  GIOCondition socket_condition;
  Phase phase;
  BjbConnectionState state;
  guint generation;
  int schema_version;
  int expected_schema_version;
  guint heartbeat_msec;
  guint min_delay_msec;
  guint max_delay_msec;
  guint backoff_msec;
  guint connect_timeout_msec;
  int front_insert;             /* >= 0 while "connected" is being emitted */
};

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

static void link_failed     (BjbConnection *self,
                             GError        *error);
static void watch_socket    (BjbConnection *self,
                             GIOCondition   condition);
static void maybe_send_next (BjbConnection *self);

/* Queries ---------------------------------------------------------------- */

static void
query_free (Query *query)
{
  if (query->cancel_source != NULL)
    {
      g_source_destroy (query->cancel_source);
      g_source_unref (query->cancel_source);
    }
  g_clear_object (&query->task);
  g_clear_pointer (&query->result, PQclear);
  g_clear_error (&query->error);
  g_free (query->sql);
  for (guint i = 0; i < query->n_params; i++)
    g_free (query->params[i]);
  g_free (query->params);
  g_free (query);
}

static Query *
query_new (BjbConnection     *self,
           const char        *sql,
           guint              n_params,
           const char *const *params)
{
  Query *query = g_new0 (Query, 1);

  query->self = self;
  query->sql = g_strdup (sql);
  query->n_params = n_params;
  query->params = g_new0 (char *, n_params + 1);
  for (guint i = 0; i < n_params; i++)
    query->params[i] = g_strdup (params[i]);
  return query;
}

/* Hands the outcome to whoever waits and frees the query. Callers must not touch
 * self->in_flight / the queue entry afterwards: a callback may re-enter. */
static void
query_complete (Query   *query,
                PGresult *result,
                GError   *error)
{
  if (query->cancel_source != NULL)
    {
      g_source_destroy (query->cancel_source);
      g_clear_pointer (&query->cancel_source, g_source_unref);
    }

  if (query->internal_done != NULL)
    {
      query->internal_done (query->self, result, error);
      g_clear_pointer (&result, PQclear);
      g_clear_error (&error);
    }
  else if (query->task != NULL)
    {
      GTask *task = g_steal_pointer (&query->task);

      if (error != NULL)
        {
          g_clear_pointer (&result, PQclear);
          g_task_return_error (task, error);
        }
      else
        g_task_return_pointer (task, bjb_result_new_take (result), g_object_unref);
      g_object_unref (task);
    }
  else
    {
      /* An orphan: its caller was told G_IO_ERROR_CANCELLED already. */
      g_clear_pointer (&result, PQclear);
      g_clear_error (&error);
    }

  query_free (query);
}

static void
fail_all_queued (BjbConnection *self,
                 const GError  *error)
{
  Query *query;

  while ((query = g_queue_pop_head (&self->queue)) != NULL)
    query_complete (query, NULL, g_error_copy (error));
}

/* Small helpers ---------------------------------------------------------- */

static GSource *
add_timeout (BjbConnection *self,
             guint          msec,
             GSourceFunc    func)
{
  GSource *source = g_timeout_source_new (msec);

  g_source_set_callback (source, func, self, NULL);
  g_source_attach (source, self->context);
  return source;
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
set_state (BjbConnection      *self,
           BjbConnectionState  state)
{
  if (self->state == state)
    return;
  g_debug ("state %d → %d", self->state, state);
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_error (BjbConnection *self,
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

static void
touch_last_success (BjbConnection *self)
{
  g_clear_pointer (&self->last_success, g_date_time_unref);
  self->last_success = g_date_time_new_now_local ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SUCCESS]);
}

static gboolean
is_permanent (const GError *error)
{
  return g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_AUTH_FAILED) ||
         g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DATABASE_MISSING) ||
         g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_TLS) ||
         g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_NOT_STAFF) ||
         g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_SCHEMA_TOO_OLD) ||
         g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_SCHEMA_TOO_NEW);
}

/* Notices arrive from inside libpq calls on the main thread. */
static void
notice_processor (void       *arg,
                  const char *message)
{
  BjbConnection *self = arg;
  g_autofree char *text = g_strstrip (g_strdup (message));

  g_signal_emit (self, signals[NOTICE], 0, text);
}

/* Link teardown and reconnect ------------------------------------------- */

/* Drops the current link (if any). The query in flight fails with @error (if not NULL,
 * else with DISCONNECTED); queued queries stay queued. */
static void
teardown_link (BjbConnection *self,
               const GError  *error)
{
  Query *in_flight = g_steal_pointer (&self->in_flight);
  Query *handshake = g_steal_pointer (&self->handshake);

  self->generation++;
  self->phase = PHASE_NONE;
  clear_source (&self->socket_source);
  clear_source (&self->connect_timeout_source);
  clear_source (&self->heartbeat_source);
  clear_source (&self->heartbeat_deadline_source);
  self->socket_fd = -1;
  g_clear_pointer (&self->conn, PQfinish);

  /* Internal queries have nobody to tell; the error itself is handled by the caller. */
  if (handshake != NULL)
    query_free (handshake);
  if (in_flight != NULL)
    {
      if (in_flight->internal_done != NULL)
        query_free (in_flight);
      else
        {
          GError *e = bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED,
                                             bjb_db_error_get_sqlstate (error),
                                             error ? error->message : "connection lost",
                                             NULL, NULL);
          query_complete (in_flight, NULL, e);
        }
    }
}

static void start_link (BjbConnection *self);

static gboolean
reconnect_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  start_link (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (BjbConnection *self)
{
  guint delay;

  /* ±20 % jitter so a room full of clients does not reconnect in lock step after a
   * server restart. */
  delay = (guint) (self->backoff_msec * (0.8 + 0.4 * g_random_double ()));
  self->backoff_msec = MIN (self->backoff_msec * 2, self->max_delay_msec);
  g_debug ("reconnecting in %u ms", delay);

  clear_source (&self->reconnect_source);
  self->reconnect_source = add_timeout (self, MAX (delay, 1), reconnect_cb);
}

void
bjb_connection_reconnect_now (BjbConnection *self)
{
  g_return_if_fail (BJB_IS_CONNECTION (self));

  if (self->state != BJB_CONNECTION_STATE_RECONNECTING)
    return;

  /* An attempt under way (no source) goes on; should it fail, the next one is soon. */
  self->backoff_msec = self->min_delay_msec;
  if (self->reconnect_source == NULL)
    return;

  g_debug ("reconnecting now, as asked");
  clear_source (&self->reconnect_source);
  start_link (self);
}

static void
finish_open (BjbConnection *self,
             GError        *error)
{
  GTask *task = g_steal_pointer (&self->open_task);

  clear_source (&self->open_cancel_source);

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

/* The link died or a connection attempt failed. Takes @error. */
static void
link_failed (BjbConnection *self,
             GError        *error)
{
  g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));
  gboolean was_ready = self->phase == PHASE_READY;

  g_debug ("link failed: %s", error->message);
  teardown_link (self, error);

  if (self->open_task != NULL)
    {
      /* The first open reports its own failure and does not retry. */
      set_error (self, error);
      set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
      fail_all_queued (self, error);
      finish_open (self, error);
      return;
    }

  if (self->state == BJB_CONNECTION_STATE_DISCONNECTED)
    {
      g_error_free (error);
      return;
    }

  if (!was_ready && is_permanent (error))
    {
      /* Password changed, staff deactivated, schema migrated under us: retrying cannot
       * help, the UI must send the user back to the login window. */
      set_error (self, error);
      set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
      fail_all_queued (self, error);
      g_error_free (error);
      return;
    }

  /* Why the link is down, for the banner; cleared by the next successful connect. */
  set_error (self, error);
  if (was_ready)
    self->backoff_msec = self->min_delay_msec;
  set_state (self, BJB_CONNECTION_STATE_RECONNECTING);
  schedule_reconnect (self);
  g_error_free (error);
}

static void
link_lost_from_conn (BjbConnection *self)
{
  g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

  link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                            *message ? message : "connection lost",
                                            NULL, NULL));
}

/* Heartbeat -------------------------------------------------------------- */

static void
heartbeat_done (BjbConnection *self,
                PGresult      *result,
                GError        *error)
{
  clear_source (&self->heartbeat_deadline_source);
}

static gboolean
heartbeat_deadline_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->heartbeat_deadline_source, g_source_unref);
  link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                            "the server did not answer the heartbeat",
                                            NULL, NULL));
  return G_SOURCE_REMOVE;
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  BjbConnection *self = user_data;
  Query *query;

  g_clear_pointer (&self->heartbeat_source, g_source_unref);
  if (self->phase != PHASE_READY || self->in_flight != NULL || self->queue.length > 0)
    return G_SOURCE_REMOVE;

  query = query_new (self, "SELECT 1", 0, NULL);
  query->internal_done = heartbeat_done;
  g_queue_push_head (&self->queue, query);
  self->heartbeat_deadline_source = add_timeout (self, self->heartbeat_msec,
                                                 heartbeat_deadline_cb);
  maybe_send_next (self);
  return G_SOURCE_REMOVE;
}

static void
arm_heartbeat (BjbConnection *self)
{
  clear_source (&self->heartbeat_source);
  if (self->heartbeat_msec > 0 && self->phase == PHASE_READY)
    self->heartbeat_source = add_timeout (self, self->heartbeat_msec, heartbeat_cb);
}

/* Sending and receiving -------------------------------------------------- */

static void
maybe_send_next (BjbConnection *self)
{
  Query *query;
  int flushed;

  if (self->conn == NULL || self->in_flight != NULL)
    return;

  /* A cancel request still on its way could reach the server after the next query and
   * cancel that one instead. Once PQcancel has returned, the backend has had its signal;
   * if it was idle by then, it ignores it. A new link has a new backend: no need to wait. */
  if (self->cancels_in_flight > 0 && PQbackendPID (self->conn) == self->cancel_backend_pid)
    return;

  if (self->phase == PHASE_HANDSHAKE)
    query = g_steal_pointer (&self->handshake);
  else if (self->phase == PHASE_READY)
    query = g_queue_pop_head (&self->queue);
  else
    return;

  if (query == NULL)
    {
      if (self->phase == PHASE_READY && self->heartbeat_source == NULL)
        arm_heartbeat (self);
      return;
    }

  clear_source (&self->heartbeat_source);
  if (!PQsendQueryParams (self->conn, query->sql, (int) query->n_params, NULL,
                          (const char *const *) query->params, NULL, NULL, 0))
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      if (PQstatus (self->conn) == CONNECTION_BAD)
        {
          /* Not sent: a user query goes back to wait for the reconnect. */
          if (query->internal_done != NULL)
            query_free (query);
          else
            g_queue_push_head (&self->queue, query);
          link_lost_from_conn (self);
        }
      else
        query_complete (query, NULL,
                        bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL, message, NULL, NULL));
      maybe_send_next (self);
      return;
    }

  self->in_flight = query;
  flushed = PQflush (self->conn);
  if (flushed < 0)
    link_lost_from_conn (self);
  else
    watch_socket (self, flushed == 1 ? G_IO_IN | G_IO_OUT : G_IO_IN);
}

static void
emit_notifications (BjbConnection *self)
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

/* Reads whatever results are complete. Returns FALSE if the link was torn down. */
static gboolean
read_results (BjbConnection *self)
{
  while (self->conn != NULL && self->in_flight != NULL && !PQisBusy (self->conn))
    {
      PGresult *result = PQgetResult (self->conn);
      Query *query = self->in_flight;

      if (result != NULL)
        {
          ExecStatusType status = PQresultStatus (result);

          if (status == PGRES_FATAL_ERROR || status == PGRES_NONFATAL_ERROR ||
              status == PGRES_BAD_RESPONSE)
            {
              if (query->error == NULL)
                query->error = bjb_db_error_new_from_result (result);
              PQclear (result);
            }
          else if (status == PGRES_COPY_IN || status == PGRES_COPY_OUT ||
                   status == PGRES_COPY_BOTH)
            {
              /* COPY is not supported through this API; the link cannot recover. */
              PQclear (result);
              link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL,
                                                        "COPY is not supported", NULL, NULL));
              return FALSE;
            }
          else
            {
              g_clear_pointer (&query->result, PQclear);
              query->result = result;
            }
          continue;
        }

      /* NULL: the query is complete. */
      self->in_flight = NULL;
      if (PQstatus (self->conn) == CONNECTION_BAD)
        {
          /* Terminated mid-query: the result may be a FATAL 57P01. Either way the
           * outcome is unknown to the caller. */
          self->in_flight = query;
          link_lost_from_conn (self);
          return FALSE;
        }

      touch_last_success (self);
      {
        PGresult *r = g_steal_pointer (&query->result);
        GError *e = g_steal_pointer (&query->error);

        if (e != NULL)
          g_clear_pointer (&r, PQclear);
        else if (r == NULL)
          e = bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL, "empty query", NULL, NULL);
        query_complete (query, r, e);
      }

      if (self->conn == NULL)
        return FALSE;
      maybe_send_next (self);
    }
  return self->conn != NULL;
}

static void poll_connect (BjbConnection *self);

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     user_data)
{
  BjbConnection *self = user_data;
  g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));

  if (self->phase == PHASE_POLLING)
    {
      poll_connect (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->conn == NULL)
    return G_SOURCE_CONTINUE;

  if (condition & G_IO_OUT)
    {
      int flushed = PQflush (self->conn);

      if (flushed < 0)
        {
          link_lost_from_conn (self);
          return G_SOURCE_CONTINUE;
        }
      if (flushed == 0)
        watch_socket (self, G_IO_IN);
    }

  if (condition & (G_IO_IN | G_IO_HUP | G_IO_ERR))
    {
      if (!PQconsumeInput (self->conn))
        {
          link_lost_from_conn (self);
          return G_SOURCE_CONTINUE;
        }
      if (!read_results (self))
        return G_SOURCE_CONTINUE;
      emit_notifications (self);
      if (self->conn != NULL && PQstatus (self->conn) == CONNECTION_BAD)
        link_lost_from_conn (self);
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_socket (BjbConnection *self,
              GIOCondition   condition)
{
  int fd = self->conn ? PQsocket (self->conn) : -1;

  if (self->socket_source != NULL && fd == self->socket_fd &&
      condition == self->socket_condition)
    return;

  clear_source (&self->socket_source);
  self->socket_fd = fd;
  self->socket_condition = condition;
  if (fd < 0)
    return;

  self->socket_source = g_unix_fd_source_new (fd, condition | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (socket_cb), self, NULL);
  g_source_set_name (self->socket_source, "[bjb] libpq socket");
  g_source_attach (self->socket_source, self->context);
}

/* Handshake -------------------------------------------------------------- */

static void
whoami_done (BjbConnection *self,
             PGresult      *result,
             GError        *error)
{
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object = NULL;
  const char *role = NULL;
  gboolean active = FALSE;

  if (error != NULL)
    {
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION) ||
          g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS))
        link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF,
                                                  bjb_db_error_get_sqlstate (error),
                                                  bjb_db_error_get_server_message (error),
                                                  NULL, NULL));
      else
        link_failed (self, g_error_copy (error));
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
      link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF, NULL,
                                                "the login is not an active staff member",
                                                NULL, NULL));
      return;
    }

  set_string (self, &self->login,
              json_object_get_string_member_with_default (object, "login", NULL), PROP_LOGIN);
  set_string (self, &self->role, role, PROP_ROLE);
  set_string (self, &self->display_name,
              json_object_get_string_member_with_default (object, "display_name", NULL),
              PROP_DISPLAY_NAME);

  clear_source (&self->connect_timeout_source);
  self->phase = PHASE_READY;
  self->backoff_msec = self->min_delay_msec;
  set_error (self, NULL);
  set_state (self, BJB_CONNECTION_STATE_CONNECTED);

  {
    g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));
    guint generation = self->generation;

    self->front_insert = 0;
    g_signal_emit (self, signals[CONNECTED], 0);
    self->front_insert = -1;
    if (generation != self->generation)
      return;
    finish_open (self, NULL);
    if (generation != self->generation)
      return;
  }

  maybe_send_next (self);
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
        link_failed (self, bjb_db_error_new_schema (0, self->expected_schema_version));
      else if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION))
        link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_NOT_STAFF, sqlstate,
                                                  bjb_db_error_get_server_message (error),
                                                  NULL, NULL));
      else
        link_failed (self, g_error_copy (error));
      return;
    }

  version = PQntuples (result) == 1 ? atoi (PQgetvalue (result, 0, 0)) : 0;
  if (version != self->schema_version)
    {
      self->schema_version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA_VERSION]);
    }

  if (self->expected_schema_version > 0 && version != self->expected_schema_version)
    {
      link_failed (self, bjb_db_error_new_schema (version, self->expected_schema_version));
      return;
    }

  self->handshake = query_new (self, "SELECT bjb.whoami()::text AS me", 0, NULL);
  self->handshake->internal_done = whoami_done;
}

static void
begin_handshake (BjbConnection *self)
{
  PQsetnonblocking (self->conn, 1);
  PQsetErrorVerbosity (self->conn, PQERRORS_DEFAULT);
  PQsetNoticeProcessor (self->conn, notice_processor, self);

  self->phase = PHASE_HANDSHAKE;
  self->handshake = query_new (self, "SELECT bjb.schema_version() AS version", 0, NULL);
  self->handshake->internal_done = schema_version_done;
  maybe_send_next (self);
}

/* Connecting ------------------------------------------------------------- */

static void
poll_connect (BjbConnection *self)
{
  switch (PQconnectPoll (self->conn))
    {
    case PGRES_POLLING_READING:
      watch_socket (self, G_IO_IN);
      break;

    case PGRES_POLLING_WRITING:
      watch_socket (self, G_IO_OUT);
      break;

    case PGRES_POLLING_OK:
      watch_socket (self, G_IO_IN);
      begin_handshake (self);
      break;

    case PGRES_POLLING_FAILED:
    case PGRES_POLLING_ACTIVE:
    default:
      link_failed (self, bjb_db_error_new_from_connection (PQerrorMessage (self->conn)));
      break;
    }
}

static gboolean
connect_timeout_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->connect_timeout_source, g_source_unref);
  link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
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
  GWeakRef *weak = user_data;
  g_autoptr(BjbConnection) self = g_weak_ref_get (weak);
  GTask *task = G_TASK (result);
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "generation"));
  PGconn *conn;

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL || generation != self->generation || self->phase != PHASE_STARTING)
    return;   /* gone or stale: GTask frees the PGconn */

  conn = g_task_propagate_pointer (task, NULL);
  if (conn == NULL)
    {
      link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_CONNECTION_FAILED, NULL,
                                                "out of memory", NULL, NULL));
      return;
    }

  self->conn = conn;
  if (PQstatus (conn) == CONNECTION_BAD)
    {
      link_failed (self, bjb_db_error_new_from_connection (PQerrorMessage (conn)));
      return;
    }

  /* Verbose errors put the SQLSTATE into connection failure messages. */
  PQsetErrorVerbosity (conn, PQERRORS_VERBOSE);
  self->phase = PHASE_POLLING;
  watch_socket (self, G_IO_OUT);
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

static void
start_link (BjbConnection *self)
{
  g_autoptr(GTask) task = NULL;
  StartData *data;
  GWeakRef *weak;

  teardown_link (self, NULL);
  self->phase = PHASE_STARTING;

  data = g_new0 (StartData, 1);
  data->keywords = build_keywords (self, &data->values);

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, NULL, start_done, weak);
  g_task_set_source_tag (task, start_link);
  g_task_set_task_data (task, data, (GDestroyNotify) start_data_free);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  g_task_run_in_thread (task, start_thread);

  self->connect_timeout_source = add_timeout (self, self->connect_timeout_msec,
                                              connect_timeout_cb);
}

/* GObject ---------------------------------------------------------------- */

static void
bjb_connection_dispose (GObject *object)
{
  BjbConnection *self = (BjbConnection *) object;
  g_autoptr(GError) error = bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                                   "connection closed", NULL, NULL);

  teardown_link (self, error);
  clear_source (&self->reconnect_source);
  fail_all_queued (self, error);
  finish_open (self, g_error_copy (error));

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
bjb_connection_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbConnection *self = BJB_CONNECTION (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_SUCCESS:
      g_value_set_boxed (value, self->last_success);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_LOGIN:
      g_value_set_string (value, self->login);
      break;
    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_SCHEMA_VERSION:
      g_value_set_int (value, self->schema_version);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_connection_class_init (BjbConnectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bjb_connection_dispose;
  object_class->finalize = bjb_connection_finalize;
  object_class->get_property = bjb_connection_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, BJB_TYPE_CONNECTION_STATE,
                       BJB_CONNECTION_STATE_DISCONNECTED, flags);
  properties[PROP_LAST_SUCCESS] =
    g_param_spec_boxed ("last-success", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, flags);
  properties[PROP_LOGIN] =
    g_param_spec_string ("login", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_SCHEMA_VERSION] =
    g_param_spec_int ("schema-version", NULL, NULL, 0, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
    arm_heartbeat (self);
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

static gboolean
open_cancel_source_cb (GCancellable *cancellable,
                       gpointer      user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->open_cancel_source, g_source_unref);
  if (self->open_task == NULL)
    return G_SOURCE_REMOVE;

  teardown_link (self, NULL);
  clear_source (&self->reconnect_source);
  set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
  {
    g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                   "connecting was cancelled");

    fail_all_queued (self, error);
    finish_open (self, g_error_copy (error));
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
  set_error (self, NULL);
  set_state (self, BJB_CONNECTION_STATE_CONNECTING);
  start_link (self);
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

static void
cancel_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char errbuf[256];

  if (!PQcancel (task_data, errbuf, sizeof errbuf))
    g_debug ("cancel request failed: %s", errbuf);
  g_task_return_boolean (task, TRUE);
}

/* The cancel task does not hold the connection: its thread would then own a reference, and
 * the connection could be finalized in that thread. It holds a weak reference instead. */
static void
cancel_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(BjbConnection) self = g_weak_ref_get (weak);

  g_weak_ref_clear (weak);
  g_free (weak);
  if (self == NULL)
    return;

  g_assert (self->cancels_in_flight > 0);
  self->cancels_in_flight--;
  maybe_send_next (self);
}

static gboolean
query_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  Query *query = user_data;
  BjbConnection *self = query->self;
  GTask *task;

  g_clear_pointer (&query->cancel_source, g_source_unref);

  if (query == self->in_flight)
    {
      PGcancel *cancel = self->conn ? PQgetCancel (self->conn) : NULL;

      /* The query becomes an orphan: its result is read and dropped so the link stays in
       * sync, and the caller hears about the cancellation now rather than when the
       * server gets round to it. */
      if (cancel != NULL)
        {
          GWeakRef *weak = g_new0 (GWeakRef, 1);
          g_autoptr(GTask) cancel_task = NULL;

          g_weak_ref_init (weak, self);
          cancel_task = g_task_new (NULL, NULL, cancel_done, weak);

          self->cancels_in_flight++;
          self->cancel_backend_pid = PQbackendPID (self->conn);
          g_task_set_source_tag (cancel_task, cancel_thread);
          g_task_set_task_data (cancel_task, cancel, (GDestroyNotify) PQfreeCancel);
          g_task_run_in_thread (cancel_task, cancel_thread);
        }
      task = g_steal_pointer (&query->task);
    }
  else
    {
      GList *link = g_queue_find (&self->queue, query);

      g_assert (link != NULL);
      g_queue_delete_link (&self->queue, link);
      task = g_steal_pointer (&query->task);
      query_free (query);
    }

  if (task != NULL)
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}

void
bjb_connection_query_async (BjbConnection       *self,
                            const char          *sql,
                            guint                n_params,
                            const char *const   *params,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Query *query;

  g_return_if_fail (BJB_IS_CONNECTION (self));
  g_return_if_fail (sql != NULL);
  g_return_if_fail (n_params == 0 || params != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_connection_query_async);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (self->state == BJB_CONNECTION_STATE_DISCONNECTED)
    {
      g_task_return_error (task, bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                                        "not connected", NULL, NULL));
      return;
    }

  query = query_new (self, sql, n_params, params);
  query->task = g_steal_pointer (&task);

  if (cancellable != NULL)
    {
      query->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (query->cancel_source, G_SOURCE_FUNC (query_cancelled_cb),
                             query, NULL);
      g_source_attach (query->cancel_source, self->context);
    }

  if (self->front_insert >= 0)
    g_queue_push_nth (&self->queue, query, self->front_insert++);
  else
    g_queue_push_tail (&self->queue, query);

  maybe_send_next (self);
}

BjbResult *
bjb_connection_query_finish (BjbConnection  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_connection_query_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
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
  teardown_link (self, error);
  clear_source (&self->reconnect_source);
  set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
  fail_all_queued (self, error);
  finish_open (self, g_error_copy (error));
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
