/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-audit-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bjb-audit-entry.h"
#include "bjb-audit-labels.h"
#include "bjb-audit-page.h"
#include "bjb-date-field.h"
#include "bjb-records-format.h"
#include "bjb-ui-test.h"
#include "records-test-util.h"

/* The admin's audit page (issue 10 #6) in the real admin window, signed in as t_admin:
 * a price change made in the test shows as "Price: Rp 95.000 → Rp 99.500" with who made it,
 * columns and coded values in the UI's language (the customer's "Status: Active");
 * each filter (table, login, row, dates) narrows the list to what it says; a range ending
 * before it starts is refused with its sentence and the list stays as it was. Over 300
 * entries the view holds a screen of rows and one page is loaded until the user scrolls;
 * scrolling down shows more and loads the next page. */

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category), 'Paving Segi Enam 8 cm', 'm²', 95000, 100),"
  " ((SELECT id FROM bjb.category), 'Batako Press 10 cm', 'buah', 3500, 2000);"
  "INSERT INTO bjb.customer (name, address, phone, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'active')";

/* The admin's own changes, through the functions the product and settings pages call. */
static const char admin_sql[] =
  "SELECT bjb.save_product(id, version, category_id, name, unit, 99500, description, active)"
  " FROM bjb.product WHERE name = 'Paving Segi Enam 8 cm'";
static const char admin_setting_sql[] =
  "SELECT bjb.set_setting('low_stock_threshold', '25')";

typedef struct
{
  GtkWindow *window;
  BjbAuditPage *page;
  BjbPagedQueryModel *model;
  char *product_id;
} Fixture;

static const char *
text_of (BjbValueRow *row,
         guint        prop)
{
  const char *text = bjb_value_row_get_string (row, prop);

  return text != NULL ? text : "";
}

static gboolean
is_price_change (BjbValueRow *row,
                 gpointer     data)
{
  return g_str_equal (text_of (row, BJB_AUDIT_ENTRY_TABLE_NAME), "product") &&
         g_str_equal (text_of (row, BJB_AUDIT_ENTRY_ACTION), "UPDATE") &&
         g_str_equal (text_of (row, BJB_AUDIT_ENTRY_ACTOR), "t_admin");
}

static gboolean
is_customer_insert (BjbValueRow *row,
                    gpointer     data)
{
  return g_str_equal (text_of (row, BJB_AUDIT_ENTRY_TABLE_NAME), "customer") &&
         g_str_equal (text_of (row, BJB_AUDIT_ENTRY_ACTION), "INSERT");
}

/* "Price: …" in the UI's language. */
static char *
labelled (const char *label,
          const char *value)
{
  return g_strdup_printf ("%s: %s", g_dgettext (GETTEXT_PACKAGE, label), value);
}

static gboolean
table_is (BjbValueRow *row,
          gpointer     table)
{
  return g_str_equal (text_of (row, BJB_AUDIT_ENTRY_TABLE_NAME), table);
}

static gboolean
actor_is (BjbValueRow *row,
          gpointer     login)
{
  return g_str_equal (text_of (row, BJB_AUDIT_ENTRY_ACTOR), login);
}

static gboolean
product_row_is (BjbValueRow *row,
                gpointer     id)
{
  return table_is (row, "product") && g_str_equal (text_of (row, BJB_AUDIT_ENTRY_ROW_KEY), id);
}

static void
set_entry (Fixture    *f,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, name), text);
}

static void
set_dates (Fixture    *f,
           const char *from,
           const char *to)
{
  bjb_date_field_set_text (records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "from_field"), from);
  bjb_date_field_set_text (records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "to_field"), to);
}

static char *
day (int offset)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, offset);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
test_audit (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *today = day (0);
  g_autofree char *tomorrow = day (1);
  g_autofree char *yesterday = day (-1);
  g_autofree char *ignored = NULL;
  g_autofree char *ignored2 = NULL;
  g_autofree char *price_line = labelled ("Price", "Rp 95.000 → Rp 99.500");
  g_autofree char *editor_label = labelled ("Edited by", "");
  g_autofree char *status_line =
    labelled ("Status", g_dgettext (GETTEXT_PACKAGE, "Active"));
  GtkDropDown *tables;
  GtkLabel *status;
  BjbValueRow *change;
  guint n_all, n_admin;

  bjb_ui_test_sql (seed_sql);
  f->product_id = bjb_ui_test_sql_value ("SELECT id FROM bjb.product WHERE name = 'Paving Segi Enam 8 cm'");
  ignored = records_test_sql_as ("t_admin", admin_sql);
  ignored2 = records_test_sql_as ("t_admin", admin_setting_sql);

  f->window = records_test_open ("audit");
  f->page = records_test_page (f->window, "audit");
  f->model = records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "list_model");
  tables = records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "table_dropdown");
  status = records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "status_label");

  /* The price change, in Rupiah, with the admin's display name (the login on hover). */
  records_test_wait_rows (f->model, 5, NULL, NULL);
  change = records_test_find_row (f->model, is_price_change, NULL);
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), price_line));
  g_assert_nonnull (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), editor_label));
  /* What changed before who changed it. */
  g_assert_true (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), price_line) <
                 strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), editor_label));
  g_assert_null (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), "\"price\""));
  g_assert_null (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), "edited_by"));
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_WHO_TEXT), ==, "Tes Admin");
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_ROW_KEY), ==, f->product_id);
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_AT_TEXT), !=, "");
  /* An order's delivery column reads "Delivery: Pickup", not "Delivered by courier: pickup". */
  {
    g_autofree char *pickup = bjb_audit_value_label ("sales_order", "delivery", "pickup");

    g_assert_cmpstr (bjb_audit_field_label ("sales_order", "delivery"), ==,
                     g_dgettext (GETTEXT_PACKAGE, "Delivery"));
    g_assert_cmpstr (pickup, ==, g_dgettext (GETTEXT_PACKAGE, "Pickup"));
    g_assert_null (bjb_audit_value_label ("sales_order", "delivery", "by drone"));
  }
  /* A coded value in the words the customers page uses. */
  change = records_test_find_row (f->model, is_customer_insert, NULL);
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (text_of (change, BJB_AUDIT_ENTRY_CHANGES_TEXT), status_line));
  /* A setting's row by its title on the settings page, not its key; other rows by key. */
  change = records_test_find_row (f->model, table_is, "setting");
  g_assert_nonnull (change);
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_ROW_KEY), ==, "low_stock_threshold");
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_ROW_TEXT), ==,
                   g_dgettext (GETTEXT_PACKAGE, "Low-stock threshold"));
  change = records_test_find_row (f->model, is_price_change, NULL);
  g_assert_cmpstr (text_of (change, BJB_AUDIT_ENTRY_ROW_TEXT), ==, f->product_id);
  n_all = bjb_paged_query_model_get_n_loaded (f->model);
  records_test_screenshot (f->window, "admin-audit");

  /* Table: products only (the seed's two inserts and the admin's update). */
  gtk_drop_down_set_selected (tables, 1);
  records_test_wait_rows (f->model, 3, table_is, "product");
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 3);

  /* Login, with the table: the admin's one product change. */
  set_entry (f, "actor_entry", "t_admin");
  records_test_wait_rows (f->model, 1, actor_is, "t_admin");
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 1);

  /* Login alone: the admin's changes of every table (the product and the setting). */
  gtk_drop_down_set_selected (tables, 0);
  records_test_wait_rows (f->model, 2, actor_is, "t_admin");
  n_admin = bjb_paged_query_model_get_n_loaded (f->model);
  g_assert_cmpuint (n_admin, <, n_all);
  g_assert_nonnull (records_test_find_row (f->model, table_is, "setting"));

  /* Row: that product's history only. */
  set_entry (f, "actor_entry", "");
  gtk_drop_down_set_selected (tables, 1);
  set_entry (f, "row_entry", f->product_id);
  records_test_wait_rows (f->model, 2, product_row_is, f->product_id);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 2);
  set_entry (f, "row_entry", "");
  gtk_drop_down_set_selected (tables, 0);

  /* Dates: today holds everything; from tomorrow on, nothing. */
  set_dates (f, today, today);
  records_test_wait_rows (f->model, n_all, NULL, NULL);
  set_dates (f, tomorrow, "");
  records_test_wait_rows (f->model, -1, NULL, NULL);
  records_test_screenshot (f->window, "audit-none");

  /* Backwards: refused with its sentence, the last good filter stays. */
  set_dates (f, today, yesterday);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  g_assert_cmpstr (gtk_label_get_text (status), ==,
                   g_dgettext (GETTEXT_PACKAGE, "The “to” date is before the “from” date."));
  g_assert_true (gtk_widget_has_css_class (
    gtk_widget_get_first_child (records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "to_field")),
    "error"));
  records_test_screenshot (f->window, "admin-audit-bad-range");
  records_test_assert_date_hints (f->page, BJB_TYPE_AUDIT_PAGE);
  /* A day that cannot be read is refused too. */
  set_dates (f, "2026-02-30", "");
  g_assert_cmpstr (gtk_label_get_text (status), ==,
                   g_dgettext (GETTEXT_PACKAGE,
                               "Type a date as DD-MM-YYYY, for example 01-12-2026, or pick one."));
  /* A day picked from the calendar fills the entry day first, as a day is typed, and
   * filters as the typed one did. */
  {
    BjbDateField *from_field = records_test_child (f->page, BJB_TYPE_AUDIT_PAGE, "from_field");
    GtkCalendar *calendar = GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (from_field),
                                                                         BJB_TYPE_DATE_FIELD,
                                                                         "calendar"));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    /* Not today: the calendar opens on today, and picking the day it holds changes nothing. */
    g_autoptr(GDateTime) picked = g_date_time_add_days (now, -1);
    g_autofree char *shown = g_date_time_format (picked, "%d-%m-%Y");

    gtk_calendar_select_day (calendar, picked);
    g_assert_cmpstr (bjb_date_field_get_text (from_field), ==, shown);
    records_test_wait_rows (f->model, n_all, NULL, NULL);
  }
  set_dates (f, "", "");
  records_test_wait_rows (f->model, n_all, NULL, NULL);

  g_free (f->product_id);
  bjb_ui_test_sign_out ();
}

/* 300 settings changes by t_cs, newest last, as the bench fills them (triggers off). */
static const char many_sql[] =
  "SET session_replication_role = replica;"
  "INSERT INTO bjb.audit_log (at, actor, table_name, row_key, action, old, new)"
  " SELECT now() - ((300 - g) || ' seconds')::interval, 't_cs', 'setting', g::text, 'UPDATE',"
  "        jsonb_build_object('value', g), jsonb_build_object('value', g + 1)"
  " FROM generate_series(1, 300) g;"
  "SET session_replication_role = DEFAULT";

typedef struct
{
  GListModel *shown;
  BjbPagedQueryModel *model;
  GtkAdjustment *adjustment;
  guint shown_before;
  guint loaded_before;
} Scroll;

static gboolean
model_settled (gpointer data)
{
  return !bjb_paged_query_model_get_loading (data) &&
         bjb_paged_query_model_get_n_loaded (data) > 0;
}

/* Down to the end of what is shown, again on every call, until the view shows more rows
 * and the next page came. */
static gboolean
scrolled_for_more (gpointer data)
{
  Scroll *s = data;

  gtk_adjustment_set_value (s->adjustment, gtk_adjustment_get_upper (s->adjustment) -
                                           gtk_adjustment_get_page_size (s->adjustment));
  return g_list_model_get_n_items (s->shown) > s->shown_before &&
         bjb_paged_query_model_get_n_loaded (s->model) > s->loaded_before;
}

static void
test_shown_rows (void)
{
  GtkWindow *window;
  GtkWidget *page;
  GtkColumnView *view;
  Scroll s = { 0 };
  gint64 until;

  bjb_ui_test_sql (many_sql);
  window = records_test_open ("audit");
  page = records_test_page (window, "audit");
  s.model = records_test_child (page, BJB_TYPE_AUDIT_PAGE, "list_model");
  view = records_test_child (page, BJB_TYPE_AUDIT_PAGE, "view");
  s.shown = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (view)));
  s.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  bjb_paged_query_model_refresh (s.model);
  bjb_ui_test_assert_wait (model_settled, s.model, 20000);

  /* A while of frames: before, every row the view asked for past the loaded ones fetched
   * the next page, until 240 of the 300 were loaded with nobody scrolling. */
  until = g_get_monotonic_time () + 700 * G_TIME_SPAN_MILLISECOND;
  while (g_get_monotonic_time () < until)
    bjb_ui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (s.model), ==, 40);
  s.shown_before = g_list_model_get_n_items (s.shown);
  s.loaded_before = bjb_paged_query_model_get_n_loaded (s.model);
  g_assert_cmpuint (s.shown_before, <=, s.loaded_before);
  g_assert_cmpfloat (gtk_adjustment_get_upper (s.adjustment), >,
                     gtk_adjustment_get_page_size (s.adjustment));

  /* Scrolling down shows more rows, and past the loaded ones the next page comes. */
  bjb_ui_test_assert_wait (scrolled_for_more, &s, 20000);
  records_test_screenshot (window, "audit-scrolled");

  /* New filters start again from a screen of rows at the top. */
  gtk_drop_down_set_selected (records_test_child (page, BJB_TYPE_AUDIT_PAGE, "table_dropdown"), 5);
  records_test_wait_rows (s.model, 40, table_is, "setting");
  g_assert_cmpuint (g_list_model_get_n_items (s.shown), <=, s.shown_before);

  bjb_ui_test_sign_out ();
}

/* The records pages write a time as the stock and price histories do ("2 Dec 2026 07:00",
 * "2 Des 2026 07.00" in Indonesian), not "02 Dec 2026 07:00" with a separator of their own. */
static void
test_time_format (void)
{
  static const char changes_json[] =
    "[{\"field\": \"updated_at\", \"new\": \"2026-12-02T07:00:25+07:00\"}]";
  g_autoptr(GDateTime) at = g_date_time_new_from_iso8601 ("2026-12-02T07:00:25+07:00", NULL);
  g_autoptr(GDateTime) local = g_date_time_to_local (at);
  g_autofree char *expected = g_date_time_format (local, g_dgettext (GETTEXT_PACKAGE,
                                                                     "%-d %b %Y %H:%M"));
  g_autofree char *seconds = g_date_time_format (local, "%S");
  g_autofree char *shown = bjb_records_format_time ("2026-12-02 07:00:25+07");
  g_autofree char *changes = bjb_records_format_changes ("product", changes_json);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_false (g_str_has_prefix (shown, "0"));
  /* The audited time keeps its seconds, after the same words. */
  g_assert_nonnull (strstr (changes, expected));
  g_assert_true (g_str_has_suffix (changes, seconds));
}

/* A count reads as the stock page writes it ("2.000"); a row's key stays as it is. */
static void
test_count_format (void)
{
  static const char changes_json[] =
    "[{\"field\": \"stock\", \"old\": 2000, \"new\": 12500},"
    " {\"field\": \"category_id\", \"old\": 1, \"new\": 12345}]";
  g_autofree char *changes = bjb_records_format_changes ("product", changes_json);

  g_test_message ("%s", changes);
  g_assert_nonnull (strstr (changes, "2.000 → 12.500"));
  g_assert_nonnull (strstr (changes, "1 → 12345"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "audit-page"))
    return 0;
  g_test_add_func ("/audit-page/time-format", test_time_format);
  g_test_add_func ("/audit-page/count-format", test_count_format);
  g_test_add_func ("/audit-page/filters", test_audit);
  g_test_add_func ("/audit-page/shown-rows", test_shown_rows);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
