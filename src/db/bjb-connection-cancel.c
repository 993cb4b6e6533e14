/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "bjb-connection-private.h"

/* Cancelling a query ----------------------------------------------------- */

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
  g_autoptr(BjbConnection) self = _bjb_connection_weak_ref_take (user_data);

  if (self == NULL)
    return;

  g_assert (self->cancels_in_flight > 0);
  self->cancels_in_flight--;
  _bjb_connection_maybe_send_next (self);
}

gboolean
_bjb_connection_query_cancelled_cb (GCancellable *cancellable,
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
          g_autoptr(GTask) cancel_task = NULL;

          cancel_task = g_task_new (NULL, NULL, cancel_done, _bjb_connection_weak_ref_new (self));

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
      _bjb_connection_query_free (query);
    }

  if (task != NULL)
    {
      g_task_return_error_if_cancelled (task);
      g_object_unref (task);
    }
  return G_SOURCE_REMOVE;
}
