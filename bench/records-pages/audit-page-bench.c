/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "audit-page-bench"

#include "config.h"

#include <adwaita.h>

#include "bench-cpu.h"
#include "bjb-audit-page.h"
#include "bjb-connection.h"
#include "bjb-date-field.h"
#include "bjb-paged-query-model.h"
#include "bjb-records-query.h"

/*
 * audit-page-bench --dbname DB [--runs N]: the admin's audit page over a database with
 * millions of audit rows (bench/records-pages/run seeds one), as t_admin on localhost:
 *   page open → rows: a new BjbAuditPage handed its connection until its first page is in
 *     the model and drawn;
 *   filter change → rows: one change of a filter (table, login, the from date) until the
 *     new first page is drawn.
 * Prints "# BENCH … median_ms=… p90_ms=… max_ms=… n=…". Not a test: nothing asserts.
 */

typedef struct
{
  BjbPagedQueryModel *model;
  double model_ms;          /* until the rows were in the model, before drawing */
  double cpu_ms;            /* this process's CPU time (user + system) for the whole of it */
  gboolean saw_loading;
  gboolean painted;
} Wait;

static gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * G_TIME_SPAN_MILLISECOND;

  while (!done (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }
  return TRUE;
}

static gboolean
opened (gpointer data)
{
  return bjb_connection_get_state (data) == BJB_CONNECTION_STATE_CONNECTED;
}

static void
on_loading (GObject    *model,
            GParamSpec *pspec,
            Wait       *wait)
{
  if (bjb_paged_query_model_get_loading (wait->model))
    wait->saw_loading = TRUE;
}

static void
on_after_paint (GdkFrameClock *clock,
                Wait          *wait)
{
  wait->painted = TRUE;
}

static gboolean
rows_in (gpointer data)
{
  Wait *wait = data;

  return wait->saw_loading && !bjb_paged_query_model_get_loading (wait->model) &&
         bjb_paged_query_model_get_n_loaded (wait->model) > 0;
}

static gboolean
painted (gpointer data)
{
  return ((Wait *) data)->painted;
}

/* Until the model has its new first page and a frame with it was painted. */
static double
wait_rows (GtkWidget *window,
           Wait      *wait,
           gint64     start,
           double     cpu_start)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler;

  if (!iterate_until (rows_in, wait, 30000))
    g_error ("no rows within 30 s");
  wait->model_ms = (g_get_monotonic_time () - start) / 1000.0;
  wait->painted = FALSE;
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), wait);
  gtk_widget_queue_draw (window);
  iterate_until (painted, wait, 5000);
  g_signal_handler_disconnect (clock, handler);
  wait->cpu_ms = bench_cpu_now () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
quiet (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *name,
        GArray     *times)
{
  g_array_sort (times, cmp_double);
  g_print ("# BENCH %s median_ms=%.1f p90_ms=%.1f max_ms=%.1f n=%u\n", name,
           g_array_index (times, double, times->len / 2),
           g_array_index (times, double, times->len * 9 / 10),
           g_array_index (times, double, times->len - 1), times->len);
}

static gpointer
child (GtkWidget  *page,
       const char *name)
{
  return gtk_widget_get_template_child (page, BJB_TYPE_AUDIT_PAGE, name);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dbname = NULL;
  int runs = 18;
  GOptionEntry entries[] = {
    { "dbname", 0, 0, G_OPTION_ARG_STRING, &dbname, "database", "DB" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "measurements of each kind", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— the audit page's timings");
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_model_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_model_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *today = NULL;
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { host, port, NULL, "t_admin", "barokah-test", NULL };
  GtkWidget *window;
  GtkWidget *page = NULL;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || dbname == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--dbname is needed");
      return 2;
    }
  adw_init ();
  values[2] = dbname;
  connection = bjb_connection_new (keywords, values);
  bjb_connection_open_async (connection, NULL, NULL, NULL);
  if (!iterate_until (opened, connection, 20000))
    g_error ("cannot connect to %s as t_admin", dbname);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));

  /* Page open: a fresh page each time, as switching to it after sign-in builds it. */
  for (int i = 0; i < runs + 1; i++)
    {
      Wait wait = { 0 };
      gint64 start;
      double ms, cpu;

      page = g_object_new (BJB_TYPE_AUDIT_PAGE, NULL);
      gtk_window_set_child (GTK_WINDOW (window), page);
      quiet (200);
      wait.model = child (page, "list_model");
      g_signal_connect (wait.model, "notify::loading", G_CALLBACK (on_loading), &wait);
      start = g_get_monotonic_time ();
      cpu = bench_cpu_now ();
      bjb_records_query_set_connection (child (page, "query"), connection);
      ms = wait_rows (window, &wait, start, cpu);
      g_signal_handlers_disconnect_by_data (wait.model, &wait);
      if (i > 0)   /* the first warms the server's caches and the plans */
        {
          g_array_append_val (open_times, ms);
          g_array_append_val (open_model_times, wait.model_ms);
          g_array_append_val (open_cpu, wait.cpu_ms);
        }
      if (i < runs)
        gtk_window_set_child (GTK_WINDOW (window), NULL);
    }

  /* Filter changes, each from the one before, as an admin narrows down. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
  }
  for (int i = 0; i < runs; i++)
    {
      Wait wait = { .model = child (page, "list_model") };
      gint64 start;
      double cpu;

      quiet (300);
      g_signal_connect (wait.model, "notify::loading", G_CALLBACK (on_loading), &wait);
      start = g_get_monotonic_time ();
      cpu = bench_cpu_now ();
      /* One change each, as a click or a typed login makes it. */
      switch (i % 6)
        {
        case 0: /* products only */
          gtk_drop_down_set_selected (child (page, "table_dropdown"), 1);
          break;
        case 1: /* every table again */
          gtk_drop_down_set_selected (child (page, "table_dropdown"), 0);
          break;
        case 2: /* one login */
          gtk_editable_set_text (child (page, "actor_entry"), "t_admin");
          break;
        case 3:
          gtk_editable_set_text (child (page, "actor_entry"), "");
          break;
        case 4: /* today */
          bjb_date_field_set_text (child (page, "from_field"), today);
          break;
        default:
          bjb_date_field_set_text (child (page, "from_field"), "");
          break;
        }
      g_array_append_val (filter_times, (double) { wait_rows (window, &wait, start, cpu) });
      g_array_append_val (filter_model_times, wait.model_ms);
      g_array_append_val (filter_cpu, wait.cpu_ms);
      g_signal_handlers_disconnect_by_data (wait.model, &wait);
    }

  g_print ("# audit rows: %s\n", dbname);
  report ("audit-page-open-to-rows", open_times);
  report ("audit-filter-change-to-rows", filter_times);
  report ("audit-page-open-to-model-rows", open_model_times);
  report ("audit-filter-change-to-model-rows", filter_model_times);
  report ("audit-page-open-client-cpu", open_cpu);
  report ("audit-filter-change-client-cpu", filter_cpu);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
