/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "event-latency"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <stdlib.h>

#include "bjb-listener.h"

/*
 * Time from a committing transaction to the BjbListener's "event-received" handler, in
 * one process: t0 just before the producer sends its INSERT … COMMIT, t1 in the handler.
 * The producer is a plain superuser libpq connection (PG* environment); the listener logs
 * in as a staff member. One event at a time, so each measurement stands alone.
 *
 * usage: event-latency [-n 200] [--dbname DB] [--user t_cs] [--password barokah-test]
 */

static gint64 t1;
static gint64 received_id;

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          gpointer     user_data)
{
  t1 = g_get_monotonic_time ();
  received_id = bjb_event_get_id (event);
}

static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *started = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_listener_start_finish (BJB_LISTENER (object), result, &error))
    g_error ("listener: %s", error->message);
  *started = TRUE;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *sorted,
            double  p)
{
  /* nearest-rank */
  guint rank = (guint) (p / 100.0 * sorted->len + 0.999999);

  rank = CLAMP (rank, 1, sorted->len);
  return g_array_index (sorted, gint64, rank - 1) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbListener) listener = NULL;
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *dbname = g_strdup (g_getenv ("PGDATABASE"));
  g_autofree char *user = g_strdup ("t_cs");
  g_autofree char *password = g_strdup ("barokah-test");
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  int n = 200;
  gboolean started = FALSE;
  GOptionEntry entries[] = {
    { "count", 'n', 0, G_OPTION_ARG_INT, &n, "Number of events", "N" },
    { "dbname", 'd', 0, G_OPTION_ARG_STRING, &dbname, "Database", "DB" },
    { "user", 'U', 0, G_OPTION_ARG_STRING, &user, "Staff login for the listener", "LOGIN" },
    { "password", 'P', 0, G_OPTION_ARG_STRING, &password, "Its password", "PASSWORD" },
    { NULL }
  };
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { host, port, NULL, NULL, NULL, NULL };
  const char *producer_keywords[] = { "dbname", "application_name", NULL };
  const char *producer_values[] = { NULL, "event-latency-producer", NULL };
  PGconn *producer;
  double sum = 0;

  context = g_option_context_new ("— commit-to-handler latency of bjb events");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (dbname == NULL || n <= 0)
    g_error ("need --dbname and a positive --count");

  values[2] = dbname;
  values[3] = user;
  values[4] = password;
  connection = bjb_connection_new (keywords, values);
  listener = bjb_listener_new (connection);
  g_signal_connect (listener, "event-received", G_CALLBACK (on_event), NULL);

  producer_values[0] = dbname;
  producer = PQconnectdbParams (producer_keywords, producer_values, 0);
  if (PQstatus (producer) != CONNECTION_OK)
    g_error ("producer: %s", PQerrorMessage (producer));

  {
    PGresult *max = PQexec (producer, "SELECT coalesce(max(id), 0) FROM bjb.event");

    bjb_listener_set_last_event_id (listener, g_ascii_strtoll (PQgetvalue (max, 0, 0),
                                                               NULL, 10));
    PQclear (max);
  }
  bjb_listener_start_async (listener, NULL, start_done, &started);
  while (!started)
    g_main_context_iteration (NULL, TRUE);

  for (int i = 0; i < n; i++)
    {
      PGresult *result;
      gint64 t0, id, deadline;

      t0 = g_get_monotonic_time ();
      result = PQexec (producer,
                       "INSERT INTO bjb.event (kind, audience_role) "
                       "VALUES ('order_placed', 'cs') RETURNING id");
      if (PQresultStatus (result) != PGRES_TUPLES_OK)
        g_error ("insert: %s", PQresultErrorMessage (result));
      id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
      PQclear (result);

      deadline = t0 + 10 * G_USEC_PER_SEC;
      while (received_id < id && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (received_id != id)
        g_error ("event %" G_GINT64_FORMAT " did not arrive (last %" G_GINT64_FORMAT ")",
                 id, received_id);

      t1 -= t0;
      g_array_append_val (samples, t1);
      sum += t1;
    }

  g_array_sort (samples, compare_int64);
  g_print ("events: %d  (listener login %s, loopback)\n", n, user);
  g_print ("median: %.2f ms\n", percentile (samples, 50));
  g_print ("p95:    %.2f ms\n", percentile (samples, 95));
  g_print ("mean:   %.2f ms  min: %.2f ms  max: %.2f ms\n", sum / n / 1000.0,
           g_array_index (samples, gint64, 0) / 1000.0,
           g_array_index (samples, gint64, samples->len - 1) / 1000.0);

  PQfinish (producer);
  bjb_listener_stop (listener);
  return EXIT_SUCCESS;
}
