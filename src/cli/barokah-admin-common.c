/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

/* --dbname is accepted before and after the command. */
static char *opt_dbname;

const GOptionEntry bjb_admin_connection_entries[] = {
  { "dbname", 'd', 0, G_OPTION_ARG_STRING, &opt_dbname,
    N_("Connect with this libpq conninfo string or postgresql:// URI "
       "(default: the PG* environment, PGSERVICE)"), N_("CONNINFO") },
  { NULL }
};

static void
print_error_v (const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  g_printerr ("barokah-admin: %s\n", message);
}

void
bjb_admin_error (const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  print_error_v (format, args);
  va_end (args);
}

int
bjb_admin_usage_error (const char *command,
                       const char *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  print_error_v (format, args);
  va_end (args);
  if (command != NULL)
    g_printerr (_("Try “barokah-admin %s --help”.\n"), command);
  else
    g_printerr (_("Try “barokah-admin --help”.\n"));
  return BJB_ADMIN_EXIT_USAGE;
}

/* The server's own words, with the SQLSTATE so an administrator can look it up. */
void
bjb_admin_server_error (const char     *what,
                        PGconn         *conn,
                        const PGresult *res)
{
  const char *primary = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *detail = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *hint = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_HINT) : NULL;
  g_autofree char *fallback = NULL;

  if (primary == NULL)
    {
      fallback = g_strstrip (g_strdup (PQerrorMessage (conn)));
      primary = fallback;
    }
  if (sqlstate != NULL)
    bjb_admin_error ("%s: %s (SQLSTATE %s)", what, primary, sqlstate);
  else
    bjb_admin_error ("%s: %s", what, primary);
  if (detail != NULL)
    g_printerr ("  %s\n", detail);
  if (hint != NULL)
    g_printerr ("  %s\n", hint);
  if (sqlstate != NULL && g_str_equal (sqlstate, "42501"))
    g_printerr (_("  Run this as a database superuser or an admin login.\n"));
}

PGresult *
bjb_admin_query (PGconn      *conn,
                 const char  *what,
                 const char  *sql,
                 int          n_params,
                 const char  *const *values)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      bjb_admin_server_error (what, conn, res);
      PQclear (res);
      return NULL;
    }
  return res;
}

/* For a query of one boolean: SELECT EXISTS (…). */
gboolean
bjb_admin_query_bool (PGconn            *conn,
                      const char        *what,
                      const char        *sql,
                      int                n_params,
                      const char *const *values,
                      gboolean          *out_value)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, what, sql, n_params, values);

  if (res == NULL)
    return FALSE;
  *out_value = PQntuples (res) > 0 && g_str_equal (PQgetvalue (res, 0, 0), "t");
  return TRUE;
}

/* Backup and restore read and write past row-level security and the cluster's roles. */
gboolean
bjb_admin_require_superuser (PGconn     *conn,
                             const char *why)
{
  gboolean super = FALSE;

  if (!bjb_admin_query_bool (conn, _("cannot look up the login"),
                             "SELECT rolsuper FROM pg_catalog.pg_roles "
                             "WHERE rolname = current_user", 0, NULL, &super))
    return FALSE;
  if (!super)
    bjb_admin_error (_("%s is not a superuser, and %s; run it as postgres "
                       "(sudo -u postgres barokah-admin …)"), PQuser (conn), why);
  return super;
}

gboolean
bjb_admin_run (PGconn     *conn,
               const char *what,
               const char *sql)
{
  PGresult *res = bjb_admin_query (conn, what, sql, 0, NULL);

  PQclear (res);
  return res != NULL;
}

static PGconn *
connect_or_explain (const char *const *keywords,
                    const char *const *values,
                    int                expand_dbname)
{
  PGconn *conn = PQconnectdbParams (keywords, values, expand_dbname);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      bjb_admin_error (_("cannot connect to the database: %s"), message);
      g_printerr (_("  Set PGHOST, PGPORT, PGDATABASE and PGUSER (or PGSERVICE), or pass "
                    "--dbname \"host=… dbname=… user=…\".\n"));
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

PGconn *
bjb_admin_connect (void)
{
  /* expand_dbname lets --dbname be a whole conninfo string or a URI, as in psql. */
  const char *keywords[] = { "dbname", "fallback_application_name", NULL };
  const char *values[] = { opt_dbname, "barokah-admin", NULL };

  return connect_or_explain (keywords, values, 1);
}

/* For the commands that do not connect through --dbname. */
gboolean
bjb_admin_has_dbname_option (void)
{
  return opt_dbname != NULL;
}

/* Connects with exactly these parameters (and the PG* environment for the rest). */
PGconn *
bjb_admin_connect_params (const char *const *keywords,
                          const char *const *values)
{
  return connect_or_explain (keywords, values, 0);
}

/* Every command's database must be at exactly this program's schema. */
gboolean
bjb_admin_check_schema (PGconn *conn)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  int current = 0;
  int latest = bjb_migrator_get_latest_version (migrator);

  if (!bjb_migrator_get_current_version (migrator, conn, &current, &error))
    {
      bjb_admin_error ("%s", error->message);
      return FALSE;
    }
  if (current < latest)
    {
      bjb_admin_error (_("the database has schema version %d, this program needs %d; "
                         "run “barokah-admin migrate” first"), current, latest);
      return FALSE;
    }
  if (current > latest)
    {
      bjb_admin_error (_("the database has schema version %d, newer than this program (%d); "
                         "use a newer barokah-admin"), current, latest);
      return FALSE;
    }
  return TRUE;
}

/* Parses @command's own options; argv[0] is the command name. Returns the exit code: a
 * usage error's, --help's, or @command's own. */
int
bjb_admin_command_run (const BjbAdminCommand *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (command->parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("barokah-admin %s", command->name);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, _(command->summary));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, bjb_admin_connection_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bjb_admin_usage_error (command->name, "%s", error->message);
  if (argc - 1 > command->max_args)
    return bjb_admin_usage_error (command->name, _("unexpected argument “%s”"),
                                  argv[command->max_args + 1]);
  return command->run (argc, argv);
}

/* The environment for pg_dump and pg_restore: they reach the same server, database and
 * login as @conn, TLS settings and password included, without a password on their command
 * line (where ps would show it). */
GStrv
bjb_admin_tool_env (PGconn *conn)
{
  char **env = g_get_environ ();
  PQconninfoOption *options = PQconninfo (conn);

  /* A service file would add its own values on top of the ones below. */
  env = g_environ_unsetenv (env, "PGSERVICE");
  for (PQconninfoOption *o = options; o != NULL && o->keyword != NULL; o++)
    if (o->envvar != NULL && o->val != NULL && o->val[0] != '\0')
      env = g_environ_setenv (env, o->envvar, o->val, TRUE);
  PQconninfoFree (options);
  return env;
}

/* Runs a program to the end. Its standard error becomes the error message when it fails,
 * so the administrator reads pg_dump's or openssl's own words. */
gboolean
bjb_admin_spawn (const char *const  *argv,
                 const char *const  *envp,
                 char              **out_stdout,
                 GError            **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  if (envp != NULL)
    g_subprocess_launcher_set_environ (launcher, (char **) envp);
  proc = g_subprocess_launcher_spawnv (launcher, argv, error);
  if (proc == NULL)
    return FALSE;
  if (!g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, error))
    return FALSE;
  if (!g_subprocess_get_if_exited (proc) || g_subprocess_get_exit_status (proc) != 0)
    {
      g_set_error (error, G_SPAWN_EXIT_ERROR, 1, _("%s failed: %s"), argv[0],
                   err != NULL && err[0] != '\0' ? g_strstrip (err) : _("no message"));
      return FALSE;
    }
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  return TRUE;
}
