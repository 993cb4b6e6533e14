/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "catalog-pages"

#include "config.h"

#include <adwaita.h>
#include <stdlib.h>

#include "bench-cpu.h"
#include "bjb-products-page.h"
#include "bjb-stock-movement.h"
#include "bjb-stock-page.h"
#include "db-test-util.h"

/*
 * catalog-pages DBNAME LOGIN PASSWORD — what the admin waits for on the products and stock
 * pages, from the user's action to the rows drawn (the model's rows in, then the next frame):
 *   baseline        a trivial query through the same connection, then a frame
 *   products open   a new products page given the connection → its first rows drawn
 *   products key    one more letter in its search → the new rows drawn, typed on at once
 *                   (the model's debounce waits for the burst to end)
 *   key after pause the same after a pause longer than the debounce (asked at once)
 *   stock open      a new stock page → its product list drawn
 *   ledger open     a product picked → its first ledger page drawn
 *   ledger next     the row after the loaded ones asked for (scrolling) → the next page in
 * Medians and p90 over the repeats, each with its ratio to the baseline's median, and the
 * median of this process's CPU time over the same span (on 2 cores shared by many, wall
 * time is mostly the queue for a core; CPU time is the client's own work). Not a test:
 * nothing asserts a time (bench/catalog-pages/run prints the figures with the load).
 */

#define REPEATS 15

static GtkWindow *window;
static BjbConnection *connection;

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean (*done) (gpointer),
            gpointer data)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (60000, timeout_cb, &expired);

  while (!done (data) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (expired)
    g_error ("nothing came within 60 s");
  g_source_remove (id);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_frame (void)
{
  gboolean drawn = FALSE;

  gtk_widget_add_tick_callback (GTK_WIDGET (window), tick_cb, &drawn, NULL);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  wait_until (flag_set, &drawn);
}

static gboolean
settled (gpointer model)
{
  return !bjb_paged_query_model_get_loading (model) &&
         bjb_paged_query_model_get_n_loaded (model) > 0;
}

static gboolean
quiet (gpointer model)
{
  return !bjb_paged_query_model_get_loading (model);
}

static int
compare (gconstpointer a,
         gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
report (const char *label,
        GArray     *ms,
        double      baseline)
{
  double median, p90;

  g_array_sort (ms, compare);
  median = g_array_index (ms, double, ms->len / 2);
  p90 = g_array_index (ms, double, MIN (ms->len - 1, ms->len * 9 / 10));
  if (baseline > 0)
    g_print ("%-22s median %7.1f ms   p90 %7.1f ms   × baseline %5.1f\n", label, median, p90,
             median / baseline);
  else
    g_print ("%-22s median %7.1f ms   p90 %7.1f ms\n", label, median, p90);
  return median;
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The CPU medians, printed after each figure's line. */
static void
report_cpu (const char *label,
            GArray     *cpu)
{
  g_array_sort (cpu, compare);
  g_print ("%-22s client CPU median %6.1f ms\n", label, g_array_index (cpu, double, cpu->len / 2));
}

static double
measure_baseline (void)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double median;

  gtk_window_set_child (window, gtk_label_new ("baseline"));
  for (int i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = bench_cpu_now ();
      g_autoptr(GError) error = NULL;
      g_autoptr(BjbResult) result = db_test_query (connection, "SELECT 1 AS one", 0, NULL, &error);
      double t;

      g_assert_no_error (error);
      wait_frame ();
      t = since (start);
      g_array_append_val (ms, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (cpu_ms, t);
    }
  median = report ("baseline", ms, 0);
  report_cpu ("baseline", cpu_ms);
  return median;
}

static void
measure_products (double baseline)
{
  static const char *keys[] = { "b", "be", "ben", "benc", "bench", "bench ", "bench 1",
                                "bench 12", "bench 1", "bench ", "bench 7", "bench 77",
                                "bench 7", "bench ", "bench 4", "bench 45" };
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paused_key = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paused_model = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paused_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  BjbProductsPage *page = NULL;
  BjbPagedQueryModel *model = NULL;

  for (int i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = bench_cpu_now ();
      double t;

      page = g_object_new (BJB_TYPE_PRODUCTS_PAGE, NULL);
      gtk_window_set_child (window, GTK_WIDGET (page));
      bjb_products_page_set_connection (page, connection);
      model = bjb_products_page_get_list_model (page);
      wait_until (settled, model);
      wait_frame ();
      t = since (start);
      g_array_append_val (open, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (open_cpu, t);
    }
  report ("products open", open, baseline);
  report_cpu ("products open", open_cpu);

  for (guint i = 0; i < 2 * G_N_ELEMENTS (keys); i++)
    {
      gboolean paused = i >= G_N_ELEMENTS (keys);
      gint64 start;
      double cpu;
      double t;

      /* The second round waits longer than the model's debounce before each key, as after
       * a pause in typing (the model then asks at once); the first types on as soon as the
       * rows are drawn, so the debounce waits for the burst to end. */
      if (paused)
        {
          gint64 pause = g_get_monotonic_time ();

          while (since (pause) < 250)
            g_main_context_iteration (NULL, FALSE);
        }
      start = g_get_monotonic_time ();
      cpu = bench_cpu_now ();
      gtk_editable_set_text (bjb_products_page_get_search_entry (page), keys[i % G_N_ELEMENTS (keys)]);
      /* The query starts at once or after the model's debounce; then its rows. */
      while (!bjb_paged_query_model_get_loading (model) && since (start) < 1000)
        g_main_context_iteration (NULL, TRUE);
      wait_until (quiet, model);
      t = since (start);
      g_array_append_val (paused ? paused_model : key_model, t);
      wait_frame ();
      t = since (start);
      g_array_append_val (paused ? paused_key : key, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (paused ? paused_cpu : key_cpu, t);
    }
  report ("products key (model)", key_model, baseline);
  report ("products key", key, baseline);
  report_cpu ("products key", key_cpu);
  report ("key after pause (model)", paused_model, baseline);
  report ("key after pause", paused_key, baseline);
  report_cpu ("key after pause", paused_cpu);
}

static void
measure_stock (double baseline)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ledger = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ledger_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) next_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  BjbStockPage *page = NULL;
  BjbPagedQueryModel *products = NULL;
  BjbPagedQueryModel *movements = NULL;

  for (int i = 0; i < REPEATS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double cpu = bench_cpu_now ();
      double t;

      page = g_object_new (BJB_TYPE_STOCK_PAGE, NULL);
      gtk_window_set_child (window, GTK_WIDGET (page));
      bjb_stock_page_set_connection (page, connection);
      products = bjb_stock_page_get_product_model (page);
      wait_until (settled, products);
      wait_frame ();
      t = since (start);
      g_array_append_val (open, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (open_cpu, t);
    }
  report ("stock open", open, baseline);
  report_cpu ("stock open", open_cpu);

  movements = bjb_stock_page_get_ledger_model (page);
  for (int i = 0; i < REPEATS; i++)
    {
      g_autoptr(GObject) product = g_list_model_get_item (G_LIST_MODEL (products), i * 7 % 40);
      gint64 id;
      gint64 start;
      guint loaded;
      double cpu;
      double t;

      g_object_get (product, "id", &id, NULL);
      start = g_get_monotonic_time ();
      cpu = bench_cpu_now ();
      gtk_widget_activate_action (GTK_WIDGET (page), "stock.open", "x", id);
      while (!bjb_paged_query_model_get_loading (movements) && since (start) < 1000)
        g_main_context_iteration (NULL, TRUE);
      wait_until (settled, movements);
      wait_frame ();
      t = since (start);
      g_array_append_val (ledger, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (ledger_cpu, t);

      /* Scrolling past the loaded rows asks for the next keyset page. */
      loaded = bjb_paged_query_model_get_n_loaded (movements);
      start = g_get_monotonic_time ();
      cpu = bench_cpu_now ();
      g_clear_object (&product);
      product = g_list_model_get_item (G_LIST_MODEL (movements), loaded);
      while (bjb_paged_query_model_get_n_loaded (movements) == loaded && since (start) < 60000)
        g_main_context_iteration (NULL, TRUE);
      wait_frame ();
      t = since (start);
      g_array_append_val (next, t);
      t = bench_cpu_now () - cpu;
      g_array_append_val (next_cpu, t);
    }
  report ("ledger open", ledger, baseline);
  report_cpu ("ledger open", ledger_cpu);
  report ("ledger next", next, baseline);
  report_cpu ("ledger next", next_cpu);
}

int
main (int   argc,
      char *argv[])
{
  double baseline;

  if (argc != 4)
    {
      g_printerr ("usage: catalog-pages DBNAME LOGIN PASSWORD\n");
      return 2;
    }
  adw_init ();
  connection = db_test_connection (argv[1], argv[2], argv[3]);
  if (!db_test_open (connection, NULL))
    g_error ("cannot connect to %s as %s", argv[1], argv[2]);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  gtk_window_present (window);
  wait_frame ();

  baseline = measure_baseline ();
  measure_products (baseline);
  measure_stock (baseline);

  gtk_window_destroy (window);
  bjb_connection_close (connection);
  g_object_unref (connection);
  return EXIT_SUCCESS;
}
