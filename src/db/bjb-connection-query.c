/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <libpq-fe.h>

#include "bjb-connection-private.h"
#include "bjb-db-error-private.h"
#include "bjb-result-private.h"

/* Queries ---------------------------------------------------------------- */

void
_bjb_connection_query_free (Query *query)
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

Query *
_bjb_connection_query_new (BjbConnection     *self,
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
void
_bjb_connection_query_complete (Query    *query,
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

  _bjb_connection_query_free (query);
}

void
_bjb_connection_fail_all_queued (BjbConnection *self,
                                 const GError  *error)
{
  Query *query;

  while ((query = g_queue_pop_head (&self->queue)) != NULL)
    _bjb_connection_query_complete (query, NULL, g_error_copy (error));
}

/* Sending and receiving -------------------------------------------------- */

void
_bjb_connection_maybe_send_next (BjbConnection *self)
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
        _bjb_connection_arm_heartbeat (self);
      return;
    }

  _bjb_connection_clear_source (&self->heartbeat_source);
  if (!PQsendQueryParams (self->conn, query->sql, (int) query->n_params, NULL,
                          (const char *const *) query->params, NULL, NULL, 0))
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (self->conn)));

      if (PQstatus (self->conn) == CONNECTION_BAD)
        {
          /* Not sent: a user query goes back to wait for the reconnect. */
          if (query->internal_done != NULL)
            _bjb_connection_query_free (query);
          else
            g_queue_push_head (&self->queue, query);
          _bjb_connection_link_lost_from_conn (self);
        }
      else
        _bjb_connection_query_complete (query, NULL,
                                        bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL, message,
                                                               NULL, NULL));
      _bjb_connection_maybe_send_next (self);
      return;
    }

  self->in_flight = query;
  flushed = PQflush (self->conn);
  if (flushed < 0)
    _bjb_connection_link_lost_from_conn (self);
  else
    _bjb_connection_watch_socket (self, flushed == 1 ? G_IO_IN | G_IO_OUT : G_IO_IN);
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
              _bjb_connection_link_failed (self,
                                           bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL,
                                                                  "COPY is not supported",
                                                                  NULL, NULL));
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
          _bjb_connection_link_lost_from_conn (self);
          return FALSE;
        }

      _bjb_connection_touch_last_success (self);
      {
        PGresult *r = g_steal_pointer (&query->result);
        GError *e = g_steal_pointer (&query->error);

        if (e != NULL)
          g_clear_pointer (&r, PQclear);
        else if (r == NULL)
          e = bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL, "empty query", NULL, NULL);
        _bjb_connection_query_complete (query, r, e);
      }

      if (self->conn == NULL)
        return FALSE;
      _bjb_connection_maybe_send_next (self);
    }
  return self->conn != NULL;
}

static gboolean
socket_cb (int          fd,
           GIOCondition condition,
           gpointer     user_data)
{
  BjbConnection *self = user_data;
  g_autoptr(GObject) guard = g_object_ref (G_OBJECT (self));

  if (self->phase == PHASE_POLLING)
    {
      _bjb_connection_poll_connect (self);
      return G_SOURCE_CONTINUE;
    }

  if (self->conn == NULL)
    return G_SOURCE_CONTINUE;

  if (condition & G_IO_OUT)
    {
      int flushed = PQflush (self->conn);

      if (flushed < 0)
        {
          _bjb_connection_link_lost_from_conn (self);
          return G_SOURCE_CONTINUE;
        }
      if (flushed == 0)
        _bjb_connection_watch_socket (self, G_IO_IN);
    }

  if (condition & (G_IO_IN | G_IO_HUP | G_IO_ERR))
    {
      if (!PQconsumeInput (self->conn))
        {
          _bjb_connection_link_lost_from_conn (self);
          return G_SOURCE_CONTINUE;
        }
      if (!read_results (self))
        return G_SOURCE_CONTINUE;
      _bjb_connection_emit_notifications (self);
      if (self->conn != NULL && PQstatus (self->conn) == CONNECTION_BAD)
        _bjb_connection_link_lost_from_conn (self);
    }

  return G_SOURCE_CONTINUE;
}

void
_bjb_connection_watch_socket (BjbConnection *self,
                              GIOCondition   condition)
{
  int fd = self->conn ? PQsocket (self->conn) : -1;

  if (self->socket_source != NULL && fd == self->socket_fd &&
      condition == self->socket_condition)
    return;

  _bjb_connection_clear_source (&self->socket_source);
  self->socket_fd = fd;
  self->socket_condition = condition;
  if (fd < 0)
    return;

  self->socket_source = g_unix_fd_source_new (fd, condition | G_IO_HUP | G_IO_ERR);
  g_source_set_callback (self->socket_source, G_SOURCE_FUNC (socket_cb), self, NULL);
  g_source_set_name (self->socket_source, "[bjb] libpq socket");
  g_source_attach (self->socket_source, self->context);
}

/* Public API ------------------------------------------------------------- */

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

  query = _bjb_connection_query_new (self, sql, n_params, params);
  query->task = g_steal_pointer (&task);

  if (cancellable != NULL)
    {
      query->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (query->cancel_source,
                             G_SOURCE_FUNC (_bjb_connection_query_cancelled_cb), query, NULL);
      g_source_attach (query->cancel_source, self->context);
    }

  if (self->front_insert >= 0)
    g_queue_push_nth (&self->queue, query, self->front_insert++);
  else
    g_queue_push_tail (&self->queue, query);

  _bjb_connection_maybe_send_next (self);
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
