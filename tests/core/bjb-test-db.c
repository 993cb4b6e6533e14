/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-db"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "bjb-test-db.h"

/* The test convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names a database with every migration and tests/fixtures/staff.sql. */

gboolean
bjb_test_db_skip_unless_server (void)
{
  if (g_getenv ("PGHOST") == NULL)
    {
      g_test_skip ("PGHOST is not set: no PostgreSQL to test against (run build-aux/test)");
      return TRUE;
    }
  return FALSE;
}

gboolean
bjb_test_db_skip_unless_template (void)
{
  if (bjb_test_db_skip_unless_server ())
    return TRUE;
  if (g_getenv ("BJB_TEST_TEMPLATE") == NULL)
    {
      g_test_skip ("BJB_TEST_TEMPLATE is not set (run build-aux/test)");
      return TRUE;
    }
  return FALSE;
}

PGconn *
bjb_test_db_connect (const char *dbname)
{
  const char *keywords[] = { "dbname", "fallback_application_name", NULL };
  const char *values[] = { dbname, "barokah-tests", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s: %s", dbname, PQerrorMessage (conn));
  return conn;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  g_autoptr(PGresult) res = PQexecParams (conn, sql, 0, NULL, NULL, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
}

/**
 * bjb_test_db_create:
 * @template_name: (nullable): the template, %NULL for an empty database (template0)
 *
 * Returns: (transfer full): the name of a new database only this test uses
 */
char *
bjb_test_db_create (const char *template_name)
{
  static gint counter;
  g_autoptr(PGconn) conn = bjb_test_db_connect ("postgres");
  g_autofree char *name = g_strdup_printf ("bjb_t_core_%d_%d", (int) getpid (),
                                           g_atomic_int_add (&counter, 1));
  g_autofree char *sql = NULL;
  char *ident = PQescapeIdentifier (conn, name, strlen (name));
  char *tmpl = PQescapeIdentifier (conn, template_name != NULL ? template_name : "template0",
                                   strlen (template_name != NULL ? template_name : "template0"));

  /* Identifiers cannot be parameters; both are escaped, and both are ours. */
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", ident, tmpl);
  PQfreemem (ident);
  PQfreemem (tmpl);
  exec_ok (conn, sql);
  return g_steal_pointer (&name);
}

void
bjb_test_db_drop (const char *dbname)
{
  g_autoptr(PGconn) conn = bjb_test_db_connect ("postgres");
  g_autofree char *sql = NULL;
  char *ident = PQescapeIdentifier (conn, dbname, strlen (dbname));

  sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", ident);
  PQfreemem (ident);
  exec_ok (conn, sql);
}

/**
 * bjb_test_db_query_value:
 *
 * Runs a query that must succeed and returns its first value.
 *
 * Returns: (transfer full) (nullable): the value, %NULL for SQL NULL or no rows
 */
char *
bjb_test_db_query_value (PGconn     *conn,
                         const char *sql,
                         int         n_params,
                         const char *const *values)
{
  g_autoptr(PGresult) res = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  if (PQntuples (res) == 0 || PQgetisnull (res, 0, 0))
    return NULL;
  return g_strdup (PQgetvalue (res, 0, 0));
}
