/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "bjb-migrator.h"
#include "bjb-phone.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define SEED_RESOURCE "/id/barokahjaya/BackOffice/seed/seed-demo.sql"
#define MIN_PASSWORD_LENGTH 8

enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

/* --dbname is accepted before and after the command. */
static char *opt_dbname;

static const GOptionEntry connection_entries[] = {
  { "dbname", 'd', 0, G_OPTION_ARG_STRING, &opt_dbname,
    N_("Connect with this libpq conninfo string or postgresql:// URI "
       "(default: the PG* environment, PGSERVICE)"), N_("CONNINFO") },
  { NULL }
};

static void G_GNUC_PRINTF (1, 2)
say_error (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("barokah-admin: %s\n", message);
}

static int G_GNUC_PRINTF (2, 3)
usage_error (const char *command,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("barokah-admin: %s\n", message);
  if (command != NULL)
    g_printerr (_("Try “barokah-admin %s --help”.\n"), command);
  else
    g_printerr (_("Try “barokah-admin --help”.\n"));
  return EXIT_USAGE;
}

/* The server's own words, with the SQLSTATE so an administrator can look it up. */
static void
say_server_error (const char     *what,
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
    say_error ("%s: %s (SQLSTATE %s)", what, primary, sqlstate);
  else
    say_error ("%s: %s", what, primary);
  if (detail != NULL)
    g_printerr ("  %s\n", detail);
  if (hint != NULL)
    g_printerr ("  %s\n", hint);
  if (sqlstate != NULL && g_str_equal (sqlstate, "42501"))
    g_printerr (_("  Run this as a database superuser or an admin login.\n"));
}

static PGresult *
query (PGconn      *conn,
       const char  *what,
       const char  *sql,
       int          n_params,
       const char  *const *values)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      say_server_error (what, conn, res);
      PQclear (res);
      return NULL;
    }
  return res;
}

static gboolean
run (PGconn     *conn,
     const char *what,
     const char *sql)
{
  PGresult *res = query (conn, what, sql, 0, NULL);

  PQclear (res);
  return res != NULL;
}

static PGconn *
connect_db (void)
{
  /* expand_dbname lets --dbname be a whole conninfo string or a URI, as in psql. */
  const char *keywords[] = { "dbname", "fallback_application_name", NULL };
  const char *values[] = { opt_dbname, "barokah-admin", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 1);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      say_error (_("cannot connect to the database: %s"), message);
      g_printerr (_("  Set PGHOST, PGPORT, PGDATABASE and PGUSER (or PGSERVICE), or pass "
                    "--dbname \"host=… dbname=… user=…\".\n"));
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

/* Every command's database must be at exactly this program's schema. */
static gboolean
check_schema (PGconn *conn)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  int current = 0;
  int latest = bjb_migrator_get_latest_version (migrator);

  if (!bjb_migrator_get_current_version (migrator, conn, &current, &error))
    {
      say_error ("%s", error->message);
      return FALSE;
    }
  if (current < latest)
    {
      say_error (_("the database has schema version %d, this program needs %d; "
                   "run “barokah-admin migrate” first"), current, latest);
      return FALSE;
    }
  if (current > latest)
    {
      say_error (_("the database has schema version %d, newer than this program (%d); "
                   "use a newer barokah-admin"), current, latest);
      return FALSE;
    }
  return TRUE;
}

/* Parses a command's own options; argv[0] is the command name. Returns -1 to go on,
 * otherwise the exit code. */
static int
parse_command_options (const char         *command,
                       const char         *parameters,
                       const char         *summary,
                       const GOptionEntry *entries,
                       int                *argc,
                       char             ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("barokah-admin %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, connection_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error (command, "%s", error->message);
  return -1;
}

/* migrate */

static int
cmd_migrate (int    argc,
             char **argv)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_auto(GStrv) applied = NULL;
  int before = 0;
  int after = 0;
  int code;

  code = parse_command_options ("migrate", "",
                                _("Applies the database migrations built into this program that\n"
                                  "the database does not have yet, in order, each in its own\n"
                                  "transaction. Run it as a PostgreSQL superuser. Safe to run\n"
                                  "again, and from two places at once."),
                                NULL, &argc, &argv);
  if (code >= 0)
    return code;
  if (argc > 1)
    return usage_error ("migrate", _("unexpected argument “%s”"), argv[1]);

  if (!bjb_migrator_load (migrator, &error))
    {
      say_error ("%s", error->message);
      return EXIT_FAILED;
    }

  if (!(conn = connect_db ()))
    return EXIT_FAILED;

  if (!bjb_migrator_get_current_version (migrator, conn, &before, &error))
    {
      say_error ("%s", error->message);
      return EXIT_FAILED;
    }

  applied = bjb_migrator_migrate (migrator, conn, &error);
  if (applied == NULL)
    {
      say_error ("%s", error->message);
      if (bjb_migrator_get_current_version (migrator, conn, &after, NULL) && after != before)
        g_printerr (_("  The schema is now at version %d; earlier migrations stay applied.\n"),
                    after);
      return EXIT_FAILED;
    }

  if (applied[0] == NULL)
    {
      g_print (_("Database %s is up to date (schema version %d).\n"), PQdb (conn), before);
      return EXIT_OK;
    }

  for (guint i = 0; applied[i] != NULL; i++)
    g_print (_("Applied %s\n"), applied[i]);
  g_print (_("Database %s migrated from schema version %d to %d.\n"), PQdb (conn), before,
           bjb_migrator_get_latest_version (migrator));
  return EXIT_OK;
}

/* Passwords */

static char *
read_password_file (const char  *path,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  char *newline;

  if (g_str_equal (path, "-"))
    {
      char buf[1024];

      if (fgets (buf, sizeof buf, stdin) == NULL)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("no password on standard input"));
          return NULL;
        }
      contents = g_strdup (buf);
      explicit_bzero (buf, sizeof buf);
    }
  else if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;

  /* The first line is the password; an editor's trailing newline is not part of it. */
  newline = strpbrk (contents, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  return g_steal_pointer (&contents);
}

static char *
prompt_password (FILE       *tty,
                 const char *prompt)
{
  struct termios saved;
  struct termios silent;
  char buf[1024];
  char *line;
  char *newline;

  fputs (prompt, tty);
  fflush (tty);

  tcgetattr (fileno (tty), &saved);
  silent = saved;
  silent.c_lflag &= ~(tcflag_t) ECHO;
  silent.c_lflag |= ECHONL;
  tcsetattr (fileno (tty), TCSAFLUSH, &silent);
  line = fgets (buf, sizeof buf, tty);
  tcsetattr (fileno (tty), TCSAFLUSH, &saved);

  if (line == NULL)
    return NULL;
  newline = strpbrk (buf, "\r\n");
  if (newline != NULL)
    *newline = '\0';
  line = g_strdup (buf);
  explicit_bzero (buf, sizeof buf);
  return line;
}

static char *
read_password_terminal (const char  *login,
                        GError     **error)
{
  g_autofree char *prompt = NULL;
  char *first;
  char *second;
  FILE *tty;
  gboolean same;

  tty = fopen ("/dev/tty", "r+");
  if (tty == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("no terminal to read the password from; use --password-file FILE"));
      return NULL;
    }

  prompt = g_strdup_printf (_("New password for %s: "), login);
  first = prompt_password (tty, prompt);
  second = first != NULL ? prompt_password (tty, _("Type it again: ")) : NULL;
  fclose (tty);

  same = first != NULL && second != NULL && g_str_equal (first, second);
  if (second != NULL)
    {
      explicit_bzero (second, strlen (second));
      g_free (second);
    }
  if (!same)
    {
      if (first != NULL)
        explicit_bzero (first, strlen (first));
      g_free (first);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the two passwords differ; nothing was changed"));
      return NULL;
    }
  return first;
}

static void
free_password (char *password)
{
  if (password != NULL)
    explicit_bzero (password, strlen (password));
  g_free (password);
}

/* The server only ever sees the SCRAM verifier, never the password: statement logs and
 * pg_stat_activity stay clean. */
static char *
scram_verifier (PGconn     *conn,
                const char *password,
                const char *login)
{
  char *encrypted = PQencryptPasswordConn (conn, password, login, "scram-sha-256");
  char *copy;

  if (encrypted == NULL)
    {
      g_autofree char *message = g_strstrip (g_strdup (PQerrorMessage (conn)));

      say_error (_("cannot encrypt the password: %s"), message);
      return NULL;
    }
  copy = g_strdup (encrypted);
  PQfreemem (encrypted);
  return copy;
}

static gboolean
is_valid_role (const char *role)
{
  return role != NULL && (g_str_equal (role, "admin") || g_str_equal (role, "cs")
                          || g_str_equal (role, "courier") || g_str_equal (role, "worker"));
}

/* create-staff */

static char *opt_role;
static char *opt_name;
static char *opt_phone;
static char *opt_password_file;

static const GOptionEntry create_staff_entries[] = {
  { "role", 'r', 0, G_OPTION_ARG_STRING, &opt_role,
    N_("admin, cs (customer service), courier or worker (the barokahd service)"), N_("ROLE") },
  { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name,
    N_("Display name shown in the program, e.g. \"Siti Rahmawati\""), N_("NAME") },
  { "phone", 'p', 0, G_OPTION_ARG_STRING, &opt_phone,
    N_("Phone number, e.g. 0812-3456-789"), N_("PHONE") },
  { "password-file", 'f', 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the password from the first line of FILE (- for standard input) instead of "
       "asking twice on the terminal"), N_("FILE") },
  { NULL }
};

static int
cmd_create_staff (int    argc,
                  char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *verifier = NULL;
  char *password = NULL;
  const char *login;
  const char *values[5];
  int code;

  code = parse_command_options ("create-staff", "LOGIN",
                                _("Creates a staff member: a PostgreSQL login with a SCRAM\n"
                                  "password, in the group of ROLE, and their row in bjb.staff.\n"
                                  "Run it as a superuser or an admin login. Without\n"
                                  "--password-file the password is asked twice on the terminal,\n"
                                  "without echo. At least 8 characters."),
                                create_staff_entries, &argc, &argv);
  if (code >= 0)
    return code;
  if (argc < 2)
    return usage_error ("create-staff", _("missing LOGIN"));
  if (argc > 2)
    return usage_error ("create-staff", _("unexpected argument “%s”"), argv[2]);
  login = argv[1];
  if (opt_role == NULL)
    return usage_error ("create-staff", _("missing --role (admin, cs, courier or worker)"));
  if (!is_valid_role (opt_role))
    return usage_error ("create-staff", _("unknown role “%s”: use admin, cs, courier or worker"),
                        opt_role);
  if (opt_name == NULL || g_strstrip (opt_name)[0] == '\0')
    return usage_error ("create-staff", _("missing --name, the name shown in the program"));
  if (opt_phone != NULL)
    {
      phone = bjb_phone_normalize (opt_phone, &error);
      if (phone == NULL)
        return usage_error ("create-staff", "--phone: %s", error->message);
    }

  if (opt_password_file != NULL)
    password = read_password_file (opt_password_file, &error);
  else
    password = read_password_terminal (login, &error);
  if (password == NULL)
    {
      say_error (_("cannot read the password: %s"), error->message);
      return EXIT_FAILED;
    }
  if (g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH)
    {
      free_password (password);
      say_error (_("the password is too short: use at least %d characters"),
                 MIN_PASSWORD_LENGTH);
      return EXIT_FAILED;
    }

  if (!(conn = connect_db ()) || !check_schema (conn))
    {
      free_password (password);
      return EXIT_FAILED;
    }

  verifier = scram_verifier (conn, password, login);
  free_password (password);
  if (verifier == NULL)
    return EXIT_FAILED;

  values[0] = login;
  values[1] = opt_name;
  values[2] = opt_role;
  values[3] = verifier;
  values[4] = phone;
  res = query (conn, _("cannot create the staff member"),
               "SELECT bjb.create_staff ($1, $2, $3, $4, $5)", 5, values);
  if (res == NULL)
    return EXIT_FAILED;

  g_print (_("Created %s login “%s” for %s.\n"), opt_role, login, opt_name);
  return EXIT_OK;
}

/* set-staff-active */

static int
cmd_set_staff_active (int    argc,
                      char **argv)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *values[2];
  const char *answer;
  gboolean active;
  int code;

  code = parse_command_options ("set-staff-active", "LOGIN yes|no",
                                _("Lets a staff member sign in again (yes) or locks them out\n"
                                  "(no). Locking out also ends their open sessions. Run it as a\n"
                                  "superuser or an admin login."),
                                NULL, &argc, &argv);
  if (code >= 0)
    return code;
  if (argc != 3)
    return usage_error ("set-staff-active", _("expected LOGIN and yes or no"));

  answer = argv[2];
  if (g_str_equal (answer, "yes") || g_str_equal (answer, "true") || g_str_equal (answer, "on"))
    active = TRUE;
  else if (g_str_equal (answer, "no") || g_str_equal (answer, "false")
           || g_str_equal (answer, "off"))
    active = FALSE;
  else
    return usage_error ("set-staff-active", _("“%s” is neither yes nor no"), answer);

  if (!(conn = connect_db ()) || !check_schema (conn))
    return EXIT_FAILED;

  values[0] = argv[1];
  values[1] = active ? "true" : "false";
  res = query (conn, _("cannot change the staff member"),
               "SELECT bjb.set_staff_active ($1, $2::boolean)", 2, values);
  if (res == NULL)
    return EXIT_FAILED;

  if (active)
    g_print (_("%s can sign in again.\n"), argv[1]);
  else
    g_print (_("%s is locked out; their open sessions were ended.\n"), argv[1]);
  return EXIT_OK;
}

/* seed-demo */

static int opt_customers = 300;
static int opt_orders = 3000;
static char *opt_credentials_file;
static gboolean opt_force;

static const GOptionEntry seed_entries[] = {
  { "customers", 0, 0, G_OPTION_ARG_INT, &opt_customers,
    N_("How many customers to create (default 300)"), N_("N") },
  { "orders", 0, 0, G_OPTION_ARG_INT, &opt_orders,
    N_("How many orders over the last two years (default 3000)"), N_("N") },
  { "credentials-file", 'c', 0, G_OPTION_ARG_FILENAME, &opt_credentials_file,
    N_("Also write the demo logins and passwords to FILE (mode 0600)"), N_("FILE") },
  { "force", 0, 0, G_OPTION_ARG_NONE, &opt_force,
    N_("Add demo data even though the database already has customers"), NULL },
  { NULL }
};

typedef struct
{
  const char *login;
  const char *role;
  const char *name;
} DemoStaff;

static const DemoStaff demo_staff[] = {
  { "demo_admin", "admin", "Hendra Wijaya" },
  { "demo_cs", "cs", "Siti Rahmawati" },
  { "demo_cs2", "cs", "Dewi Lestari" },
  { "demo_kurir", "courier", "Agus Setiawan" },
  { "demo_kurir2", "courier", "Joko Susilo" },
};

/* Easy to read aloud and to type on a depot tablet. */
static const char * const password_words[] = {
  "pasir", "semen", "batu", "bata", "kerikil", "paving", "genteng", "tiang",
  "kopi", "teh", "gula", "garam", "nasi", "sate", "bakso", "soto",
  "mangga", "jeruk", "pisang", "nanas", "salak", "durian", "kelapa", "pepaya",
  "merah", "biru", "hijau", "kuning", "ungu", "putih", "hitam", "jingga",
  "gunung", "sungai", "pantai", "hutan", "sawah", "danau", "bukit", "pulau",
  "elang", "kucing", "kerbau", "rusa", "kancil", "merpati", "gajah", "harimau",
  "pagi", "siang", "sore", "malam", "hujan", "angin", "bulan", "bintang",
  "truk", "gerobak", "sepeda", "kapal", "sekop", "ember", "palu", "cangkul",
};

static char *
random_password (void)
{
  guint32 r[4];
  ssize_t got = getrandom (r, sizeof r, 0);

  if (got != (ssize_t) sizeof r)
    for (guint i = 0; i < G_N_ELEMENTS (r); i++)
      r[i] = g_random_int ();

  return g_strdup_printf ("%s-%s-%s-%02u",
                          password_words[r[0] % G_N_ELEMENTS (password_words)],
                          password_words[r[1] % G_N_ELEMENTS (password_words)],
                          password_words[r[2] % G_N_ELEMENTS (password_words)],
                          r[3] % 100);
}

static int
cmd_seed_demo (int    argc,
               char **argv)
{
  g_autoptr(GBytes) seed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autoptr(GString) credentials = g_string_new (NULL);
  g_autofree char *seed_sql = NULL;
  g_autofree char *customers = NULL;
  g_autofree char *orders = NULL;
  const char *values[4];
  int code;

  code = parse_command_options ("seed-demo", "",
                                _("Fills an empty database with demo data: the product range,\n"
                                  "customers with Indonesian names and addresses, two years of\n"
                                  "orders in every status, and demo logins for each role\n"
                                  "(demo_admin, demo_cs, demo_cs2, demo_kurir, demo_kurir2) with\n"
                                  "random passwords, printed at the end. Run it as a superuser\n"
                                  "after migrate."),
                                seed_entries, &argc, &argv);
  if (code >= 0)
    return code;
  if (argc > 1)
    return usage_error ("seed-demo", _("unexpected argument “%s”"), argv[1]);
  if (opt_customers < 1 || opt_customers > 10000000)
    return usage_error ("seed-demo", _("--customers must be between 1 and 10000000"));
  if (opt_orders < 0 || opt_orders > 100000000)
    return usage_error ("seed-demo", _("--orders must be between 0 and 100000000"));

  seed = g_resources_lookup_data (SEED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (seed == NULL)
    {
      say_error (_("this build has no demo data: %s"), error->message);
      return EXIT_FAILED;
    }
  seed_sql = g_strndup (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));

  if (!(conn = connect_db ()) || !check_schema (conn))
    return EXIT_FAILED;

  res = query (conn, _("cannot look at the customers"),
               "SELECT EXISTS (SELECT 1 FROM bjb.customer)", 0, NULL);
  if (res == NULL)
    return EXIT_FAILED;
  if (g_str_equal (PQgetvalue (res, 0, 0), "t") && !opt_force)
    {
      say_error (_("database %s already has customers, so it is not seeded again; "
                   "pass --force to add another batch of demo data"), PQdb (conn));
      return EXIT_FAILED;
    }
  g_clear_pointer (&res, PQclear);

  /* One transaction: a failed seed leaves neither half the data nor logins whose
   * passwords nobody was told. */
  if (!run (conn, _("cannot start a transaction"), "BEGIN"))
    return EXIT_FAILED;

  g_string_append (credentials, "# Barokah Back Office demo logins\n");
  g_string_append_printf (credentials, "# %-12s %-8s %-16s %s\n", "login", "role", "name",
                          "password");
  for (guint i = 0; i < G_N_ELEMENTS (demo_staff); i++)
    {
      const DemoStaff *s = &demo_staff[i];
      g_autofree char *password = NULL;
      g_autofree char *verifier = NULL;
      gboolean exists;

      values[0] = s->login;
      res = query (conn, _("cannot look up the demo logins"),
                   "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)",
                   1, values);
      if (res == NULL)
        return EXIT_FAILED;
      exists = g_str_equal (PQgetvalue (res, 0, 0), "t");
      g_clear_pointer (&res, PQclear);

      if (exists)
        {
          g_string_append_printf (credentials, "%-14s %-8s %-16s %s\n", s->login, s->role,
                                  s->name, _("(already existed, password unchanged)"));
          continue;
        }

      password = random_password ();
      verifier = scram_verifier (conn, password, s->login);
      if (verifier == NULL)
        return EXIT_FAILED;

      values[0] = s->login;
      values[1] = s->name;
      values[2] = s->role;
      values[3] = verifier;
      res = query (conn, _("cannot create the demo logins"),
                   "SELECT bjb.create_staff ($1, $2, $3, $4)", 4, values);
      if (res == NULL)
        return EXIT_FAILED;
      g_clear_pointer (&res, PQclear);

      g_string_append_printf (credentials, "%-14s %-8s %-16s %s\n", s->login, s->role,
                              s->name, password);
    }

  /* The seed file only defines pg_temp.bjb_seed_demo(); running it is the statement
   * below, with parameters. */
  res = PQexec (conn, seed_sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      say_server_error (_("the demo data script failed"), conn, res);
      return EXIT_FAILED;
    }
  g_clear_pointer (&res, PQclear);
  if (PQtransactionStatus (conn) != PQTRANS_INTRANS)
    {
      say_error (_("the demo data script must not end the transaction (no COMMIT in it)"));
      return EXIT_FAILED;
    }

  customers = g_strdup_printf ("%d", opt_customers);
  orders = g_strdup_printf ("%d", opt_orders);
  values[0] = customers;
  values[1] = orders;
  g_print (_("Seeding %d customers and %d orders…\n"), opt_customers, opt_orders);
  res = query (conn, _("the demo data could not be created"),
               "SELECT jsonb_pretty (pg_temp.bjb_seed_demo ($1::int, $2::int))", 2, values);
  if (res == NULL)
    return EXIT_FAILED;

  if (opt_credentials_file != NULL
      && !g_file_set_contents_full (opt_credentials_file, credentials->str,
                                    (gssize) credentials->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      say_error (_("cannot write the credentials file: %s; nothing was seeded"),
                 error->message);
      return EXIT_FAILED;
    }

  if (!run (conn, _("cannot save the demo data"), "COMMIT"))
    return EXIT_FAILED;

  g_print ("%s\n\n", PQgetvalue (res, 0, 0));
  g_print ("%s", credentials->str);
  if (opt_credentials_file != NULL)
    g_print (_("(also written to %s)\n"), opt_credentials_file);
  return EXIT_OK;
}

/* status */

static const char *
status_label (const char *status)
{
  static const struct { const char *status; const char *label; } labels[] = {
    { "pending_payment", "Diproses" },
    { "paid", "Dibayar" },
    { "shipped", "Dikirim" },
    { "completed", "Selesai" },
    { "cancelled", "Dibatalkan" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].status, status))
      return labels[i].label;
  return "";
}

static int
cmd_status (int    argc,
            char **argv)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *host;
  int server_version;
  int current = 0;
  int latest;
  int code;

  code = parse_command_options ("status", "",
                                _("Shows where the program connects, the schema version of the\n"
                                  "database against this program's, and how many staff,\n"
                                  "customers, products and orders there are."),
                                NULL, &argc, &argv);
  if (code >= 0)
    return code;
  if (argc > 1)
    return usage_error ("status", _("unexpected argument “%s”"), argv[1]);

  if (!(conn = connect_db ()))
    return EXIT_FAILED;

  host = PQhost (conn);
  server_version = PQserverVersion (conn);
  g_print (_("Connection\n"));
  g_print ("  %-16s %s\n", _("host"), host != NULL && host[0] != '\0' ? host : _("(default)"));
  g_print ("  %-16s %s\n", _("port"), PQport (conn));
  g_print ("  %-16s %s\n", _("database"), PQdb (conn));
  g_print ("  %-16s %s\n", _("user"), PQuser (conn));
  g_print ("  %-16s PostgreSQL %d.%d\n", _("server"), server_version / 10000,
           server_version % 10000);
  g_print ("  %-16s %s\n", _("TLS"), PQsslInUse (conn) ? _("yes") : _("no"));

  latest = bjb_migrator_get_latest_version (migrator);
  if (!bjb_migrator_get_current_version (migrator, conn, &current, &error))
    {
      say_error ("%s", error->message);
      return EXIT_FAILED;
    }
  g_print (_("Schema\n"));
  g_print ("  %-16s %d\n", _("database"), current);
  g_print ("  %-16s %d\n", _("this program"), latest);
  if (current == 0)
    {
      g_print (_("  The database is empty: run “barokah-admin migrate”.\n"));
      return EXIT_OK;
    }
  if (current < latest)
    g_print (_("  The database is behind: run “barokah-admin migrate”.\n"));
  else if (current > latest)
    g_print (_("  The database is newer than this program: update barokah-admin.\n"));
  else
    g_print (_("  Up to date.\n"));

  res = query (conn, _("cannot count the staff"),
               "SELECT role, count(*), count(*) FILTER (WHERE active) "
               "FROM bjb.staff GROUP BY role ORDER BY role", 0, NULL);
  if (res == NULL)
    return EXIT_FAILED;
  g_print (_("Staff\n"));
  if (PQntuples (res) == 0)
    g_print (_("  none yet: add one with “barokah-admin create-staff”\n"));
  for (int i = 0; i < PQntuples (res); i++)
    g_print (_("  %-16s %s active of %s\n"), PQgetvalue (res, i, 0), PQgetvalue (res, i, 2),
             PQgetvalue (res, i, 1));
  g_clear_pointer (&res, PQclear);

  res = query (conn, _("cannot count the customers and products"),
               "SELECT (SELECT count(*) FROM bjb.customer), "
               "       (SELECT count(*) FROM bjb.customer WHERE status = 'active'), "
               "       (SELECT count(*) FROM bjb.product), "
               "       (SELECT count(*) FROM bjb.product WHERE active)", 0, NULL);
  if (res == NULL)
    return EXIT_FAILED;
  g_print (_("Customers and products\n"));
  g_print (_("  %-16s %s active of %s\n"), _("customers"), PQgetvalue (res, 0, 1),
           PQgetvalue (res, 0, 0));
  g_print (_("  %-16s %s active of %s\n"), _("products"), PQgetvalue (res, 0, 3),
           PQgetvalue (res, 0, 2));
  g_clear_pointer (&res, PQclear);

  res = query (conn, _("cannot count the orders"),
               "SELECT s::text, count(o.id) "
               "FROM unnest (enum_range (NULL::bjb.order_status)) AS s "
               "LEFT JOIN bjb.sales_order o ON o.status = s "
               "GROUP BY s ORDER BY s", 0, NULL);
  if (res == NULL)
    return EXIT_FAILED;
  g_print (_("Orders\n"));
  for (int i = 0; i < PQntuples (res); i++)
    g_print ("  %-16s %-11s %s\n", PQgetvalue (res, i, 0), status_label (PQgetvalue (res, i, 0)),
             PQgetvalue (res, i, 1));

  return EXIT_OK;
}

/* main */

typedef struct
{
  const char *name;
  int (*run) (int argc, char **argv);
} Command;

static const Command commands[] = {
  { "migrate", cmd_migrate },
  { "create-staff", cmd_create_staff },
  { "set-staff-active", cmd_set_staff_active },
  { "seed-demo", cmd_seed_demo },
  { "status", cmd_status },
};

static const char *
describe (void)
{
  return _(
"Commands:\n"
"  migrate\n"
"      Apply the database migrations built into this program that the database\n"
"      does not have yet, each in its own transaction (as a superuser). Refuses a\n"
"      database newer than this program. Two runs at once wait for each other.\n"
"  create-staff LOGIN --role admin|cs|courier|worker --name NAME [--phone PHONE]\n"
"               [--password-file FILE]\n"
"      Create a staff login. Without --password-file the password is asked twice\n"
"      on the terminal; only its SCRAM verifier is sent to the server.\n"
"  set-staff-active LOGIN yes|no\n"
"      Let a staff member sign in again, or lock them out (ends their sessions).\n"
"  seed-demo [--customers N] [--orders N] [--credentials-file FILE] [--force]\n"
"      Fill an empty database with demo data (300 customers and 3000 orders by\n"
"      default) and demo logins for every role; prints their passwords.\n"
"  status\n"
"      Show the connection, the schema version against this program's, and\n"
"      counts of staff, customers, products and orders.\n"
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
                                _("Administers the Barokah Back Office database: schema "
                                  "migrations, staff logins, demo data and status."));
  g_option_context_set_description (context, describe ());
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, connection_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, main_entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows it are the command's own options. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (NULL, "%s", error->message);

  if (version)
    {
      g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();

      g_print ("barokah-admin %s (schema version %d)\n", PACKAGE_VERSION,
               bjb_migrator_get_latest_version (migrator));
      return EXIT_OK;
    }

  if (argc < 2)
    return usage_error (NULL, _("missing COMMAND (migrate, create-staff, set-staff-active, "
                                "seed-demo or status)"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  return usage_error (NULL, _("unknown command “%s”; the commands are migrate, create-staff, "
                              "set-staff-active, seed-demo and status"), argv[1]);
}
