/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-customers-ui"

#include "config.h"

#include <gtk/gtk.h>

#include "bjb-customer.h"
#include "bjb-customer-picker.h"
#include "bjb-customer-query.h"
#include "customers-test-fixture.h"
#include "customers-test-util.h"

/* BjbPagedQueryModel against the database with the customer list's query: pages,
 * placeholders, the keyset chain, what a refresh reports; the customer picker built on it;
 * and the keystroke-to-rows measurement of the page (BJB_BENCH_DB). Part of
 * test-customers-ui (its fixture and data). */

/* The model keeps the item: a borrowed pointer. */
static BjbCustomer *
item_of (BjbPagedQueryModel *model,
         guint               position)
{
  BjbCustomer *customer = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (customer);
  g_object_unref (customer);
  return customer;
}

static gboolean
standalone_settled (gpointer data)
{
  return !bjb_paged_query_model_get_loading (data) && bjb_paged_query_model_get_n_total (data) >= 0;
}

static gboolean
n_items_is (gpointer data)
{
  GListModel *model = data;

  return g_list_model_get_n_items (model) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
want (BjbPagedQueryModel *model,
      guint                 n)
{
  g_object_set_data (G_OBJECT (model), "want", GUINT_TO_POINTER (n));
  g_assert_true (ct_wait_until (n_items_is, model, 10000));
}

/* The model alone, without a view asking for rows: pages come only when asked for. */
static void
test_model_paging (void)
{
  g_autoptr(BjbCustomerQuery) query = NULL;
  g_autoptr(BjbPagedQueryModel) model = NULL;
  g_autoptr(BjbCustomer) first = NULL;
  g_autoptr(BjbCustomer) placeholder = NULL;
  g_autoptr(BjbCustomer) last = NULL;

  if (skip_unless_ready ())
    return;

  query = bjb_customer_query_new (NULL);
  model = g_object_new (BJB_TYPE_PAGED_QUERY_MODEL,
                        "item-type", BJB_TYPE_CUSTOMER, "page-size", 50, "query", query, NULL);
  bjb_customer_query_set_connection (query, fx.connection);
  g_assert_true (ct_wait_until (standalone_settled, model, 10000));

  /* 154 customers: one page, then one page of placeholders standing in for the rest. */
  g_assert_cmpint (bjb_paged_query_model_get_n_total (model), ==, 154);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 100);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_false (bjb_customer_get_placeholder (first));
  g_assert_cmpstr (bjb_customer_get_name (first), ==, "Bambang Hartono");

  /* Asking for a row past the loaded ones gives a placeholder and fetches the next page. */
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), 60);
  g_assert_true (bjb_customer_get_placeholder (placeholder));
  want (model, 150);
  g_clear_object (&placeholder);
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), 120);
  g_assert_true (bjb_customer_get_placeholder (placeholder));
  want (model, 200);
  g_clear_object (&placeholder);
  placeholder = g_list_model_get_item (G_LIST_MODEL (model), 199);
  g_assert_true (bjb_customer_get_placeholder (placeholder));
  /* The last page is short: no placeholders after it. */
  want (model, 154);
  last = g_list_model_get_item (G_LIST_MODEL (model), 153);
  g_assert_false (bjb_customer_get_placeholder (last));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 154));

  /* The keyset pages follow each other: no row twice, none missing, in name order. */
  for (guint i = 1; i < 154; i++)
    {
      g_autoptr(BjbCustomer) a = g_list_model_get_item (G_LIST_MODEL (model), i - 1);
      g_autoptr(BjbCustomer) b = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (g_utf8_collate (bjb_customer_get_name (a), bjb_customer_get_name (b)), <=, 0);
      g_assert_cmpint (bjb_customer_get_id (a), !=, bjb_customer_get_id (b));
    }
}

typedef struct
{
  guint position, removed, added, calls, later;
} Change;

/* Keeps the first change, and the lowest position any later one touched. */
static void
record_change (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               Change     *change)
{
  if (change->calls++ > 0)
    {
      change->later = MIN (change->later, position);
      return;
    }
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->later = G_MAXUINT;
}

static gboolean
changed_once (gpointer data)
{
  return ((Change *) data)->calls > 0;
}

/* A refresh re-reads the loaded rows: a new row goes where the server's order puts it and
 * is the only change reported; every other row keeps its object (so a view keeps its row
 * widgets, selection and scroll); a changed row changes in place. */
static void
test_model_refresh (void)
{
  g_autoptr(BjbCustomerQuery) query = NULL;
  g_autoptr(BjbPagedQueryModel) model = NULL;
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *aaron = NULL;
  g_autofree char *sql = NULL;
  Change change = { 0 };

  if (skip_unless_ready ())
    return;

  query = bjb_customer_query_new (fx.connection);
  model = bjb_paged_query_model_new (BJB_TYPE_CUSTOMER, BJB_PAGED_QUERY (query));
  g_assert_true (ct_wait_until (standalone_settled, model, 10000));
  for (guint i = 0; i < bjb_paged_query_model_get_n_loaded (model); i++)
    g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (model), i));

  aaron = su ("INSERT INTO bjb.customer (name, phone) VALUES ('Aaron Wibowo', '+6281100000042') "
              "RETURNING id");
  g_free (su ("UPDATE bjb.customer SET email = 'bambang.h@contoh.id' WHERE name = 'Bambang Hartono' "
              "RETURNING id"));
  g_signal_connect (model, "items-changed", G_CALLBACK (record_change), &change);
  bjb_paged_query_model_refresh (model);
  g_assert_true (ct_wait_until (changed_once, &change, 10000));

  /* One row inserted at the top; anything else reported is past the rows loaded before (a
   * refresh reads a page beyond them, so new rows never push one out). */
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_true (change.calls == 1 || change.later >= before->len + 1);
  g_assert_cmpint (bjb_customer_get_id (item_of (model, 0)), ==, g_ascii_strtoll (aaron, NULL, 10));
  for (guint i = 0; i < before->len; i++)
    g_assert_true (item_of (model, i + 1) == g_ptr_array_index (before, i));
  g_assert_cmpstr (bjb_customer_get_email (g_ptr_array_index (before, 0)), ==, "bambang.h@contoh.id");

  /* Back as the other tests expect the data. */
  sql = g_strdup_printf ("DELETE FROM bjb.customer WHERE id = %s RETURNING id", aaron);
  g_free (su (sql));
  g_free (su ("UPDATE bjb.customer SET email = 'bambang@contoh.id' WHERE name = 'Bambang Hartono' "
              "RETURNING id"));
  g_signal_handlers_disconnect_by_func (model, record_change, &change);
}

static void
count_picks (BjbCustomerPicker *picker,
             gint64             id,
             guint             *picked)
{
  (*picked)++;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
picker_shows (gpointer data)
{
  GListModel *results = G_LIST_MODEL (bjb_customer_picker_get_results (data));
  const char *want = g_object_get_data (data, "want");
  g_autoptr(BjbCustomer) first = g_list_model_get_item (results, 0);

  if (want == NULL)
    return g_list_model_get_n_items (results) == 0;
  return first != NULL && g_strcmp0 (bjb_customer_get_name (first), want) == 0;
}

/* The customer picker of the new-order page: the list's search, active customers only;
 * Enter takes the first match, a click or the arrows another one. */
static void
test_picker (void)
{
  GtkWidget *window;
  BjbCustomerPicker *picker;
  g_autoptr(BjbCustomer) second = NULL;
  guint picked = 0;

  if (skip_unless_ready ())
    return;

  window = gtk_window_new ();
  picker = BJB_CUSTOMER_PICKER (bjb_customer_picker_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (picker));
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (picker, "customer-picked", G_CALLBACK (count_picks), &picked);
  bjb_customer_picker_set_connection (picker, fx.connection);

  g_object_set_data (G_OBJECT (picker), "want", (gpointer) "Bambang Hartono");
  gtk_editable_set_text (bjb_customer_picker_get_search_entry (picker), "0857-0000");
  g_assert_true (ct_wait_until (picker_shows, picker, 10000));
  g_signal_emit_by_name (bjb_customer_picker_get_search_entry (picker), "activate");
  g_assert_cmpint (bjb_customer_picker_get_customer_id (picker), ==, g_ascii_strtoll (fx.bambang, NULL, 10));
  g_assert_cmpstr (bjb_customer_picker_get_customer_name (picker), ==, "Bambang Hartono");
  g_assert_cmpuint (picked, ==, 1);
  ct_screenshot (window, "customer-picker");

  /* Wati Susanti is inactive: she cannot order, so she is not offered. */
  g_object_set_data (G_OBJECT (picker), "want", NULL);
  gtk_editable_set_text (bjb_customer_picker_get_search_entry (picker), "Wati");
  g_assert_true (ct_wait_until (picker_shows, picker, 10000));

  /* Selecting a row (a click, the arrow keys) picks it. */
  g_object_set_data (G_OBJECT (picker), "want", (gpointer) "Pelanggan 001");
  gtk_editable_set_text (bjb_customer_picker_get_search_entry (picker), "Pelanggan 00");
  g_assert_true (ct_wait_until (picker_shows, picker, 10000));
  gtk_selection_model_select_item (bjb_customer_picker_get_results (picker), 1, TRUE);
  second = g_list_model_get_item (G_LIST_MODEL (bjb_customer_picker_get_results (picker)), 1);
  g_assert_cmpint (bjb_customer_picker_get_customer_id (picker), ==, bjb_customer_get_id (second));
  g_assert_cmpuint (picked, ==, 2);

  bjb_customer_picker_set_customer (picker, 0, NULL);
  g_assert_cmpint (bjb_customer_picker_get_customer_id (picker), ==, 0);
  g_assert_cmpuint (picked, ==, 2);

  g_object_add_weak_pointer (G_OBJECT (picker), (gpointer *) &picker);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (ct_wait_until (is_null, &picker, 5000));
}

typedef struct
{
  gboolean changed;
} Bench;

/* The first page of the new text is in: rows updated in place or replaced. */
static void
bench_loading_changed (BjbPagedQueryModel *model,
                       GParamSpec           *pspec,
                       Bench                *bench)
{
  if (!bjb_paged_query_model_get_loading (model))
    bench->changed = TRUE;
}

static gboolean
bench_done (gpointer data)
{
  Bench *bench = data;

  return bench->changed && !bjb_paged_query_model_get_loading (fx.model);
}

static int
cmp_double (gconstpointer a,
            gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
test_bench_keystroke (void)
{
  const char *bench_db = g_getenv ("BJB_BENCH_DB");
  static const char *words[] = { "sri", "budi", "wati", "agus", "0812", "0857 1",
                                 "gmail", "santoso", "dewi", "yahoo", "rahma", "hadi" };
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) model_times = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window;
  GtkWidget *page;
  BjbPagedQueryModel *shared_model;
  Bench bench = { 0 };
  gulong handler;
  double median;

  if (bench_db == NULL || !fx.ready)
    {
      g_test_skip ("set BJB_BENCH_DB to a database with the bench data set");
      return;
    }

  connection = connect_cs (bench_db);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  page = bjb_customers_page_new (connection);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  shared_model = fx.model;
  fx.model = bjb_customers_page_get_list_model (BJB_CUSTOMERS_PAGE (page));
  wait_model ();
  handler = g_signal_connect (fx.model, "notify::loading", G_CALLBACK (bench_loading_changed), &bench);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      GtkEditable *entry = bjb_customers_page_get_search_entry (BJB_CUSTOMERS_PAGE (page));
      gsize len = strlen (words[w]);

      for (gsize k = 0; k < len; k++)
        {
          int position = -1;
          gint64 start;

          /* A clerk looking at the rows between keys: each key is its own search. */
          g_usleep (160 * 1000);
          while (g_main_context_iteration (NULL, FALSE));
          bench.changed = FALSE;
          start = g_get_monotonic_time ();
          /* One key: one character inserted at the end. */
          gtk_editable_insert_text (entry, words[w] + k, 1, &position);
          g_assert_true (ct_wait_until (bench_done, &bench, 20000));
          g_array_append_val (model_times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
          ct_wait_frames (page, 1);
          g_array_append_val (times, (double) { (g_get_monotonic_time () - start) / 1000.0 });
        }
      gtk_editable_set_text (entry, "");
      g_assert_true (ct_wait_until (model_settled, NULL, 20000));
    }

  g_signal_handler_disconnect (fx.model, handler);
  g_array_sort (times, cmp_double);
  g_array_sort (model_times, cmp_double);
  g_print ("# BENCH keystroke-to-model-rows median_ms=%.1f p90_ms=%.1f max_ms=%.1f n=%u\n",
           g_array_index (model_times, double, model_times->len / 2),
           g_array_index (model_times, double, model_times->len * 9 / 10),
           g_array_index (model_times, double, model_times->len - 1), model_times->len);
  median = g_array_index (times, double, times->len / 2);
  g_test_message ("keystroke to drawn rows at %" G_GINT64_FORMAT " customers: median %.1f ms, "
                  "p90 %.1f ms, max %.1f ms over %u keystrokes",
                  bjb_paged_query_model_get_n_total (fx.model), median, g_array_index (times, double, times->len * 9 / 10),
                  g_array_index (times, double, times->len - 1), times->len);
  g_print ("# BENCH keystroke-to-rows median_ms=%.1f p90_ms=%.1f max_ms=%.1f n=%u\n", median,
           g_array_index (times, double, times->len * 9 / 10),
           g_array_index (times, double, times->len - 1), times->len);
  gtk_window_destroy (GTK_WINDOW (window));
  fx.model = shared_model;
}

void
customers_add_model_tests (void)
{
  g_test_add_func ("/customers/model-paging", test_model_paging);
  g_test_add_func ("/customers/model-refresh", test_model_refresh);
  g_test_add_func ("/customers/picker", test_picker);
}

void
customers_add_bench_test (void)
{
  g_test_add_func ("/customers/bench-keystroke", test_bench_keystroke);
}
