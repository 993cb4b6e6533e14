/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokah-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-migrator.h"

#include "barokah-admin-private.h"

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

/* Prints @heading, then "NAME  A active of N" for each row of @sql (name, count, active
 * count); @names, when given, names the rows in the UI's language instead. Returns the
 * number of rows, -1 (said) when the query failed. */
static int
print_active_counts (PGconn            *conn,
                     const char        *failure,
                     const char        *heading,
                     const char        *sql,
                     const char *const *names)
{
  g_autoptr(PGresult) res = bjb_admin_query (conn, failure, sql, 0, NULL);

  if (res == NULL)
    return -1;
  g_print ("%s", heading);
  for (int i = 0; i < PQntuples (res); i++)
    g_print (_("  %-16s %s active of %s\n"),
             names != NULL ? _(names[i]) : PQgetvalue (res, i, 0), PQgetvalue (res, i, 2),
             PQgetvalue (res, i, 1));
  return PQntuples (res);
}

static int
bjb_admin_status (int    argc,
                  char **argv)
{
  static const char *const counted[] = { N_("customers"), N_("products") };
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PGconn) conn = NULL;
  g_autoptr(PGresult) res = NULL;
  const char *host;
  int server_version;
  int current = 0;
  int latest;
  int n;

  if (!(conn = bjb_admin_connect ()))
    return BJB_ADMIN_EXIT_FAILED;

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
      bjb_admin_error ("%s", error->message);
      return BJB_ADMIN_EXIT_FAILED;
    }
  g_print (_("Schema\n"));
  g_print ("  %-16s %d\n", _("database"), current);
  g_print ("  %-16s %d\n", _("this program"), latest);
  if (current == 0)
    {
      g_print (_("  The database is empty: run “barokah-admin migrate”.\n"));
      return BJB_ADMIN_EXIT_OK;
    }
  if (current < latest)
    g_print (_("  The database is behind: run “barokah-admin migrate”.\n"));
  else if (current > latest)
    g_print (_("  The database is newer than this program: update barokah-admin.\n"));
  else
    g_print (_("  Up to date.\n"));

  n = print_active_counts (conn, _("cannot count the staff"), _("Staff\n"),
                           "SELECT role, count(*), count(*) FILTER (WHERE active) "
                           "FROM bjb.staff GROUP BY role ORDER BY role", NULL);
  if (n < 0)
    return BJB_ADMIN_EXIT_FAILED;
  if (n == 0)
    g_print (_("  none yet: add one with “barokah-admin create-staff”\n"));

  if (print_active_counts (conn, _("cannot count the customers and products"),
                           _("Customers and products\n"),
                           "SELECT 'customers', count(*), count(*) FILTER (WHERE status = 'active') "
                           "FROM bjb.customer "
                           "UNION ALL "
                           "SELECT 'products', count(*), count(*) FILTER (WHERE active) "
                           "FROM bjb.product", counted) < 0)
    return BJB_ADMIN_EXIT_FAILED;

  res = bjb_admin_query (conn, _("cannot count the orders"),
                         "SELECT s::text, count(o.id) "
                         "FROM unnest (enum_range (NULL::bjb.order_status)) AS s "
                         "LEFT JOIN bjb.sales_order o ON o.status = s "
                         "GROUP BY s ORDER BY s", 0, NULL);
  if (res == NULL)
    return BJB_ADMIN_EXIT_FAILED;
  g_print (_("Orders\n"));
  for (int i = 0; i < PQntuples (res); i++)
    g_print ("  %-16s %-11s %s\n", PQgetvalue (res, i, 0), status_label (PQgetvalue (res, i, 0)),
             PQgetvalue (res, i, 1));

  return BJB_ADMIN_EXIT_OK;
}

const BjbAdminCommand bjb_admin_status_command = {
  "status", "",
  N_("Shows where the program connects, the schema version of the\n"
     "database against this program's, and how many staff,\n"
     "customers, products and orders there are."),
  NULL, 0, bjb_admin_status,
};
