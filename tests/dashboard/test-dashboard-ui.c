/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-dashboard-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bjb-admin-window.h"
#include "bjb-best-seller.h"
#include "bjb-best-sellers-page.h"
#include "bjb-cs-window.h"
#include "bjb-dashboard-format.h"
#include "bjb-dashboard-page.h"
#include "bjb-order-format.h"
#include "bjb-date.h"
#include "bjb-money.h"
#include "bjb-order-detail.h"
#include "bjb-page.h"
#include "bjb-period-bar.h"
#include "bjb-revenue-chart.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "db-test-util.h"

/* The admin's dashboard and best sellers in the real admin window, signed in as t_admin
 * through the login (issue 11 #1, #2, #7):
 * - every figure equals what the orders themselves say, after placing and confirming
 *   orders in the test;
 * - an order placed and paid at another desk (t_cs, its own connection) updates the
 *   figures live through the window's listener, without a blank state;
 * - the chart's tooltip for a bar gives the exact figure; dark mode screenshot;
 * - a latest order opens at the customer-service desk, a low-stock product shows the stock page;
 * - best sellers by quantity and by revenue, and the period presets, against the orders.
 * Screenshots at 1280×800 in English and Indonesian. */

/* A JPEG's magic is all bjb.attach_photo checks of a proof's bytes. */
#define PROOF "'\\xffd8ffe000104a464946'::bytea"

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving'), ('Batako');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Paving Segi Enam 8 cm', 'm2', 95000, 100000),"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Paving Bata 6 cm', 'm2', 78000, 100000),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Batako Press', 'pcs', 3500, 100000),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Batako Ringan', 'pcs', 9000, 4);"
  "INSERT INTO bjb.customer (name, address, phone, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'active'),"
  " ('CV Bangun & Jaya <Sleman>', 'Jl. Magelang 12, Yogyakarta', '+6285700001111', 'active');"
  /* Orders of the last months, paid when they were placed (as superuser: admin). */
  "CREATE TEMP TABLE seed AS SELECT g, bjb.place_order("
  "  (SELECT min(id) FROM bjb.customer) + g % 2,"
  "  jsonb_build_array(jsonb_build_object('product_id', (SELECT min(id) FROM bjb.product) + g % 3,"
  "                                       'qty', 5 + g * 3)),"
  "  'pickup', NULL, 0, gen_random_uuid()) AS id FROM generate_series(1, 24) g;"
  "SELECT count(bjb.attach_photo(id, 'payment_proof', 'image/jpeg', " PROOF ", " PROOF ", 2, 2)) FROM seed;"
  "SELECT count(bjb.confirm_payment(id)) FROM seed WHERE g > 2;"
  "UPDATE bjb.sales_order o SET placed_at = now() - (s.g * 7 || ' days')::interval,"
  "                             paid_at = now() - (s.g * 7 || ' days')::interval"
  "  FROM seed s WHERE s.id = o.id AND s.g > 6;";

typedef struct
{
  GtkWindow          *window;
  BjbDashboardPage   *page;
  BjbBestSellersPage *best;
  guint               n_loads;
  gint64              want;
} Fixture;

static const char *
suffix (void)
{
  return g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0 ? "-id" : "";
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, suffix (), NULL);

  bjb_ui_test_screenshot (GTK_WIDGET (f->window), full);
}

static gboolean
dashboard_loaded (gpointer data)
{
  Fixture *f = data;

  return bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->page)) > f->n_loads &&
         bjb_dashboard_page_get_dashboard (f->page) != NULL;
}

static gboolean
best_loaded (gpointer data)
{
  Fixture *f = data;

  return bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->best)) > f->n_loads;
}

/* The money text of a bigint the database computes. */
static char *
money_of (const char *sql)
{
  g_autofree char *value = bjb_ui_test_sql_value (sql);

  return bjb_money_format (g_ascii_strtoll (value ? value : "0", NULL, 10));
}

static char *
count_of (const char *sql)
{
  g_autofree char *value = bjb_ui_test_sql_value (sql);

  return bjb_money_format_plain (g_ascii_strtoll (value ? value : "0", NULL, 10));
}

static const char paid_today_sql[] =
  "SELECT coalesce(sum(total), 0) FROM bjb.sales_order WHERE status IN ('paid', 'shipped', 'completed')"
  " AND (paid_at AT TIME ZONE 'Asia/Jakarta')::date = (now() AT TIME ZONE 'Asia/Jakarta')::date";
static const char orders_today_sql[] =
  "SELECT count(*) FROM bjb.sales_order"
  " WHERE (placed_at AT TIME ZONE 'Asia/Jakarta')::date = (now() AT TIME ZONE 'Asia/Jakarta')::date";

/* Every figure against a recomputation from the orders (not from bjb.dashboard). */
static void
assert_figures (Fixture *f)
{
  static const struct { BjbDashboardFigure figure; gboolean money; const char *sql; } checks[] = {
    { BJB_DASHBOARD_REVENUE_TODAY, TRUE, paid_today_sql },
    { BJB_DASHBOARD_REVENUE_MONTH, TRUE,
      "SELECT coalesce(sum(total), 0) FROM bjb.sales_order WHERE status IN ('paid', 'shipped', 'completed')"
      " AND date_trunc('month', paid_at AT TIME ZONE 'Asia/Jakarta') = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')" },
    { BJB_DASHBOARD_ORDERS_TODAY, FALSE, orders_today_sql },
    { BJB_DASHBOARD_ORDERS_MONTH, FALSE,
      "SELECT count(*) FROM bjb.sales_order"
      " WHERE date_trunc('month', placed_at AT TIME ZONE 'Asia/Jakarta') = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')" },
    { BJB_DASHBOARD_AWAITING_CONFIRMATION, FALSE,
      "SELECT count(*) FROM bjb.sales_order o WHERE status = 'pending_payment'"
      " AND EXISTS (SELECT 1 FROM bjb.photo p WHERE p.order_id = o.id AND p.kind = 'payment_proof')" },
    { BJB_DASHBOARD_OVERDUE_UNPAID, FALSE,
      "SELECT count(*) FROM bjb.sales_order o WHERE status = 'pending_payment' AND payment_due_at < now()"
      " AND NOT EXISTS (SELECT 1 FROM bjb.photo p WHERE p.order_id = o.id AND p.kind = 'payment_proof')" },
    { BJB_DASHBOARD_DELIVERIES_UNDER_WAY, FALSE, "SELECT count(*) FROM bjb.sales_order WHERE status = 'shipped'" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
    {
      g_autofree char *want = checks[i].money ? money_of (checks[i].sql) : count_of (checks[i].sql);

      g_assert_cmpstr (bjb_dashboard_page_get_figure_text (f->page, checks[i].figure), ==, want);
    }
}

static gboolean
figure_is (gpointer data)
{
  Fixture *f = data;
  const char *want = g_object_get_data (G_OBJECT (f->page), "want-text");

  return g_strcmp0 (bjb_dashboard_page_get_figure_text (f->page, BJB_DASHBOARD_REVENUE_TODAY), want) == 0;
}

/* The order the customer-service desk has open, once the admin clicked one. */
static gboolean
desk_shows (gpointer data)
{
  Fixture *f = data;
  GtkWindow *desk = bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW);
  GtkWidget *detail = desk != NULL ? bjb_ui_test_child (desk, BJB_TYPE_CS_WINDOW, "order_detail")
                                   : NULL;

  return detail != NULL &&
         bjb_order_detail_get_order_id (BJB_ORDER_DETAIL (detail)) == f->want &&
         bjb_order_detail_get_status (BJB_ORDER_DETAIL (detail)) != NULL;
}

static void
check_dashboard (Fixture *f)
{
  BjbRevenueChart *chart = bjb_dashboard_page_get_chart (f->page);
  GtkListBox *latest = bjb_dashboard_page_get_latest_list (f->page);
  GtkListBox *low = bjb_dashboard_page_get_low_stock_list (f->page);
  g_autofree char *newest = NULL;
  g_autofree char *month_money = NULL;
  g_autofree char *tooltip = NULL;
  AdwViewStack *stack = bjb_role_window_get_stack (BJB_ROLE_WINDOW (f->window));
  graphene_rect_t bar;
  guint n_bars;

  assert_figures (f);
  g_assert_cmpint (bjb_dashboard_get_figure (bjb_dashboard_page_get_dashboard (f->page),
                                             BJB_DASHBOARD_AWAITING_CONFIRMATION), ==, 2);

  /* Six bars by default, the last one this month's, with its exact figure on hover. */
  n_bars = bjb_revenue_chart_get_n_bars (chart);
  g_assert_cmpuint (n_bars, ==, 6);
  g_assert_true (bjb_revenue_chart_get_bar_bounds (chart, n_bars - 1, &bar));
  g_assert_cmpint (bjb_revenue_chart_get_bar_at (chart, bar.origin.x + bar.size.width / 2,
                                                 bar.origin.y + bar.size.height / 2), ==, n_bars - 1);
  g_assert_cmpfloat (bar.size.height, >, 10);
  month_money = money_of ("SELECT coalesce(sum(total), 0) FROM bjb.sales_order"
                          " WHERE status IN ('paid', 'shipped', 'completed')"
                          " AND date_trunc('month', paid_at AT TIME ZONE 'Asia/Jakarta')"
                          "     = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')");
  tooltip = bjb_revenue_chart_dup_bar_tooltip (chart, n_bars - 1);
  g_test_message ("tooltip: %s", tooltip);
  g_assert_nonnull (strstr (tooltip, month_money));
  {
    GDate today;

    bjb_dashboard_today (&today);
    g_assert_true (g_str_has_prefix (tooltip, bjb_month_name (g_date_get_month (&today))));
  }
  g_assert_cmpint (bjb_revenue_chart_get_axis_max (chart), >=, 1);

  /* The latest order, newest first; a click opens it at the customer-service desk
   * (app.open-order), which an admin may use too. */
  newest = bjb_ui_test_sql_value ("SELECT id FROM bjb.sales_order ORDER BY placed_at DESC, id DESC LIMIT 1");
  /* Its moment reads as in the desk's order list ("2 Des 2026 06.41"). */
  {
    g_autofree char *placed = bjb_ui_test_sql_value (
      "SELECT to_char(placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
      " FROM bjb.sales_order ORDER BY placed_at DESC, id DESC LIMIT 1");
    g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 (placed, NULL);
    g_autofree char *when = bjb_order_format_time (at);
    AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (latest, 0));

    g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (row), when));
  }
  f->want = g_ascii_strtoll (newest, NULL, 10);
  g_signal_emit_by_name (latest, "row-activated", gtk_list_box_get_row_at_index (latest, 0));
  bjb_ui_test_assert_wait (desk_shows, f, 10000);
  g_assert_null (gtk_list_box_get_row_at_index (latest, 5));
  gtk_window_present (f->window);

  /* Batako Ringan (4 left, threshold 10): a click shows the stock page. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (low, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (low, 0))),
                   ==, "Batako Ringan");
  g_signal_emit_by_name (low, "row-activated", gtk_list_box_get_row_at_index (low, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "stock");
  adw_view_stack_set_visible_child_name (stack, "dashboard");
}

static void
check_live (Fixture *f)
{
  g_autoptr(BjbConnection) other_desk = NULL;
  g_autoptr(BjbResult) placed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = NULL;
  g_autofree char *before = g_strdup (bjb_dashboard_page_get_figure_text (f->page, BJB_DASHBOARD_REVENUE_TODAY));
  static const char place_sql[] =
    "WITH o AS (SELECT bjb.place_order((SELECT min(id) FROM bjb.customer),"
    "  jsonb_build_array(jsonb_build_object('product_id', (SELECT min(id) FROM bjb.product), 'qty', 11)),"
    "  'pickup', NULL, 0, gen_random_uuid()) AS id)"
    "SELECT id, bjb.attach_photo(id, 'payment_proof', 'image/jpeg', " PROOF ", " PROOF ", 2, 2) FROM o";

  /* Another desk places an order and has it paid; t_cs2 confirms (two-person rule safe). */
  other_desk = db_test_connection (bjb_ui_test_get_dbname (), "t_cs", bjb_ui_test_get_password ());
  g_assert_true (db_test_open (other_desk, NULL));
  placed = db_test_query (other_desk, place_sql, 0, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *confirm = g_strdup_printf ("SELECT bjb.confirm_payment(%" G_GINT64_FORMAT ")",
                                                bjb_result_get_int64 (placed, 0, "id"));
    g_autoptr(BjbResult) done = db_test_query (other_desk, confirm, 0, NULL, &error);

    g_assert_no_error (error);
  }
  want = money_of (paid_today_sql);
  g_assert_cmpstr (want, !=, before);
  g_object_set_data_full (G_OBJECT (f->page), "want-text", g_strdup (want), g_free);
  /* No refresh by the test: the window's listener delivers the events. */
  bjb_ui_test_assert_wait (figure_is, f, 20000);
  assert_figures (f);
  bjb_connection_close (other_desk);
}

static void
on_exported (BjbExportButton *button,
             const char      *path,
             gboolean         ok,
             gpointer         user_data)
{
  *(int *) user_data = ok ? 1 : -1;
}

static gboolean
export_finished (gpointer data)
{
  return *(int *) data != 0;
}

/* The export writes what the page shows: the same period, ranked the same way. */
static void
check_export (Fixture       *f,
              BjbBestSeller *top)
{
  BjbExportButton *button = bjb_best_sellers_page_get_export_button (f->best);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bjb-best-sellers-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "best-sellers.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *revenue = NULL;
  g_auto(GStrv) lines = NULL;
  int result = 0;

  g_assert_no_error (error);
  g_signal_connect (button, "finished", G_CALLBACK (on_exported), &result);
  bjb_export_button_export_to (button, BJB_EXPORT_FORMAT_CSV, path);
  bjb_ui_test_assert_wait (export_finished, &result, 60000);
  g_signal_handlers_disconnect_by_data (button, &result);
  gtk_widget_set_visible (GTK_WIDGET (bjb_export_button_get_progress_window (button)), FALSE);
  g_assert_cmpint (result, ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  /* the row after the header: rank 1, the product first on the page, its revenue a number */
  revenue = g_strdup_printf (",%" G_GINT64_FORMAT ",", bjb_best_seller_get_revenue (top));
  g_assert_true (g_str_has_prefix (lines[1], "1,"));
  g_assert_nonnull (strstr (lines[1], bjb_best_seller_get_name (top)));
  g_assert_nonnull (strstr (lines[1], revenue));
  g_unlink (path);
  g_rmdir (dir);
}

static void
check_best_sellers (Fixture *f)
{
  GListModel *products = bjb_best_sellers_page_get_products (f->best);
  GListModel *categories = bjb_best_sellers_page_get_categories (f->best);
  g_autoptr(BjbBestSeller) first = NULL;
  g_autoptr(BjbBestSeller) top_revenue = NULL;
  g_autofree char *want_qty = NULL;
  g_autofree char *want_revenue = NULL;
  g_autofree char *range = NULL;
  g_autofree char *want_range = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate today, d_from, d_to;
  gint64 sum = 0;

  /* This month by quantity, as the orders say. */
  want_qty = bjb_ui_test_sql_value (
    "SELECT l.product_id FROM bjb.sales_order o JOIN bjb.order_line l ON l.order_id = o.id"
    " WHERE o.status IN ('paid', 'shipped', 'completed') AND date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Jakarta')"
    "   = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')"
    " GROUP BY 1 ORDER BY sum(l.qty) DESC, sum(l.total) DESC, 1 LIMIT 1");
  g_assert_cmpuint (g_list_model_get_n_items (products), >=, 2);
  first = g_list_model_get_item (products, 0);
  g_assert_cmpint (bjb_best_seller_get_id (first), ==, g_ascii_strtoll (want_qty, NULL, 10));
  g_assert_cmpint (bjb_best_seller_get_rank (first), ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BjbBestSeller) c = g_list_model_get_item (categories, i);

      g_assert_true (bjb_best_seller_get_is_category (c));
      sum += bjb_best_seller_get_revenue (c);
    }
  {
    g_autofree char *total = bjb_money_format (sum);

    g_assert_true (g_str_has_prefix (bjb_best_sellers_page_get_total_text (f->best), total));
  }
  screenshot (f, "admin-best-sellers");

  /* By revenue: Paving Segi Enam (Rp 95.000 a m2) leads though Batako sells more pieces. */
  f->n_loads = bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->best));
  bjb_best_sellers_page_set_by (f->best, BJB_BEST_SELLERS_BY_REVENUE);
  bjb_ui_test_assert_wait (best_loaded, f, 10000);
  want_revenue = bjb_ui_test_sql_value (
    "SELECT l.product_id FROM bjb.sales_order o JOIN bjb.order_line l ON l.order_id = o.id"
    " WHERE o.status IN ('paid', 'shipped', 'completed') AND date_trunc('month', o.paid_at AT TIME ZONE 'Asia/Jakarta')"
    "   = date_trunc('month', now() AT TIME ZONE 'Asia/Jakarta')"
    " GROUP BY 1 ORDER BY sum(l.total) DESC, sum(l.qty) DESC, 1 LIMIT 1");
  top_revenue = g_list_model_get_item (products, 0);
  g_assert_cmpint (bjb_best_seller_get_id (top_revenue), ==, g_ascii_strtoll (want_revenue, NULL, 10));
  for (guint i = 1; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(BjbBestSeller) a = g_list_model_get_item (products, i - 1);
      g_autoptr(BjbBestSeller) b = g_list_model_get_item (products, i);

      g_assert_cmpint (bjb_best_seller_get_revenue (a), >=, bjb_best_seller_get_revenue (b));
    }
  screenshot (f, "admin-best-sellers-revenue");
  check_export (f, top_revenue);

  /* Presets: last month is the whole of last month; a custom range is what was typed. */
  bjb_dashboard_today (&today);
  for (BjbPeriod p = BJB_PERIOD_THIS_MONTH; p <= BJB_PERIOD_THIS_YEAR; p++)
    {
      f->n_loads = bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->best));
      bjb_best_sellers_page_set_period (f->best, p, NULL, NULL);
      bjb_ui_test_assert_wait (best_loaded, f, 10000);
      bjb_period_range (p, &today, &d_from, &d_to);
      g_clear_pointer (&from, g_free);
      g_clear_pointer (&to, g_free);
      g_clear_pointer (&range, g_free);
      g_clear_pointer (&want_range, g_free);
      from = bjb_date_format_iso (&d_from);
      to = bjb_date_format_iso (&d_to);
      want_range = g_strdup_printf ("%s..%s", from, to);
      range = bjb_best_sellers_page_dup_range (f->best);
      g_assert_cmpstr (range, ==, want_range);
      if (p == BJB_PERIOD_LAST_MONTH)
        {
          g_assert_cmpint (g_date_get_day (&d_from), ==, 1);
          g_assert_cmpint (g_date_get_month (&d_to), ==, g_date_get_month (&d_from));
          g_assert_true (g_date_is_last_of_month (&d_to));
        }
    }
  f->n_loads = bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->best));
  bjb_best_sellers_page_set_period (f->best, BJB_PERIOD_CUSTOM, "2026-01-31", "2025-01-01");
  bjb_ui_test_assert_wait (best_loaded, f, 10000);
  /* The server's sentence for a reversed range, the rows of before kept. */
  g_assert_cmpstr (bjb_analytics_page_get_status_text (BJB_ANALYTICS_PAGE (f->best)), !=, "");
  g_assert_cmpuint (g_list_model_get_n_items (products), >, 0);
  screenshot (f, "admin-best-sellers-error");
  /* It reads as a refusal, not as the grey "updated" line, until a range loads again. */
  {
    GtkWidget *status = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (f->best),
                                                                   BJB_TYPE_BEST_SELLERS_PAGE,
                                                                   "status_label"));

    g_assert_true (gtk_widget_has_css_class (status, "error"));
    f->n_loads = bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->best));
    bjb_best_sellers_page_set_period (f->best, BJB_PERIOD_THIS_MONTH, NULL, NULL);
    bjb_ui_test_assert_wait (best_loaded, f, 10000);
    g_assert_false (gtk_widget_has_css_class (status, "error"));
  }
}

static void
test_dashboard (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  AdwViewStack *stack;

  bjb_ui_test_sql (seed_sql);
  f->window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (f->window);
  gtk_window_set_default_size (f->window, 1280, 800);
  stack = bjb_role_window_get_stack (BJB_ROLE_WINDOW (f->window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "dashboard");
  f->page = BJB_DASHBOARD_PAGE (adw_view_stack_get_child_by_name (stack, "dashboard"));
  f->best = BJB_BEST_SELLERS_PAGE (adw_view_stack_get_child_by_name (stack, "best-sellers"));
  g_assert_nonnull (f->page);
  g_assert_nonnull (f->best);
  g_assert_nonnull (bjb_best_sellers_page_get_export_button (f->best));
  bjb_ui_test_assert_wait (dashboard_loaded, f, 20000);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));

  check_dashboard (f);
  screenshot (f, "admin-dashboard");
  check_live (f);
  screenshot (f, "admin-dashboard-live");

  /* Dark mode: the chart and cards redraw with the dark palette. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  screenshot (f, "admin-dashboard-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  /* A chosen year: twelve bars. */
  f->n_loads = bjb_analytics_page_get_n_loads (BJB_ANALYTICS_PAGE (f->page));
  bjb_dashboard_page_set_range (f->page, 2, NULL, NULL);
  bjb_ui_test_assert_wait (dashboard_loaded, f, 10000);
  {
    GDate today;

    bjb_dashboard_today (&today);
    g_assert_cmpuint (bjb_revenue_chart_get_n_bars (bjb_dashboard_page_get_chart (f->page)), ==,
                      g_date_get_month (&today));
  }

  adw_view_stack_set_visible_child_name (stack, "best-sellers");
  f->n_loads = 0;
  bjb_ui_test_assert_wait (best_loaded, f, 20000);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  check_best_sellers (f);

  bjb_ui_test_sign_out ();
}

/* Axis labels and shares read the Indonesian way in both languages. */
static void
test_formats (void)
{
  static const struct { gint64 value; const char *text; } axis[] = {
    { 0, "0" }, { 750, "750" }, { 500000, "500 rb" }, { 1500000, "1,5 jt" },
    { 12000000, "12 jt" }, { 2000000000, "2 M" }, { 1250000000, "1,3 M" },
  };
  GDate today, from, to;

  for (guint i = 0; i < G_N_ELEMENTS (axis); i++)
    {
      g_autofree char *text = bjb_rupiah_short (axis[i].value);

      g_assert_cmpstr (text, ==, axis[i].text);
    }
  {
    g_autofree char *share = bjb_best_seller_format_share (0.1254);

    g_assert_cmpstr (share, ==, "12,5 %");
  }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 15, G_DATE_MARCH, 2026);
  bjb_period_range (BJB_PERIOD_LAST_MONTH, &today, &from, &to);
  g_assert_cmpint (g_date_get_day (&from), ==, 1);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_FEBRUARY);
  g_assert_cmpint (g_date_get_day (&to), ==, 28);
  bjb_period_range (BJB_PERIOD_LAST_3_MONTHS, &today, &from, &to);
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_JANUARY);
  g_assert_cmpint (g_date_get_day (&to), ==, 15);
  g_assert_true (bjb_date_parse ("31/01/2026", &from));
  g_assert_cmpint (g_date_get_month (&from), ==, G_DATE_JANUARY);
  g_assert_false (bjb_date_parse ("2026-02-30", &from));
  g_assert_false (bjb_date_parse ("kemarin", &from));
}

/* The period bar: what the admin does emits "changed" once; what a page writes, never. */
static void
count_changed (guint *n)
{
  (*n)++;
}

static void
test_period_bar (void)
{
  static const char *const names[] = { "Last 6 months", "This year", "Custom range", NULL };
  g_autoptr(GtkStringList) presets = gtk_string_list_new (names);
  BjbPeriodBar *bar = g_object_ref_sink (g_object_new (BJB_TYPE_PERIOD_BAR, "presets", presets,
                                                       "presets-tooltip", "Period", NULL));
  GtkWidget *dropdown = gtk_widget_get_first_child (GTK_WIDGET (bar));
  GtkWidget *from_entry = gtk_widget_get_next_sibling (dropdown);
  GtkWidget *to_entry = gtk_widget_get_next_sibling (from_entry);
  GDate from, to, first, last;
  guint n_changed = 0;

  g_signal_connect_swapped (bar, "changed", G_CALLBACK (count_changed), &n_changed);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (dropdown), ==, "Period");
  bjb_period_bar_set (bar, 1, NULL, NULL);
  g_assert_cmpuint (bjb_period_bar_get_preset (bar), ==, 1);
  g_assert_false (bjb_period_bar_is_custom (bar));
  g_assert_cmpuint (n_changed, ==, 0);

  /* Enter in a date makes the range custom; a wrong date is marked, the other not. */
  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2026-01-31");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "kemarin");
  g_signal_emit_by_name (from_entry, "activate");
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (bjb_period_bar_is_custom (bar));
  g_assert_false (bjb_period_bar_get_dates (bar, &from, &to, FALSE));
  g_assert_false (gtk_widget_has_css_class (from_entry, "error"));
  g_assert_true (gtk_widget_has_css_class (to_entry, "error"));
  g_assert_cmpint (g_date_get_day (&from), ==, 31);

  /* The range a page loaded shows, unmarked, and nothing is asked again. */
  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, G_DATE_JULY, 2026);
  g_date_set_dmy (&last, 2, G_DATE_DECEMBER, 2026);
  bjb_period_bar_show_dates (bar, &first, &last);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to_entry)), ==, "02-12-2026");
  g_assert_false (gtk_widget_has_css_class (to_entry, "error"));
  g_assert_cmpuint (n_changed, ==, 1);

  /* Choosing a preset is the admin's doing; empty dates are allowed where the page says so. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_cmpuint (n_changed, ==, 2);
  bjb_period_bar_set (bar, 2, "", NULL);
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (bjb_period_bar_get_dates (bar, &from, &to, TRUE));
  g_assert_false (g_date_valid (&from));
  g_assert_false (bjb_period_bar_get_dates (bar, &from, &to, FALSE));

  g_assert_finalize_object (bar);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "dashboard"))
    return 0;
  g_test_add_func ("/dashboard/formats", test_formats);
  g_test_add_func ("/dashboard/period-bar", test_period_bar);
  g_test_add_func ("/dashboard/pages", test_dashboard);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
