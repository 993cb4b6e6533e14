/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migrator"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "bjb-migrator.h"
#include "bjb-test-db.h"

#define TEST_SETS "/bjb-test/migrations/"

static int
current_version (BjbMigrator *migrator,
                 PGconn      *conn)
{
  g_autoptr(GError) error = NULL;
  int version = -1;

  g_assert_true (bjb_migrator_get_current_version (migrator, conn, &version, &error));
  g_assert_no_error (error);
  return version;
}

static gboolean
table_exists (PGconn     *conn,
              const char *name)
{
  const char *values[] = { name };
  g_autofree char *v = bjb_test_db_query_value (conn, "SELECT to_regclass($1) IS NOT NULL",
                                                1, values);

  return g_str_equal (v, "t");
}

/* Without a server: loading and checking the files. */

static void
test_load_good (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "good");
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (bjb_migrator_load (migrator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bjb_migrator_get_latest_version (migrator), ==, 3);
  names = bjb_migrator_list (migrator);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  g_assert_cmpstr (names[0], ==, "0001_base");
  g_assert_cmpstr (names[1], ==, "0002_more");
  g_assert_cmpstr (names[2], ==, "0003_slow");
}

static void
test_load_refuses_unwrapped (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "unwrapped");
  g_autoptr(GError) error = NULL;

  g_assert_false (bjb_migrator_load (migrator, &error));
  g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION);
  g_assert_nonnull (strstr (error->message, "0001_base.sql"));
  g_assert_nonnull (strstr (error->message, "BEGIN"));
  g_assert_cmpint (bjb_migrator_get_latest_version (migrator), ==, 0);
}

static void
test_load_refuses_gap (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "gap");
  g_autoptr(GError) error = NULL;

  g_assert_false (bjb_migrator_load (migrator, &error));
  g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION);
  g_assert_nonnull (strstr (error->message, "0003_more"));
}

static void
test_load_refuses_missing (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "nothing-here");
  g_autoptr(GError) error = NULL;

  g_assert_false (bjb_migrator_load (migrator, &error));
  g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION);
}

/* The migrations built into the program obey the same rules. */
static void
test_embedded (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;

  g_assert_true (bjb_migrator_load (migrator, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bjb_migrator_get_latest_version (migrator), >=, 1);
  names = bjb_migrator_list (migrator);
  g_assert_true (g_str_has_prefix (names[0], "0001_"));
  g_assert_cmpint ((int) g_strv_length (names), ==, bjb_migrator_get_latest_version (migrator));
}

/* Against a server */

static void
test_fresh_then_nothing (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "good");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  g_auto(GStrv) again = NULL;
  g_autofree char *db = NULL;
  g_autofree char *rows = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  conn = bjb_test_db_connect (db);

  g_assert_cmpint (current_version (migrator, conn), ==, 0);

  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_assert_nonnull (applied);
  g_assert_cmpuint (g_strv_length (applied), ==, 3);
  g_assert_cmpstr (applied[0], ==, "0001_base");
  g_assert_cmpstr (applied[2], ==, "0003_slow");
  g_assert_cmpint (current_version (migrator, conn), ==, 3);

  again = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  g_assert_cmpuint (g_strv_length (again), ==, 0);

  rows = bjb_test_db_query_value (conn, "SELECT count(*) FROM bjb.thing", 0, NULL);
  g_assert_cmpstr (rows, ==, "2");
  g_clear_pointer (&rows, g_free);

  /* The session lock is released (other tests may hold advisory locks of their own). */
  rows = bjb_test_db_query_value (conn,
                                  "SELECT count(*) FROM pg_locks "
                                  "WHERE locktype = 'advisory' AND pid = pg_backend_pid ()",
                                  0, NULL);
  g_assert_cmpstr (rows, ==, "0");

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

static void
test_partial_then_rest (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "good");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  g_autofree char *db = NULL;
  g_autoptr(PGresult) res = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  conn = bjb_test_db_connect (db);

  /* As if 0001 had been applied by hand with psql. */
  {
    g_autoptr(BjbMigrator) first = bjb_migrator_new_for_resource (TEST_SETS "unrecorded");
    g_auto(GStrv) one = NULL;

    /* "unrecorded" has the same 0001; its 0002 fails the check, 0001 stays. */
    one = bjb_migrator_migrate (first, conn, &error);
    g_assert_null (one);
    g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_NOT_RECORDED);
    g_assert_nonnull (strstr (error->message, "0002_forgot.sql"));
    g_clear_error (&error);
    res = PQexec (conn, "DROP TABLE bjb.forgot");
    g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
  }

  g_assert_cmpint (current_version (migrator, conn), ==, 1);
  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (applied), ==, 2);
  g_assert_cmpstr (applied[0], ==, "0002_more");
  g_assert_cmpint (current_version (migrator, conn), ==, 3);

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

static void
test_failure_rolls_back (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "broken");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  g_autofree char *db = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  conn = bjb_test_db_connect (db);

  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_null (applied);
  g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_FAILED);
  /* Which file, the server's words, the SQLSTATE and where. */
  g_test_message ("error: %s", error->message);
  g_assert_nonnull (strstr (error->message, "0002_broken.sql"));
  g_assert_nonnull (strstr (error->message, "no_such_table"));
  g_assert_nonnull (strstr (error->message, "42P01"));
  g_assert_nonnull (strstr (error->message, "line 4"));
  g_assert_cmpstr (bjb_migrator_error_get_sqlstate (error), ==, "42P01");

  /* 0001 stays, 0002 left nothing behind, 0003 never ran, the session is usable. */
  g_assert_cmpint (PQtransactionStatus (conn), ==, PQTRANS_IDLE);
  g_assert_cmpint (current_version (migrator, conn), ==, 1);
  g_assert_true (table_exists (conn, "bjb.thing"));
  g_assert_false (table_exists (conn, "bjb.half"));
  g_assert_false (table_exists (conn, "bjb.never"));

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

static void
test_refuses_newer (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "good");
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_auto(GStrv) applied = NULL;
  g_autofree char *db = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  conn = bjb_test_db_connect (db);

  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_clear_pointer (&applied, g_strfreev);

  res = PQexecParams (conn, "INSERT INTO bjb.schema_migration (version, name) VALUES (4, 'future')",
                      0, NULL, NULL, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);

  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_null (applied);
  g_assert_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "4"));
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_cmpint (current_version (migrator, conn), ==, 4);

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

typedef struct
{
  BjbMigrator *migrator;
  const char  *db;
  GStrv        applied;
  GError      *error;
} Runner;

static gpointer
run_migration (gpointer data)
{
  Runner *r = data;
  g_autoptr(PGconn) conn = bjb_test_db_connect (r->db);

  r->applied = bjb_migrator_migrate (r->migrator, conn, &r->error);
  return NULL;
}

static void
run_in_parallel (BjbMigrator *migrator,
                 const char  *db,
                 int          expected)
{
  Runner runners[2] = { { migrator, db, NULL, NULL }, { migrator, db, NULL, NULL } };
  GThread *threads[2];
  guint total = 0;

  /* Load once up front so both threads share the parsed files, not the loading. */
  g_assert_true (bjb_migrator_load (migrator, NULL));

  for (guint i = 0; i < 2; i++)
    threads[i] = g_thread_new ("migrate", run_migration, &runners[i]);
  for (guint i = 0; i < 2; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < 2; i++)
    {
      g_assert_no_error (runners[i].error);
      g_assert_nonnull (runners[i].applied);
      total += g_strv_length (runners[i].applied);
    }
  /* One applied everything, the other found nothing to do. */
  g_assert_cmpuint (total, ==, (guint) expected);
  g_assert_true (g_strv_length (runners[0].applied) == 0
                 || g_strv_length (runners[1].applied) == 0);

  for (guint i = 0; i < 2; i++)
    g_strfreev (runners[i].applied);
}

static void
test_parallel (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new_for_resource (TEST_SETS "good");
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *db = NULL;
  g_autofree char *rows = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  run_in_parallel (migrator, db, 3);

  conn = bjb_test_db_connect (db);
  g_assert_cmpint (current_version (migrator, conn), ==, 3);
  rows = bjb_test_db_query_value (conn, "SELECT count(*) FROM bjb.thing WHERE id = 3", 0, NULL);
  g_assert_cmpstr (rows, ==, "1");

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

/* The real schema: applies on an empty database, then is up to date. */
static void
test_embedded_fresh (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) again = NULL;
  g_autofree char *db = NULL;
  g_autofree char *version = NULL;
  int latest;

  if (bjb_test_db_skip_unless_server ())
    return;

  latest = bjb_migrator_get_latest_version (migrator);
  db = bjb_test_db_create (NULL);

  run_in_parallel (migrator, db, latest);

  conn = bjb_test_db_connect (db);
  g_assert_cmpint (current_version (migrator, conn), ==, latest);
  version = bjb_test_db_query_value (conn, "SELECT bjb.schema_version ()", 0, NULL);
  g_assert_cmpint (atoi (version), ==, latest);

  again = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (again), ==, 0);

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

/* The shared template was made by `barokah-admin migrate`: nothing left to apply. */
static void
test_embedded_template (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  g_autofree char *db = NULL;

  if (bjb_test_db_skip_unless_template ())
    return;

  db = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  conn = bjb_test_db_connect (db);
  g_assert_cmpint (current_version (migrator, conn), ==,
                   bjb_migrator_get_latest_version (migrator));
  applied = bjb_migrator_migrate (migrator, conn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (applied), ==, 0);

  g_clear_pointer (&conn, PQfinish);
  bjb_test_db_drop (db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/migrator/load/good", test_load_good);
  g_test_add_func ("/migrator/load/refuses-unwrapped", test_load_refuses_unwrapped);
  g_test_add_func ("/migrator/load/refuses-gap", test_load_refuses_gap);
  g_test_add_func ("/migrator/load/refuses-missing", test_load_refuses_missing);
  g_test_add_func ("/migrator/load/embedded", test_embedded);
  g_test_add_func ("/migrator/run/fresh-then-nothing", test_fresh_then_nothing);
  g_test_add_func ("/migrator/run/partial-then-rest", test_partial_then_rest);
  g_test_add_func ("/migrator/run/failure-rolls-back", test_failure_rolls_back);
  g_test_add_func ("/migrator/run/refuses-newer", test_refuses_newer);
  g_test_add_func ("/migrator/run/parallel", test_parallel);
  g_test_add_func ("/migrator/embedded/fresh-parallel", test_embedded_fresh);
  g_test_add_func ("/migrator/embedded/template", test_embedded_template);

  return g_test_run ();
}
