/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <sys/random.h>
#include <glib/gi18n.h>

#include "barokah-admin-private.h"

#define SEED_RESOURCE "/id/barokahjaya/BackOffice/seed/seed-demo.sql"

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
bjb_admin_seed_demo (int    argc,
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

  if (opt_customers < 1 || opt_customers > 10000000)
    return bjb_admin_usage_error ("seed-demo", _("--customers must be between 1 and 10000000"));
  if (opt_orders < 0 || opt_orders > 100000000)
    return bjb_admin_usage_error ("seed-demo", _("--orders must be between 0 and 100000000"));

  seed = g_resources_lookup_data (SEED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (seed == NULL)
    {
      bjb_admin_error (_("this build has no demo data: %s"), error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  seed_sql = g_strndup (g_bytes_get_data (seed, NULL), g_bytes_get_size (seed));

  if (!(conn = bjb_admin_connect ()) || !bjb_admin_check_schema (conn))
    return BJB_ADMIN_EXIT_FAILED;

  res = bjb_admin_query (conn, _("cannot look at the customers"),
                         "SELECT EXISTS (SELECT 1 FROM bjb.customer)", 0, NULL);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;
  if (g_str_equal (PQgetvalue (res, 0, 0), "t") && !opt_force)
    {
      bjb_admin_error (_("database %s already has customers, so it is not seeded again; "
                         "pass --force to add another batch of demo data"), PQdb (conn));
      return BJB_ADMIN_EXIT_FAILED;
    }
  g_clear_pointer (&res, PQclear);

  /* One transaction: a failed seed leaves neither half the data nor logins whose
   * passwords nobody was told. */
  if (!bjb_admin_run (conn, _("cannot start a transaction"), "BEGIN"))
    return BJB_ADMIN_EXIT_FAILED;

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
      res = bjb_admin_query (conn, _("cannot look up the demo logins"),
                             "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = $1)",
                             1, values);
      if (res == NULL)
        return BJB_ADMIN_EXIT_FAILED;
      exists = g_str_equal (PQgetvalue (res, 0, 0), "t");
      g_clear_pointer (&res, PQclear);

      if (exists)
        {
          g_string_append_printf (credentials, "%-14s %-8s %-16s %s\n", s->login, s->role,
                                  s->name, _("(already existed, password unchanged)"));
          continue;
        }

      password = random_password ();
      verifier = bjb_admin_scram_verifier (conn, password, s->login);
      if (verifier == NULL)
        return BJB_ADMIN_EXIT_FAILED;

      values[0] = s->login;
      values[1] = s->name;
      values[2] = s->role;
      values[3] = verifier;
      res = bjb_admin_query (conn, _("cannot create the demo logins"),
                             "SELECT bjb.create_staff ($1, $2, $3, $4)", 4, values);
      if (res == NULL)
        return BJB_ADMIN_EXIT_FAILED;
      g_clear_pointer (&res, PQclear);

      g_string_append_printf (credentials, "%-14s %-8s %-16s %s\n", s->login, s->role,
                              s->name, password);
    }

  /* The seed file only defines pg_temp.bjb_seed_demo(); running it is the statement
   * below, with parameters. */
  res = PQexec (conn, seed_sql);
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      bjb_admin_server_error (_("the demo data script failed"), conn, res);
      return BJB_ADMIN_EXIT_FAILED;
    }
  g_clear_pointer (&res, PQclear);
  if (PQtransactionStatus (conn) != PQTRANS_INTRANS)
    {
      bjb_admin_error (_("the demo data script must not end the transaction (no COMMIT in it)"));
      return BJB_ADMIN_EXIT_FAILED;
    }

  customers = g_strdup_printf ("%d", opt_customers);
  orders = g_strdup_printf ("%d", opt_orders);
  values[0] = customers;
  values[1] = orders;
  g_print (_("Seeding %d customers and %d orders…\n"), opt_customers, opt_orders);
  res = bjb_admin_query (conn, _("the demo data could not be created"),
                         "SELECT jsonb_pretty (pg_temp.bjb_seed_demo ($1::int, $2::int))",
                         2, values);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;

  if (opt_credentials_file != NULL
      && !g_file_set_contents_full (opt_credentials_file, credentials->str,
                                    (gssize) credentials->len,
                                    G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    {
      bjb_admin_error (_("cannot write the credentials file: %s; nothing was seeded"),
                       error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }

  if (!bjb_admin_run (conn, _("cannot save the demo data"), "COMMIT"))
    return BJB_ADMIN_EXIT_FAILED;

  g_print ("%s\n\n", PQgetvalue (res, 0, 0));
  g_print ("%s", credentials->str);
  if (opt_credentials_file != NULL)
    g_print (_("(also written to %s)\n"), opt_credentials_file);
  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_seed_demo_command = {
  "seed-demo", "",
  N_("Fills an empty database with demo data: the product range,\n"
     "customers with Indonesian names and addresses, two years of\n"
     "orders in every status, and demo logins for each role\n"
     "(demo_admin, demo_cs, demo_cs2, demo_kurir, demo_kurir2)\n"
     "with random passwords, printed at the end. Run it as a\n"
     "superuser after migrate."),
  seed_entries, 0, bjb_admin_seed_demo,
};
