/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

static const BjbAdminCommand *const commands[] = {
  &bjb_admin_migrate_command,
  &bjb_admin_create_staff_command,
  &bjb_admin_set_staff_active_command,
  &bjb_admin_set_password_command,
  &bjb_admin_seed_demo_command,
  &bjb_admin_status_command,
  &bjb_admin_backup_command,
  &bjb_admin_restore_command,
  &bjb_admin_setup_server_command,
};

#define COMMAND_LIST "migrate, create-staff, set-staff-active, set-password, seed-demo, " \
                     "status, backup, restore or setup-server"

static const char *
describe (void)
{
  return _(
"Commands:\n"
"  setup-server --listen ADDRESS --lan NETWORK [--admin LOGIN …]\n"
"      As root on the office server: make the PostgreSQL 15 cluster reachable from\n"
"      the shop's network over verified TLS only, create the database and the\n"
"      first admin login. Safe to run again.\n"
"  migrate [--dry-run] [--no-backup] [--backup-file FILE]\n"
"      Apply the database migrations built into this program that the database\n"
"      does not have yet, each in its own transaction (as a superuser), after a\n"
"      backup. Refuses a database newer than this program. Two runs at once wait\n"
"      for each other.\n"
"  create-staff LOGIN --role admin|cs|courier|worker --name NAME [--phone PHONE]\n"
"               [--password-file FILE]\n"
"      Create a staff login. Without --password-file the password is asked twice\n"
"      on the terminal; only its SCRAM verifier is sent to the server.\n"
"  set-staff-active LOGIN yes|no\n"
"      Let a staff member sign in again, or lock them out (ends their sessions).\n"
"  set-password LOGIN [--password-file FILE]\n"
"      Set a staff member's password (as a superuser), e.g. for a login that a\n"
"      restore created locked.\n"
"  seed-demo [--customers N] [--orders N] [--credentials-file FILE] [--force]\n"
"      Fill an empty database with demo data (300 customers and 3000 orders by\n"
"      default) and demo logins for every role; prints their passwords.\n"
"  status\n"
"      Show the connection, the schema version against this program's, and\n"
"      counts of staff, customers, products and orders.\n"
"  backup [FILE] [--directory DIR --keep N] [--with-passwords]\n"
"      Write the database, its staff logins and a manifest to one file.\n"
"  restore FILE --dbname CONNINFO\n"
"      Restore a backup into a new, empty database and check it against the\n"
"      manifest; staff logins missing on this server come back locked.\n"
"\n"
"“barokah-admin COMMAND --help” shows a command's options.\n"
"\n"
"Connecting:\n"
"  Without --dbname the libpq environment is used: PGHOST, PGPORT, PGDATABASE,\n"
"  PGUSER, PGPASSWORD (or ~/.pgpass), PGSSLMODE, PGSSLROOTCERT, PGSERVICE.\n"
"  --dbname takes a conninfo string or a URI, e.g.\n"
"    --dbname \"host=db.barokah.lan dbname=barokah user=postgres sslmode=verify-full\"\n"
"    --dbname postgresql://postgres@db.barokah.lan/barokah?sslmode=verify-full\n"
"\n"
"Exit status:\n"
"  0  success\n"
"  1  failure (cannot connect, the server refused, a migration failed, …)\n"
"  2  usage error (unknown command, missing or bad option)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean version = FALSE;
  const GOptionEntry main_entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the program version"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("barokah-admin");
  context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_option_context_set_summary (context,
                                _("Administers the Barokah Back Office database: server "
                                  "setup, schema migrations, staff logins, backups, demo "
                                  "data and status."));
  g_option_context_set_description (context, describe ());
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, bjb_admin_connection_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows it are the command's own options. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return bjb_admin_usage_error (NULL, "%s", error->message);

  if (version)
    {
      g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();

      g_print ("barokah-admin %s (schema version %d)\n", PACKAGE_VERSION,
               bjb_migrator_get_latest_version (migrator));
      return BJB_ADMIN_EXIT_OK;
    }

  if (argc < 2)
    return bjb_admin_usage_error (NULL, _("missing COMMAND (%s)"), COMMAND_LIST);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i]->name))
      return bjb_admin_command_run (commands[i], argc - 1, argv + 1);

  return bjb_admin_usage_error (NULL, _("unknown command “%s”; the commands are %s"), argv[1],
                                COMMAND_LIST);
}
