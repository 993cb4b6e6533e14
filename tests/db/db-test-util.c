/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "db-test-util"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "db-test-util.h"

static PGconn *
su_connect (const char *dbname)
{
  const char *keywords[] = { "dbname", "application_name", NULL };
  const char *values[] = { dbname, "bjb-test-setup", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 1);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("superuser connection to %s failed: %s", dbname, PQerrorMessage (conn));
  return conn;
}

gboolean
db_test_available (void)
{
  if (g_getenv ("BJB_TEST_TEMPLATE") == NULL)
    {
      g_test_skip ("BJB_TEST_TEMPLATE is not set (run through build-aux/test)");
      return FALSE;
    }
  return TRUE;
}

char *
db_test_create (void)
{
  static guint counter;
  char *name = g_strdup_printf ("bjb_h3_%d_%u_%u", (int) getpid (), counter++,
                                g_random_int () % 100000);
  g_autofree char *sql = NULL;
  PGconn *conn = su_connect ("postgres");
  char *quoted_template = PQescapeIdentifier (conn, g_getenv ("BJB_TEST_TEMPLATE"),
                                              strlen (g_getenv ("BJB_TEST_TEMPLATE")));
  PGresult *result;

  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, quoted_template);
  PQfreemem (quoted_template);
  result = PQexec (conn, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
  return name;
}

void
db_test_drop (const char *dbname)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", dbname);
  PGconn *conn = su_connect ("postgres");
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_printerr ("# %s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

char *
db_test_su_exec (const char *dbname,
                 const char *sql)
{
  PGconn *conn = su_connect (dbname);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *value = NULL;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (status == PGRES_TUPLES_OK && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

BjbConnection *
db_test_connection (const char *dbname,
                    const char *user,
                    const char *password)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { host, port, dbname, user, password, NULL };
  BjbConnection *connection = bjb_connection_new (keywords, values);

  bjb_connection_set_reconnect_delays (connection, 100, 1000);
  bjb_connection_set_connect_timeout (connection, 5000);
  return connection;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *expired = user_data;

  *expired = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
db_test_wait_flag (const gboolean *flag,
                   guint           timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &expired);

  while (!*flag && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return *flag;
}

static void
state_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  gboolean *reached = user_data;
  BjbConnectionState wanted = GPOINTER_TO_INT (g_object_get_data (object, "db-test-wanted"));

  if (bjb_connection_get_state (BJB_CONNECTION (object)) == wanted)
    *reached = TRUE;
}

void
db_test_assert_finalize (gpointer object)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;

  /* A cancelled query's callback may still be on its way and hold a reference. */
  while (G_OBJECT (object)->ref_count > 1 && g_get_monotonic_time () < deadline)
    {
      gboolean never = FALSE;

      db_test_wait_flag (&never, 20);
    }
  g_assert_finalize_object (object);
}

gboolean
db_test_wait_state (BjbConnection      *connection,
                    BjbConnectionState  state,
                    guint               timeout_ms)
{
  gboolean reached = bjb_connection_get_state (connection) == state;
  gulong id;

  g_object_set_data (G_OBJECT (connection), "db-test-wanted", GINT_TO_POINTER (state));
  id = g_signal_connect (connection, "notify::state", G_CALLBACK (state_cb), &reached);
  db_test_wait_flag (&reached, timeout_ms);
  g_signal_handler_disconnect (connection, id);
  return reached;
}

typedef struct
{
  gboolean done;
  GAsyncResult *result;
} Wait;

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

gboolean
db_test_open (BjbConnection *connection,
              GError       **error)
{
  Wait wait = { 0 };
  gboolean ok;

  bjb_connection_open_async (connection, NULL, store_result, &wait);
  if (!db_test_wait_flag (&wait.done, 20000))
    g_error ("open did not complete within 20 s");
  ok = bjb_connection_open_finish (connection, wait.result, error);
  g_object_unref (wait.result);
  return ok;
}

BjbResult *
db_test_query (BjbConnection     *connection,
               const char        *sql,
               guint              n_params,
               const char *const *params,
               GError           **error)
{
  Wait wait = { 0 };
  BjbResult *result;

  bjb_connection_query_async (connection, sql, n_params, params, NULL, store_result, &wait);
  if (!db_test_wait_flag (&wait.done, 20000))
    g_error ("query did not complete within 20 s: %s", sql);
  result = bjb_connection_query_finish (connection, wait.result, error);
  g_object_unref (wait.result);
  return result;
}

void
db_test_terminate (int pid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT pg_terminate_backend(%d)", pid);
  g_autofree char *ok = NULL;

  g_assert_cmpint (pid, >, 0);
  ok = db_test_su_exec ("postgres", sql);
  g_assert_cmpstr (ok, ==, "t");
}
