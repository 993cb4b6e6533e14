/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-ops"

#include "config.h"

#include "bjb-delivery-ops.h"
#include "bjb-image.h"
#include "bjb-ops-query.h"

/* Row-level security and column grants decide what a courier sees in these two lists. */
static const char LIST_MINE_SQL[] =
  "SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.shipped_at, d.order_id), '[]') AS rows "
  "FROM bjb.my_deliveries() d";

static const char DELIVERED_ON_SQL[] =
  "SELECT coalesce(jsonb_agg(to_jsonb(d) ORDER BY d.completed_at, d.order_id), '[]') AS rows "
  "FROM bjb.delivered_on($1::date) d";

static const char LIST_REASONS_SQL[] =
  "SELECT coalesce(jsonb_agg(to_jsonb(r)), '[]') AS rows FROM bjb.delivery_problem_reasons() r";

static const char ATTACH_PHOTO_SQL[] =
  "SELECT bjb.attach_delivery_photo($1, $2::uuid, 'image/jpeg', $3::bytea, $4::bytea, $5, $6) AS id";

static const char COMPLETE_SQL[] =
  "SELECT bjb.complete_order($1, $2, $3, $4::timestamptz, $5::uuid) AS r";

static const char REPORT_PROBLEM_SQL[] =
  "SELECT bjb.report_delivery_problem($1, $2, $3) AS id";

/* The jsonb array in the column "rows" (a coalesce(jsonb_agg(…), '[]')). */
static JsonArray *
finish_rows (GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_autoptr(JsonNode) node = bjb_ops_query_finish_json (result, source_tag, "rows",
                                                        JSON_NODE_ARRAY, error);

  return node != NULL ? json_array_ref (json_node_get_array (node)) : NULL;
}

BJB_OPS_ASYNC (bjb_delivery_ops_list_mine)
{
  bjb_ops_query_async (connection, LIST_MINE_SQL, 0, NULL, cancellable,
                       bjb_delivery_ops_list_mine_async, callback, user_data);
}

BJB_OPS_FINISH (JsonArray *, bjb_delivery_ops_list_mine)
{
  return finish_rows (result, bjb_delivery_ops_list_mine_async, error);
}

BJB_OPS_ASYNC (bjb_delivery_ops_delivered_on, GDate *day)
{
  g_autofree char *text = NULL;
  const char *params[1];

  g_return_if_fail (day != NULL && g_date_valid (day));

  text = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (day), g_date_get_month (day),
                          g_date_get_day (day));
  params[0] = text;
  bjb_ops_query_async (connection, DELIVERED_ON_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_delivery_ops_delivered_on_async, callback, user_data);
}

BJB_OPS_FINISH (JsonArray *, bjb_delivery_ops_delivered_on)
{
  return finish_rows (result, bjb_delivery_ops_delivered_on_async, error);
}

BJB_OPS_ASYNC (bjb_delivery_ops_list_reasons)
{
  bjb_ops_query_async (connection, LIST_REASONS_SQL, 0, NULL, cancellable,
                       bjb_delivery_ops_list_reasons_async, callback, user_data);
}

BJB_OPS_FINISH (JsonArray *, bjb_delivery_ops_list_reasons)
{
  return finish_rows (result, bjb_delivery_ops_list_reasons_async, error);
}

BJB_OPS_ASYNC (bjb_delivery_ops_attach_photo, gint64 order_id, const char *key, GBytes *photo,
               GBytes *thumb, int width, int height)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  g_autofree char *data = NULL;
  g_autofree char *small = NULL;
  g_autofree char *w = bjb_ops_int_param (width);
  g_autofree char *h = bjb_ops_int_param (height);
  const char *params[6];

  g_return_if_fail (key != NULL && photo != NULL && thumb != NULL);

  data = bjb_bytes_to_bytea_hex (photo);
  small = bjb_bytes_to_bytea_hex (thumb);
  params[0] = order;
  params[1] = key;
  params[2] = data;
  params[3] = small;
  params[4] = w;
  params[5] = h;
  bjb_ops_query_async (connection, ATTACH_PHOTO_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_delivery_ops_attach_photo_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_delivery_ops_attach_photo)
{
  return bjb_ops_query_finish_id (result, bjb_delivery_ops_attach_photo_async, error);
}

BJB_OPS_ASYNC (bjb_delivery_ops_complete, gint64 order_id, const char *recipient, const char *note,
               GDateTime *captured_at, const char *key)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  g_autofree char *captured = NULL;
  const char *params[5];

  g_return_if_fail (captured_at != NULL && key != NULL);

  captured = g_date_time_format_iso8601 (captured_at);
  params[0] = order;
  params[1] = recipient;
  params[2] = note;
  params[3] = captured;
  params[4] = key;
  bjb_ops_query_async (connection, COMPLETE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_delivery_ops_complete_async, callback, user_data);
}

BJB_OPS_FINISH (JsonObject *, bjb_delivery_ops_complete)
{
  return bjb_ops_query_finish_object (result, bjb_delivery_ops_complete_async, "r", error);
}

static void
on_send_completed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  JsonObject *done = bjb_delivery_ops_complete_finish (result, &error);

  if (done == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, done, (GDestroyNotify) json_object_unref);
}

static void
on_send_photo_stored (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  const BjbDeliveryCompletion *c = g_task_get_task_data (task);

  /* An order cancelled or handed to another courier meanwhile still takes the photo (kept
   * for customer service); the completion below is then refused with BJ031. */
  if (bjb_delivery_ops_attach_photo_finish (result, &error) == 0)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  bjb_delivery_ops_complete_async (BJB_CONNECTION (source), c->order_id, c->recipient, c->note,
                                   c->captured_at, c->key, g_task_get_cancellable (task),
                                   on_send_completed, g_object_ref (task));
}

BJB_OPS_ASYNC (bjb_delivery_ops_send, const BjbDeliveryCompletion *completion)
{
  g_autoptr(GTask) task = NULL;
  BjbDeliveryCompletion *c;

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (completion != NULL);

  c = bjb_delivery_completion_copy (completion);
  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_delivery_ops_send_async);
  g_task_set_task_data (task, c, (GDestroyNotify) bjb_delivery_completion_free);
  bjb_delivery_ops_attach_photo_async (connection, c->order_id, c->key, c->photo, c->thumb,
                                       c->width, c->height, cancellable, on_send_photo_stored,
                                       g_steal_pointer (&task));
}

BJB_OPS_FINISH (JsonObject *, bjb_delivery_ops_send)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_delivery_ops_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

BJB_OPS_ASYNC (bjb_delivery_ops_report_problem, gint64 order_id, const char *reason,
               const char *note)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  const char *params[] = { order, reason, note };

  g_return_if_fail (reason != NULL);

  bjb_ops_query_async (connection, REPORT_PROBLEM_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_delivery_ops_report_problem_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_delivery_ops_report_problem)
{
  return bjb_ops_query_finish_id (result, bjb_delivery_ops_report_problem_async, error);
}
