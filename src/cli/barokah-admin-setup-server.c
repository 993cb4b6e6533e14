/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"
#include "barokah-admin-setup-server.h"

/* setup-server: a Debian PostgreSQL 15 cluster (postgresql-common: pg_lsclusters,
 * pg_ctlcluster) made ready for the shop. Every step first looks at what is there and
 * changes only what is not right yet, so a second run is a check. */

static const char SQL_SETTING[] =
  "SELECT setting FROM pg_catalog.pg_settings WHERE name = $1";

static const char SQL_PENDING_RESTART[] =
  "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_settings WHERE pending_restart)";

static const char SQL_HBA_ERRORS[] =
  "SELECT coalesce (string_agg (line_number || ': ' || error, '; '), '') "
  "FROM pg_catalog.pg_hba_file_rules WHERE error IS NOT NULL";

static gboolean any_change;

void
bjb_server_setup_report (gboolean    changed,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("  %-8s %s\n", changed ? _("changed") : _("ok"), message);
  any_change |= changed;
}

static void
server_setup_clear (BjbServerSetup *setup)
{
  g_clear_pointer (&setup->version, g_free);
  g_clear_pointer (&setup->name, g_free);
  g_clear_pointer (&setup->port, g_free);
  g_clear_pointer (&setup->owner, g_free);
  g_clear_pointer (&setup->data_dir, g_free);
  g_clear_pointer (&setup->socket_dir, g_free);
  g_clear_pointer (&setup->tls_dir, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BjbServerSetup, server_setup_clear)

/* The cluster VERSION/NAME from pg_lsclusters --json. */
static gboolean
find_cluster (BjbServerSetup *setup,
              const char     *cluster,
              GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  g_auto(GStrv) parts = g_strsplit (cluster, "/", 2);
  JsonArray *clusters;

  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--cluster must be VERSION/NAME, e.g. 15/main"));
      return FALSE;
    }
  if (!bjb_admin_spawn ((const char *const[]) { "pg_lsclusters", "--json", NULL }, NULL, &json,
                        error))
    {
      g_prefix_error (error, _("cannot list the PostgreSQL clusters (is postgresql-15 "
                               "installed?): "));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, json, -1, error))
    return FALSE;
  clusters = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; clusters != NULL && i < json_array_get_length (clusters); i++)
    {
      JsonObject *c = json_array_get_object_element (clusters, i);
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  json_object_get_int_member (c, "version"));
      struct passwd *pw;

      if (!g_str_equal (version, parts[0])
          || g_strcmp0 (json_object_get_string_member (c, "cluster"), parts[1]) != 0)
        continue;
      setup->version = g_steal_pointer (&version);
      setup->name = g_strdup (parts[1]);
      setup->port = g_strdup (json_object_get_string_member (c, "port"));
      setup->data_dir = g_strdup (json_object_get_string_member (c, "pgdata"));
      setup->socket_dir = g_strdup (json_object_get_string_member_with_default (
                                      c, "socketdir", "/var/run/postgresql"));
      setup->online = json_object_get_int_member_with_default (c, "running", 0) != 0;
      setup->owner_uid = (uid_t) json_object_get_int_member (c, "owneruid");
      setup->owner_gid = (gid_t) json_object_get_int_member (c, "ownergid");
      setup->tls_dir = g_build_filename (json_object_get_string_member (c, "configdir"),
                                         "barokah-tls", NULL);
      pw = getpwuid (setup->owner_uid);
      setup->owner = g_strdup (pw != NULL ? pw->pw_name : "postgres");
      return TRUE;
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("there is no PostgreSQL cluster %s; install one with "
                 "“apt install postgresql-15” (it makes 15/main)"), cluster);
  return FALSE;
}

static gboolean
pg_ctlcluster (BjbServerSetup *setup,
               const char     *action,
               GError        **error)
{
  return bjb_admin_spawn ((const char *const[]) { "pg_ctlcluster", setup->version, setup->name,
                                                  action, NULL }, NULL, NULL, error);
}

/* Peer authentication on the cluster's socket as its owner (postgres). As root, the
 * connection is made with the owner's identity (the server reads it when connecting) and
 * root's comes back at once: files still need root. */
static PGconn *
connect_owner (BjbServerSetup *setup,
               const char     *database)
{
  const char *keywords[] = { "host", "port", "user", "dbname", "application_name", NULL };
  const char *values[] = { setup->socket_dir, setup->port, setup->owner, database,
                           "barokah-admin setup-server", NULL };
  gboolean switched = geteuid () == 0 && setup->owner_uid != 0;
  PGconn *conn;

  if (switched && (setegid (setup->owner_gid) != 0 || seteuid (setup->owner_uid) != 0))
    {
      bjb_admin_error (_("cannot act as %s: %s"), setup->owner, g_strerror (errno));
      return NULL;
    }
  conn = bjb_admin_connect_params (keywords, values);
  if (switched && (seteuid (0) != 0 || setegid (0) != 0))
    g_error ("cannot become root again: %s", g_strerror (errno));
  return conn;
}

static char *
get_setting (PGconn     *conn,
             const char *name)
{
  const char *values[1] = { name };
  g_autoptr(PGresult) res = bjb_admin_query (conn, _("cannot read a setting"), SQL_SETTING, 1,
                                             values);

  return res != NULL && PQntuples (res) == 1 ? g_strdup (PQgetvalue (res, 0, 0)) : NULL;
}

/* ALTER SYSTEM (postgresql.auto.conf) rather than editing postgresql.conf: the file
 * Debian ships stays as it is, and `ALTER SYSTEM RESET` undoes ours. */
static gboolean
ensure_setting (PGconn     *conn,
                const char *name,
                const char *want)
{
  g_autofree char *have = get_setting (conn, name);
  g_autofree char *escaped = NULL;
  g_autofree char *sql = NULL;
  char *literal;

  if (have == NULL)
    return FALSE;
  if (g_str_equal (have, want))
    {
      bjb_server_setup_report (FALSE, "%s = '%s'", name, want);
      return TRUE;
    }
  /* ALTER SYSTEM takes no parameters; the name is one of ours, the value is quoted. */
  literal = PQescapeLiteral (conn, want, strlen (want));
  escaped = g_strdup (literal);
  PQfreemem (literal);
  sql = g_strdup_printf ("ALTER SYSTEM SET %s = %s", name, escaped);
  if (!bjb_admin_run (conn, _("cannot change a setting"), sql))
    return FALSE;
  bjb_server_setup_report (TRUE, "%s = '%s' (was '%s')", name, want, have);
  return TRUE;
}

static char *
hba_contents (BjbServerSetup *setup)
{
  return g_strdup_printf (
    "# pg_hba.conf written by barokah-admin setup-server; a second run rewrites it.\n"
    "# The file it replaced is kept next to it as pg_hba.conf.before-barokah.\n"
    "# TYPE   DATABASE  USER                                       ADDRESS  METHOD\n"
    "\n"
    "# On the server itself: an operating system user as the login of the same name\n"
    "# (sudo -u postgres psql, the nightly backup).\n"
    "local    all       all                                                 peer\n"
    "\n"
    "# The shop's staff from the shop's network only, over TLS only, with their password.\n"
    "hostssl  %s  +bjb_admin,+bjb_cs,+bjb_courier,+bjb_worker  %s  scram-sha-256\n"
    "\n"
    "# Nothing else over the network: without TLS, other logins, other addresses.\n"
    "host     all       all                                        0.0.0.0/0  reject\n"
    "host     all       all                                        ::/0       reject\n",
    setup->database, setup->lan);
}

static gboolean
ensure_hba (BjbServerSetup *setup,
            PGconn         *conn,
            gboolean       *changed)
{
  g_autofree char *path = get_setting (conn, "hba_file");
  g_autofree char *want = hba_contents (setup);
  g_autofree char *have = NULL;
  g_autofree char *saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGresult) res = NULL;

  if (path == NULL)
    return FALSE;
  if (g_file_get_contents (path, &have, NULL, NULL) && g_str_equal (have, want))
    {
      bjb_server_setup_report (FALSE, _("%s: staff over TLS from %s only"), path, setup->lan);
      return TRUE;
    }

  saved = g_strconcat (path, ".before-barokah", NULL);
  if (have != NULL && !g_file_test (saved, G_FILE_TEST_EXISTS)
      && !g_file_set_contents_full (saved, have, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0640,
                                    &error))
    {
      bjb_admin_error (_("cannot keep a copy of %s: %s"), path, error->message);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, want, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0640, &error)
      || chown (path, setup->owner_uid, setup->owner_gid) != 0)
    {
      bjb_admin_error (_("cannot write %s: %s"), path,
                       error != NULL ? error->message : g_strerror (errno));
      return FALSE;
    }

  /* The server reads the file for this view: a mistake shows before it is loaded. */
  res = bjb_admin_query (conn, _("cannot check pg_hba.conf"), SQL_HBA_ERRORS, 0, NULL);
  if (res == NULL || PQgetvalue (res, 0, 0)[0] != '\0')
    {
      if (res != NULL)
        bjb_admin_error (_("the new %s has errors (%s); the old one is back"), path,
                         PQgetvalue (res, 0, 0));
      if (have != NULL)
        g_file_set_contents_full (path, have, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0640, NULL);
      return FALSE;
    }
  bjb_server_setup_report (TRUE, _("%s: staff over TLS from %s only (old file kept as %s)"),
                           path, setup->lan, saved);
  *changed = TRUE;
  return TRUE;
}

/* Reloads, and restarts when a setting (listen_addresses) needs it. Returns the connection
 * to use from here on. */
static PGconn *
apply_settings (BjbServerSetup *setup,
                PGconn         *conn)
{
  g_autoptr(GError) error = NULL;
  gboolean restart = FALSE;

  if (!bjb_admin_run (conn, _("cannot reload the configuration"),
                      "SELECT pg_catalog.pg_reload_conf ()"))
    {
      PQfinish (conn);
      return NULL;
    }
  /* The reload signal reaches this backend asynchronously. */
  g_usleep (300 * G_TIME_SPAN_MILLISECOND);
  if (!bjb_admin_query_bool (conn, _("cannot check the settings"), SQL_PENDING_RESTART, 0, NULL,
                             &restart))
    {
      PQfinish (conn);
      return NULL;
    }
  if (!restart)
    return conn;

  PQfinish (conn);
  g_print (_("Restarting PostgreSQL %s/%s for the new listen address…\n"), setup->version,
           setup->name);
  if (!pg_ctlcluster (setup, "restart", &error))
    {
      bjb_admin_error (_("PostgreSQL did not restart: %s"), error->message);
      g_printerr (_("  Its log is in /var/log/postgresql/; fix what it says and run "
                    "setup-server again.\n"));
      return NULL;
    }
  bjb_server_setup_report (TRUE, _("PostgreSQL restarted"));
  return connect_owner (setup, "postgres");
}

static gboolean
ensure_database (BjbServerSetup *setup,
                 PGconn         *conn)
{
  const char *values[1] = { setup->database };
  gboolean exists = FALSE;
  g_autofree char *sql = NULL;
  char *ident;

  if (!bjb_admin_query_bool (conn, _("cannot look for the database"),
                             "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_database "
                             "WHERE datname = $1)", 1, values, &exists))
    return FALSE;
  if (exists)
    {
      bjb_server_setup_report (FALSE, _("database %s"), setup->database);
      return TRUE;
    }
  ident = PQescapeIdentifier (conn, setup->database, strlen (setup->database));
  sql = g_strdup_printf ("CREATE DATABASE %s", ident);
  PQfreemem (ident);
  if (!bjb_admin_run (conn, _("cannot create the database"), sql))
    return FALSE;
  bjb_server_setup_report (TRUE, _("database %s created"), setup->database);
  return TRUE;
}

static gboolean
ensure_schema (PGconn *conn)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) applied = NULL;

  applied = bjb_migrator_migrate (migrator, conn, &error);
  if (applied == NULL)
    {
      bjb_admin_error ("%s", error->message);
      return FALSE;
    }
  if (applied[0] == NULL)
    bjb_server_setup_report (FALSE, _("schema version %d"),
                             bjb_migrator_get_latest_version (migrator));
  else
    bjb_server_setup_report (TRUE, _("schema migrated to version %d (%u migrations)"),
                             bjb_migrator_get_latest_version (migrator),
                             g_strv_length (applied));
  return TRUE;
}

static gboolean
ensure_admin (PGconn     *conn,
              const char *login,
              const char *name,
              const char *password_file)
{
  g_autoptr(PGresult) res = NULL;
  g_autofree char *verifier = NULL;
  const char *values[4] = { login };
  gboolean exists = FALSE;
  char *password;

  if (login == NULL)
    {
      if (!bjb_admin_query_bool (conn, _("cannot look for an admin"),
                                 "SELECT EXISTS (SELECT 1 FROM bjb.staff "
                                 "WHERE role = 'admin' AND active)", 0, NULL, &exists))
        return FALSE;
      if (!exists)
        bjb_admin_error (_("the database has no admin login yet: run setup-server again with "
                           "--admin LOGIN --admin-name NAME"));
      else
        bjb_server_setup_report (FALSE, _("an active admin login"));
      return exists;
    }

  if (!bjb_admin_query_bool (conn, _("cannot look for the admin login"),
                             "SELECT EXISTS (SELECT 1 FROM bjb.staff WHERE login = $1)", 1,
                             values, &exists))
    return FALSE;
  if (exists)
    {
      bjb_server_setup_report (FALSE, _("login %s (its password is left as it is)"), login);
      return TRUE;
    }

  if (!(password = bjb_admin_read_new_password (login, password_file)))
    return FALSE;
  verifier = bjb_admin_scram_verifier (conn, password, login);
  bjb_admin_free_password (password);
  if (verifier == NULL)
    return FALSE;
  values[1] = name;
  values[2] = "admin";
  values[3] = verifier;
  res = bjb_admin_query (conn, _("cannot create the admin login"),
                         "SELECT bjb.create_staff ($1, $2, $3, $4)", 4, values);
  if (res == NULL)
    return FALSE;
  bjb_server_setup_report (TRUE, _("admin login %s for %s created"), login, name);
  return TRUE;
}

static void
print_next_steps (BjbServerSetup *setup,
                  const char     *ca_copy)
{
  const char *host = setup->hostname != NULL ? setup->hostname : setup->listen;

  g_print (_("\nNext steps\n"
             "  1. Copy the CA certificate to every desktop (a USB stick will do):\n"
             "       %s\n"
             "  2. On each desktop, in the sign-in window, add a server: host %s, port %s,\n"
             "     database %s, TLS verify-full, and the copied CA certificate.\n"
             "  3. Add the staff, here on the server:\n"
             "       sudo -u %s barokah-admin --dbname \"port=%s dbname=%s\" create-staff LOGIN\n"
             "         --role cs --name \"NAME\"\n"
             "  4. Back up every night (into /var/lib/barokah/backups, the last 14 kept):\n"
             "       sudo systemctl enable --now barokah-backup.timer\n"
             "  5. The worker sends the customers' messages: create its login with\n"
             "     --role worker and start it (README, “Setting up the office”).\n"),
           ca_copy, host, setup->port, setup->database, setup->owner, setup->port,
           setup->database);
}

static char *opt_cluster;
static char *opt_listen;
static char *opt_lan;
static char *opt_hostname;
static char *opt_database;
static char *opt_cert;
static char *opt_key;
static char *opt_ca;
static char *opt_ca_out;
static char *opt_admin;
static char *opt_admin_name;
static char *opt_admin_password_file;

static const GOptionEntry setup_entries[] = {
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("The server's address on the shop's network, e.g. 192.168.1.10"), N_("ADDRESS") },
  { "lan", 0, 0, G_OPTION_ARG_STRING, &opt_lan,
    N_("The shop's network, from which staff may connect, e.g. 192.168.1.0/24"),
    N_("NETWORK") },
  { "hostname", 0, 0, G_OPTION_ARG_STRING, &opt_hostname,
    N_("A name the desktops use for the server, also put in its certificate"), N_("NAME") },
  { "cluster", 0, 0, G_OPTION_ARG_STRING, &opt_cluster,
    N_("The PostgreSQL cluster (default 15/main)"), N_("VERSION/NAME") },
  { "database", 0, 0, G_OPTION_ARG_STRING, &opt_database,
    N_("The database to create (default barokah)"), N_("NAME") },
  { "cert", 0, 0, G_OPTION_ARG_FILENAME, &opt_cert,
    N_("Use this server certificate instead of making one (with --key and --ca)"), N_("FILE") },
  { "key", 0, 0, G_OPTION_ARG_FILENAME, &opt_key,
    N_("The private key of --cert"), N_("FILE") },
  { "ca", 0, 0, G_OPTION_ARG_FILENAME, &opt_ca,
    N_("The CA certificate that signed --cert"), N_("FILE") },
  { "ca-out", 0, 0, G_OPTION_ARG_FILENAME, &opt_ca_out,
    N_("Also copy the CA certificate for the desktops to FILE"), N_("FILE") },
  { "admin", 0, 0, G_OPTION_ARG_STRING, &opt_admin,
    N_("Create this first admin login (needed on the first run)"), N_("LOGIN") },
  { "admin-name", 0, 0, G_OPTION_ARG_STRING, &opt_admin_name,
    N_("The admin's name as the program shows it"), N_("NAME") },
  { "admin-password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_admin_password_file,
    N_("Read the admin's password from FILE (- for standard input) instead of the terminal"),
    N_("FILE") },
  { NULL }
};

static int
check_options (void)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autoptr(GInetAddressMask) lan = NULL;

  if (opt_listen == NULL || opt_lan == NULL)
    return bjb_admin_usage_error ("setup-server", _("--listen ADDRESS and --lan NETWORK are "
                                                    "needed, e.g. --listen 192.168.1.10 --lan "
                                                    "192.168.1.0/24"));
  address = g_inet_address_new_from_string (opt_listen);
  if (address == NULL)
    return bjb_admin_usage_error ("setup-server", _("--listen “%s” is not an IP address"),
                                  opt_listen);
  lan = g_inet_address_mask_new_from_string (opt_lan, NULL);
  if (lan == NULL || !strchr (opt_lan, '/'))
    return bjb_admin_usage_error ("setup-server", _("--lan “%s” is not a network such as "
                                                    "192.168.1.0/24"), opt_lan);
  if (!g_inet_address_mask_matches (lan, address))
    return bjb_admin_usage_error ("setup-server", _("the server's address %s is not in the "
                                                    "network %s"), opt_listen, opt_lan);
  if (opt_hostname != NULL
      && !g_regex_match_simple ("^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$",
                                opt_hostname, 0, 0))
    return bjb_admin_usage_error ("setup-server", _("--hostname “%s” is not a host name"),
                                  opt_hostname);
  if (!g_regex_match_simple ("^[a-z][a-z0-9_]{0,62}$", opt_database, 0, 0))
    return bjb_admin_usage_error ("setup-server", _("--database: use lower-case letters, digits "
                                                    "and _"));
  if ((opt_cert != NULL) != (opt_key != NULL) || (opt_cert != NULL) != (opt_ca != NULL))
    return bjb_admin_usage_error ("setup-server", _("--cert, --key and --ca go together"));
  if (opt_admin != NULL && (opt_admin_name == NULL || g_strstrip (opt_admin_name)[0] == '\0'))
    return bjb_admin_usage_error ("setup-server", _("--admin needs --admin-name NAME"));
  return -1;
}

static int
bjb_admin_setup_server (int    argc,
                        char **argv)
{
  g_auto(BjbServerSetup) setup = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGconn) db = NULL;
  g_autofree char *ca_cert = NULL;
  g_autofree char *cert = NULL;
  g_autofree char *key = NULL;
  g_autofree char *listen = NULL;
  gboolean tls_changed = FALSE;
  gboolean hba_changed = FALSE;
  int code;

  /* It reaches the cluster through its own socket as its owner, before any login exists. */
  if (bjb_admin_has_dbname_option ())
    return bjb_admin_usage_error ("setup-server", _("setup-server takes no --dbname: name the "
                                                    "cluster with --cluster and the database "
                                                    "with --database"));
  if (opt_database == NULL)
    opt_database = g_strdup ("barokah");
  if ((code = check_options ()) >= 0)
    return code;
  setup.listen = opt_listen;
  setup.lan = opt_lan;
  setup.hostname = opt_hostname;
  setup.database = opt_database;
  setup.given_cert = opt_cert;
  setup.given_key = opt_key;
  setup.given_ca = opt_ca;

  if (!find_cluster (&setup, opt_cluster != NULL ? opt_cluster : "15/main", &error))
    {
      bjb_admin_error ("%s", error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  if (geteuid () != 0 && geteuid () != setup.owner_uid)
    {
      bjb_admin_error (_("run it as root: sudo barokah-admin setup-server …"));
      return BJB_ADMIN_EXIT_FAILED;
    }
  g_print (_("PostgreSQL %s/%s (%s, port %s):\n"), setup.version, setup.name, setup.data_dir,
           setup.port);
  if (!setup.online)
    {
      if (!pg_ctlcluster (&setup, "start", &error))
        {
          bjb_admin_error (_("PostgreSQL does not start: %s"), error->message);
          return BJB_ADMIN_EXIT_FAILED;
        }
      bjb_server_setup_report (TRUE, _("PostgreSQL started"));
    }
  if (!(conn = connect_owner (&setup, "postgres")))
    return BJB_ADMIN_EXIT_FAILED;

  if (!bjb_server_setup_tls (&setup, &tls_changed, &error))
    {
      bjb_admin_error (_("the TLS files could not be made: %s"), error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  ca_cert = g_build_filename (setup.tls_dir, "ca.crt", NULL);
  cert = g_build_filename (setup.tls_dir, "server.crt", NULL);
  key = g_build_filename (setup.tls_dir, "server.key", NULL);
  /* The loopback address lets barokah-admin and the worker on the server itself connect. */
  listen = g_str_equal (opt_listen, "127.0.0.1") ? g_strdup (opt_listen)
                                                 : g_strdup_printf ("localhost, %s", opt_listen);
  if (!ensure_setting (conn, "listen_addresses", listen)
      || !ensure_setting (conn, "ssl", "on")
      || !ensure_setting (conn, "ssl_cert_file", cert)
      || !ensure_setting (conn, "ssl_key_file", key)
      || !ensure_setting (conn, "password_encryption", "scram-sha-256"))
    return BJB_ADMIN_EXIT_FAILED;
  /* A new certificate under the same file name needs a reload too. TLS must be on before
   * the server accepts hostssl lines in pg_hba.conf. */
  if (any_change || tls_changed)
    if (!(conn = apply_settings (&setup, g_steal_pointer (&conn))))
      return BJB_ADMIN_EXIT_FAILED;
  if (!ensure_hba (&setup, conn, &hba_changed))
    return BJB_ADMIN_EXIT_FAILED;
  if (hba_changed && !bjb_admin_run (conn, _("cannot reload the configuration"),
                                     "SELECT pg_catalog.pg_reload_conf ()"))
    return BJB_ADMIN_EXIT_FAILED;

  if (!ensure_database (&setup, conn) || !(db = connect_owner (&setup, setup.database))
      || !ensure_schema (db) || !ensure_admin (db, opt_admin, opt_admin_name,
                                               opt_admin_password_file))
    return BJB_ADMIN_EXIT_FAILED;

  if (opt_ca_out != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_get_contents (ca_cert, &contents, &length, &error)
          || !g_file_set_contents_full (opt_ca_out, contents, (gssize) length,
                                        G_FILE_SET_CONTENTS_CONSISTENT, 0644, &error))
        {
          bjb_admin_error (_("cannot copy the CA certificate: %s"), error->message);
          return BJB_ADMIN_EXIT_FAILED;
        }
    }

  g_print (any_change ? _("\nThe server is set up.\n")
                      : _("\nNothing changed: the server was already set up.\n"));
  print_next_steps (&setup, opt_ca_out != NULL ? opt_ca_out : ca_cert);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_setup_server_command = {
  "setup-server", "--listen ADDRESS --lan NETWORK",
  N_("Run as root on the office server. Makes the PostgreSQL 15\n"
     "cluster listen on the shop's network with TLS (a CA and a\n"
     "server certificate it makes with openssl, or the ones you\n"
     "give), lets only staff logins in, only from --lan, only over\n"
     "TLS with their password; creates the database, migrates it\n"
     "and creates the first admin login. Running it again changes\n"
     "only what is not right and says what it found."),
  setup_entries, 0, bjb_admin_setup_server,
};
