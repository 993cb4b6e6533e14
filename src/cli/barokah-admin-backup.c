/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

/* A backup is a tar file (readable with `tar tvf`) of two members: manifest.json and
 * database.dump, a pg_dump custom-format dump. The manifest holds what a dump of one
 * database misses (the staff logins live in the cluster, not the database) and what a
 * restore checks itself against, all read in the snapshot pg_dump dumps. */

static const char SQL_MIGRATIONS[] =
  "SELECT version, name FROM bjb.schema_migration ORDER BY version";

/* Staff logins with their groups among ours; the verifier only when asked for. */
static const char SQL_LOGINS[] =
  "SELECT s.login, s.role, r.rolname IS NOT NULL, coalesce (r.rolcanlogin, false), "
  "       coalesce ((SELECT pg_catalog.string_agg (g.rolname, ',' ORDER BY g.rolname) "
  "                  FROM pg_catalog.pg_auth_members m "
  "                  JOIN pg_catalog.pg_roles g ON g.oid = m.roleid "
  "                  WHERE m.member = r.oid AND g.rolname = ANY ($1::text[])), ''), "
  "       CASE WHEN $2::boolean THEN a.rolpassword END "
  "FROM bjb.staff s "
  "LEFT JOIN pg_catalog.pg_roles r ON r.rolname = s.login "
  "LEFT JOIN pg_catalog.pg_authid a ON a.oid = r.oid "
  "ORDER BY s.login";

static gboolean
add_counts (PGconn      *conn,
            JsonBuilder *builder)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot count the rows"),
                                             BJB_BACKUP_SQL_COUNTS, 0, NULL);

  if (res == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "tables");
  json_builder_begin_object (builder);
  for (int i = 0; i < PQntuples (res); i++)
    {
      json_builder_set_member_name (builder, PQgetvalue (res, i, 0));
      json_builder_add_int_value (builder, g_ascii_strtoll (PQgetvalue (res, i, 1), NULL, 10));
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_stock (PGconn      *conn,
           JsonBuilder *builder)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot sum the stock"),
                                             BJB_BACKUP_SQL_STOCK, 0, NULL);

  if (res == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "stock");
  json_builder_begin_object (builder);
  for (int i = 0; i < PQnfields (res); i++)
    {
      json_builder_set_member_name (builder, PQfname (res, i));
      json_builder_add_string_value (builder, PQgetvalue (res, 0, i));
    }
  json_builder_end_object (builder);
  return TRUE;
}

static gboolean
add_migrations (PGconn      *conn,
                JsonBuilder *builder)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot read the schema version"),
                                             SQL_MIGRATIONS, 0, NULL);
  int n;

  if (res == NULL)
    return FALSE;
  n = PQntuples (res);
  json_builder_set_member_name (builder, "schema_version");
  json_builder_add_int_value (builder, n > 0 ? atoi (PQgetvalue (res, n - 1, 0)) : 0);
  json_builder_set_member_name (builder, "migrations");
  json_builder_begin_array (builder);
  for (int i = 0; i < n; i++)
    json_builder_add_string_value (builder, PQgetvalue (res, i, 1));
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
add_logins (PGconn      *conn,
            JsonBuilder *builder,
            gboolean     with_passwords)
{
  g_autoptr(PGresult) res = NULL;
  const char *values[2] = { BJB_BACKUP_GROUPS_ARRAY, with_passwords ? "true" : "false" };

  res = bjb_admin_query (conn, _("cannot read the staff logins"), SQL_LOGINS, 2, values);
  if (res == NULL)
    return FALSE;
  json_builder_set_member_name (builder, "logins");
  json_builder_begin_array (builder);
  for (int i = 0; i < PQntuples (res); i++)
    {
      g_auto(GStrv) groups = g_strsplit (PQgetvalue (res, i, 4), ",", -1);

      /* A bjb.staff row whose login was dropped by hand has nothing to restore. */
      if (!g_str_equal (PQgetvalue (res, i, 2), "t"))
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "login");
      json_builder_add_string_value (builder, PQgetvalue (res, i, 0));
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, PQgetvalue (res, i, 1));
      json_builder_set_member_name (builder, "can_login");
      json_builder_add_boolean_value (builder, g_str_equal (PQgetvalue (res, i, 3), "t"));
      json_builder_set_member_name (builder, "groups");
      json_builder_begin_array (builder);
      for (guint g = 0; groups[g] != NULL; g++)
        if (groups[g][0] != '\0')
          json_builder_add_string_value (builder, groups[g]);
      json_builder_end_array (builder);
      if (!PQgetisnull (res, i, 5))
        {
          json_builder_set_member_name (builder, "password");
          json_builder_add_string_value (builder, PQgetvalue (res, i, 5));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

/* The manifest, read in the transaction whose snapshot pg_dump uses. */
static char *
build_manifest (PGconn   *conn,
                gboolean  with_passwords,
                GError  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  g_autofree char *dump_version = NULL;

  if (!bjb_admin_spawn ((const char *const[]) { "pg_dump", "--version", NULL }, NULL,
                        &dump_version, error))
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BJB_BACKUP_FORMAT);
  json_builder_set_member_name (builder, "format_version");
  json_builder_add_int_value (builder, BJB_BACKUP_FORMAT_VERSION);
  json_builder_set_member_name (builder, "program_version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_set_member_name (builder, "server_version_num");
  json_builder_add_int_value (builder, PQserverVersion (conn));
  json_builder_set_member_name (builder, "pg_dump_version");
  json_builder_add_string_value (builder, g_strstrip (dump_version));
  json_builder_set_member_name (builder, "database");
  json_builder_add_string_value (builder, PQdb (conn));
  json_builder_set_member_name (builder, "created_at");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "with_passwords");
  json_builder_add_boolean_value (builder, with_passwords);
  if (!add_migrations (conn, builder) || !add_counts (conn, builder)
      || !add_stock (conn, builder) || !add_logins (conn, builder, with_passwords))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("the manifest could not be read (see above)"));
      return NULL;
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
remove_tree (const char *dir)
{
  g_autofree char *manifest = g_build_filename (dir, BJB_BACKUP_MANIFEST, NULL);
  g_autofree char *dump = g_build_filename (dir, BJB_BACKUP_DUMP, NULL);

  g_unlink (manifest);
  g_unlink (dump);
  g_rmdir (dir);
}

/* Dumps, packs and renames into place: @path is either the whole backup or absent. */
static gboolean
write_archive (PGconn      *conn,
               const char  *path,
               const char  *snapshot,
               const char  *manifest,
               const char  *work,
               GError     **error)
{
  g_autofree char *manifest_path = g_build_filename (work, BJB_BACKUP_MANIFEST, NULL);
  g_autofree char *dump_path = g_build_filename (work, BJB_BACKUP_DUMP, NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *snapshot_arg = g_strconcat ("--snapshot=", snapshot, NULL);
  g_autofree char *file_arg = g_strconcat ("--file=", dump_path, NULL);
  g_auto(GStrv) env = bjb_admin_tool_env (conn);
  int fd;

  if (!g_file_set_contents_full (manifest_path, manifest, -1, G_FILE_SET_CONTENTS_NONE, 0600,
                                 error))
    return FALSE;
  if (!bjb_admin_spawn ((const char *const[]) { "pg_dump", "--format=custom", "--no-password",
                                                snapshot_arg, file_arg, PQdb (conn), NULL },
                        (const char *const *) env, NULL, error))
    return FALSE;

  /* Customer data and perhaps password verifiers: only the owner may read it. */
  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"),
                   partial, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!bjb_admin_spawn ((const char *const[]) { "tar", "--create", "--file", partial,
                                                "--directory", work, BJB_BACKUP_MANIFEST,
                                                BJB_BACKUP_DUMP, NULL },
                        NULL, NULL, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("cannot write %s: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/**
 * bjb_admin_backup_write:
 * @conn: a superuser connection to the database to back up
 * @path: the file to write; replaced only once the backup is complete
 * @with_passwords: also keep the staff logins' password verifiers
 *
 * Returns: %TRUE when @path holds the whole backup
 */
gboolean
bjb_admin_backup_write (PGconn      *conn,
                        const char  *path,
                        gboolean     with_passwords,
                        GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *template = g_build_filename (dir, ".barokah-backup-XXXXXX", NULL);
  g_autofree char *manifest = NULL;
  g_autoptr(PGresult) res = NULL;
  gboolean ok;

  if (!bjb_admin_require_superuser (conn, _("a backup must read every row, past row-level "
                                             "security")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                           _("not a superuser"));
      return FALSE;
    }
  if (g_mkdtemp_full (template, 0700) == NULL)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("cannot write in %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* The counts and the dump see the same moment: pg_dump takes this snapshot. */
  ok = bjb_admin_run (conn, _("cannot start a transaction"),
                      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  if (ok)
    res = bjb_admin_query (conn, _("cannot export a snapshot"),
                           "SELECT pg_catalog.pg_export_snapshot ()", 0, NULL);
  ok = res != NULL;
  if (ok)
    manifest = build_manifest (conn, with_passwords, error);
  ok = ok && manifest != NULL;
  if (ok)
    ok = write_archive (conn, path, PQgetvalue (res, 0, 0), manifest, template, error);
  else if (error != NULL && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("see the message above"));
  bjb_admin_run (conn, _("cannot end the transaction"), "ROLLBACK");
  remove_tree (template);
  return ok;
}

/**
 * bjb_admin_backup_default_path:
 * @reason: (nullable): a word in the name, e.g. "before-migrate"; such files are never
 *   removed by `backup --keep`
 *
 * Returns: (transfer full): DIRECTORY/barokah-DATABASE[-REASON]-YYYYMMDD-HHMMSS.bjbbackup
 */
char *
bjb_admin_backup_default_path (PGconn     *conn,
                               const char *directory,
                               const char *reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("barokah-%s%s%s-%s" BJB_BACKUP_SUFFIX, PQdb (conn),
                                           reason != NULL ? "-" : "",
                                           reason != NULL ? reason : "", stamp);

  return g_build_filename (directory, name, NULL);
}

/* backup */

static char *opt_directory;
static int opt_keep;
static gboolean opt_with_passwords;

static const GOptionEntry backup_entries[] = {
  { "directory", 'D', 0, G_OPTION_ARG_FILENAME, &opt_directory,
    N_("Write barokah-DATABASE-YYYYMMDD-HHMMSS.bjbbackup into DIR instead of FILE"), N_("DIR") },
  { "keep", 'k', 0, G_OPTION_ARG_INT, &opt_keep,
    N_("With --directory: afterwards remove all but the newest N such backups"), N_("N") },
  { "with-passwords", 0, 0, G_OPTION_ARG_NONE, &opt_with_passwords,
    N_("Also keep the staff logins' password verifiers (keep the file safe)"), NULL },
  { NULL }
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Only the timestamped backups of this database: a "before-migrate" one stays. */
static gboolean
prune_backups (const char *directory,
               const char *database,
               int         keep)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *prefix = g_strdup_printf ("barokah-%s-", database);
  const char *name;
  gboolean ok = TRUE;

  dir = g_dir_open (directory, 0, &error);
  if (dir == NULL)
    {
      bjb_admin_error (_("cannot list the old backups: %s"), error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_ascii_isdigit (name[strlen (prefix)])
        && g_str_has_suffix (name, BJB_BACKUP_SUFFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i + (guint) keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);

      if (g_unlink (path) == 0)
        g_print (_("Removed the old backup %s\n"), path);
      else
        {
          bjb_admin_error (_("cannot remove the old backup %s: %s"), path, g_strerror (errno));
          ok = FALSE;
        }
    }
  return ok;
}

static int
bjb_admin_backup (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autofree char *path = NULL;

  if (argc == 2 && opt_directory != NULL)
    return bjb_admin_usage_error ("backup", _("give either FILE or --directory, not both"));
  if (opt_keep < 0 || (opt_keep > 0 && opt_directory == NULL))
    return bjb_admin_usage_error ("backup", _("--keep needs --directory and a number above 0"));

  if (!(conn = bjb_admin_connect ()))
    return BJB_ADMIN_EXIT_FAILED;

  if (argc == 2)
    path = g_strdup (argv[1]);
  else
    path = bjb_admin_backup_default_path (conn, opt_directory != NULL ? opt_directory : ".",
                                          NULL);

  if (!bjb_admin_backup_write (conn, path, opt_with_passwords, &error))
    {
      bjb_admin_error (_("the backup of %s failed: %s"), PQdb (conn), error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  g_print (_("Backed up database %s to %s%s.\n"), PQdb (conn), path,
           opt_with_passwords ? _(" (with password verifiers: keep it safe)") : "");

  if (opt_keep > 0 && !prune_backups (opt_directory, PQdb (conn), opt_keep))
    return BJB_ADMIN_EXIT_FAILED;
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_backup_command = {
  "backup", "[FILE]",
  N_("Writes one file holding a pg_dump custom-format dump of the\n"
     "database, its staff logins and group memberships (password\n"
     "verifiers only with --with-passwords), the schema version,\n"
     "this program's version and the row counts a restore\n"
     "checks. Run it as a superuser. The file is mode 0600 and\n"
     "appears only when complete. Restore it with\n"
     "“barokah-admin restore”."),
  backup_entries, 1, bjb_admin_backup,
};
