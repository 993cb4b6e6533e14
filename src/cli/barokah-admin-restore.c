/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <gio/gunixinputstream.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

/* restore: a backup of barokah-admin-backup.c into a new, empty database. The logins come
 * first (they belong to the cluster and the dump grants to them), then pg_restore in one
 * transaction, then the restored database is checked against the manifest. */

/* Anything a new database from template1 would not have. */
static const char SQL_OBJECTS[] =
  "SELECT (SELECT count(*) FROM pg_catalog.pg_class c "
  "        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
  "        WHERE n.nspname <> 'information_schema' AND n.nspname !~ '^pg_') "
  "     + (SELECT count(*) FROM pg_catalog.pg_namespace "
  "        WHERE nspname NOT IN ('public', 'information_schema') AND nspname !~ '^pg_') "
  "     + (SELECT count(*) FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql') "
  "     + (SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'public'::regnamespace)";

/* The roles are made server-side, quoted by format(), as the migrations make them. */
static const char SQL_ROLE_FUNCTIONS[] =
  "CREATE FUNCTION pg_temp.bjb_restore_groups () RETURNS void LANGUAGE plpgsql AS $f$ "
  "DECLARE r text; "
  "BEGIN "
  "  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'bjb_owner') THEN "
  "    CREATE ROLE bjb_owner NOLOGIN CREATEROLE; "
  "  END IF; "
  "  FOREACH r IN ARRAY '" BJB_BACKUP_GROUPS_ARRAY "'::text[] LOOP "
  "    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN "
  "      EXECUTE pg_catalog.format ('CREATE ROLE %I NOLOGIN', r); "
  "    END IF; "
  "  END LOOP; "
  "  IF NOT pg_catalog.pg_has_role ('bjb_owner', 'pg_signal_backend', 'MEMBER') THEN "
  "    GRANT pg_signal_backend TO bjb_owner; "
  "  END IF; "
  "END $f$; "
  "CREATE FUNCTION pg_temp.bjb_restore_login (p_login text, p_groups text[], "
  "                                           p_can_login boolean, p_verifier text) "
  "RETURNS text LANGUAGE plpgsql AS $f$ "
  "DECLARE g text; result text := 'kept'; "
  "BEGIN "
  "  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = p_login) THEN "
  "    EXECUTE pg_catalog.format ('CREATE ROLE %I %s PASSWORD %L', p_login, "
  "      CASE WHEN p_can_login THEN 'LOGIN' ELSE 'NOLOGIN' END, p_verifier); "
  "    result := CASE WHEN p_verifier IS NULL THEN 'locked' ELSE 'created' END; "
  "  END IF; "
  "  FOREACH g IN ARRAY p_groups LOOP "
  "    IF g = ANY ('" BJB_BACKUP_GROUPS_ARRAY "'::text[]) "
  "       AND NOT pg_catalog.pg_has_role (p_login, g, 'MEMBER') THEN "
  "      EXECUTE pg_catalog.format ('GRANT %I TO %I', g, p_login); "
  "    END IF; "
  "  END LOOP; "
  "  RETURN result; "
  "END $f$; "
  "CREATE FUNCTION pg_temp.bjb_restore_drop_login (p_login text) RETURNS void "
  "LANGUAGE plpgsql AS $f$ "
  "BEGIN EXECUTE pg_catalog.format ('DROP ROLE IF EXISTS %I', p_login); END $f$";

static const char SQL_MIGRATION_NAMES[] =
  "SELECT name FROM bjb.schema_migration ORDER BY version";

static JsonObject *
read_manifest (const char  *file,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonNode *root;
  JsonObject *manifest;

  if (!bjb_admin_spawn ((const char *const[]) { "tar", "--extract", "--to-stdout", "--file",
                                                file, BJB_BACKUP_MANIFEST, NULL },
                        NULL, &text, error))
    {
      g_prefix_error (error, _("%s cannot be read as a barokah-admin backup: "), file);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s has no valid manifest"), file);
      return NULL;
    }
  manifest = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (manifest, "format", ""),
                 BJB_BACKUP_FORMAT) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a barokah-admin backup"), file);
      return NULL;
    }
  return json_object_ref (manifest);
}

/* "pg_dump (PostgreSQL) 15.5 (Debian …)" → 15 */
static int
tool_major (const char *version_line)
{
  const char *p = version_line != NULL ? strstr (version_line, ") ") : NULL;

  return p != NULL ? atoi (p + 2) : 0;
}

/* Every reason this backup cannot go into this database, before anything is changed. */
static gboolean
check_compatible (PGconn     *conn,
                  JsonObject *manifest)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *restore_version = NULL;
  gint64 format = json_object_get_int_member_with_default (manifest, "format_version", 0);
  gint64 schema = json_object_get_int_member_with_default (manifest, "schema_version", 0);
  gint64 server = json_object_get_int_member_with_default (manifest, "server_version_num", 0);
  const char *dump_version = json_object_get_string_member_with_default (manifest,
                                                                         "pg_dump_version", "");
  int latest = bjb_migrator_get_latest_version (migrator);

  if (format > BJB_BACKUP_FORMAT_VERSION)
    {
      bjb_admin_error (_("this backup has format %" G_GINT64_FORMAT ", newer than this program "
                         "reads (%d); restore it with barokah-admin %s or newer"), format,
                       BJB_BACKUP_FORMAT_VERSION,
                       json_object_get_string_member_with_default (manifest, "program_version",
                                                                   "?"));
      return FALSE;
    }
  if (schema > latest)
    {
      bjb_admin_error (_("the backup has schema version %" G_GINT64_FORMAT ", newer than this "
                         "program (%d); restore it with barokah-admin %s or newer"), schema,
                       latest,
                       json_object_get_string_member_with_default (manifest, "program_version",
                                                                   "?"));
      return FALSE;
    }
  if (server / 10000 > PQserverVersion (conn) / 10000)
    {
      bjb_admin_error (_("the backup comes from PostgreSQL %" G_GINT64_FORMAT ", newer than "
                         "this server (PostgreSQL %d); restore it on PostgreSQL %"
                         G_GINT64_FORMAT " or newer"), server / 10000,
                       PQserverVersion (conn) / 10000, server / 10000);
      return FALSE;
    }
  if (!bjb_admin_spawn ((const char *const[]) { "pg_restore", "--version", NULL }, NULL,
                        &restore_version, &error))
    {
      bjb_admin_error (_("cannot run pg_restore: %s; install postgresql-client-15"),
                       error->message);
      return FALSE;
    }
  if (tool_major (dump_version) > tool_major (restore_version))
    {
      bjb_admin_error (_("the dump was written by %s, newer than this %s"), dump_version,
                       g_strstrip (restore_version));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_empty (PGconn *conn)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot look into the target database"),
                                             SQL_OBJECTS, 0, NULL);

  if (res == NULL)
    return FALSE;
  if (atoi (PQgetvalue (res, 0, 0)) > 0)
    {
      bjb_admin_error (_("database %s is not empty (%s objects); a restore goes only into a new "
                         "database: createdb NEW_NAME, then restore with --dbname "
                         "dbname=NEW_NAME"), PQdb (conn), PQgetvalue (res, 0, 0));
      return FALSE;
    }
  return TRUE;
}

/* Recreates the groups and the staff logins this cluster lacks. Fills @created with the
 * logins made here, @locked with those that have no password yet. */
static gboolean
restore_logins (PGconn     *conn,
                JsonObject *manifest,
                GPtrArray  *created,
                GPtrArray  *locked)
{
  JsonArray *logins = json_object_get_array_member (manifest, "logins");

  g_autoptr(PGresult) functions = PQexec (conn, SQL_ROLE_FUNCTIONS);

  /* PQexec: three statements of our own text, no parameters. */
  if (PQresultStatus (functions) != PGRES_COMMAND_OK)
    {
      bjb_admin_server_error (_("cannot prepare the logins"), conn, functions);
      return FALSE;
    }
  if (!bjb_admin_run (conn, _("cannot start a transaction"), "BEGIN")
      || !bjb_admin_run (conn, _("cannot create the groups"),
                         "SELECT pg_temp.bjb_restore_groups ()"))
    return FALSE;

  for (guint i = 0; logins != NULL && i < json_array_get_length (logins); i++)
    {
      JsonObject *login = json_array_get_object_element (logins, i);
      JsonArray *groups = json_object_get_array_member (login, "groups");
      g_autoptr(GString) array = g_string_new ("{");
      g_autoptr(PGresult) res = NULL;
      const char *values[4];
      const char *outcome;

      for (guint g = 0; groups != NULL && g < json_array_get_length (groups); g++)
        g_string_append_printf (array, "%s\"%s\"", g > 0 ? "," : "",
                                json_array_get_string_element (groups, g));
      g_string_append_c (array, '}');

      values[0] = json_object_get_string_member (login, "login");
      values[1] = array->str;
      values[2] = json_object_get_boolean_member_with_default (login, "can_login", TRUE)
                  ? "true" : "false";
      values[3] = json_object_get_string_member_with_default (login, "password", NULL);
      res = bjb_admin_query (conn, _("cannot recreate a staff login"),
                             "SELECT pg_temp.bjb_restore_login ($1, $2::text[], $3::boolean, $4)",
                             4, values);
      if (res == NULL)
        {
          bjb_admin_run (conn, NULL, "ROLLBACK");
          return FALSE;
        }
      outcome = PQgetvalue (res, 0, 0);
      if (!g_str_equal (outcome, "kept"))
        g_ptr_array_add (created, g_strdup (values[0]));
      if (g_str_equal (outcome, "locked"))
        g_ptr_array_add (locked, g_strdup (values[0]));
    }
  return bjb_admin_run (conn, _("cannot save the logins"), "COMMIT");
}

/* tar streams the dump straight into pg_restore: no second copy on disk. */
static gboolean
run_pg_restore (PGconn      *conn,
                const char  *file,
                GError     **error)
{
  g_autoptr(GSubprocess) tar = NULL;
  g_autoptr(GSubprocess) restore = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autofree char *dbname_arg = g_strconcat ("--dbname=", PQdb (conn), NULL);
  g_autofree char *err = NULL;
  g_auto(GStrv) env = bjb_admin_tool_env (conn);
  GInputStream *dump;
  gboolean restored;
  int fd;

  tar = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, error, "tar", "--extract",
                          "--to-stdout", "--file", file, BJB_BACKUP_DUMP, NULL);
  if (tar == NULL)
    return FALSE;
  dump = g_subprocess_get_stdout_pipe (tar);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);
  fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (dump));
  g_subprocess_launcher_take_stdin_fd (launcher, dup (fd));
  restore = g_subprocess_launcher_spawn (launcher, error, "pg_restore", "--single-transaction",
                                         "--exit-on-error", "--no-password", dbname_arg, NULL);
  /* Only pg_restore may hold the pipe now (the launcher keeps its copy of the fd until it
   * goes): if pg_restore stops early, tar must get EPIPE, not wait for a reader forever. */
  g_clear_object (&launcher);
  g_input_stream_close (dump, NULL, NULL);
  if (restore == NULL)
    {
      g_subprocess_force_exit (tar);
      return FALSE;
    }
  if (!g_subprocess_communicate_utf8 (restore, NULL, NULL, NULL, &err, error))
    return FALSE;
  restored = g_subprocess_get_if_exited (restore) && g_subprocess_get_exit_status (restore) == 0;
  /* tar's verdict matters only when pg_restore failed: a restore that succeeded may have
   * left the end of the stream unread (tar then dies of EPIPE), and a file tar could not
   * read to the end gives pg_restore a dump it cannot restore. */
  g_subprocess_wait (tar, NULL, NULL);
  if (!restored)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("pg_restore failed and rolled everything back: %s"),
                   err != NULL && err[0] != '\0' ? g_strstrip (err)
                   : g_subprocess_get_successful (tar) ? _("no message")
                                                       : _("the dump could not be read"));
      return FALSE;
    }
  return TRUE;
}

/* Row counts, stock ledger and schema_migration as the manifest says. */
static gboolean
verify (PGconn     *conn,
        JsonObject *manifest)
{
  JsonObject *tables = json_object_get_object_member (manifest, "tables");
  JsonObject *stock = json_object_get_object_member (manifest, "stock");
  JsonArray *migrations = json_object_get_array_member (manifest, "migrations");
  g_autoptr(PGresult) counts = NULL;
  g_autoptr(PGresult) sums = NULL;
  g_autoptr(PGresult) names = NULL;
  gint64 rows = 0;
  gboolean ok = TRUE;

  counts = bjb_admin_query (conn, _("cannot count the rows"), BJB_BACKUP_SQL_COUNTS, 0, NULL);
  sums = bjb_admin_query (conn, _("cannot sum the stock"), BJB_BACKUP_SQL_STOCK, 0, NULL);
  names = bjb_admin_query (conn, _("cannot read the schema version"), SQL_MIGRATION_NAMES, 0,
                           NULL);
  if (counts == NULL || sums == NULL || names == NULL || tables == NULL || stock == NULL
      || migrations == NULL)
    return FALSE;

  if ((guint) PQntuples (counts) != json_object_get_size (tables))
    {
      bjb_admin_error (_("check failed: the backup has %u tables, the restored database %d"),
                       json_object_get_size (tables), PQntuples (counts));
      ok = FALSE;
    }
  for (int i = 0; i < PQntuples (counts); i++)
    {
      const char *table = PQgetvalue (counts, i, 0);
      gint64 have = g_ascii_strtoll (PQgetvalue (counts, i, 1), NULL, 10);
      gint64 want = json_object_get_int_member_with_default (tables, table, -1);

      rows += have;
      if (have != want)
        {
          bjb_admin_error (_("check failed: %s has %" G_GINT64_FORMAT " rows, the backup "
                             "counted %" G_GINT64_FORMAT), table, have, want);
          ok = FALSE;
        }
    }
  for (int i = 0; i < PQnfields (sums); i++)
    if (g_strcmp0 (PQgetvalue (sums, 0, i),
                   json_object_get_string_member_with_default (stock, PQfname (sums, i), ""))
        != 0)
      {
        bjb_admin_error (_("check failed: the stock ledger (%s) differs from the backup"),
                         PQfname (sums, i));
        ok = FALSE;
      }
  if ((guint) PQntuples (names) != json_array_get_length (migrations))
    ok = FALSE;
  for (int i = 0; ok && i < PQntuples (names); i++)
    ok = g_strcmp0 (PQgetvalue (names, i, 0),
                    json_array_get_string_element (migrations, (guint) i)) == 0;
  if (!ok)
    {
      bjb_admin_error (_("the restored database does not match the backup; do not use it"));
      return FALSE;
    }
  g_print (_("Checked: %d tables with %" G_GINT64_FORMAT " rows, the stock ledger and the %d "
             "applied migrations are as in the backup.\n"), PQntuples (counts), rows,
           PQntuples (names));
  return TRUE;
}

static void
drop_logins (PGconn    *conn,
             GPtrArray *created)
{
  for (guint i = 0; i < created->len; i++)
    {
      const char *values[1] = { g_ptr_array_index (created, i) };
      g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot remove a login again"),
                                                 "SELECT pg_temp.bjb_restore_drop_login ($1)",
                                                 1, values);
    }
}

static int
bjb_admin_restore (int    argc,
                   char **argv)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(JsonObject) manifest = NULL;
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) locked = g_ptr_array_new_with_free_func (g_free);
  gint64 schema;

  if (argc < 2)
    return bjb_admin_usage_error ("restore", _("missing FILE, the backup to restore"));

  manifest = read_manifest (argv[1], &error);
  if (manifest == NULL)
    {
      bjb_admin_error ("%s", error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  if (!(conn = bjb_admin_connect ()))
    return BJB_ADMIN_EXIT_FAILED;
  if (!bjb_admin_require_superuser (conn, _("a restore creates logins and the schema owner")))
    return BJB_ADMIN_EXIT_FAILED;
  if (!check_compatible (conn, manifest) || !check_empty (conn))
    return BJB_ADMIN_EXIT_FAILED;

  g_print (_("Restoring %s (database %s, %s) into %s…\n"), argv[1],
           json_object_get_string_member_with_default (manifest, "database", "?"),
           json_object_get_string_member_with_default (manifest, "created_at", "?"),
           PQdb (conn));
  if (!restore_logins (conn, manifest, created, locked))
    return BJB_ADMIN_EXIT_FAILED;
  if (!run_pg_restore (conn, argv[1], &error))
    {
      bjb_admin_error ("%s", error->message);
      drop_logins (conn, created);
      return BJB_ADMIN_EXIT_FAILED;
    }
  if (!verify (conn, manifest))
    return BJB_ADMIN_EXIT_FAILED;
  /* pg_restore leaves the planner without statistics; the first reports would crawl. */
  bjb_admin_run (conn, _("cannot analyze the restored database"), "ANALYZE");

  if (locked->len > 0)
    {
      g_print (_("These staff logins did not exist on this server and were created LOCKED (no "
                 "password):\n"));
      for (guint i = 0; i < locked->len; i++)
        g_print ("  %s\n", (const char *) g_ptr_array_index (locked, i));
      g_print (_("They cannot sign in until an admin sets a password for each:\n"
                 "  barokah-admin set-password LOGIN --dbname \"dbname=%s\"\n"), PQdb (conn));
    }
  else if (created->len > 0)
    g_print (_("Recreated %u staff logins with the passwords kept in the backup.\n"),
             created->len);

  schema = json_object_get_int_member_with_default (manifest, "schema_version", 0);
  if (schema < bjb_migrator_get_latest_version (migrator))
    g_print (_("The backup has schema version %" G_GINT64_FORMAT "; bring it up to date with:\n"
               "  barokah-admin migrate --dbname \"dbname=%s\"\n"), schema, PQdb (conn));
  g_print (_("Database %s is restored.\n"), PQdb (conn));
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_restore_command = {
  "restore", "FILE --dbname CONNINFO",
  N_("Restores a backup made by “barokah-admin backup” into\n"
     "a new, empty database (create it first with createdb).\n"
     "Refuses a database that is not empty, a backup from a\n"
     "newer program or a newer PostgreSQL. Staff logins missing\n"
     "on this server are created locked until their passwords\n"
     "are set. Restores in one transaction, then checks row\n"
     "counts, the stock ledger and the schema version against\n"
     "the backup. Run it as a superuser."),
  NULL, 1, bjb_admin_restore,
};
