/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reports-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bjb-admin-window.h"
#include "bjb-customer-report-section.h"
#include "bjb-export-button.h"
#include "bjb-report-ops.h"
#include "bjb-report-row.h"
#include "bjb-paged-query.h"
#include "bjb-reports-page.h"
#include "bjb-role-window.h"
#include "bjb-transactions-report.h"
#include "bjb-ui-test.h"

/* The admin's Reports page in the real admin window, signed in as t_admin through the
 * login, on tests/reports/reports-data.sql (2 501 orders of 50 customers):
 * - the transaction report's totals equal the database's, filters narrow the list and
 *   the totals, a range ending before it starts is refused with a sentence;
 * - the five customer analyses show what the database says; a customer row activates
 *   app.open-customer with its id;
 * - the export button writes a file;
 * - screenshots at 1280×800 in English and Indonesian. */

/* Beside reports-data.sql: two customers whose last order is months old (the call-back
 * list) and product preferences. */
static const char extra_sql[] =
  "INSERT INTO bjb.customer (name, address, phone, status, created_at) VALUES"
  " ('Wati Lama', 'Jl. Lama 1', '+628129990001', 'active', now() - interval '300 days'),"
  " ('Yanto Lama', 'Jl. Lama 2', '+628129990002', 'active', now() - interval '300 days');"
  "INSERT INTO bjb.sales_order (number, customer_id, status, delivery, shipping_cost, subtotal,"
  "  discount_total, total, request_id, placed_at, payment_due_at, paid_at, completed_at)"
  " SELECT 'LAMA-' || c.id, c.id, 'completed', 'pickup', 0, 25000, 0, 25000, gen_random_uuid(),"
  "  now() - d * interval '1 day', now() - d * interval '1 day' + interval '1 day',"
  "  now() - d * interval '1 day' + interval '1 hour', now() - d * interval '1 day' + interval '2 hours'"
  " FROM bjb.customer c JOIN (VALUES ('Wati Lama', 90), ('Yanto Lama', 150)) v (name, d) ON v.name = c.name;"
  "INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal, total)"
  " SELECT o.id, 1, (SELECT min(id) FROM bjb.product WHERE name LIKE 'Paving Laporan %'), 10, 2500, 25000, 25000"
  " FROM bjb.sales_order o WHERE o.number LIKE 'LAMA-%';"
  "INSERT INTO bjb.customer_preference (customer_id, product_id)"
  " SELECT c.id, (SELECT min(id) FROM bjb.product WHERE name LIKE 'Paving Laporan %')"
  " FROM bjb.customer c WHERE c.name LIKE 'Pelanggan Laporan 0%'";

typedef struct
{
  GtkWindow *window;
  BjbReportsPage *page;
  BjbTransactionsReport *transactions;
  gint64 shown_customer;
} Fixture;

static const char *
suffix (void)
{
  /* "-id" in the Indonesian run, so both languages' pictures are kept. */
  return g_str_has_prefix (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "", "id")
         ? "-id" : "";
}

static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, suffix (), NULL);

  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  bjb_ui_test_screenshot (GTK_WIDGET (f->window), full);
}

static GtkWidget *
find_type (GtkWidget *widget,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The position of the column titled @title (translated) in the transactions table, -1 if none. */
static int
column_at (Fixture    *f,
           const char *title)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_type (GTK_WIDGET (f->transactions), GTK_TYPE_COLUMN_VIEW));
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), g_dgettext (GETTEXT_PACKAGE, title)) == 0)
        return (int) i;
    }
  return -1;
}

static gint64
sql_int (const char *sql)
{
  g_autofree char *value = bjb_ui_test_sql_value (sql);

  return g_ascii_strtoll (value, NULL, 10);
}

typedef struct
{
  Fixture *f;
  gint64 orders;
  gint64 net;
  guint rows;
} Want;

static gboolean
transactions_are (gpointer data)
{
  Want *want = data;
  BjbPagedQueryModel *model = bjb_transactions_report_get_model (want->f->transactions);
  BjbTransactionTotals totals;

  guint loaded = bjb_paged_query_model_get_n_loaded (model);

  /* Pages of 40 come as the view scrolls: a short list whole, a long one from its start. */
  return bjb_transactions_report_get_totals (want->f->transactions, &totals)
         && totals.orders == want->orders && totals.net == want->net
         && !bjb_paged_query_model_get_loading (model)
         && (want->rows <= 40 ? loaded == want->rows : loaded >= 40);
}

static gboolean
message_is (gpointer data)
{
  Fixture *f = ((Want *) data)->f;

  return strstr (bjb_transactions_report_get_message (f->transactions),
                    g_str_equal (suffix (), "-id") ? "tidak boleh sesudah tanggal akhir"
                                                   : "The start date is after the end date") != NULL;
}

static gboolean
export_sensitive (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_sensitive (bjb_transactions_report_get_export_button (f->transactions));
}

static void
on_show_customer (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  ((Fixture *) user_data)->shown_customer = g_variant_get_int64 (parameter);
}

static gboolean
customer_shown (gpointer data)
{
  return ((Fixture *) data)->shown_customer != 0;
}

static void
test_transactions (Fixture *f)
{
  Want want = { f, 0, 0, 0 };

  /* Everything: a first page of 100 rows; the totals of all 2 501. */
  want.orders = sql_int ("SELECT count(*) FROM bjb.sales_order");
  want.net = sql_int ("SELECT sum(total) FROM bjb.sales_order");
  want.rows = (guint) want.orders;
  g_assert_cmpint (want.orders, ==, 2503);
  bjb_ui_test_assert_wait (transactions_are, &want, 20000);
  /* A row adds up on screen: gross − discount + shipping = net (LAP-KIRIM has shipping). */
  g_assert_cmpint (column_at (f, "Gross"), <, column_at (f, "Discount"));
  g_assert_cmpint (column_at (f, "Discount") + 1, ==, column_at (f, "Shipping"));
  g_assert_cmpint (column_at (f, "Shipping") + 1, ==, column_at (f, "Net"));
  screenshot (f, "admin-reports-transactions");

  /* Shipped deliveries only: the one order to t_courier. */
  bjb_transactions_report_set_filters (f->transactions, NULL, NULL, "shipped", "delivery");
  want = (Want) { f, 1, 65000, 1 };
  bjb_ui_test_assert_wait (transactions_are, &want, 20000);

  /* The last ten days, completed: as the database counts them. The day is typed day first,
   * as people here write it ("23-11-2026"): every date entry reads both ways. */
  bjb_transactions_report_set_filters (f->transactions, NULL, NULL, "completed", NULL);
  {
    g_autofree char *from = bjb_ui_test_sql_value (
      "SELECT to_char((now() AT TIME ZONE 'Asia/Jakarta')::date - 9, 'DD-MM-YYYY')");
    GtkWidget *from_entry = bjb_ui_test_child (f->transactions, BJB_TYPE_TRANSACTIONS_REPORT,
                                               "from_entry");

    gtk_editable_set_text (GTK_EDITABLE (from_entry), from);
    want.orders = sql_int ("SELECT count(*) FROM bjb.sales_order WHERE status = 'completed' AND "
                           "placed_at >= (((now() AT TIME ZONE 'Asia/Jakarta')::date - 9)::timestamp "
                           "AT TIME ZONE 'Asia/Jakarta')");
    want.net = sql_int ("SELECT sum(total) FROM bjb.sales_order WHERE status = 'completed' AND "
                        "placed_at >= (((now() AT TIME ZONE 'Asia/Jakarta')::date - 9)::timestamp "
                        "AT TIME ZONE 'Asia/Jakarta')");
    g_assert_cmpint (want.orders, >, 40);
    want.rows = (guint) want.orders;
    bjb_ui_test_assert_wait (transactions_are, &want, 20000);
  }

  /* A row opens its order: app.open-order gets the order's id. */
  {
    GActionMap *app = G_ACTION_MAP (bjb_ui_test_get_app ());
    g_autoptr(GAction) original = g_action_map_lookup_action (app, "open-order");
    g_autoptr(GSimpleAction) open = g_simple_action_new ("open-order", G_VARIANT_TYPE_INT64);
    BjbPagedQueryModel *model = bjb_transactions_report_get_model (f->transactions);
    g_autoptr(BjbReportRow) first = g_list_model_get_item (G_LIST_MODEL (model), 0);

    if (original != NULL)
      g_object_ref (original);
    f->shown_customer = 0;
    g_signal_connect (open, "activate", G_CALLBACK (on_show_customer), f);
    g_action_map_add_action (app, G_ACTION (open));
    bjb_transactions_report_activate_row (f->transactions, 0);
    bjb_ui_test_assert_wait (customer_shown, f, 5000);
    g_assert_cmpint (f->shown_customer, ==, bjb_paged_row_get_id (BJB_PAGED_ROW (first)));
    if (original != NULL)
      g_action_map_add_action (app, original);
    else
      g_action_map_remove_action (app, "open-order");
    f->shown_customer = 0;
  }

  /* A range that ends before it starts: the server's refusal, as a sentence. */
  bjb_transactions_report_set_filters (f->transactions, "2026-03-01", "2026-02-01", NULL, NULL);
  bjb_ui_test_assert_wait (message_is, &want, 20000);
  screenshot (f, "admin-reports-bad-range");
  /* Export cannot write that range: it waits until the filters are mended, and while a day is
   * half typed it would write the last good filters instead of what the entries say. */
  {
    GtkWidget *export = bjb_transactions_report_get_export_button (f->transactions);
    GtkWidget *from_entry = bjb_ui_test_child (f->transactions, BJB_TYPE_TRANSACTIONS_REPORT,
                                               "from_entry");

    g_assert_false (gtk_widget_get_sensitive (export));
    bjb_transactions_report_set_filters (f->transactions, NULL, NULL, NULL, NULL);
    bjb_ui_test_assert_wait (export_sensitive, f, 20000);
    gtk_editable_set_text (GTK_EDITABLE (from_entry), "31-02-20");
    g_assert_false (gtk_widget_get_sensitive (export));
    gtk_editable_set_text (GTK_EDITABLE (from_entry), "");
    bjb_ui_test_assert_wait (export_sensitive, f, 20000);
  }
  bjb_transactions_report_set_filters (f->transactions, NULL, NULL, NULL, NULL);
}

static gboolean
section_loaded (gpointer data)
{
  BjbPagedQueryModel *model = bjb_customer_report_section_get_model (data);

  return !bjb_paged_query_model_get_loading (model)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

static gboolean
one_lapsed (gpointer data)
{
  BjbPagedQueryModel *model = bjb_customer_report_section_get_model (data);

  return !bjb_paged_query_model_get_loading (model)
         && g_list_model_get_n_items (G_LIST_MODEL (model)) == 1;
}

static void
test_customers (Fixture *f)
{
  BjbCustomerReportSection *sections[5];
  g_autoptr(BjbReportRow) top = NULL;
  g_autoptr(BjbReportRow) status = NULL;
  GActionMap *app = G_ACTION_MAP (bjb_ui_test_get_app ());
  g_autoptr(GAction) original = NULL;
  g_autoptr(GSimpleAction) show = g_simple_action_new ("open-customer", G_VARIANT_TYPE_INT64);
  g_autofree char *top_sql = NULL;
  gint64 want_top;

  bjb_reports_page_show (f->page, "customers");
  for (int i = 0; i < 5; i++)
    {
      sections[i] = BJB_CUSTOMER_REPORT_SECTION (bjb_reports_page_get_section (f->page, i));
      if (!bjb_ui_test_wait (section_loaded, sections[i], 20000))
        g_error ("section %d: %s", i, bjb_customer_report_section_get_status_text (sections[i]));
    }
  screenshot (f, "admin-reports-customers");

  /* 52 active customers, none loyal (their spend is far below Rp 5.000.000). */
  status = g_list_model_get_item (G_LIST_MODEL (bjb_customer_report_section_get_model (sections[0])), 1);
  g_assert_cmpstr (bjb_report_row_get_text (status, "status"), ==, "active");
  g_assert_cmpstr (bjb_report_row_get_text (status, "detail"), ==, _("Not loyal"));
  g_assert_cmpstr (bjb_report_row_get_text (status, "count-text"), ==, "52");

  /* The call-back list (60 days): the two whose last order is months old, latest first. */
  {
    GListModel *lapsed = G_LIST_MODEL (bjb_customer_report_section_get_model (sections[4]));
    g_autoptr(BjbReportRow) first = g_list_model_get_item (lapsed, 0);

    g_assert_cmpuint (g_list_model_get_n_items (lapsed), ==, 2);
    g_assert_cmpstr (bjb_report_row_get_text (first, "title"), ==, "Wati Lama");
  }

  /* The top spender of the last three months, as the orders say. */
  top_sql = g_strdup ("SELECT customer_id FROM bjb.sales_order WHERE status IN ('paid', 'shipped', 'completed') "
                      "AND placed_at >= (date_trunc('month', (now() AT TIME ZONE 'Asia/Jakarta') - interval '2 months') "
                      "AT TIME ZONE 'Asia/Jakarta') GROUP BY 1 ORDER BY sum(total) DESC, 1 LIMIT 1");
  want_top = sql_int (top_sql);
  top = g_list_model_get_item (G_LIST_MODEL (bjb_customer_report_section_get_model (sections[2])), 0);
  g_assert_cmpint (bjb_report_row_get_customer_id (top), ==, want_top);

  /* A day typed wrong keeps the last good table, so its export waits until the day is mended:
   * it would be of that range, not of the one typed. */
  {
    GtkWidget *export = bjb_ui_test_child (sections[2], BJB_TYPE_CUSTOMER_REPORT_SECTION,
                                           "export_button");
    GtkEditable *from_entry = GTK_EDITABLE (bjb_ui_test_child (sections[2],
                                                               BJB_TYPE_CUSTOMER_REPORT_SECTION,
                                                               "from_entry"));
    g_autofree char *from = g_strdup (gtk_editable_get_text (from_entry));

    g_assert_true (gtk_widget_get_sensitive (export));
    gtk_editable_set_text (from_entry, "01-10-20");
    g_assert_false (gtk_widget_get_sensitive (export));
    gtk_editable_set_text (from_entry, from);
    g_assert_true (gtk_widget_get_sensitive (export));
    bjb_ui_test_assert_wait (section_loaded, sections[2], 20000);
  }

  /* A customer row opens the customer: app.open-customer gets its id (the application's
   * own action, which opens the desk, stands aside meanwhile). */
  original = g_action_map_lookup_action (app, "open-customer");
  if (original != NULL)
    g_object_ref (original);
  g_signal_connect (show, "activate", G_CALLBACK (on_show_customer), f);
  g_action_map_add_action (app, G_ACTION (show));
  bjb_customer_report_section_activate_row (sections[2], 0);
  bjb_ui_test_assert_wait (customer_shown, f, 5000);
  g_assert_cmpint (f->shown_customer, ==, want_top);

  /* 120 days: only Yanto is left; activating him opens him. */
  f->shown_customer = 0;
  bjb_customer_report_section_set_days (sections[4], 120);
  bjb_ui_test_assert_wait (one_lapsed, sections[4], 20000);
  bjb_customer_report_section_activate_row (sections[4], 0);
  bjb_ui_test_assert_wait (customer_shown, f, 5000);
  g_assert_cmpint (f->shown_customer, ==, sql_int ("SELECT id FROM bjb.customer WHERE name = 'Yanto Lama'"));
  if (original != NULL)
    g_action_map_add_action (app, original);
  else
    g_action_map_remove_action (app, "open-customer");
}

typedef struct
{
  gboolean done;
  gboolean ok;
} Exported;

static void
on_exported (BjbExportButton *button,
             const char      *path,
             gboolean         ok,
             gpointer         user_data)
{
  Exported *exported = user_data;

  exported->done = TRUE;
  exported->ok = ok;
}

static gboolean
exported_done (gpointer data)
{
  return ((Exported *) data)->done;
}

static void
test_export_button (Fixture *f)
{
  BjbExportButton *button = BJB_EXPORT_BUTTON (bjb_transactions_report_get_export_button (f->transactions));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bjb-reports-ui-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "transactions.xlsx", NULL);
  Exported exported = { 0 };

  g_assert_no_error (error);
  bjb_reports_page_show (f->page, "transactions");
  g_signal_connect (button, "finished", G_CALLBACK (on_exported), &exported);
  bjb_export_button_export_to (button, BJB_EXPORT_FORMAT_XLSX, path);
  bjb_ui_test_assert_wait (exported_done, &exported, 60000);
  g_assert_true (exported.ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *name = g_strconcat ("admin-reports-export", suffix (), NULL);

    bjb_ui_test_screenshot (GTK_WIDGET (bjb_export_button_get_progress_window (button)), name);
  }
  gtk_widget_set_visible (GTK_WIDGET (bjb_export_button_get_progress_window (button)), FALSE);
  g_signal_handlers_disconnect_by_data (button, &exported);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_reports_page (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *sql = NULL;

  g_assert_true (g_file_get_contents (REPORTS_DATA_SQL, &sql, NULL, NULL));
  bjb_ui_test_sql (sql);
  bjb_ui_test_sql (extra_sql);
  f->window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (f->window);
  gtk_window_set_default_size (f->window, 1280, 800);
  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (f->window)),
                                         "reports");
  f->page = BJB_REPORTS_PAGE (find_type (GTK_WIDGET (f->window), BJB_TYPE_REPORTS_PAGE));
  g_assert_nonnull (f->page);
  f->transactions = BJB_TRANSACTIONS_REPORT (bjb_reports_page_get_transactions (f->page));

  test_transactions (f);
  test_customers (f);
  test_export_button (f);

  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "reports"))
    return 0;
  g_test_add_func ("/reports/page", test_reports_page);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
