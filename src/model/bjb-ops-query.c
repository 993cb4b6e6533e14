/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-ops-query"

#include "config.h"

#include "bjb-ops-query.h"

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  BjbResult *rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);

  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, g_object_unref);
}

void
bjb_ops_query_async (BjbConnection       *connection,
                     const char          *sql,
                     guint                n_params,
                     const char *const   *params,
                     GCancellable        *cancellable,
                     gpointer             source_tag,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (sql != NULL);

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  bjb_connection_query_async (connection, sql, n_params, params, cancellable, on_query_done,
                              g_steal_pointer (&task));
}

BjbResult *
bjb_ops_query_finish (GAsyncResult  *result,
                      gpointer       source_tag,
                      GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
bjb_ops_int_param (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

GCancellable *
bjb_ops_restart_cancellable (GCancellable **slot,
                             GCancellable  *parent)
{
  g_return_val_if_fail (slot != NULL, NULL);

  g_cancellable_cancel (*slot);
  g_clear_object (slot);
  *slot = g_cancellable_new ();
  if (parent != NULL)
    g_signal_connect_object (parent, "cancelled", G_CALLBACK (g_cancellable_cancel), *slot,
                             G_CONNECT_SWAPPED);
  return *slot;
}
