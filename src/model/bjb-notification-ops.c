/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-notification-ops"

#include "config.h"

#include "bjb-event.h"
#include "bjb-notification.h"
#include "bjb-notification-ops.h"
#include "bjb-ops-query.h"

/* The columns bjb_event_new_from_result() reads, and whether this login read the event. */
static const char LOAD_RECENT_SQL[] =
  "SELECT * FROM bjb.recent_notifications($1::int, $2)";

static const char MARK_READ_SQL[] =
  "SELECT bjb.mark_events_read($1::bigint[]) AS marked";

static void
on_recent_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, on_recent_loaded, &error);
  const char *role = g_task_get_task_data (task);
  GPtrArray *notifications;

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  notifications = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      g_autoptr(BjbEvent) event = bjb_event_new_from_result (rows, i);

      g_ptr_array_add (notifications,
                       bjb_notification_new_from_event (event, role,
                                                        bjb_result_get_boolean (rows, i, "read")));
    }
  g_task_return_pointer (task, notifications, (GDestroyNotify) g_ptr_array_unref);
}

void
bjb_notification_ops_load_recent_async (BjbConnection       *connection,
                                        const char          *role,
                                        guint                limit,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *limit_text = g_strdup_printf ("%u", limit);
  const char *params[] = { limit_text, role };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_notification_ops_load_recent_async);
  /* The wording depends on the reader's role ("yours to deliver" for a courier). */
  g_task_set_task_data (task, g_strdup (role), g_free);
  bjb_ops_query_async (connection, LOAD_RECENT_SQL, G_N_ELEMENTS (params), params, cancellable,
                       on_recent_loaded, on_recent_loaded, g_steal_pointer (&task));
}

GPtrArray *
bjb_notification_ops_load_recent_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        bjb_notification_ops_load_recent_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
bjb_notification_ops_mark_read_async (BjbConnection       *connection,
                                      const gint64        *event_ids,
                                      guint                n_event_ids,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GString) ids = g_string_new ("{");
  const char *params[1];

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  /* One bigint[] parameter in its text form: "{12,15,16}". */
  for (guint i = 0; i < n_event_ids; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", event_ids[i]);
  g_string_append_c (ids, '}');
  params[0] = ids->str;

  bjb_ops_query_async (connection, MARK_READ_SQL, 1, params, cancellable,
                       bjb_notification_ops_mark_read_async, callback, user_data);
}

gboolean
bjb_notification_ops_mark_read_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_notification_ops_mark_read_async,
                                                    error);

  return rows != NULL;
}
