/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A stand-in for the WhatsApp (/wa, Fonnte kind) and email (/email, Brevo kind) gateways on
 * 127.0.0.1 that answers every request at once with success. Not part of the product:
 *
 *   stand-in-gateway [--port 8025]           print one line per request (time, target, text)
 *   stand-in-gateway --bench-throughput N …  run `barokahd --once` over N queued messages
 *   stand-in-gateway --bench-latency M …     commit M messages one by one under a running
 *                                            daemon; commit → gateway request latency
 *
 * The bench modes take --dbname (a superuser conninfo), --barokahd (the binary) and
 * --config/--secrets for it (its [whatsapp] url must point at this port). */
#define G_LOG_DOMAIN "stand-in-gateway"

#include "config.h"

#include <libpq-fe.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static guint port = 8025;
static int bench_throughput;
static int bench_latency;
static char *dbname;
static char *barokahd;
static char *config_path;
static char *secrets_path;

static guint n_requests;
static GHashTable *received;   /* target → monotonic receipt time (gint64 *) */
static gboolean quiet;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  gboolean email = g_str_equal (path, "/email");
  g_autofree char *reply = NULL;
  gint64 *at = g_new (gint64, 1);
  char *target = NULL;

  *at = g_get_monotonic_time ();
  n_requests++;
  if (!email)
    {
      g_autoptr(GHashTable) form = soup_form_decode (text);
      target = g_strdup (g_hash_table_lookup (form, "target"));
      if (!quiet)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();
          g_autofree char *stamp = g_date_time_format (now, "%H:%M:%S.%f");
          g_print ("%s WhatsApp to %s:\n%s\n\n", stamp, target != NULL ? target : "?",
                   (char *) g_hash_table_lookup (form, "message"));
        }
    }
  else if (!quiet)
    g_print ("email: %s\n\n", text);
  g_hash_table_replace (received, target != NULL ? target : g_strdup_printf ("#%u", n_requests), at);

  reply = email ? g_strdup_printf ("{\"messageId\":\"<%u@stand-in>\"}", n_requests)
                : g_strdup_printf ("{\"status\":true,\"id\":[\"%u\"]}", n_requests);
  soup_server_message_set_status (msg, email ? 201 : 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, reply, strlen (reply));
}

static PGconn *
su (void)
{
  PGconn *conn = PQconnectdb (dbname);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("%s: %s", dbname, PQerrorMessage (conn));
  return conn;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (res));
  PQclear (res);
}

static GSubprocess *
spawn_worker (gboolean once)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *proc = g_subprocess_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error, barokahd,
                                        "--config", config_path, "--secrets", secrets_path,
                                        once ? "--once" : "--verbose", NULL);
  g_assert_no_error (error);
  return proc;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
on_exited (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (source), res, NULL);
  *(gboolean *) user_data = TRUE;
}

static void
run_throughput (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  PGconn *conn = su ();
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO bjb.customer (name, phone) SELECT 'Bench ' || i, '+62815' || lpad(i::text, 8, '0') "
    "FROM generate_series(1, %d) i;"
    "SELECT count(bjb.queue_customer_message(id, 'new_product', NULL, (SELECT min(id) FROM bjb.product), "
    "NULL, NULL, 'bench:' || id)) FROM bjb.customer WHERE name LIKE 'Bench %%'", bench_throughput);
  gint64 start, end;
  gboolean exited = FALSE;

  exec_ok (conn, sql);
  exec_ok (conn, "CHECKPOINT");
  start = g_get_monotonic_time ();
  proc = spawn_worker (TRUE);
  g_subprocess_wait_async (proc, NULL, on_exited, &exited);
  while (!exited)
    g_main_context_iteration (NULL, TRUE);
  end = g_get_monotonic_time ();
  if (n_requests != (guint) bench_throughput)
    g_error ("the gateway got %u requests for %d messages", n_requests, bench_throughput);
  g_print ("throughput: %u messages in %.2f s = %.0f messages/s (barokahd --once, start to exit)\n",
           n_requests, (end - start) / 1e6, n_requests / ((end - start) / 1e6));
  PQfinish (conn);
}

static void
run_latency (void)
{
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  PGconn *conn = su ();

  exec_ok (conn, "INSERT INTO bjb.customer (name, phone) SELECT 'Lat ' || i, '+62816' || lpad(i::text, 8, '0') "
                 "FROM generate_series(1, 10000) i");
  proc = spawn_worker (FALSE);
  g_usleep (G_USEC_PER_SEC);   /* connected, start-up jobs done, asleep on LISTEN */
  for (int i = 1; i <= bench_latency; i++)
    {
      g_autofree char *target = g_strdup_printf ("62816%08d", i);
      g_autofree char *sql = g_strdup_printf (
        "SELECT bjb.queue_customer_message((SELECT id FROM bjb.customer WHERE phone = '+%s'), 'new_product', "
        "NULL, (SELECT min(id) FROM bjb.product), NULL, NULL, 'lat:%d')", target, i);
      gint64 before = g_get_monotonic_time (), deadline = before + 10 * G_USEC_PER_SEC;
      gint64 *at;
      double d;

      exec_ok (conn, sql);    /* autocommit: the statement's commit is what wakes the worker */
      while ((at = g_hash_table_lookup (received, target)) == NULL && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, TRUE);
      if (at == NULL)
        g_error ("message %d never reached the gateway", i);
      d = (*at - before) / 1000.0;
      g_array_append_val (ms, d);
      g_usleep (20000);       /* one at a time: latency, not a burst */
    }
  g_subprocess_send_signal (proc, SIGTERM);
  g_subprocess_wait (proc, NULL, NULL);
  g_array_sort (ms, compare_doubles);
  g_print ("latency: %u messages, commit -> gateway request median %.1f ms, p95 %.1f ms, max %.1f ms\n",
           ms->len, g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, (guint) (ms->len * 0.95)), g_array_index (ms, double, ms->len - 1));
  PQfinish (conn);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (default 8025)", "PORT" },
    { "bench-throughput", 0, 0, G_OPTION_ARG_INT, &bench_throughput, "Queue N messages, time barokahd --once", "N" },
    { "bench-latency", 0, 0, G_OPTION_ARG_INT, &bench_latency, "Commit M messages under the daemon", "M" },
    { "dbname", 0, 0, G_OPTION_ARG_STRING, &dbname, "Superuser conninfo (bench modes)", "CONNINFO" },
    { "barokahd", 0, 0, G_OPTION_ARG_FILENAME, &barokahd, "The barokahd binary (bench modes)", "FILE" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config_path, "barokahd --config (bench modes)", "FILE" },
    { "secrets", 0, 0, G_OPTION_ARG_FILENAME, &secrets_path, "barokahd --secrets (bench modes)", "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  quiet = bench_throughput > 0 || bench_latency > 0;

  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, "/wa", handle, NULL, NULL);
  soup_server_add_handler (server, "/email", handle, NULL, NULL);
  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("cannot listen on 127.0.0.1:%u: %s\n", port, error->message);
      return 1;
    }
  if (bench_throughput > 0)
    run_throughput ();
  else if (bench_latency > 0)
    run_latency ();
  else
    {
      g_print ("Stand-in gateway: WhatsApp http://127.0.0.1:%u/wa, email http://127.0.0.1:%u/email\n",
               port, port);
      loop = g_main_loop_new (NULL, FALSE);
      g_main_loop_run (loop);
    }
  return 0;
}
