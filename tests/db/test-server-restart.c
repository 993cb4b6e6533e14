/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-server-restart"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-listener.h"
#include "db-test-util.h"

/*
 * Stops and starts the PostgreSQL cluster under a connection and a listener. Inside
 * pg_virtualenv the cluster is "$PGVERSION/regress" (its config under
 * $PG_CLUSTER_CONF_ROOT with -t or as non-root, else /etc/postgresql), so pg_ctlcluster
 * can drive it; BJB_TEST_PG_CTL="pg_ctlcluster 15 regress" overrides. Runs alone
 * (is_parallel: false): every other connection to the cluster dies too.
 */

static char *dbname;
static const char *password;

static char **
control_command (const char *action)
{
  const char *override = g_getenv ("BJB_TEST_PG_CTL");
  const char *version = g_getenv ("PGVERSION");
  const char *conf_root = g_getenv ("PG_CLUSTER_CONF_ROOT");
  g_autofree char *marker = NULL;
  g_autofree char *command = NULL;

  if (override != NULL)
    command = g_strdup_printf ("%s %s", override, action);
  else if (version != NULL)
    {
      marker = g_build_filename (conf_root ? conf_root : "/etc/postgresql", version, "regress",
                                 ".by_pg_virtualenv", NULL);
      if (!g_file_test (marker, G_FILE_TEST_EXISTS))
        return NULL;
      command = g_strdup_printf ("pg_ctlcluster %s regress %s", version, action);
    }
  else
    return NULL;

  return g_strsplit (command, " ", -1);
}

static void
control (const char *action)
{
  g_auto(GStrv) argv = control_command (action);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (argv);
  /* The test's own driver may block: the code under test is waiting on its sockets. */
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s%s", argv[0], out, err);
}

typedef struct
{
  gboolean done;
  BjbResult *result;
  GError *error;
} QueryData;

static void
query_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  QueryData *data = user_data;

  data->result = bjb_connection_query_finish (BJB_CONNECTION (object), result, &data->error);
  data->done = TRUE;
}

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          GArray      *ids)
{
  gint64 id = bjb_event_get_id (event);

  g_array_append_val (ids, id);
}

static gboolean
wait_for_count (GArray *ids,
                guint   count,
                guint   timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (ids->len < count && g_get_monotonic_time () < deadline)
    {
      gboolean never = FALSE;

      db_test_wait_flag (&never, 50);
    }
  return ids->len >= count;
}

/* Skips the test where there is no database or no cluster this test may stop. */
static gboolean
can_restart (void)
{
  g_auto(GStrv) probe = NULL;

  if (!db_test_available ())
    return FALSE;
  probe = control_command ("status");
  if (probe == NULL)
    {
      g_test_skip ("no pg_virtualenv cluster to restart (set BJB_TEST_PG_CTL)");
      return FALSE;
    }
  return TRUE;
}

static void
insert_events (guint n)
{
  for (guint i = 0; i < n; i++)
    g_free (db_test_su_exec (dbname, "INSERT INTO bjb.event (kind, audience_role)"
                                     " VALUES ('order_placed', 'cs')"));
}

static void
test_server_restart (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbConnection) listen_connection = NULL;
  g_autoptr(BjbListener) listener = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *max = NULL;
  QueryData while_down = { 0 };

  if (!can_restart ())
    return;

  connection = db_test_connection (dbname, "t_cs", password);
  g_assert_true (db_test_open (connection, &error));
  g_assert_no_error (error);

  max = db_test_su_exec (dbname, "SELECT coalesce(max(id), 0) FROM bjb.event");
  listen_connection = bjb_connection_dup (connection);
  listener = bjb_listener_new (listen_connection);
  bjb_listener_set_last_event_id (listener, g_ascii_strtoll (max, NULL, 10));
  g_signal_connect (listener, "event-received", G_CALLBACK (on_event), ids);
  bjb_listener_start_async (listener, NULL, NULL, NULL);
  g_assert_true (db_test_wait_state (listen_connection, BJB_CONNECTION_STATE_CONNECTED, 10000));

  insert_events (2);
  g_assert_true (wait_for_count (ids, 2, 10000));

  control ("stop");
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 10000));
  g_assert_true (db_test_wait_state (listen_connection, BJB_CONNECTION_STATE_RECONNECTING,
                                     10000));

  /* A query issued while the server is down waits for it. */
  bjb_connection_query_async (connection, "SELECT 'back' AS w", 0, NULL, NULL,
                              query_done, &while_down);
  {
    gboolean never = FALSE;

    /* Several failed attempts go by (refused connections are transient). */
    db_test_wait_flag (&never, 1500);
  }
  g_assert_false (while_down.done);
  g_assert_cmpint (bjb_connection_get_state (connection), ==,
                   BJB_CONNECTION_STATE_RECONNECTING);
  g_assert_error (bjb_connection_get_error (connection), BJB_DB_ERROR,
                  BJB_DB_ERROR_CONNECTION_FAILED);

  control ("start");
  /* Written before the listener is back: caught up on reconnect. */
  insert_events (3);

  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 20000));
  g_assert_true (db_test_wait_flag (&while_down.done, 10000));
  g_assert_no_error (while_down.error);
  g_assert_cmpstr (bjb_result_get_string (while_down.result, 0, "w"), ==, "back");
  g_assert_null (bjb_connection_get_error (connection));

  g_assert_true (db_test_wait_state (listen_connection, BJB_CONNECTION_STATE_CONNECTED, 20000));
  insert_events (2);
  g_assert_true (wait_for_count (ids, 7, 10000));
  g_assert_false (wait_for_count (ids, 8, 300));
  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), >, g_array_index (ids, gint64, i - 1));

  g_clear_object (&while_down.result);
}

/* A connection as the client makes it: the library's own backoff, not the tests' short one. */
static BjbConnection *
client_connection (void)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { host, port, dbname, "t_cs", password, NULL };

  return bjb_connection_new (keywords, values);
}

static void
stay_down (guint msec)
{
  gboolean never = FALSE;

  db_test_wait_flag (&never, msec);
}

/* However long the server was away, the client notices it is back within 5 s (issue 8
 * #9): the backoff stops growing at BJB_CONNECTION_RECONNECT_CAP_MSEC. And "Try now" does
 * not wait for the backoff at all. */
static void
test_back_within_five_seconds (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  gint64 started;

  if (!can_restart ())
    return;

  connection = client_connection ();
  g_assert_true (db_test_open (connection, &error));
  g_assert_no_error (error);

  /* Down for 20 s: a doubling backoff without a cap would be waiting 16 s by now. */
  control ("stop");
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 10000));
  stay_down (20000);
  control ("start");
  started = g_get_monotonic_time ();
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 15000));
  g_test_message ("back after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - started, <=, 5500 * G_TIME_SPAN_MILLISECOND);

  /* "Try now": at once, whatever the backoff is waiting for. */
  control ("stop");
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 10000));
  stay_down (8000);
  control ("start");
  started = g_get_monotonic_time ();
  bjb_connection_reconnect_now (connection);
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 15000));
  g_test_message ("back after %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - started) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - started, <=, 2000 * G_TIME_SPAN_MILLISECOND);

  bjb_connection_close (connection);
  db_test_assert_finalize (g_steal_pointer (&connection));
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

  g_test_add_func ("/db/server-restart", test_server_restart);
  g_test_add_func ("/db/server-back-within-5s", test_back_within_five_seconds);

  ret = g_test_run ();

  if (dbname != NULL)
    db_test_drop (dbname);
  g_free (dbname);
  return ret;
}
