/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bjb-test-db.h"

/* Drives the real barokah-admin binary (BAROKAH_ADMIN, set by tests/core/meson.build). */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

#define NULL_RUN { -1, NULL, NULL }

static Run
run_cli_argv (const char *const *args,
              const char        *input)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  Run r = { -1, NULL, NULL };

  g_ptr_array_add (argv, (gpointer) BAROKAH_ADMIN);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* English messages in UTF-8 whatever the machine's locale: the asserts read them. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &r.out, &r.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r.status = g_subprocess_get_exit_status (proc);
  g_test_message ("barokah-admin %s → %d\nstdout: %s\nstderr: %s",
                  args[0] != NULL ? args[0] : "", r.status, r.out, r.err);
  return r;
}

#define run_cli(...) run_cli_argv ((const char *const[]) { __VA_ARGS__, NULL }, NULL)

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (haystack == NULL || strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

/* Usage errors: exit 2 and a message naming what to fix, on stderr. */

static void
test_usage_no_command (void)
{
  g_auto(Run) r = run_cli ("--dbname", "dbname=nothing");

  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "missing COMMAND");
  g_assert_cmpstr (r.out, ==, "");
}

static void
test_usage_unknown_command (void)
{
  g_auto(Run) r = run_cli ("frobnicate");

  g_assert_cmpint (r.status, ==, 2);
  assert_contains (r.err, "frobnicate");
  assert_contains (r.err, "--help");
}

static void
test_usage_unknown_option (void)
{
  g_auto(Run) a = run_cli ("--frob", "status");
  g_auto(Run) b = run_cli ("status", "--frob");
  g_auto(Run) c = run_cli ("status", "extra");

  g_assert_cmpint (a.status, ==, 2);
  assert_contains (a.err, "--frob");
  g_assert_cmpint (b.status, ==, 2);
  assert_contains (b.err, "--frob");
  g_assert_cmpint (c.status, ==, 2);
  assert_contains (c.err, "extra");
}

static void
test_usage_create_staff (void)
{
  g_auto(Run) no_login = run_cli ("create-staff");
  g_auto(Run) no_role = run_cli ("create-staff", "siti", "--name", "Siti");
  g_auto(Run) bad_role = run_cli ("create-staff", "siti", "--role", "boss", "--name", "Siti");
  g_auto(Run) no_name = run_cli ("create-staff", "siti", "--role", "cs");
  g_auto(Run) bad_phone = run_cli ("create-staff", "siti", "--role", "cs", "--name", "Siti",
                                   "--phone", "12345");

  g_assert_cmpint (no_login.status, ==, 2);
  assert_contains (no_login.err, "LOGIN");
  g_assert_cmpint (no_role.status, ==, 2);
  assert_contains (no_role.err, "--role");
  g_assert_cmpint (bad_role.status, ==, 2);
  assert_contains (bad_role.err, "boss");
  g_assert_cmpint (no_name.status, ==, 2);
  assert_contains (no_name.err, "--name");
  g_assert_cmpint (bad_phone.status, ==, 2);
  assert_contains (bad_phone.err, "--phone");
}

static void
test_usage_other_commands (void)
{
  g_auto(Run) maybe = run_cli ("set-staff-active", "siti", "maybe");
  g_auto(Run) missing = run_cli ("set-staff-active", "siti");
  g_auto(Run) zero = run_cli ("seed-demo", "--customers", "0");
  g_auto(Run) words = run_cli ("seed-demo", "--orders", "many");
  g_auto(Run) migrate = run_cli ("migrate", "now");

  g_assert_cmpint (maybe.status, ==, 2);
  assert_contains (maybe.err, "maybe");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpint (zero.status, ==, 2);
  assert_contains (zero.err, "--customers");
  g_assert_cmpint (words.status, ==, 2);
  assert_contains (words.err, "many");
  g_assert_cmpint (migrate.status, ==, 2);
}

/* One argument too many names itself and the command's --help (bjb_admin_command_run). */
static void
test_usage_extra_argument (void)
{
  const char *const runs[][4] = {
    { "migrate", "now", NULL },
    { "status", "now", NULL },
    { "seed-demo", "now", NULL },
    { "setup-server", "now", NULL },
    { "backup", "a.bjb", "now", NULL },
    { "restore", "a.bjb", "now", NULL },
    { "create-staff", "siti", "now", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
    {
      g_auto(Run) r = run_cli_argv (runs[i], NULL);
      g_autofree char *hint = g_strdup_printf ("barokah-admin %s --help", runs[i][0]);

      g_assert_cmpint (r.status, ==, 2);
      assert_contains (r.err, "unexpected argument “now”");
      assert_contains (r.err, hint);
      g_assert_cmpstr (r.out, ==, "");
    }
}

static void
test_help (void)
{
  const char *commands[] = { "migrate", "create-staff", "set-staff-active", "seed-demo",
                             "status", "backup", "restore", "setup-server", "set-password" };
  g_auto(Run) r = run_cli ("--help");

  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    assert_contains (r.out, commands[i]);
  assert_contains (r.out, "Exit status");
  assert_contains (r.out, "--dbname");
  assert_contains (r.out, "PGSERVICE");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) c = run_cli (commands[i], "--help");

      g_assert_cmpint (c.status, ==, 0);
      assert_contains (c.out, commands[i]);
    }
}

static void
test_connect_failure (void)
{
  g_autofree char *nowhere = g_build_filename (g_get_tmp_dir (), "bjb-no-such-socket-dir", NULL);
  g_autofree char *conninfo = g_strdup_printf ("host=%s port=1 dbname=x connect_timeout=2",
                                               nowhere);
  g_auto(Run) r = run_cli ("--dbname", conninfo, "status");
  g_auto(Run) after = run_cli ("status", "--dbname", conninfo);

  g_assert_cmpint (r.status, ==, 1);
  assert_contains (r.err, "cannot connect");
  assert_contains (r.err, "PGHOST");
  g_assert_cmpint (after.status, ==, 1);
}

/* Against the template copy */

static char *
conninfo_for (const char *db)
{
  return g_strdup_printf ("dbname=%s", db);
}

static void
test_status (void)
{
  g_autofree char *db = NULL;
  g_autofree char *conninfo = NULL;

  if (bjb_test_db_skip_unless_template ())
    return;

  db = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  conninfo = conninfo_for (db);

  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "status");

    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, db);
    assert_contains (r.out, "PostgreSQL 15");
    assert_contains (r.out, "Up to date");
    assert_contains (r.out, "courier");
    assert_contains (r.out, "Customers and products\n  customers");
    assert_contains (r.out, "active of");
    assert_contains (r.out, "\n  products ");
    assert_contains (r.out, "pending_payment");
    assert_contains (r.out, "Dibatalkan");
  }
  /* A URI works as well as a conninfo string; what it leaves out comes from PG*. */
  {
    g_autofree char *uri = g_strdup_printf ("postgresql:///%s?application_name=bjb-uri", db);
    g_auto(Run) r = run_cli ("status", "--dbname", uri);

    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, db);
  }
  {
    g_auto(Run) r = run_cli ("migrate", "--dbname", conninfo);

    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, "up to date");
  }

  /* A database from a newer program: migrate refuses, status says so. */
  {
    g_autoptr(PGconn) su = bjb_test_db_connect (db);
    g_autoptr(PGresult) res = PQexec (su, "INSERT INTO bjb.schema_migration (version, name) "
                                          "VALUES (9999, '9999_future')");
    g_auto(Run) migrate = NULL_RUN;
    g_auto(Run) status = NULL_RUN;

    g_assert_cmpint (PQresultStatus (res), ==, PGRES_COMMAND_OK);
    migrate = run_cli ("migrate", "--dbname", conninfo);
    g_assert_cmpint (migrate.status, ==, 1);
    assert_contains (migrate.err, "9999");
    assert_contains (migrate.err, "newer barokah-admin");
    status = run_cli ("status", "--dbname", conninfo);
    g_assert_cmpint (status.status, ==, 0);
    assert_contains (status.out, "newer than this program");
  }

  bjb_test_db_drop (db);
}

static void
test_migrate_fresh (void)
{
  g_autofree char *db = NULL;
  g_autofree char *conninfo = NULL;

  if (bjb_test_db_skip_unless_server ())
    return;

  db = bjb_test_db_create (NULL);
  conninfo = conninfo_for (db);

  {
    g_auto(Run) before = run_cli ("--dbname", conninfo, "status");

    g_assert_cmpint (before.status, ==, 0);
    assert_contains (before.out, "run “barokah-admin migrate”");
  }
  {
    g_auto(Run) staff = run_cli ("--dbname", conninfo, "set-staff-active", "nobody", "no");

    g_assert_cmpint (staff.status, ==, 1);
    assert_contains (staff.err, "barokah-admin migrate");
  }
  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "migrate");

    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, "Applied 0001_");
    assert_contains (r.out, "migrated from schema version 0");
  }

  bjb_test_db_drop (db);
}

static void
drop_role (const char *login)
{
  g_autoptr(PGconn) conn = bjb_test_db_connect ("postgres");
  char *ident = PQescapeIdentifier (conn, login, strlen (login));
  g_autofree char *sql = g_strdup_printf ("DROP ROLE IF EXISTS %s", ident);
  g_autoptr(PGresult) res = PQexec (conn, sql);

  PQfreemem (ident);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
}

/* Connects as a staff login with a password, the way the desktop client does. */
static PGconn *
connect_as (const char *db,
            const char *login,
            const char *password)
{
  const char *host = g_getenv ("PGHOST");
  const char *keywords[] = { "host", "dbname", "user", "password", NULL };
  const char *values[] = { host, db, login, password, NULL };

  /* Password checks need a TCP connection: local sockets may be trusted. */
  if (host != NULL && host[0] == '/')
    values[0] = "localhost";
  return PQconnectdbParams (keywords, values, 0);
}

static char *
write_password_file (const char *password)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("bjb-password-XXXXXX", &path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (write (fd, password, strlen (password)), ==, (gssize) strlen (password));
  close (fd);
  return path;
}

static void
test_create_staff (void)
{
  const char *password = "batako-paving-2024";
  g_autofree char *db = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *login = g_strdup_printf ("t_cli_%d", (int) getpid ());
  g_autofree char *second = g_strdup_printf ("t_cli_%d_b", (int) getpid ());
  g_autofree char *pwfile = NULL;
  g_autofree char *shortfile = NULL;

  if (bjb_test_db_skip_unless_template ())
    return;

  db = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  conninfo = conninfo_for (db);
  pwfile = write_password_file ("batako-paving-2024\n");
  shortfile = write_password_file ("pendek");

  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "create-staff", login, "--role", "cs",
                             "--name", "Uji Coba", "--phone", "0812-3456-789",
                             "--password-file", shortfile);

    g_assert_cmpint (r.status, ==, 1);
    assert_contains (r.err, "too short");
  }
  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "create-staff", login, "--role", "cs",
                             "--name", "Uji Coba", "--phone", "0812-3456-789",
                             "--password-file", pwfile);

    g_assert_cmpint (r.status, ==, 0);
    assert_contains (r.out, login);
  }

  /* The new login works with its password, and only with it. */
  {
    g_autoptr(PGconn) conn = connect_as (db, login, password);
    g_autoptr(PGconn) wrong = connect_as (db, login, "not-the-password");
    g_autofree char *role = NULL;
    g_autofree char *phone = NULL;
    g_autofree char *secret = NULL;
    g_autoptr(PGconn) su = bjb_test_db_connect (db);
    const char *values[] = { login };

    if (PQstatus (conn) != CONNECTION_OK)
      g_error ("cannot sign in as %s: %s", login, PQerrorMessage (conn));
    g_assert_cmpint (PQstatus (wrong), ==, CONNECTION_BAD);

    role = bjb_test_db_query_value (conn, "SELECT bjb.whoami () ->> 'role'", 0, NULL);
    g_assert_cmpstr (role, ==, "cs");
    phone = bjb_test_db_query_value (su, "SELECT phone FROM bjb.staff WHERE login = $1",
                                     1, values);
    g_assert_cmpstr (phone, ==, "+628123456789");
    /* What the server stored is a SCRAM verifier. */
    secret = bjb_test_db_query_value (su, "SELECT rolpassword FROM pg_authid WHERE rolname = $1",
                                      1, values);
    g_assert_true (g_str_has_prefix (secret, "SCRAM-SHA-256$"));
  }

  /* The password reaches no statement the server could log. */
  {
    g_autoptr(PGconn) su = bjb_test_db_connect (db);
    const char *values[] = { "%batako-paving%" };
    g_autofree char *seen = bjb_test_db_query_value (
      su, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid ()",
      1, values);

    g_assert_cmpstr (seen, ==, "0");
  }

  /* The password can come from standard input too; only its first line counts. */
  {
    const char *args[] = { "--dbname", conninfo, "create-staff", second, "--role", "courier",
                           "--name", "Kurir Uji", "--password-file", "-", NULL };
    g_auto(Run) r = run_cli_argv (args, "kerikil-semen-77\nignored second line\n");
    g_autoptr(PGconn) conn = NULL;

    g_assert_cmpint (r.status, ==, 0);
    conn = connect_as (db, second, "kerikil-semen-77");
    if (PQstatus (conn) != CONNECTION_OK)
      g_error ("cannot sign in as %s: %s", second, PQerrorMessage (conn));
  }

  /* A second login of the same name is refused by the server, with its reason. */
  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "create-staff", login, "--role", "cs",
                             "--name", "Uji Coba", "--password-file", pwfile);

    g_assert_cmpint (r.status, ==, 1);
    assert_contains (r.err, "SQLSTATE");
  }

  /* Locked out, then let back in. */
  {
    g_auto(Run) off = run_cli ("--dbname", conninfo, "set-staff-active", login, "no");
    g_autoptr(PGconn) conn = NULL;

    g_assert_cmpint (off.status, ==, 0);
    conn = connect_as (db, login, password);
    if (PQstatus (conn) == CONNECTION_OK)
      {
        g_autofree char *active = bjb_test_db_query_value (conn,
                                                           "SELECT bjb.whoami () ->> 'active'",
                                                           0, NULL);
        g_assert_cmpstr (active, ==, "false");
      }
  }
  {
    g_auto(Run) on = run_cli ("--dbname", conninfo, "set-staff-active", login, "yes");
    g_autoptr(PGconn) conn = NULL;

    g_assert_cmpint (on.status, ==, 0);
    conn = connect_as (db, login, password);
    g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  }
  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "set-staff-active", "t_nobody_here", "no");

    g_assert_cmpint (r.status, ==, 1);
    assert_contains (r.err, "SQLSTATE");
  }

  g_unlink (pwfile);
  g_unlink (shortfile);
  bjb_test_db_drop (db);
  drop_role (login);
  drop_role (second);
}

static void
test_seed_demo (void)
{
  const char *demo[] = { "demo_admin", "demo_cs", "demo_cs2", "demo_kurir", "demo_kurir2" };
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *conninfo = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *credfile = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  char *cs_password = NULL;
  struct stat st;

  if (bjb_test_db_skip_unless_template ())
    return;

  db = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  conninfo = conninfo_for (db);
  dir = g_dir_make_tmp ("bjb-seed-XXXXXX", &error);
  g_assert_no_error (error);
  credfile = g_build_filename (dir, "credentials.txt", NULL);

  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "seed-demo", "--customers", "25",
                             "--orders", "80", "--credentials-file", credfile);

    g_assert_cmpint (r.status, ==, 0);
    for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
      assert_contains (r.out, demo[i]);
  }

  g_assert_cmpint (g_stat (credfile, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (credfile, &contents, NULL, &error));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "demo_cs "))
      cs_password = strrchr (lines[i], ' ') + 1;
  g_assert_nonnull (cs_password);

  {
    g_autoptr(PGconn) conn = connect_as (db, "demo_cs", cs_password);
    g_autofree char *customers = NULL;

    if (PQstatus (conn) != CONNECTION_OK)
      g_error ("cannot sign in as demo_cs: %s", PQerrorMessage (conn));
    customers = bjb_test_db_query_value (conn, "SELECT count(*) FROM bjb.customer", 0, NULL);
    g_assert_cmpint (atoi (customers), >=, 25);
  }

  /* Seeded once: a second run refuses. */
  {
    g_auto(Run) r = run_cli ("--dbname", conninfo, "seed-demo");

    g_assert_cmpint (r.status, ==, 1);
    assert_contains (r.err, "--force");
  }

  g_unlink (credfile);
  g_rmdir (dir);
  bjb_test_db_drop (db);
  for (guint i = 0; i < G_N_ELEMENTS (demo); i++)
    drop_role (demo[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/usage/no-command", test_usage_no_command);
  g_test_add_func ("/cli/usage/unknown-command", test_usage_unknown_command);
  g_test_add_func ("/cli/usage/unknown-option", test_usage_unknown_option);
  g_test_add_func ("/cli/usage/create-staff", test_usage_create_staff);
  g_test_add_func ("/cli/usage/other-commands", test_usage_other_commands);
  g_test_add_func ("/cli/usage/extra-argument", test_usage_extra_argument);
  g_test_add_func ("/cli/help", test_help);
  g_test_add_func ("/cli/connect-failure", test_connect_failure);
  g_test_add_func ("/cli/status", test_status);
  g_test_add_func ("/cli/migrate-fresh", test_migrate_fresh);
  g_test_add_func ("/cli/create-staff", test_create_staff);
  g_test_add_func ("/cli/seed-demo", test_seed_demo);

  return g_test_run ();
}
