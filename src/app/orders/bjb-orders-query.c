/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-orders-query"

#include "config.h"

#include "bjb-orders-query.h"

#define MAX_RETRIES 2

typedef struct
{
  char   *sql;
  GStrv   params;      /* NULL elements are SQL NULL, so kept with their count */
  guint   n_params;
  guint   attempts;
} Query;

static void
query_free (Query *query)
{
  g_free (query->sql);
  for (guint i = 0; i < query->n_params; i++)
    g_free (query->params[i]);
  g_free (query->params);
  g_free (query);
}

static void send_query (GTask *task);

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Query *query = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  BjbResult *rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (rows != NULL)
    {
      g_task_return_pointer (task, rows, g_object_unref);
      return;
    }
  if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "57014") == 0 &&
      !g_cancellable_is_cancelled (cancellable) && query->attempts <= MAX_RETRIES)
    {
      g_debug ("statement cancelled by an earlier cancel request; sending it again");
      send_query (g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
send_query (GTask *task)
{
  Query *query = g_task_get_task_data (task);

  query->attempts++;
  bjb_connection_query_async (BJB_CONNECTION (g_task_get_source_object (task)), query->sql,
                              query->n_params, (const char * const *) query->params,
                              g_task_get_cancellable (task), on_done, task);
}

void
bjb_orders_query_async (BjbConnection       *connection,
                        const char          *sql,
                        guint                n_params,
                        const char *const   *params,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  Query *query;

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (sql != NULL);

  query = g_new0 (Query, 1);
  query->sql = g_strdup (sql);
  query->n_params = n_params;
  query->params = g_new0 (char *, n_params + 1);
  for (guint i = 0; i < n_params; i++)
    query->params[i] = g_strdup (params[i]);

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_orders_query_async);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  send_query (task);
}

BjbResult *
bjb_orders_query_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_orders_query_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
