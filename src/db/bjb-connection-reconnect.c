/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "bjb-connection-private.h"
#include "bjb-db-error-private.h"

/* Link teardown and reconnect ------------------------------------------- */

/* Drops the current link (if any). The query in flight fails with @error (if not NULL,
 * else with DISCONNECTED); queued queries stay queued. */
void
_bjb_connection_teardown_link (BjbConnection *self,
                               const GError  *error)
{
  Query *in_flight = g_steal_pointer (&self->in_flight);
  Query *handshake = g_steal_pointer (&self->handshake);

  self->generation++;
  self->phase = PHASE_NONE;
  _bjb_connection_clear_source (&self->socket_source);
  _bjb_connection_clear_source (&self->connect_timeout_source);
  _bjb_connection_clear_source (&self->heartbeat_source);
  _bjb_connection_clear_source (&self->heartbeat_deadline_source);
  self->socket_fd = -1;
  g_clear_pointer (&self->conn, PQfinish);

  /* Internal queries have nobody to tell; the error itself is handled by the caller. */
  if (handshake != NULL)
    _bjb_connection_query_free (handshake);
  if (in_flight != NULL)
    {
      if (in_flight->internal_done != NULL)
        _bjb_connection_query_free (in_flight);
      else
        {
          GError *e = bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED,
                                             bjb_db_error_get_sqlstate (error),
                                             error ? error->message : "connection lost",
                                             NULL, NULL);
          _bjb_connection_query_complete (in_flight, NULL, e);
        }
    }
}

static gboolean
reconnect_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->reconnect_source, g_source_unref);
  _bjb_connection_start_link (self);
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

  _bjb_connection_clear_source (&self->reconnect_source);
  self->reconnect_source = _bjb_connection_add_timeout (self, MAX (delay, 1), reconnect_cb);
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
  _bjb_connection_clear_source (&self->reconnect_source);
  _bjb_connection_start_link (self);
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

/* The link died or a connection attempt failed. Takes @error. */
void
_bjb_connection_link_failed (BjbConnection *self,
                             GError        *error)
{
  g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));
  gboolean was_ready = self->phase == PHASE_READY;

  g_debug ("link failed: %s", error->message);
  _bjb_connection_teardown_link (self, error);

  if (self->open_task != NULL)
    {
      /* The first open reports its own failure and does not retry. */
      _bjb_connection_set_error (self, error);
      _bjb_connection_set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
      _bjb_connection_fail_all_queued (self, error);
      _bjb_connection_finish_open (self, error);
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
      _bjb_connection_set_error (self, error);
      _bjb_connection_set_state (self, BJB_CONNECTION_STATE_DISCONNECTED);
      _bjb_connection_fail_all_queued (self, error);
      g_error_free (error);
      return;
    }

  /* Why the link is down, for the banner; cleared by the next successful connect. */
  _bjb_connection_set_error (self, error);
  if (was_ready)
    self->backoff_msec = self->min_delay_msec;
  _bjb_connection_set_state (self, BJB_CONNECTION_STATE_RECONNECTING);
  schedule_reconnect (self);
  g_error_free (error);
}

void
_bjb_connection_link_lost_from_conn (BjbConnection *self)
{
  g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

  _bjb_connection_link_failed (self, bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                                            *message ? message : "connection lost",
                                                            NULL, NULL));
}

/* Heartbeat -------------------------------------------------------------- */

static void
heartbeat_done (BjbConnection *self,
                PGresult      *result,
                GError        *error)
{
  _bjb_connection_clear_source (&self->heartbeat_deadline_source);
}

static gboolean
heartbeat_deadline_cb (gpointer user_data)
{
  BjbConnection *self = user_data;

  g_clear_pointer (&self->heartbeat_deadline_source, g_source_unref);
  _bjb_connection_link_failed (self,
                               bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
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

  query = _bjb_connection_query_new (self, "SELECT 1", 0, NULL);
  query->internal_done = heartbeat_done;
  g_queue_push_head (&self->queue, query);
  self->heartbeat_deadline_source = _bjb_connection_add_timeout (self, self->heartbeat_msec,
                                                                 heartbeat_deadline_cb);
  _bjb_connection_maybe_send_next (self);
  return G_SOURCE_REMOVE;
}

void
_bjb_connection_arm_heartbeat (BjbConnection *self)
{
  _bjb_connection_clear_source (&self->heartbeat_source);
  if (self->heartbeat_msec > 0 && self->phase == PHASE_READY)
    self->heartbeat_source = _bjb_connection_add_timeout (self, self->heartbeat_msec, heartbeat_cb);
}
