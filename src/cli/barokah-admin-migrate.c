/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <stdlib.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

/* Where barokah-backup.service keeps the nightly backups. */
#define NIGHTLY_DIR "/var/lib/barokah/backups"

static gboolean opt_dry_run;
static gboolean opt_no_backup;
static char *opt_backup_file;

static const GOptionEntry migrate_entries[] = {
  { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run,
    N_("Only print the migrations that would be applied; change nothing"), NULL },
  { "no-backup", 0, 0, G_OPTION_ARG_NONE, &opt_no_backup,
    N_("Do not take a backup first (for a database you can recreate)"), NULL },
  { "backup-file", 'b', 0, G_OPTION_ARG_FILENAME, &opt_backup_file,
    N_("Write the backup taken first to FILE (default: "
       "barokah-DATABASE-before-migrate-TIME.bjbbackup in " NIGHTLY_DIR " when that is "
       "writable, else in the current directory)"), N_("FILE") },
  { NULL }
};

/* The migrations newer than @current, in order. */
static GStrv
pending_migrations (BjbMigrator *migrator,
                    int          current)
{
  g_auto(GStrv) all = bjb_migrator_list (migrator);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; all[i] != NULL; i++)
    if (atoi (all[i]) > current)
      g_strv_builder_add (builder, all[i]);
  return g_strv_builder_end (builder);
}

static int
bjb_admin_migrate (int    argc,
                   char **argv)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  g_auto(GStrv) pending = NULL;
  int before = 0;
  int after = 0;
  int latest;

  if (opt_no_backup && opt_backup_file != NULL)
    return bjb_admin_usage_error ("migrate", _("--no-backup and --backup-file exclude each other"));

  if (!bjb_migrator_load (migrator, &error))
    {
      bjb_admin_error ("%s", error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  latest = bjb_migrator_get_latest_version (migrator);

  if (!(conn = bjb_admin_connect ()))
    return BJB_ADMIN_EXIT_FAILED;

  if (!bjb_migrator_get_current_version (migrator, conn, &before, &error))
    {
      bjb_admin_error ("%s", error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  if (before > latest)
    {
      bjb_admin_error (_("the database has schema version %d, newer than this program (%d); "
                         "use a newer barokah-admin"), before, latest);
      return BJB_ADMIN_EXIT_FAILED;
    }

  pending = pending_migrations (migrator, before);
  if (pending[0] == NULL)
    {
      g_print (_("Database %s is up to date (schema version %d).\n"), PQdb (conn), before);
      return BJB_ADMIN_EXIT_OK;
    }

  if (opt_dry_run)
    {
      g_print (_("Database %s has schema version %d; migrate would apply:\n"), PQdb (conn),
               before);
      for (guint i = 0; pending[i] != NULL; i++)
        g_print ("  %s\n", pending[i]);
      g_print (_("Nothing was changed (--dry-run).\n"));
      return BJB_ADMIN_EXIT_OK;
    }

  /* An empty database has nothing to lose; any other is one failed migration away from a
   * bad day. */
  if (before > 0 && !opt_no_backup)
    {
      const char *dir = g_access (NIGHTLY_DIR, W_OK) == 0 ? NIGHTLY_DIR : ".";
      g_autofree char *path = opt_backup_file != NULL
                              ? g_strdup (opt_backup_file)
                              : bjb_admin_backup_default_path (conn, dir, "before-migrate");

      g_print (_("Backing up %s to %s first…\n"), PQdb (conn), path);
      if (!bjb_admin_backup_write (conn, path, FALSE, &error))
        {
          bjb_admin_error (_("the backup failed, so nothing was migrated: %s"), error->message);
          g_printerr (_("  Free some disk space or pass --backup-file FILE; --no-backup skips "
                        "the backup.\n"));
          return BJB_ADMIN_EXIT_FAILED;
        }
    }

  applied = bjb_migrator_migrate (migrator, conn, &error);
  if (applied == NULL)
    {
      bjb_admin_error ("%s", error->message);
      if (bjb_migrator_get_current_version (migrator, conn, &after, NULL) && after != before)
        g_printerr (_("  The schema is now at version %d; earlier migrations stay applied.\n"),
                    after);
      return BJB_ADMIN_EXIT_FAILED;
    }

  for (guint i = 0; applied[i] != NULL; i++)
    g_print (_("Applied %s\n"), applied[i]);
  if (applied[0] == NULL)
    g_print (_("Database %s is up to date (schema version %d).\n"), PQdb (conn), latest);
  else
    g_print (_("Database %s migrated from schema version %d to %d.\n"), PQdb (conn), before,
             latest);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_migrate_command = {
  "migrate", "",
  N_("Applies the database migrations built into this program that\n"
     "the database does not have yet, in order, each in its own\n"
     "transaction. Run it as a PostgreSQL superuser. Safe to run\n"
     "again, and from two places at once. A database that has a\n"
     "schema already is backed up first (see “barokah-admin\n"
     "backup”) unless --no-backup is given."),
  migrate_entries, 0, bjb_admin_migrate,
};
