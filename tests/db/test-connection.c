/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-connection"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bjb-connection.h"
#include "bjb-db-error-private.h"
#include "db-test-util.h"

static char *dbname;
static const char *password;

static BjbConnection *
connect_as (const char *user)
{
  g_autoptr(BjbConnection) connection = db_test_connection (dbname, user, password);
  g_autoptr(GError) error = NULL;

  if (!db_test_open (connection, &error))
    g_error ("opening as %s: %s", user, error->message);
  g_assert_cmpint (bjb_connection_get_state (connection), ==, BJB_CONNECTION_STATE_CONNECTED);
  return g_steal_pointer (&connection);
}

/* (1) Non-blocking ------------------------------------------------------- */

typedef struct
{
  guint ticks;
  guint ticks_at_result;
  gboolean done;
  BjbResult *result;
  GError *error;
} SleepData;

static gboolean
tick_cb (gpointer user_data)
{
  SleepData *data = user_data;

  data->ticks++;
  return G_SOURCE_CONTINUE;
}

static void
sleep_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  SleepData *data = user_data;

  data->result = bjb_connection_query_finish (BJB_CONNECTION (object), result, &data->error);
  data->ticks_at_result = data->ticks;
  data->done = TRUE;
}

static void
test_nonblocking (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  SleepData data = { 0 };
  guint tick_id;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  tick_id = g_timeout_add (10, tick_cb, &data);
  bjb_connection_query_async (connection, "SELECT pg_sleep(1) AS slept", 0, NULL, NULL,
                              sleep_done, &data);
  g_assert_true (db_test_wait_flag (&data.done, 10000));
  g_source_remove (tick_id);

  g_assert_no_error (data.error);
  g_assert_nonnull (data.result);
  /* 1 s at 10 ms per tick is 100 ticks; a blocking call would give 0. */
  g_test_message ("main loop ticked %u times during pg_sleep(1)", data.ticks_at_result);
  g_assert_cmpuint (data.ticks_at_result, >=, 50);
  g_clear_object (&data.result);
}

/* (2) Error mapping ------------------------------------------------------ */

static void
assert_open_fails (BjbConnection *connection,
                   BjbDbError     code)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (db_test_open (connection, &error));
  g_assert_error (error, BJB_DB_ERROR, (int) code);
  g_assert_cmpint (bjb_connection_get_state (connection), ==,
                   BJB_CONNECTION_STATE_DISCONNECTED);
  g_assert_true (g_error_matches (bjb_connection_get_error (connection), BJB_DB_ERROR, (int) code));
  /* Every failure has its own clerk-readable sentence. */
  g_assert_cmpstr (bjb_db_error_get_user_message (error), !=,
                   bjb_db_error_get_user_message (NULL));
}

static void
test_error_wrong_password (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (!db_test_available ())
    return;

  connection = db_test_connection (dbname, "t_cs", "not-the-password");
  g_assert_false (db_test_open (connection, &error));
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_AUTH_FAILED);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, "28P01");
  g_assert_nonnull (bjb_db_error_get_server_message (error));
  g_assert_null (bjb_connection_get_login (connection));

  /* A login that does not exist reads the same (the server does not tell them apart). */
  g_clear_object (&connection);
  connection = db_test_connection (dbname, "t_no_such_login", password);
  assert_open_fails (connection, BJB_DB_ERROR_AUTH_FAILED);
}

static void
test_error_database_missing (void)
{
  g_autoptr(BjbConnection) connection = NULL;

  if (!db_test_available ())
    return;

  connection = db_test_connection ("bjb_no_such_database", "t_cs", password);
  assert_open_fails (connection, BJB_DB_ERROR_DATABASE_MISSING);
}

static void
test_error_closed_port (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autofree char *port = NULL;
  struct sockaddr_in addr = { 0 };
  socklen_t len = sizeof addr;
  int fd;

  /* Bind to an ephemeral port and close it: nothing listens there afterwards. */
  fd = socket (AF_INET, SOCK_STREAM, 0);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &addr, &len), ==, 0);
  port = g_strdup_printf ("%u", ntohs (addr.sin_port));
  close (fd);

  {
    const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
    const char *values[] = { "127.0.0.1", port, "x", "t_cs", "x", NULL };

    connection = bjb_connection_new (keywords, values);
  }
  assert_open_fails (connection, BJB_DB_ERROR_CONNECTION_FAILED);
  g_assert_null (bjb_db_error_get_sqlstate (bjb_connection_get_error (connection)));
}

static void
test_error_tls_required (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", "sslmode", NULL };
  const char *values[] = { host, port, "x", "t_cs", "x", "verify-full", NULL };

  if (!db_test_available ())
    return;

  /* verify-full without a CA file (or against a server without TLS) must be refused
   * before any password is sent. */
  connection = bjb_connection_new (keywords, values);
  assert_open_fails (connection, BJB_DB_ERROR_TLS);
}

static void
test_error_not_staff (void)
{
  g_autoptr(BjbConnection) connection = NULL;

  if (!db_test_available ())
    return;

  /* A login in no group. */
  connection = db_test_connection (dbname, "t_nobody", password);
  assert_open_fails (connection, BJB_DB_ERROR_NOT_STAFF);
  g_assert_null (bjb_connection_get_role (connection));

  /* A deactivated staff member cannot get in. */
  g_clear_object (&connection);
  connection = db_test_connection (dbname, "t_inactive", password);
  assert_open_fails (connection, BJB_DB_ERROR_NOT_STAFF);
}

static void
test_whoami (void)
{
  g_autoptr(BjbConnection) connection = NULL;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_courier");
  g_assert_cmpstr (bjb_connection_get_login (connection), ==, "t_courier");
  g_assert_cmpstr (bjb_connection_get_role (connection), ==, "courier");
  g_assert_nonnull (bjb_connection_get_display_name (connection));
  g_assert_cmpint (bjb_connection_get_schema_version (connection), >, 0);
  g_assert_nonnull (bjb_connection_get_last_success (connection));
  g_assert_null (bjb_connection_get_error (connection));
}

static void
test_error_schema (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version_text = NULL;
  g_autofree char *other_db = NULL;
  g_autofree char *sql = NULL;
  int version, found = -1, expected = -1;

  if (!db_test_available ())
    return;

  version_text = db_test_su_exec (dbname, "SELECT bjb.schema_version()");
  version = atoi (version_text);
  g_assert_cmpint (version, >, 0);

  /* The program expects a newer schema than the database has. */
  connection = db_test_connection (dbname, "t_cs", password);
  bjb_connection_set_expected_schema_version (connection, version + 1);
  g_assert_false (db_test_open (connection, &error));
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_SCHEMA_TOO_OLD);
  g_assert_true (bjb_db_error_get_schema_versions (error, &found, &expected));
  g_assert_cmpint (found, ==, version);
  g_assert_cmpint (expected, ==, version + 1);
  g_assert_null (bjb_connection_get_login (connection));
  g_clear_error (&error);
  g_clear_object (&connection);

  /* The database was migrated further than this program knows. */
  other_db = db_test_create ();
  sql = g_strdup_printf ("CREATE OR REPLACE FUNCTION bjb.schema_version() RETURNS int "
                         "LANGUAGE sql AS 'SELECT %d'", version + 5);
  g_free (db_test_su_exec (other_db, sql));
  connection = db_test_connection (other_db, "t_cs", password);
  bjb_connection_set_expected_schema_version (connection, version);
  g_assert_false (db_test_open (connection, &error));
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_SCHEMA_TOO_NEW);
  g_assert_true (bjb_db_error_get_schema_versions (error, &found, &expected));
  g_assert_cmpint (found, ==, version + 5);
  g_clear_error (&error);
  g_clear_object (&connection);

  /* The matching version opens. */
  connection = db_test_connection (dbname, "t_cs", password);
  bjb_connection_set_expected_schema_version (connection, version);
  g_assert_true (db_test_open (connection, &error));
  g_assert_no_error (error);

  db_test_drop (other_db);
}

static void
test_error_query (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");

  /* A business rule from a function keeps its SQLSTATE and the server's message. */
  result = db_test_query (connection, "SELECT bjb.cancel_order($1, $2)", 2,
                          (const char *[]) { "999999", "test" }, &error);
  g_assert_null (result);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, "BJ007");
  g_assert_nonnull (strstr (bjb_db_error_get_server_message (error), "999999"));
  g_assert_cmpstr (bjb_db_error_get_user_message (error), ==, "The order does not exist.");
  g_clear_error (&error);

  /* A table cs may not read. */
  result = db_test_query (connection, "SELECT * FROM bjb.audit_log LIMIT 1", 0, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, "42501");
  g_clear_error (&error);

  /* Anything else. */
  result = db_test_query (connection, "SELEKT 1", 0, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_QUERY);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, "42601");
  g_clear_error (&error);

  result = db_test_query (connection, "SELECT 1/0 AS x", 0, NULL, &error);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_QUERY);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, "22012");
  g_clear_error (&error);

  /* Errors leave the connection usable. */
  result = db_test_query (connection, "SELECT 2 AS two", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bjb_result_get_int64 (result, 0, "two"), ==, 2);
}

/* (3) Parameters and results -------------------------------------------- */

static void
test_parameters (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *still_there = NULL;
  const char *nasty = "O'Brien \"Toko\" '; DROP TABLE bjb.product; -- \\ $1 Rp 1.250.000 ✓";
  const char *params[] = { nasty, NULL, "42" };

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  result = db_test_query (connection,
                          "SELECT $1::text AS s, $2::text AS n, $3::bigint * 2 AS i, "
                          "length($1) AS len",
                          3, params, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bjb_result_get_n_rows (result), ==, 1);
  g_assert_cmpstr (bjb_result_get_string (result, 0, "s"), ==, nasty);
  g_assert_true (bjb_result_is_null (result, 0, "n"));
  g_assert_null (bjb_result_get_string (result, 0, "n"));
  g_assert_cmpint (bjb_result_get_int64 (result, 0, "i"), ==, 84);
  g_assert_cmpint (bjb_result_get_int64 (result, 0, "len"), ==, g_utf8_strlen (nasty, -1));

  still_there = db_test_su_exec (dbname, "SELECT to_regclass('bjb.product') IS NOT NULL");
  g_assert_cmpstr (still_there, ==, "t");
}

static void
order_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GArray *order = user_data;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  g_assert_no_error (error);
  n = bjb_result_get_int64 (rows, 0, "n");
  g_array_append_val (order, n);
}

static void
test_queue_order (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean never = FALSE;
  gint64 deadline;

  if (!db_test_available ())
    return;

  /* Queries run one at a time and complete in the order issued, failures included. */
  connection = connect_as ("t_cs");
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", i);
      const char *params[] = { n };

      bjb_connection_query_async (connection,
                                  i % 7 == 3 ? "SELECT $1::int AS n, pg_sleep(0.05)"
                                             : "SELECT $1::int AS n",
                                  1, params, NULL, order_done, order);
    }
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (order->len < 30 && g_get_monotonic_time () < deadline)
    db_test_wait_flag (&never, 50);
  g_assert_cmpuint (order->len, ==, 30);
  for (guint i = 0; i < order->len; i++)
    g_assert_cmpint (g_array_index (order, gint64, i), ==, i);
}

static void
test_conninfo (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;

  connection = bjb_connection_new_from_conninfo ("host=localhost port='unterminated", &error);
  g_assert_null (connection);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED);
  g_clear_error (&error);

  connection = bjb_connection_new_from_conninfo ("host=x nonsense_keyword=1", &error);
  g_assert_null (connection);
  g_assert_error (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED);
  g_clear_error (&error);

  if (!db_test_available ())
    return;

  conninfo = g_strdup_printf ("postgresql://t_cs2:%s@%s:%s/%s?application_name=barokah-test",
                              password,
                              g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost",
                              g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432", dbname);
  connection = bjb_connection_new_from_conninfo (conninfo, &error);
  g_assert_no_error (error);
  g_assert_true (db_test_open (connection, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bjb_connection_get_login (connection), ==, "t_cs2");
  g_assert_cmpstr (bjb_connection_get_role (connection), ==, "cs");
}

static void
test_result_types (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  result = db_test_query (connection,
                          "SELECT 9007199254740993::bigint AS big, true AS yes, false AS no,"
                          " 2.5::float8 AS half, '{\"a\": [1, 2]}'::jsonb AS j,"
                          " NULL::jsonb AS nj,"
                          " '2026-02-28 23:59:58.5+07'::timestamptz AS t,"
                          " '\\x00ff41'::bytea AS b, NULL::int AS nothing"
                          " FROM generate_series(1, 3)",
                          0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bjb_result_get_n_rows (result), ==, 3);
  g_assert_cmpuint (bjb_result_get_n_columns (result), ==, 9);
  g_assert_true (bjb_result_has_column (result, "big"));
  g_assert_false (bjb_result_has_column (result, "nope"));
  g_assert_cmpstr (bjb_result_get_command_status (result), ==, "SELECT 3");
  g_assert_cmpint (bjb_result_get_int64 (result, 2, "big"), ==, G_GINT64_CONSTANT (9007199254740993));
  g_assert_true (bjb_result_get_boolean (result, 0, "yes"));
  g_assert_false (bjb_result_get_boolean (result, 0, "no"));
  g_assert_cmpfloat (bjb_result_get_double (result, 0, "half"), ==, 2.5);

  json = bjb_result_get_json (result, 0, "j");
  g_assert_nonnull (json);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                     json_node_get_object (json), "a")), ==, 2);
  g_assert_null (bjb_result_get_json (result, 0, "nj"));

  dt = bjb_result_get_datetime (result, 0, "t");
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_to_unix (dt), ==, 1772297998);  /* 2026-02-28T16:59:58Z */
  g_assert_cmpint (g_date_time_get_microsecond (dt), ==, 500000);

  bytes = bjb_result_get_bytes (result, 0, "b");
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, &size), size, "\x00\xff\x41", 3);

  g_assert_true (bjb_result_is_null (result, 1, "nothing"));
  g_assert_cmpint (bjb_result_get_int64 (result, 1, "nothing"), ==, 0);

  /* A misspelt column is a programmer error. */
  if (g_test_undefined ())
    {
      g_test_expect_message ("bjb-result", G_LOG_LEVEL_CRITICAL, "*no column*");
      g_assert_null (bjb_result_get_string (result, 0, "nope"));
      g_test_assert_expected_messages ();
    }
}

/* (4) Reconnect ---------------------------------------------------------- */

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
count_connected (BjbConnection *connection,
                 guint         *count)
{
  (*count)++;
}

static void
test_reconnect (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GDateTime) before = NULL;
  QueryData in_flight = { 0 };
  QueryData queued = { 0 };
  guint connected = 0;
  int pid, new_pid;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  g_signal_connect (connection, "connected", G_CALLBACK (count_connected), &connected);
  before = g_date_time_ref (bjb_connection_get_last_success (connection));
  pid = bjb_connection_get_backend_pid (connection);

  /* A query in flight when the link dies: its outcome is unknown, so it fails. */
  bjb_connection_query_async (connection, "SELECT pg_sleep(30)", 0, NULL, NULL,
                              query_done, &in_flight);
  db_test_terminate (pid);

  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 10000));
  g_assert_true (db_test_wait_flag (&in_flight.done, 10000));
  g_assert_error (in_flight.error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED);
  g_assert_null (in_flight.result);

  /* Issued while down: it waits and runs on the new link. */
  if (bjb_connection_get_state (connection) == BJB_CONNECTION_STATE_RECONNECTING)
    bjb_connection_query_async (connection, "SELECT pg_backend_pid() AS pid", 0, NULL, NULL,
                                query_done, &queued);
  else
    g_assert_not_reached ();

  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 10000));
  g_assert_true (db_test_wait_flag (&queued.done, 10000));
  g_assert_no_error (queued.error);
  new_pid = (int) bjb_result_get_int64 (queued.result, 0, "pid");
  g_assert_cmpint (new_pid, !=, pid);
  g_assert_cmpint (new_pid, ==, bjb_connection_get_backend_pid (connection));
  g_assert_cmpuint (connected, ==, 1);
  g_assert_cmpint (g_date_time_compare (bjb_connection_get_last_success (connection), before),
                   >, 0);
  g_assert_cmpstr (bjb_connection_get_login (connection), ==, "t_cs");

  g_clear_error (&in_flight.error);
  g_clear_object (&queued.result);
}

static void
test_heartbeat_detects_dead_idle_link (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  int pid;

  if (!db_test_available ())
    return;

  /* Idle connection killed: the socket reports EOF, no query needed to notice. */
  connection = connect_as ("t_cs2");
  bjb_connection_set_heartbeat_interval (connection, 200);
  pid = bjb_connection_get_backend_pid (connection);
  db_test_terminate (pid);
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 5000));
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 10000));
  g_assert_cmpint (bjb_connection_get_backend_pid (connection), !=, pid);
}

static void
test_heartbeat_hung_server (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  gboolean noticed;
  int pid;

  if (!db_test_available ())
    return;

  /* A backend that stops answering (a hung server, a dead Wi-Fi link without RST): only
   * the heartbeat notices. SIGSTOP needs us to be root or the cluster owner. */
  connection = connect_as ("t_cs");
  pid = bjb_connection_get_backend_pid (connection);
  if (kill (pid, SIGSTOP) != 0)
    {
      g_test_skip ("cannot SIGSTOP the backend (not root)");
      return;
    }
  bjb_connection_set_heartbeat_interval (connection, 300);
  noticed = db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 3000);
  /* Wake it up before asserting: a stopped backend blocks CREATE DATABASE elsewhere. */
  db_test_terminate (pid);
  kill (pid, SIGCONT);

  g_assert_true (noticed);
  g_assert_error (bjb_connection_get_error (connection), BJB_DB_ERROR,
                  BJB_DB_ERROR_DISCONNECTED);
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_CONNECTED, 10000));
  g_assert_cmpint (bjb_connection_get_backend_pid (connection), !=, pid);
  g_assert_null (bjb_connection_get_error (connection));
}

static void
on_notice (BjbConnection *connection,
           const char    *message,
           char         **out)
{
  g_free (*out);
  *out = g_strdup (message);
}

static void
test_notice (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notice = NULL;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  g_signal_connect (connection, "notice", G_CALLBACK (on_notice), &notice);
  result = db_test_query (connection, "DO $$BEGIN RAISE NOTICE 'halo %', 42; END$$", 0, NULL,
                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "halo 42"));
}

static void
test_offline_queries (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  QueryData cancelled = { 0 };
  QueryData closed = { 0 };
  QueryData after_close = { 0 };
  QueryData first = { 0 };

  if (!db_test_available ())
    return;

  /* Before opening, queries fail at once. */
  connection = db_test_connection (dbname, "t_cs", password);
  bjb_connection_query_async (connection, "SELECT 1", 0, NULL, NULL, query_done, &after_close);
  g_assert_true (db_test_wait_flag (&after_close.done, 1000));
  g_assert_error (after_close.error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED);
  g_clear_error (&after_close.error);
  after_close.done = FALSE;

  /* While the first open runs, they wait for it. */
  bjb_connection_open_async (connection, NULL, NULL, NULL);
  bjb_connection_query_async (connection, "SELECT 7 AS n", 0, NULL, NULL, query_done, &first);
  g_assert_true (db_test_wait_flag (&first.done, 10000));
  g_assert_no_error (first.error);
  g_assert_cmpint (bjb_result_get_int64 (first.result, 0, "n"), ==, 7);
  g_clear_object (&first.result);

  g_clear_object (&connection);
  connection = connect_as ("t_cs");
  db_test_terminate (bjb_connection_get_backend_pid (connection));
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_RECONNECTING, 5000));

  /* While reconnecting: a cancelled waiting query leaves at once... */
  bjb_connection_query_async (connection, "SELECT 1", 0, NULL, cancellable, query_done,
                              &cancelled);
  bjb_connection_query_async (connection, "SELECT 2", 0, NULL, NULL, query_done, &closed);
  g_cancellable_cancel (cancellable);
  g_assert_true (db_test_wait_flag (&cancelled.done, 1000));
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* ...and closing fails the rest; later queries fail at once. */
  bjb_connection_close (connection);
  g_assert_true (db_test_wait_flag (&closed.done, 1000));
  g_assert_error (closed.error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED);
  g_assert_cmpint (bjb_connection_get_state (connection), ==,
                   BJB_CONNECTION_STATE_DISCONNECTED);
  bjb_connection_query_async (connection, "SELECT 3", 0, NULL, NULL, query_done, &after_close);
  g_assert_true (db_test_wait_flag (&after_close.done, 1000));
  g_assert_error (after_close.error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED);

  /* A closed connection may be opened again. */
  g_assert_true (db_test_open (connection, NULL));

  g_clear_error (&cancelled.error);
  g_clear_error (&closed.error);
  g_clear_error (&after_close.error);
}

static void
test_deactivated_while_connected (void)
{
  g_autoptr(BjbConnection) admin = NULL;
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = g_strdup_printf ("t_h3_%d", (int) getpid ());
  QueryData queued = { 0 };

  if (!db_test_available ())
    return;

  /* A login of our own: roles are cluster-wide and other tests use the fixtures. */
  admin = connect_as ("t_admin");
  result = db_test_query (admin, "SELECT bjb.create_staff($1, $2, 'cs', $3)", 3,
                          (const char *[]) { login, "Tes Sementara", password }, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  connection = connect_as (login);
  result = db_test_query (admin, "SELECT bjb.set_staff_active($1, false)", 1,
                          (const char *[]) { login }, &error);
  g_assert_no_error (error);
  g_clear_object (&result);

  /* Deactivation ends the session; the reconnect is refused for good. */
  bjb_connection_query_async (connection, "SELECT pg_sleep(0.2)", 0, NULL, NULL,
                              query_done, &queued);
  g_assert_true (db_test_wait_state (connection, BJB_CONNECTION_STATE_DISCONNECTED, 10000));
  g_assert_error (bjb_connection_get_error (connection), BJB_DB_ERROR,
                  BJB_DB_ERROR_NOT_STAFF);
  g_assert_true (db_test_wait_flag (&queued.done, 5000));
  g_assert_nonnull (queued.error);
  g_clear_error (&queued.error);

  {
    g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", login);

    g_free (db_test_su_exec ("postgres", sql));
  }
}

/* (6) Cancellation ------------------------------------------------------- */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(BjbResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *active = NULL;
  QueryData data = { 0 };
  QueryData behind = { 0 };
  gint64 start;
  int pid;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  pid = bjb_connection_get_backend_pid (connection);
  bjb_connection_query_async (connection, "SELECT pg_sleep(10)", 0, NULL, cancellable,
                              query_done, &data);
  bjb_connection_query_async (connection, "SELECT 'after' AS w", 0, NULL, NULL,
                              query_done, &behind);
  g_timeout_add (100, cancel_cb, cancellable);
  start = g_get_monotonic_time ();
  g_assert_true (db_test_wait_flag (&data.done, 5000));
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  /* The server stopped the statement too, and the next query runs on the same link. */
  g_assert_true (db_test_wait_flag (&behind.done, 3000));
  g_assert_no_error (behind.error);
  g_assert_cmpstr (bjb_result_get_string (behind.result, 0, "w"), ==, "after");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
  g_assert_cmpint (bjb_connection_get_backend_pid (connection), ==, pid);
  g_assert_cmpint (bjb_connection_get_state (connection), ==, BJB_CONNECTION_STATE_CONNECTED);

  result = db_test_query (connection, "SELECT 1 AS one", 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bjb_result_get_int64 (result, 0, "one"), ==, 1);

  /* Already cancelled: never sent. */
  data.done = FALSE;
  g_clear_error (&data.error);
  bjb_connection_query_async (connection, "SELECT 1", 0, NULL, cancellable, query_done, &data);
  g_assert_true (db_test_wait_flag (&data.done, 1000));
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_error (&data.error);
  g_clear_object (&behind.result);
}

/* A cancel request travels on its own connection and can arrive after the next query has
 * been sent: it must never cancel that query instead (found by the orders page, which cancels
 * a stale list query and immediately sends the new one). */
static void
test_cancel_then_query (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  guint round;

  if (!db_test_available ())
    return;

  connection = connect_as ("t_cs");
  for (round = 0; round < 100; round++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      QueryData stale = { 0 };
      QueryData next = { 0 };

      bjb_connection_query_async (connection, "SELECT count(*) FROM generate_series(1, 20000)",
                                  0, NULL, cancellable, query_done, &stale);
      g_cancellable_cancel (cancellable);
      bjb_connection_query_async (connection, "SELECT pg_sleep(0.002), 'next' AS w", 0, NULL,
                                  NULL, query_done, &next);
      g_assert_true (db_test_wait_flag (&stale.done, 5000));
      g_assert_error (stale.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_true (db_test_wait_flag (&next.done, 5000));
      g_assert_no_error (next.error);
      g_assert_cmpstr (bjb_result_get_string (next.result, 0, "w"), ==, "next");
      g_clear_error (&stale.error);
      g_clear_object (&stale.result);
      g_clear_object (&next.result);
    }
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
} OpenData;

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenData *data = user_data;

  data->ok = bjb_connection_open_finish (BJB_CONNECTION (object), result, &data->error);
  data->done = TRUE;
}

static void
test_cancel_open (void)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  OpenData data = { 0 };
  QueryData waiting = { 0 };

  if (!db_test_available ())
    return;

  /* The login window's Cancel button: cancelled before the handshake can finish. */
  connection = db_test_connection (dbname, "t_cs", password);
  bjb_connection_open_async (connection, cancellable, open_done, &data);
  g_assert_cmpint (bjb_connection_get_state (connection), ==, BJB_CONNECTION_STATE_CONNECTING);
  bjb_connection_query_async (connection, "SELECT 1", 0, NULL, NULL, query_done, &waiting);
  g_cancellable_cancel (cancellable);
  g_assert_true (db_test_wait_flag (&data.done, 5000));
  g_assert_false (data.ok);
  g_assert_error (data.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (bjb_connection_get_state (connection), ==,
                   BJB_CONNECTION_STATE_DISCONNECTED);
  g_assert_true (db_test_wait_flag (&waiting.done, 1000));
  g_assert_error (waiting.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&data.error);
  g_clear_error (&waiting.error);

  /* A second attempt works. */
  g_assert_true (db_test_open (connection, NULL));
  g_assert_cmpstr (bjb_connection_get_login (connection), ==, "t_cs");
}

static void
test_libpq_messages (void)
{
  static const struct {
    const char *text;
    BjbDbError code;
    const char *sqlstate;
  } cases[] = {
    { "connection to server at \"db\" (10.0.0.2), port 5432 failed: FATAL:  28P01: "
      "password authentication failed for user \"t_cs\"\nLOCATION:  auth_failed, auth.c:1\n",
      BJB_DB_ERROR_AUTH_FAILED, "28P01" },
    /* A server speaking German: the severity word is translated, the code is not. */
    { "connection to server at \"db\", port 5432 failed: SCHWERWIEGEND:  3D000: "
      "Datenbank \"x\" existiert nicht\n", BJB_DB_ERROR_DATABASE_MISSING, "3D000" },
    { "connection to server on socket \"/run/x\" failed: FATAL:  28000: role \"t_inactive\" "
      "is not permitted to log in\n", BJB_DB_ERROR_NOT_STAFF, "28000" },
    { "failed: FATAL:  28000: no pg_hba.conf entry for host \"1.2.3.4\", user \"a\", "
      "database \"b\", no encryption\n", BJB_DB_ERROR_TLS, "28000" },
    { "failed: FATAL:  57P03: the database system is starting up\n",
      BJB_DB_ERROR_CONNECTION_FAILED, "57P03" },
    { "failed: FATAL:  53300: sorry, too many clients already\n",
      BJB_DB_ERROR_CONNECTION_FAILED, "53300" },
    { "connection to server at \"db\", port 5432 failed: server does not support SSL, but "
      "SSL was required\n", BJB_DB_ERROR_TLS, NULL },
    { "connection to server at \"db\", port 5432 failed: root certificate file "
      "\"/x/ca.crt\" does not exist\n", BJB_DB_ERROR_TLS, NULL },
    { "connection to server at \"db\", port 5432 failed: fe_sendauth: no password supplied\n",
      BJB_DB_ERROR_AUTH_FAILED, NULL },
    { "could not translate host name \"nowhere\" to address: Name or service not known\n",
      BJB_DB_ERROR_CONNECTION_FAILED, NULL },
    { "", BJB_DB_ERROR_CONNECTION_FAILED, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = bjb_db_error_new_from_connection (cases[i].text);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_error (error, BJB_DB_ERROR, (int) cases[i].code);
      g_assert_cmpstr (bjb_db_error_get_sqlstate (error), ==, cases[i].sqlstate);
      /* The message is one clean line without the LOCATION noise. */
      g_assert_null (strchr (error->message, '\n'));
      g_assert_null (strstr (error->message, "LOCATION"));
    }
}

static void
test_user_messages (void)
{
  g_autoptr(GError) business = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_NOENT, "x");
  g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");

  g_assert_cmpstr (bjb_db_error_get_user_message (cancelled), ==, "Cancelled.");
  g_assert_cmpstr (bjb_db_error_get_user_message (other), ==, "Something went wrong.");
  g_assert_null (bjb_db_error_get_sqlstate (other));
  g_assert_false (bjb_db_error_get_schema_versions (other, NULL, NULL));
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

  g_test_add_func ("/db/connection/nonblocking", test_nonblocking);
  g_test_add_func ("/db/connection/whoami", test_whoami);
  g_test_add_func ("/db/connection/error/wrong-password", test_error_wrong_password);
  g_test_add_func ("/db/connection/error/database-missing", test_error_database_missing);
  g_test_add_func ("/db/connection/error/closed-port", test_error_closed_port);
  g_test_add_func ("/db/connection/error/tls", test_error_tls_required);
  g_test_add_func ("/db/connection/error/not-staff", test_error_not_staff);
  g_test_add_func ("/db/connection/error/schema", test_error_schema);
  g_test_add_func ("/db/connection/error/query", test_error_query);
  g_test_add_func ("/db/connection/error/user-messages", test_user_messages);
  g_test_add_func ("/db/connection/error/libpq-messages", test_libpq_messages);
  g_test_add_func ("/db/connection/parameters", test_parameters);
  g_test_add_func ("/db/connection/result-types", test_result_types);
  g_test_add_func ("/db/connection/queue-order", test_queue_order);
  g_test_add_func ("/db/connection/conninfo", test_conninfo);
  g_test_add_func ("/db/connection/reconnect", test_reconnect);
  g_test_add_func ("/db/connection/dead-idle-link", test_heartbeat_detects_dead_idle_link);
  g_test_add_func ("/db/connection/heartbeat", test_heartbeat_hung_server);
  g_test_add_func ("/db/connection/notice", test_notice);
  g_test_add_func ("/db/connection/offline-queries", test_offline_queries);
  g_test_add_func ("/db/connection/deactivated", test_deactivated_while_connected);
  g_test_add_func ("/db/connection/cancel", test_cancel);
  g_test_add_func ("/db/connection/cancel-open", test_cancel_open);
  g_test_add_func ("/db/connection/cancel-then-query", test_cancel_then_query);

  ret = g_test_run ();

  if (dbname != NULL)
    db_test_drop (dbname);
  g_free (dbname);
  return ret;
}
