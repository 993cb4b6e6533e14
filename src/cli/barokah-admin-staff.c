/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-phone.h"

#include "barokah-admin-private.h"

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
bjb_admin_create_staff (int    argc,
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

  if (argc < 2)
    return bjb_admin_usage_error ("create-staff", _("missing LOGIN"));
  login = argv[1];
  if (opt_role == NULL)
    return bjb_admin_usage_error ("create-staff",
                                  _("missing --role (admin, cs, courier or worker)"));
  if (!bjb_admin_is_valid_role (opt_role))
    return bjb_admin_usage_error ("create-staff",
                                  _("unknown role “%s”: use admin, cs, courier or worker"),
                                  opt_role);
  if (opt_name == NULL || g_strstrip (opt_name)[0] == '\0')
    return bjb_admin_usage_error ("create-staff",
                                  _("missing --name, the name shown in the program"));
  if (opt_phone != NULL)
    {
      phone = bjb_phone_normalize (opt_phone, &error);
      if (phone == NULL)
        return bjb_admin_usage_error ("create-staff", "--phone: %s", error->message);
    }

  if (!(password = bjb_admin_read_new_password (login, opt_password_file)))
    return BJB_ADMIN_EXIT_FAILED;

  if (!(conn = bjb_admin_connect ()) || !bjb_admin_check_schema (conn))
    {
      bjb_admin_free_password (password);
      return BJB_ADMIN_EXIT_FAILED;
    }

  verifier = bjb_admin_scram_verifier (conn, password, login);
  bjb_admin_free_password (password);
  if (verifier == NULL)
    return BJB_ADMIN_EXIT_FAILED;

  values[0] = login;
  values[1] = opt_name;
  values[2] = opt_role;
  values[3] = verifier;
  values[4] = phone;
  res = bjb_admin_query (conn, _("cannot create the staff member"),
                         "SELECT bjb.create_staff ($1, $2, $3, $4, $5)", 5, values);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;

  g_print (_("Created %s login “%s” for %s.\n"), opt_role, login, opt_name);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_create_staff_command = {
  "create-staff", "LOGIN",
  N_("Creates a staff member: a PostgreSQL login with a SCRAM\n"
     "password, in the group of ROLE, and their row in bjb.staff.\n"
     "Run it as a superuser or an admin login. Without\n"
     "--password-file the password is asked twice on the terminal,\n"
     "without echo. At least 8 characters."),
  create_staff_entries, 1, bjb_admin_create_staff,
};

/* set-staff-active */

static int
bjb_admin_set_staff_active (int    argc,
                            char **argv)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *values[2];
  const char *answer;
  gboolean active;

  if (argc != 3)
    return bjb_admin_usage_error ("set-staff-active", _("expected LOGIN and yes or no"));

  answer = argv[2];
  if (g_str_equal (answer, "yes") || g_str_equal (answer, "true") || g_str_equal (answer, "on"))
    active = TRUE;
  else if (g_str_equal (answer, "no") || g_str_equal (answer, "false")
           || g_str_equal (answer, "off"))
    active = FALSE;
  else
    return bjb_admin_usage_error ("set-staff-active", _("“%s” is neither yes nor no"), answer);

  if (!(conn = bjb_admin_connect ()) || !bjb_admin_check_schema (conn))
    return BJB_ADMIN_EXIT_FAILED;

  values[0] = argv[1];
  values[1] = active ? "true" : "false";
  res = bjb_admin_query (conn, _("cannot change the staff member"),
                         "SELECT bjb.set_staff_active ($1, $2::boolean)", 2, values);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;

  if (active)
    g_print (_("%s can sign in again.\n"), argv[1]);
  else
    g_print (_("%s is locked out; their open sessions were ended.\n"), argv[1]);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_set_staff_active_command = {
  "set-staff-active", "LOGIN yes|no",
  N_("Lets a staff member sign in again (yes) or locks them out\n"
     "(no). Locking out also ends their open sessions. Run it as a\n"
     "superuser or an admin login."),
  NULL, G_MAXINT, bjb_admin_set_staff_active,
};

/* set-password */

/* Only the password option of create-staff. */
static const GOptionEntry set_password_entries[] = {
  { "password-file", 'f', 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("Read the password from the first line of FILE (- for standard input) instead of "
       "asking twice on the terminal"), N_("FILE") },
  { NULL }
};

/* For a login a restore created locked, or a forgotten password. ALTER ROLE needs a
 * superuser; the server only sees the verifier. */
static int
bjb_admin_set_password (int    argc,
                        char **argv)
{
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  g_autofree char *verifier = NULL;
  gboolean is_staff = FALSE;
  const char *values[2];
  char *password;

  if (argc != 2)
    return bjb_admin_usage_error ("set-password", _("expected one LOGIN"));

  if (!(conn = bjb_admin_connect ()) || !bjb_admin_check_schema (conn))
    return BJB_ADMIN_EXIT_FAILED;
  values[0] = argv[1];
  if (!bjb_admin_query_bool (conn, _("cannot look up the staff member"),
                             "SELECT EXISTS (SELECT 1 FROM bjb.staff s "
                             "               JOIN pg_catalog.pg_roles r ON r.rolname = s.login "
                             "               WHERE s.login = $1)", 1, values, &is_staff))
    return BJB_ADMIN_EXIT_FAILED;
  if (!is_staff)
    {
      bjb_admin_error (_("%s is not a staff login of database %s"), argv[1], PQdb (conn));
      return BJB_ADMIN_EXIT_FAILED;
    }

  if (!(password = bjb_admin_read_new_password (argv[1], opt_password_file)))
    return BJB_ADMIN_EXIT_FAILED;
  verifier = bjb_admin_scram_verifier (conn, password, argv[1]);
  bjb_admin_free_password (password);
  if (verifier == NULL)
    return BJB_ADMIN_EXIT_FAILED;

  /* Quoted server-side by format(), as the migrations do; the verifier is a parameter. */
  values[1] = verifier;
  if (!bjb_admin_run (conn, _("cannot set the password"),
                      "CREATE FUNCTION pg_temp.bjb_set_password (p_login text, p_verifier text) "
                      "RETURNS void LANGUAGE plpgsql AS $f$ BEGIN "
                      "  EXECUTE pg_catalog.format ('ALTER ROLE %I PASSWORD %L', p_login, "
                      "                             p_verifier); "
                      "END $f$"))
    return BJB_ADMIN_EXIT_FAILED;
  res = bjb_admin_query (conn, _("cannot set the password"),
                         "SELECT pg_temp.bjb_set_password ($1, $2)", 2, values);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;
  g_print (_("%s has a new password and can sign in.\n"), argv[1]);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_set_password_command = {
  "set-password", "LOGIN",
  N_("Sets a new password for a staff login, e.g. one that\n"
     "“barokah-admin restore” created locked. Run it as a\n"
     "superuser. Without --password-file the password is asked\n"
     "twice on the terminal, without echo. At least 8 characters."),
  set_password_entries, G_MAXINT, bjb_admin_set_password,
};
