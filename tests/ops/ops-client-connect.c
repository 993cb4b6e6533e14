/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ops-client-connect"

#include "config.h"

#include <stdlib.h>
#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-migrator.h"

/* Signs in the way the desktop client does (BjbConnection: non-blocking libpq on the main
 * loop, schema check, bjb.whoami) with the conninfo in argv[1], then asks the server
 * whether the link is encrypted. Prints "login role schema ssl"; exit 1 with the
 * client's error otherwise. tests/ops/setup-server.t runs it against setup-server. */

typedef struct
{
  GMainLoop     *loop;
  BjbConnection *connection;
  int            status;
} Run;

static void
on_ssl (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (run->connection, result, &error);

  if (rows == NULL)
    g_printerr ("query failed: %s\n", error->message);
  else
    {
      g_print ("%s %s %d ssl=%s\n", bjb_connection_get_login (run->connection),
               bjb_connection_get_role (run->connection),
               bjb_connection_get_schema_version (run->connection),
               bjb_result_get_string (rows, 0, "ssl"));
      run->status = 0;
    }
  g_main_loop_quit (run->loop);
}

static void
on_open (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_connection_open_finish (run->connection, result, &error))
    {
      g_printerr ("cannot sign in: %s\n", error->message);
      g_main_loop_quit (run->loop);
      return;
    }
  bjb_connection_query_async (run->connection,
                              "SELECT ssl::text AS ssl FROM pg_catalog.pg_stat_ssl "
                              "WHERE pid = pg_catalog.pg_backend_pid ()",
                              0, NULL, NULL, on_ssl, run);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;
  Run run = { NULL, NULL, 1 };

  if (argc != 2)
    {
      g_printerr ("usage: %s CONNINFO\n", argv[0]);
      return 2;
    }
  run.connection = bjb_connection_new_from_conninfo (argv[1], &error);
  if (run.connection == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  bjb_connection_set_expected_schema_version (run.connection,
                                              bjb_migrator_get_latest_version (migrator));
  run.loop = g_main_loop_new (NULL, FALSE);
  bjb_connection_open_async (run.connection, NULL, on_open, &run);
  g_main_loop_run (run.loop);
  bjb_connection_close (run.connection);
  g_object_unref (run.connection);
  g_main_loop_unref (run.loop);
  return run.status;
}
