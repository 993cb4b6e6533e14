/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-listener"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-listener.h"
#include "db-test-util.h"

static char *dbname;
static const char *password;

typedef struct
{
  GArray *ids;          /* gint64, in arrival order */
  GPtrArray *kinds;
} Received;

static void
received_init (Received *received)
{
  received->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  received->kinds = g_ptr_array_new_with_free_func (g_free);
}

static void
received_clear (Received *received)
{
  g_clear_pointer (&received->ids, g_array_unref);
  g_clear_pointer (&received->kinds, g_ptr_array_unref);
}

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          Received    *received)
{
  gint64 id = bjb_event_get_id (event);

  /* The property already moved when the signal runs, so a handler may persist it. */
  g_assert_cmpint (bjb_listener_get_last_event_id (listener), ==, id);
  g_test_message ("event %" G_GINT64_FORMAT " %s", id, bjb_event_get_kind (event));
  g_array_append_val (received->ids, id);
  g_ptr_array_add (received->kinds, g_strdup (bjb_event_get_kind (event)));
}

static gboolean
wait_for_count (Received *received,
                guint     count,
                guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (received->ids->len < count && g_get_monotonic_time () < deadline)
    {
      gboolean tick = FALSE;

      /* One bounded iteration at a time so the deadline is honoured. */
      db_test_wait_flag (&tick, 50);
    }
  return received->ids->len >= count;
}

/* Inserts @n events for the cs audience as superuser; returns the last id. */
static gint64
insert_events (const char *kind,
               guint       n)
{
  g_autofree char *sql = g_strdup_printf (
    "WITH ins AS (INSERT INTO bjb.event (kind, audience_role, details)"
    " SELECT '%s', 'cs', jsonb_build_object('n', g) FROM generate_series(1, %u) g"
    " RETURNING id) SELECT max(id) FROM ins", kind, n);
  g_autofree char *last = db_test_su_exec (dbname, sql);

  return g_ascii_strtoll (last, NULL, 10);
}

/* One event per transaction, as business functions do. */
static gint64
insert_event_transactions (guint n)
{
  gint64 last = 0;

  for (guint i = 0; i < n; i++)
    last = insert_events ("order_placed", 1);
  return last;
}

static void
assert_strictly_increasing (Received *received)
{
  for (guint i = 1; i < received->ids->len; i++)
    g_assert_cmpint (g_array_index (received->ids, gint64, i), >,
                     g_array_index (received->ids, gint64, i - 1));
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} StartData;

static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  StartData *data = user_data;

  data->ok = bjb_listener_start_finish (BJB_LISTENER (object), result, &data->error);
  data->done = TRUE;
}

static BjbListener *
start_listener (const char *login,
                gint64      last_id,
                Received   *received)
{
  g_autoptr(BjbConnection) connection = db_test_connection (dbname, login, password);
  g_autoptr(BjbListener) listener = bjb_listener_new (connection);
  StartData data = { 0 };

  bjb_listener_set_last_event_id (listener, last_id);
  g_signal_connect (listener, "event-received", G_CALLBACK (on_event), received);
  bjb_listener_start_async (listener, NULL, start_done, &data);
  g_assert_true (db_test_wait_flag (&data.done, 20000));
  g_assert_no_error (data.error);
  g_assert_true (data.ok);
  return g_steal_pointer (&listener);
}

static gint64
current_max_id (void)
{
  g_autofree char *max = db_test_su_exec (dbname, "SELECT coalesce(max(id), 0) FROM bjb.event");

  return g_ascii_strtoll (max, NULL, 10);
}

static void
test_live (void)
{
  g_autoptr(BjbListener) listener = NULL;
  Received received;
  gint64 start_id, last;

  if (!db_test_available ())
    return;

  received_init (&received);
  start_id = current_max_id ();
  listener = start_listener ("t_cs", start_id, &received);
  g_assert_cmpuint (received.ids->len, ==, 0);

  last = insert_event_transactions (5);
  /* An event for another audience is not for cs (row-level security). */
  g_free (db_test_su_exec (dbname, "INSERT INTO bjb.event (kind, audience_role)"
                                   " VALUES ('stock_low', 'admin')"));
  last = insert_events ("payment_confirmed", 3);

  g_assert_true (wait_for_count (&received, 8, 10000));
  /* Give a stray duplicate or the admin event the chance to show up. */
  g_assert_false (wait_for_count (&received, 9, 300));
  assert_strictly_increasing (&received);
  g_assert_cmpint (g_array_index (received.ids, gint64, 7), ==, last);
  g_assert_cmpstr (g_ptr_array_index (received.kinds, 0), ==, "order_placed");
  g_assert_cmpstr (g_ptr_array_index (received.kinds, 7), ==, "payment_confirmed");
  g_assert_cmpint (bjb_listener_get_last_event_id (listener), ==, last);

  received_clear (&received);
  db_test_assert_finalize (g_steal_pointer (&listener));
}

static void
test_event_fields (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(BjbEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) details = NULL;

  if (!db_test_available ())
    return;

  g_free (db_test_su_exec (dbname, "INSERT INTO bjb.event (kind, audience_login, details)"
                                   " VALUES ('order_shipped', 't_courier', '{\"n\": \"x\"}')"));
  connection = db_test_connection (dbname, "t_courier", password);
  g_assert_true (db_test_open (connection, &error));
  result = db_test_query (connection,
                          "SELECT id, kind, order_id, product_id, customer_id, audience_role,"
                          " audience_login, created_at, details::text AS details"
                          " FROM bjb.event ORDER BY id DESC LIMIT 1", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bjb_result_get_n_rows (result), ==, 1);
  event = bjb_event_new_from_result (result, 0);
  g_assert_cmpstr (bjb_event_get_kind (event), ==, "order_shipped");
  g_assert_cmpstr (bjb_event_get_audience_login (event), ==, "t_courier");
  g_assert_null (bjb_event_get_audience_role (event));
  g_assert_cmpint (bjb_event_get_order_id (event), ==, 0);
  g_assert_nonnull (bjb_event_get_created_at (event));
  details = json_from_string (bjb_event_get_details (event), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (details), "n"), ==, "x");
}

static void
test_catch_up_after_kill (void)
{
  g_autoptr(BjbListener) listener = NULL;
  BjbConnection *connection;
  Received received;
  gint64 start_id, last;
  int pid;

  if (!db_test_available ())
    return;

  received_init (&received);
  start_id = current_max_id ();
  listener = start_listener ("t_cs", start_id, &received);
  connection = bjb_listener_get_connection (listener);
  insert_event_transactions (3);
  g_assert_true (wait_for_count (&received, 3, 10000));

  /* Kill the listening backend and write while it is away. */
  pid = bjb_connection_get_backend_pid (connection);
  db_test_terminate (pid);
  insert_event_transactions (4);
  insert_events ("order_cancelled", 10);

  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 5000) ||
                 bjb_connection_get_backend_pid (connection) != pid);
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 10000));
  g_assert_cmpint (bjb_connection_get_backend_pid (connection), !=, pid);

  /* Live again after the catch-up. */
  last = insert_event_transactions (2);

  g_assert_true (wait_for_count (&received, 19, 10000));
  g_assert_false (wait_for_count (&received, 20, 300));
  assert_strictly_increasing (&received);
  g_assert_cmpint (g_array_index (received.ids, gint64, 18), ==, last);

  received_clear (&received);
  db_test_assert_finalize (g_steal_pointer (&listener));
}

static void
test_restart_with_persisted_id (void)
{
  g_autoptr(BjbListener) first = NULL;
  g_autoptr(BjbListener) second = NULL;
  Received received_first, received_second;
  gint64 start_id, persisted, last;

  if (!db_test_available ())
    return;

  received_init (&received_first);
  received_init (&received_second);
  start_id = current_max_id ();

  first = start_listener ("t_cs", start_id, &received_first);
  insert_event_transactions (3);
  g_assert_true (wait_for_count (&received_first, 3, 10000));
  persisted = bjb_listener_get_last_event_id (first);
  bjb_listener_stop (first);
  g_assert_cmpint (bjb_connection_get_state (bjb_listener_get_connection (first)), ==,
                   BJB_CONNECTION_STATE_DISCONNECTED);

  /* Events while the client is closed, then a client restarted with the persisted id. */
  last = insert_event_transactions (2);
  second = start_listener ("t_cs", persisted, &received_second);
  /* The catch-up completed before start finished: exactly the two missed events. */
  g_assert_cmpuint (received_second.ids->len, ==, 2);
  g_assert_cmpint (g_array_index (received_second.ids, gint64, 0), >, persisted);
  g_assert_cmpint (g_array_index (received_second.ids, gint64, 1), ==, last);
  g_assert_false (wait_for_count (&received_second, 3, 300));
  /* The stopped listener delivers nothing more. */
  g_assert_cmpuint (received_first.ids->len, ==, 3);

  received_clear (&received_first);
  received_clear (&received_second);
}

static void
test_large_catch_up (void)
{
  g_autoptr(BjbListener) listener = NULL;
  Received received;
  gint64 start_id, last;

  if (!db_test_available ())
    return;

  /* More than one batch is waiting. */
  received_init (&received);
  start_id = current_max_id ();
  last = insert_events ("order_placed", 1234);
  listener = start_listener ("t_cs", start_id, &received);
  g_assert_cmpuint (received.ids->len, ==, 1234);
  g_assert_cmpint (g_array_index (received.ids, gint64, 1233), ==, last);
  assert_strictly_increasing (&received);
  received_clear (&received);
  db_test_assert_finalize (g_steal_pointer (&listener));
}

static void
test_start_fails (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbListener) listener = NULL;
  StartData data = { 0 };

  if (!db_test_available ())
    return;

  connection = db_test_connection (dbname, "t_cs", "wrong-password");
  listener = bjb_listener_new (connection);
  bjb_listener_start_async (listener, NULL, start_done, &data);
  g_assert_true (db_test_wait_flag (&data.done, 10000));
  g_assert_false (data.ok);
  g_assert_error (data.error, BJB_DB_ERROR, BJB_DB_ERROR_AUTH_FAILED);
  g_clear_error (&data.error);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  password = g_getenv ("BJB_TEST_PASSWORD");
  if (g_getenv ("BJB_TEST_TEMPLATE") != NULL)
    dbname = db_test_create ();

  g_test_add_func ("/db/listener/live", test_live);
  g_test_add_func ("/db/listener/event-fields", test_event_fields);
  g_test_add_func ("/db/listener/catch-up-after-kill", test_catch_up_after_kill);
  g_test_add_func ("/db/listener/restart-with-persisted-id", test_restart_with_persisted_id);
  g_test_add_func ("/db/listener/large-catch-up", test_large_catch_up);
  g_test_add_func ("/db/listener/start-fails", test_start_fails);

  ret = g_test_run ();

  if (dbname != NULL)
    db_test_drop (dbname);
  g_free (dbname);
  return ret;
}
