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

gint64
bjb_ops_query_finish_id (GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);

  return rows != NULL ? bjb_result_get_int64 (rows, 0, "id") : 0;
}

JsonNode *
bjb_ops_query_finish_json (GAsyncResult  *result,
                           gpointer       source_tag,
                           const char    *column,
                           JsonNodeType   type,
                           GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);
  g_autoptr(JsonNode) node = NULL;

  if (rows == NULL)
    return NULL;
  node = bjb_result_get_n_rows (rows) > 0 ? bjb_result_get_json (rows, 0, column) : NULL;
  if (node == NULL || JSON_NODE_TYPE (node) != type)
    {
      g_set_error (error, BJB_DB_ERROR, BJB_DB_ERROR_QUERY, "%s: the server sent no %s", column,
                   type == JSON_NODE_ARRAY ? "array" : "object");
      return NULL;
    }
  return g_steal_pointer (&node);
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
