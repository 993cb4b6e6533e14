/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-notification-ops"

#include "config.h"

#include "bjb-event.h"
#include "bjb-notification.h"
#include "bjb-notification-ops.h"
#include "bjb-ops-query.h"

/* The columns bjb_event_new_from_result() reads, whether this login read the event, and
 * where a listener that has never run here starts (first_cursor): the last event that
 * bjb.events_after would deliver now, in its (xact_id, id) order, below the horizon of
 * transactions still running. Not the newest id in the list: a lower id can commit later
 * and would fall behind that cursor. Both come from one snapshot (this statement's), so an
 * event is either in the list or after the cursor; one in both is delivered again and the
 * session drops the repeat. One row even without events (id NULL) to carry the cursor. */
static const char LOAD_RECENT_SQL[] =
  "SELECT c.first_cursor, e.* "
  "FROM (SELECT bjb.events_first_cursor() AS first_cursor) c "
  "LEFT JOIN LATERAL bjb.recent_notifications($1::int, $2) e ON true "
  "ORDER BY e.id DESC";

/* What the load hands back: the list and the first-run cursor. */
typedef struct
{
  GPtrArray *notifications;
  gint64 first_cursor;
} RecentLoad;

static void
recent_load_free (RecentLoad *load)
{
  g_ptr_array_unref (load->notifications);
  g_free (load);
}

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
  RecentLoad *load;

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  load = g_new0 (RecentLoad, 1);
  load->notifications = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      g_autoptr(BjbEvent) event = NULL;

      load->first_cursor = bjb_result_get_int64 (rows, i, "first_cursor");
      if (bjb_result_is_null (rows, i, "id"))
        continue;
      event = bjb_event_new_from_result (rows, i);
      g_ptr_array_add (load->notifications,
                       bjb_notification_new_from_event (event, role,
                                                        bjb_result_get_boolean (rows, i, "read")));
    }
  g_task_return_pointer (task, load, (GDestroyNotify) recent_load_free);
}

BJB_OPS_ASYNC (bjb_notification_ops_load_recent, const char *role, guint limit)
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

BJB_OPS_FINISH (GPtrArray *, bjb_notification_ops_load_recent, gint64 *first_cursor)
{
  RecentLoad *load;
  GPtrArray *notifications;

  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        bjb_notification_ops_load_recent_async, NULL);

  load = g_task_propagate_pointer (G_TASK (result), error);
  if (load == NULL)
    return NULL;
  if (first_cursor != NULL)
    *first_cursor = load->first_cursor;
  notifications = g_ptr_array_ref (load->notifications);
  recent_load_free (load);
  return notifications;
}

BJB_OPS_ASYNC (bjb_notification_ops_mark_read, const gint64 *event_ids, guint n_event_ids)
{
  g_autofree char *ids = NULL;
  const char *params[1];

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  ids = bjb_ops_int_array_param (event_ids, n_event_ids);
  params[0] = ids;

  bjb_ops_query_async (connection, MARK_READ_SQL, 1, params, cancellable,
                       bjb_notification_ops_mark_read_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_notification_ops_mark_read)
{
  return bjb_ops_query_finish_ok (result, bjb_notification_ops_mark_read_async, error);
}
