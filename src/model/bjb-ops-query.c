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

void
bjb_ops_query_id_async (BjbConnection       *connection,
                        const char          *sql,
                        gint64               id,
                        GCancellable        *cancellable,
                        gpointer             source_tag,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autofree char *id_text = bjb_ops_int_param (id);
  const char *params[] = { id_text };

  bjb_ops_query_async (connection, sql, G_N_ELEMENTS (params), params, cancellable, source_tag,
                       callback, user_data);
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
bjb_ops_query_finish_int (GAsyncResult  *result,
                          gpointer       source_tag,
                          const char    *column,
                          gint64         failed,
                          GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);

  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    return failed;
  return bjb_result_get_int64 (rows, 0, column);
}

GBytes *
bjb_ops_query_finish_bytes (GAsyncResult  *result,
                            gpointer       source_tag,
                            const char    *column,
                            GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);

  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    return NULL;
  return bjb_result_get_bytes (rows, 0, column);
}

gint64
bjb_ops_query_finish_id (GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  return bjb_ops_query_finish_int (result, source_tag, "id", 0, error);
}

gboolean
bjb_ops_query_finish_ok (GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);

  return rows != NULL;
}

GPtrArray *
bjb_ops_query_finish_array (GAsyncResult   *result,
                            gpointer        source_tag,
                            BjbOpsRowFunc   make,
                            GError        **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, source_tag, error);
  GPtrArray *array;

  if (rows == NULL)
    return NULL;
  array = g_ptr_array_new_full (bjb_result_get_n_rows (rows), g_object_unref);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    g_ptr_array_add (array, make (rows, i));
  return array;
}

GListModel *
bjb_ops_query_finish_store (GAsyncResult   *result,
                            gpointer        source_tag,
                            GType           item_type,
                            BjbOpsRowFunc   make,
                            GError        **error)
{
  g_autoptr(GPtrArray) items = bjb_ops_query_finish_array (result, source_tag, make, error);
  GListStore *store;

  if (items == NULL)
    return NULL;
  store = g_list_store_new (item_type);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

gint64
bjb_ops_query_finish_saved (GAsyncResult  *result,
                            gpointer       source_tag,
                            int           *version,
                            GError       **error)
{
  g_autoptr(JsonObject) saved = bjb_ops_query_finish_object (result, source_tag, "saved", error);

  if (saved == NULL)
    return 0;
  if (version != NULL)
    *version = (int) json_object_get_int_member_with_default (saved, "version", 0);
  return json_object_get_int_member_with_default (saved, "id", 0);
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

JsonObject *
bjb_ops_query_finish_object (GAsyncResult  *result,
                             gpointer       source_tag,
                             const char    *column,
                             GError       **error)
{
  g_autoptr(JsonNode) node = bjb_ops_query_finish_json (result, source_tag, column,
                                                        JSON_NODE_OBJECT, error);

  return node != NULL ? json_node_dup_object (node) : NULL;
}

char *
bjb_ops_int_param (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

char *
bjb_ops_int_array_param (const gint64 *values,
                         guint         n_values)
{
  GString *text;

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);

  text = g_string_new ("{");
  for (guint i = 0; i < n_values; i++)
    g_string_append_printf (text, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", values[i]);
  g_string_append_c (text, '}');
  return g_string_free (text, FALSE);
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
