/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-customers-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "bjb-customer.h"
#include "bjb-customer-order.h"
#include "bjb-customer-picker.h"
#include "bjb-customer-query.h"
#include "bjb-customers-page.h"
#include "customers-test-fixture.h"
#include "customers-test-util.h"
#include "db-test-util.h"

/* The customer desk against a throwaway database, as t_cs, driven through its actions.
 * The tests run in order and share one page (a clerk's afternoon). */

/* The clerk's own connection, opened. */
BjbConnection *
connect_cs (const char *dbname)
{
  BjbConnection *connection = db_test_connection (dbname, "t_cs", g_getenv ("BJB_TEST_PASSWORD"));

  g_assert_true (db_test_open (connection, NULL));
  return connection;
}

CustomersFixture fx;

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving'), ('Batako');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Paving Segi Enam 8 cm', 'm²', 95000, 500),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Batako Press', 'pcs', 3500, 5000),"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Kanstin Beton', 'pcs', 25000, 300);"
  "INSERT INTO bjb.customer (name, address, phone, email, birth_date, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'sri.rejeki@contoh.id', DATE '1985-08-17', 'active'),"
  " ('Bambang Hartono', 'Jl. Magelang 12, Yogyakarta', '+6285700001111', 'bambang@contoh.id', NULL, 'active'),"
  " ('Wati Susanti', 'Jl. Solo 3, Klaten', '+6287711112222', NULL, DATE '1979-03-02', 'inactive'),"
  " ('Dedi Kurniawan', 'Jl. Wates 40, Bantul', '+6281377778888', 'dedi.k@contoh.id',"
  "  ((now() AT TIME ZONE 'Asia/Jakarta')::date - interval '40 years' + interval '2 days')::date, 'active');"
  "INSERT INTO bjb.customer (name, address, phone, email, status, created_at)"
  " SELECT 'Pelanggan ' || to_char(g, 'FM000'), 'Jl. Contoh ' || g, '+62899' || lpad(g::text, 7, '0'),"
  "        'pelanggan' || g || '@contoh.id', 'active', now() - g * interval '1 day'"
  " FROM generate_series(1, 150) g;"
  "INSERT INTO bjb.customer_preference (customer_id, product_id) VALUES"
  " ((SELECT id FROM bjb.customer WHERE name = 'Sri Rejeki'), (SELECT id FROM bjb.product WHERE name LIKE 'Paving%')),"
  " ((SELECT id FROM bjb.customer WHERE name = 'Bambang Hartono'), (SELECT id FROM bjb.product WHERE name = 'Batako Press'));"
  /* History written directly, as an import would: the stats triggers count it. */
  "INSERT INTO bjb.sales_order (number, customer_id, status, delivery, address, shipping_cost, subtotal,"
  "  discount_total, total, request_id, placed_at, payment_due_at, paid_at, shipped_at, completed_at,"
  "  courier, feedback, feedback_at) VALUES"
  " ('BJB-T-0001', (SELECT id FROM bjb.customer WHERE name = 'Sri Rejeki'), 'completed', 'delivery',"
  "  'Jl. Kaliurang Km 5', 0, 6000000, 0, 6000000, gen_random_uuid(), now() - interval '30 days',"
  "  now() - interval '29 days', now() - interval '29 days', now() - interval '28 days',"
  "  now() - interval '27 days', 't_courier', 'Paving rapi, pengiriman tepat waktu.', now() - interval '26 days'),"
  " ('BJB-T-0002', (SELECT id FROM bjb.customer WHERE name = 'Bambang Hartono'), 'paid', 'pickup', NULL, 0,"
  "  1000000, 0, 1000000, gen_random_uuid(), now() - interval '3 days', now() - interval '2 days',"
  "  now() - interval '2 days', NULL, NULL, NULL, NULL, NULL),"
  " ('BJB-T-0003', (SELECT id FROM bjb.customer WHERE name = 'Bambang Hartono'), 'pending_payment', 'pickup',"
  "  NULL, 0, 250000, 0, 250000, gen_random_uuid(), now() - interval '1 hour', now() + interval '23 hours',"
  "  NULL, NULL, NULL, NULL, NULL, NULL);"
  "INSERT INTO bjb.order_line (order_id, line_no, product_id, qty, unit_price, subtotal, total)"
  " SELECT o.id, 1, p.id, o.subtotal / p.price, p.price, o.subtotal, o.subtotal"
  " FROM bjb.sales_order o JOIN bjb.product p ON p.name = CASE WHEN o.number = 'BJB-T-0001'"
  "   THEN 'Kanstin Beton' ELSE 'Batako Press' END WHERE o.subtotal % p.price = 0;"
  "SELECT 1";

char *
su (const char *sql)
{
  return db_test_su_exec (fx.dbname, sql);
}

static char *
id_of (const char *table,
       const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM bjb.%s WHERE name = '%s'", table, name);
  return su (sql);
}

gboolean
model_settled (gpointer data)
{
  return !bjb_paged_query_model_get_loading (fx.model) &&
         bjb_paged_query_model_get_n_total (fx.model) >= 0;
}

void
wait_model (void)
{
  g_assert_true (ct_wait_until (model_settled, NULL, 20000));
}

/* Waits for the list to re-query after a change made by the test. */
static void
wait_requery (void)
{
  /* The change either started a query at once or after the debounce. */
  for (int i = 0; i < 50 && !bjb_paged_query_model_get_loading (fx.model); i++)
    g_main_context_iteration (NULL, FALSE);
  wait_model ();
}

static gboolean
all_loaded (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fx.model)) == 154;
}

/* Scrolls the list to its end, as a clerk would, until every customer is loaded. */
static gboolean
scrolled_to_end (gpointer data)
{
  GtkColumnView *view = bjb_customers_page_get_column_view (fx.page);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return all_loaded (NULL);
}

static BjbCustomer *
item (guint position)
{
  BjbCustomer *customer = g_list_model_get_item (G_LIST_MODEL (fx.model), position);

  g_assert_nonnull (customer);
  g_object_unref (customer);  /* the model keeps it */
  return customer;
}

static guint
n_items (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (fx.model));
}

static void
search (const char *text)
{
  gtk_editable_set_text (bjb_customers_page_get_search_entry (fx.page), text);
  wait_requery ();
}

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
}

gboolean
skip_unless_ready (void)
{
  if (!fx.ready)
    {
      g_test_skip ("needs BJB_TEST_TEMPLATE and DISPLAY");
      return TRUE;
    }
  return FALSE;
}

/* Tests */


static void
test_list (void)
{
  if (skip_unless_ready ())
    return;

  wait_model ();
  g_assert_cmpint (bjb_paged_query_model_get_n_total (fx.model), ==, 154);
  /* The view asks only for the rows it shows (BjbShownRows), not for 200 rows whatever its
   * height, each fetching the page behind it: a few frames later not every page is in. */
  ct_wait_frames (GTK_WIDGET (fx.page), 10);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (fx.model), <, 154);
  /* Scrolling down shows more rows, and the pages behind them come. */
  g_assert_true (ct_wait_until (scrolled_to_end, NULL, 10000));
  g_assert_false (bjb_customer_get_placeholder (item (153)));
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Bambang Hartono");
}

/* A 1280-px window shows every column of the list beside the side pane (empty, form or
 * detail): nothing is pushed out of sight to the right, and the window did not have to grow
 * (the Indonesian filter row and the detail's order history once made it). */
static void
assert_columns_in_sight (void)
{
  GtkScrollable *view = GTK_SCROLLABLE (bjb_customers_page_get_column_view (fx.page));
  GtkAdjustment *across = gtk_scrollable_get_hadjustment (view);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fx.window)), <=, 1280);
  g_assert_cmpfloat (gtk_adjustment_get_upper (across), <=,
                     gtk_adjustment_get_page_size (across));
}

static void
test_sort (void)
{
  GtkColumnView *view;
  GListModel *columns;
  GtkColumnViewColumn *spend = NULL;
  GtkColumnViewColumn *name = NULL;

  if (skip_unless_ready ())
    return;

  view = bjb_customers_page_get_column_view (fx.page);
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Total spend")) == 0)
        spend = column;
      if (g_strcmp0 (gtk_column_view_column_get_title (column), _("Name")) == 0)
        name = column;
    }
  g_assert_nonnull (spend);
  g_assert_nonnull (name);

  gtk_column_view_sort_by_column (view, spend, GTK_SORT_DESCENDING);
  wait_requery ();
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Sri Rejeki");
  g_assert_cmpint (bjb_customer_get_total_spend (item (0)), ==, 6000000);
  g_assert_cmpstr (bjb_customer_get_name (item (1)), ==, "Bambang Hartono");
  ct_screenshot (GTK_WIDGET (fx.window), "customers-page");
  assert_columns_in_sight ();

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  wait_requery ();
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Wati Susanti");

  gtk_column_view_sort_by_column (view, name, GTK_SORT_ASCENDING);
  wait_requery ();
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Bambang Hartono");
}

static void
test_search (void)
{
  if (skip_unless_ready ())
    return;

  search ("rejeki");
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Sri Rejeki");

  search ("0812 3456 7001");
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_phone (item (0)), ==, "+6281234567001");

  search ("bambang@CONTOH");
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Bambang Hartono");

  search ("pelanggan14");
  g_assert_cmpuint (n_items (), ==, 11);  /* pelanggan14@, pelanggan140@ … 149@ */

  search ("tidak ada yang begini");
  g_assert_cmpuint (n_items (), ==, 0);
  g_assert_cmpint (bjb_paged_query_model_get_n_total (fx.model), ==, 0);

  search ("");
  g_assert_cmpint (bjb_paged_query_model_get_n_total (fx.model), ==, 154);
}

static void
test_filters (void)
{
  g_autofree char *batako = NULL;

  if (skip_unless_ready ())
    return;

  bjb_customers_page_set_filters (fx.page, NULL, TRUE, 0, FALSE);
  wait_requery ();
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Sri Rejeki");
  g_assert_true (bjb_customer_get_loyal (item (0)));

  bjb_customers_page_set_filters (fx.page, "inactive", FALSE, 0, FALSE);
  wait_requery ();
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Wati Susanti");

  bjb_customers_page_set_filters (fx.page, NULL, FALSE, 0, TRUE);
  wait_requery ();
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Dedi Kurniawan");

  bjb_customers_page_set_filters (fx.page, NULL, FALSE, g_ascii_strtoll (fx.batako, NULL, 10), FALSE);
  wait_requery ();
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpstr (bjb_customer_get_name (item (0)), ==, "Bambang Hartono");

  bjb_customers_page_set_filters (fx.page, "active", FALSE, 0, FALSE);
  wait_requery ();
  g_assert_cmpint (bjb_paged_query_model_get_n_total (fx.model), ==, 153);

  bjb_customers_page_set_filters (fx.page, NULL, FALSE, 0, FALSE);
  wait_requery ();
  g_assert_cmpint (bjb_paged_query_model_get_n_total (fx.model), ==, 154);
}

static gboolean
form_idle (gpointer data)
{
  return !bjb_customer_form_get_busy (data);
}

static gboolean
detail_shows (gpointer data)
{
  BjbCustomerDetail *detail = bjb_customers_page_get_detail (fx.page);

  return g_strcmp0 (bjb_customers_page_get_visible_pane (fx.page), "detail") == 0 &&
         bjb_customer_detail_get_loaded (detail) &&
         bjb_customer_detail_get_customer_id (detail) == (gint64) GPOINTER_TO_SIZE (data);
}

static void
test_form_invalid (void)
{
  BjbCustomerForm *form;

  if (skip_unless_ready ())
    return;

  form = bjb_customers_page_get_form (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.new", NULL);
  g_assert_cmpstr (bjb_customers_page_get_visible_pane (fx.page), ==, "form");
  ct_wait_until (form_idle, form, 5000);

  bjb_customer_form_set_field (form, "name", "   ");
  bjb_customer_form_set_field (form, "phone", "12345");
  bjb_customer_form_set_field (form, "email", "budi@contoh");
  bjb_customer_form_set_field (form, "birth-date", "31-02-1990");
  activate (GTK_WIDGET (form), "customer.save", NULL);

  /* Checked before anything is sent: every field says what is wrong with it. */
  g_assert_false (bjb_customer_form_get_busy (form));
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "name"), ==, _("Enter the customer’s name."));
  g_assert_nonnull (bjb_customer_form_get_field_error (form, "phone"));
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "email"), ==,
                   _("Enter an email address like nama@contoh.id."));
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "birth-date"), ==,
                   _("This date does not exist or is before 1900."));
  g_assert_null (bjb_customer_form_get_field_error (form, "address"));
  g_assert_nonnull (bjb_customer_form_get_field_error (form, "form"));
  /* Nothing typed is lost. */
  g_assert_cmpstr (bjb_customer_form_get_field (form, "phone"), ==, "12345");
  ct_screenshot (GTK_WIDGET (fx.window), "customer-form-errors");
  assert_columns_in_sight ();

  bjb_customer_form_set_field (form, "birth-date", "17/08/2099");
  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "birth-date"), ==,
                   _("A birth date cannot be in the future."));
}

static gboolean
in_view (gpointer data)
{
  GtkWidget *widget = data;
  GtkWidget *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  return gtk_widget_compute_bounds (widget, scroller, &bounds) &&
         bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

static gboolean
scrolls (gpointer data)
{
  return gtk_adjustment_get_upper (data) > gtk_adjustment_get_page_size (data) + 200;
}

static gboolean
email_error_gone (gpointer data)
{
  return bjb_customer_form_get_field_error (data, "email") == NULL;
}

static GtkWidget *
form_child (BjbCustomerForm *form,
            const char      *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form), BJB_TYPE_CUSTOMER_FORM, name));
}

/* Issue 8 #4: after Save the focus and the scroll go to the first invalid field, a reason
 * goes as soon as its field is right, and the database's length limits hold as one types. */
static void
test_form_errors_in_view (void)
{
  BjbCustomerForm *form;
  GtkWidget *email;
  GtkAdjustment *vadjustment;
  g_autoptr(GString) long_text = g_string_new (NULL);

  if (skip_unless_ready ())
    return;

  form = bjb_customers_page_get_form (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.new", NULL);
  ct_wait_until (form_idle, form, 5000);
  email = form_child (form, "email_entry");
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (form_child (form, "scroller")));

  /* Long notes push Save far below the email field, as many products do in a real shop. */
  for (int i = 0; i < 60; i++)
    g_string_append (long_text, "Catatan pengiriman: lewat gang samping.\n");
  bjb_customer_form_set_field (form, "name", "Rina Wulandari");
  bjb_customer_form_set_field (form, "email", "rina@contoh");
  bjb_customer_form_set_field (form, "notes", long_text->str);
  g_assert_true (ct_wait_until (scrolls, vadjustment, 30000));
  /* Where a clerk is when pressing Save: at the bottom, the focus down there too. */
  gtk_widget_grab_focus (form_child (form, "notes_view"));
  ct_wait_frames (GTK_WIDGET (form), 2);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  ct_wait_frames (GTK_WIDGET (form), 2);
  g_assert_false (in_view (email));

  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "email"), ==,
                   _("Enter an email address like nama@contoh.id."));
  g_assert_true (gtk_widget_get_state_flags (email) & GTK_STATE_FLAG_FOCUS_WITHIN);
  g_assert_true (ct_wait_until (in_view, email, 30000));
  ct_screenshot (GTK_WIDGET (fx.window), "customer-form-focus");

  /* Still wrong: still marked. Right: the reason and the summary go at once. */
  gtk_editable_set_text (GTK_EDITABLE (email), "rina@contoh.");
  ct_wait_frames (GTK_WIDGET (form), 1);
  g_assert_nonnull (bjb_customer_form_get_field_error (form, "email"));
  gtk_editable_set_text (GTK_EDITABLE (email), "rina@contoh.id");
  g_assert_true (ct_wait_until (email_error_gone, form, 10000));
  g_assert_null (bjb_customer_form_get_field_error (form, "form"));

  /* bjb.customer's limits: a name of 200 characters, notes of 4000. */
  g_string_truncate (long_text, 0);
  for (int i = 0; i < 250; i++)
    g_string_append_c (long_text, 'a' + i % 26);
  bjb_customer_form_set_field (form, "name", long_text->str);
  g_assert_cmpint (g_utf8_strlen (bjb_customer_form_get_field (form, "name"), -1), ==, 200);
  for (int i = 0; i < 20; i++)
    g_string_append (long_text, long_text->str + long_text->len - 250);
  bjb_customer_form_set_field (form, "notes", long_text->str);
  g_assert_cmpint (g_utf8_strlen (bjb_customer_form_get_field (form, "notes"), -1), ==, 4000);
  bjb_customer_form_set_field (form, "notes", "");
}

static void
test_form_valid (void)
{
  BjbCustomerForm *form;
  g_autofree char *phone = NULL;
  g_autofree char *prefs = NULL;

  if (skip_unless_ready ())
    return;

  form = bjb_customers_page_get_form (fx.page);
  bjb_customer_form_set_field (form, "name", "Budi Santoso");
  bjb_customer_form_set_field (form, "phone", "0812-9999-0001");
  bjb_customer_form_set_field (form, "email", "budi.santoso@contoh.id");
  bjb_customer_form_set_field (form, "birth-date", "17-08-1990");
  bjb_customer_form_set_field (form, "address", "Jl. Godean Km 3, Sleman");
  bjb_customer_form_set_field (form, "notes", "Kirim pagi hari.");
  bjb_customer_form_set_preference (form, g_ascii_strtoll (fx.paving, NULL, 10), TRUE);
  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_true (bjb_customer_form_get_busy (form));
  g_assert_true (ct_wait_until (form_idle, form, 10000));
  g_assert_null (bjb_customer_form_get_field_error (form, "form"));

  fx.budi = bjb_customer_form_get_customer_id (form);
  g_assert_cmpint (fx.budi, >, 0);
  g_assert_true (ct_wait_until (detail_shows, GSIZE_TO_POINTER (fx.budi), 10000));

  phone = su ("SELECT phone || ' ' || birth_date || ' ' || status FROM bjb.customer WHERE name = 'Budi Santoso'");
  g_assert_cmpstr (phone, ==, "+6281299990001 1990-08-17 active");
  prefs = su ("SELECT string_agg(p.name, ',') FROM bjb.customer_preference cp JOIN bjb.product p ON p.id = cp.product_id"
              " JOIN bjb.customer c ON c.id = cp.customer_id WHERE c.name = 'Budi Santoso'");
  g_assert_cmpstr (prefs, ==, "Paving Segi Enam 8 cm");

  search ("santoso");
  g_assert_cmpuint (n_items (), ==, 1);
  g_assert_cmpint (bjb_customer_get_id (item (0)), ==, fx.budi);
  search ("");
}

static gboolean
duplicate_shown (gpointer data)
{
  return bjb_customer_form_get_duplicate (data, "phone") != 0;
}

static void
test_form_duplicate (void)
{
  BjbCustomerForm *form;

  if (skip_unless_ready ())
    return;

  form = bjb_customers_page_get_form (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.new", NULL);
  bjb_customer_form_set_field (form, "name", "Budi Kembar");
  bjb_customer_form_set_field (form, "phone", "081299990001");
  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_true (ct_wait_until (duplicate_shown, form, 10000));

  g_assert_cmpint (bjb_customer_form_get_duplicate (form, "phone"), ==, fx.budi);
  g_assert_cmpstr (bjb_customer_form_get_field_error (form, "phone"), ==,
                   _("Another customer already has this phone number."));
  g_assert_cmpstr (bjb_customers_page_get_visible_pane (fx.page), ==, "form");
  g_assert_cmpstr (bjb_customer_form_get_field (form, "name"), ==, "Budi Kembar");
  ct_screenshot (GTK_WIDGET (fx.window), "customer-form-duplicate");

  /* The button next to the message opens the customer who has the number. */
  activate (GTK_WIDGET (fx.page), "customers.open", g_variant_new_int64 (fx.budi));
  g_assert_true (ct_wait_until (detail_shows, GSIZE_TO_POINTER (fx.budi), 10000));
}

static void
test_form_edit_deactivate (void)
{
  BjbCustomerForm *form;
  g_autofree char *status = NULL;

  if (skip_unless_ready ())
    return;

  /* Edit the customer shown: the form comes filled in, the phone as stored. */
  form = bjb_customers_page_get_form (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.edit", NULL);
  g_assert_cmpstr (bjb_customers_page_get_visible_pane (fx.page), ==, "form");
  g_assert_true (ct_wait_until (form_idle, form, 10000));
  g_assert_cmpint (bjb_customer_form_get_customer_id (form), ==, fx.budi);
  g_assert_cmpstr (bjb_customer_form_get_field (form, "name"), ==, "Budi Santoso");
  g_assert_cmpstr (bjb_customer_form_get_field (form, "phone"), ==, "+6281299990001");
  g_assert_cmpstr (bjb_customer_form_get_field (form, "birth-date"), ==, "17-08-1990");
  g_assert_cmpstr (bjb_customer_form_get_field (form, "notes"), ==, "Kirim pagi hari.");

  activate (GTK_WIDGET (form), "customer.deactivate", NULL);
  g_assert_true (ct_wait_until (form_idle, form, 10000));
  g_assert_null (bjb_customer_form_get_field_error (form, "form"));
  g_assert_true (ct_wait_until (detail_shows, GSIZE_TO_POINTER (fx.budi), 10000));
  status = su ("SELECT status || ' ' || notes FROM bjb.customer WHERE name = 'Budi Santoso'");
  g_assert_cmpstr (status, ==, "inactive Kirim pagi hari.");
}

static void
test_detail (void)
{
  BjbCustomerDetail *detail;
  gint64 sri = g_ascii_strtoll (fx.sri, NULL, 10);
  gint64 bambang = g_ascii_strtoll (fx.bambang, NULL, 10);
  g_autofree char *spend = NULL;
  g_autoptr(BjbCustomerOrder) order = NULL;

  if (skip_unless_ready ())
    return;

  detail = bjb_customers_page_get_detail (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.open", g_variant_new_int64 (sri));
  g_assert_true (ct_wait_until (detail_shows, GSIZE_TO_POINTER (sri), 10000));
  /* The list marks the customer shown, or none if it is not loaded: never the one before. */
  {
    GtkSingleSelection *selection =
      GTK_SINGLE_SELECTION (gtk_column_view_get_model (bjb_customers_page_get_column_view (fx.page)));
    BjbCustomer *marked = gtk_single_selection_get_selected_item (selection);

    g_assert_true (marked == NULL || bjb_customer_get_id (marked) == sri);
  }

  g_assert_cmpstr (bjb_customer_detail_get_text (detail, "name"), ==, "Sri Rejeki");
  g_assert_cmpstr (bjb_customer_detail_get_text (detail, "spend"), ==, "Rp 6.000.000");
  g_assert_true (bjb_customer_detail_get_loyal (detail));
  g_assert_nonnull (strstr (bjb_customer_detail_get_text (detail, "top3"), "Kanstin Beton — 240 pcs"));
  g_assert_cmpstr (bjb_customer_detail_get_text (detail, "preferences"), ==, "Paving Segi Enam 8 cm");
  g_assert_nonnull (strstr (bjb_customer_detail_get_text (detail, "feedback"), "Paving rapi"));
  g_assert_nonnull (strstr (bjb_customer_detail_get_text (detail, "birthday"), "1985"));
  g_assert_cmpuint (g_list_model_get_n_items (bjb_customer_detail_get_orders (detail)), ==, 1);
  order = g_list_model_get_item (bjb_customer_detail_get_orders (detail), 0);
  g_assert_cmpstr (bjb_customer_order_get_status (order), ==, "completed");
  ct_screenshot (GTK_WIDGET (fx.window), "customer-detail");
  assert_columns_in_sight ();

  activate (GTK_WIDGET (fx.page), "customers.open", g_variant_new_int64 (bambang));
  g_assert_true (ct_wait_until (detail_shows, GSIZE_TO_POINTER (bambang), 10000));
  g_assert_false (bjb_customer_detail_get_loyal (detail));
  spend = g_strdup_printf (_("%s more to become loyal (at %s)."), "Rp 4.000.000", "Rp 5.000.000");
  g_assert_cmpstr (bjb_customer_detail_get_text (detail, "to-loyal"), ==, spend);
  g_assert_cmpuint (g_list_model_get_n_items (bjb_customer_detail_get_orders (detail)), ==, 2);
  /* His history has the longest status ("Menunggu pembayaran") beside the total. */
  ct_screenshot (GTK_WIDGET (fx.window), "customer-detail-pending");
  assert_columns_in_sight ();
}

static gboolean
spend_is (gpointer data)
{
  return bjb_customer_get_total_spend (data) == 1250000;
}

static gboolean
detail_spend_updated (gpointer data)
{
  return g_strcmp0 (bjb_customer_detail_get_text (data, "spend"), "Rp 1.250.000") == 0;
}

static void
test_live_refresh (void)
{
  GtkSelectionModel *selection;
  guint position;
  BjbCustomer *bambang;
  g_autofree char *sql = NULL;

  if (skip_unless_ready ())
    return;

  selection = gtk_column_view_get_model (bjb_customers_page_get_column_view (fx.page));
  position = bjb_paged_query_model_find (fx.model, g_ascii_strtoll (fx.bambang, NULL, 10));
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_selection_model_select_item (selection, position, TRUE);
  bambang = item (position);

  /* Another desk confirms Bambang's pending payment. */
  sql = g_strdup_printf ("UPDATE bjb.sales_order SET status = 'paid', paid_at = now() WHERE id = %s",
                         fx.pending_order);
  g_free (su (sql));
  bjb_customers_page_refresh (fx.page);
  g_assert_true (ct_wait_until (spend_is, bambang, 10000));

  /* Same row object, same place, still selected: the view did not jump. */
  g_assert_true (item (position) == bambang);
  g_assert_true (gtk_selection_model_is_selected (selection, position));
  /* The customer shown beside the list follows too. */
  g_assert_true (ct_wait_until (detail_spend_updated, bjb_customers_page_get_detail (fx.page), 10000));
}

static void
test_offline_form (void)
{
  BjbCustomerForm *form;

  if (skip_unless_ready ())
    return;

  form = bjb_customers_page_get_form (fx.page);
  activate (GTK_WIDGET (fx.page), "customers.new", NULL);
  ct_wait_until (form_idle, form, 5000);
  bjb_customer_form_set_field (form, "name", "Tono Prasetyo");
  bjb_customer_form_set_field (form, "phone", "0813 1111 2222");

  /* The link drops (depot Wi-Fi) while the clerk presses Save. */
  bjb_connection_close (fx.connection);
  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_true (ct_wait_until (form_idle, form, 10000));
  g_assert_nonnull (bjb_customer_form_get_field_error (form, "form"));
  g_assert_cmpstr (bjb_customer_form_get_field (form, "name"), ==, "Tono Prasetyo");
  g_assert_cmpstr (bjb_customers_page_get_visible_pane (fx.page), ==, "form");
  ct_screenshot (GTK_WIDGET (fx.window), "customer-form-offline");

  /* Back online: Save again, nothing retyped. */
  g_assert_true (db_test_open (fx.connection, NULL));
  activate (GTK_WIDGET (form), "customer.save", NULL);
  g_assert_true (ct_wait_until (form_idle, form, 10000));
  g_assert_null (bjb_customer_form_get_field_error (form, "form"));
  g_assert_cmpint (bjb_customer_form_get_customer_id (form), >, 0);
}

/* Keystroke → rows on screen, on a big database (BJB_BENCH_DB, e.g. 100 000 customers). */



/* Setup */

static void
setup (void)
{
  g_autofree char *total = NULL;

  if (g_getenv ("BJB_TEST_TEMPLATE") == NULL || g_getenv ("DISPLAY") == NULL)
    return;

  gtk_init ();
  adw_init ();

  fx.dbname = db_test_create ();
  g_free (su (seed_sql));
  fx.sri = id_of ("customer", "Sri Rejeki");
  fx.bambang = id_of ("customer", "Bambang Hartono");
  fx.wati = id_of ("customer", "Wati Susanti");
  fx.dedi = id_of ("customer", "Dedi Kurniawan");
  fx.paving = id_of ("product", "Paving Segi Enam 8 cm");
  fx.batako = id_of ("product", "Batako Press");
  fx.pending_order = su ("SELECT id FROM bjb.sales_order WHERE number = 'BJB-T-0003'");

  fx.connection = connect_cs (fx.dbname);
  fx.window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx.window, 1280, 800);
  fx.page = BJB_CUSTOMERS_PAGE (bjb_customers_page_new (fx.connection));
  gtk_window_set_child (fx.window, GTK_WIDGET (fx.page));
  gtk_window_present (fx.window);
  fx.model = bjb_customers_page_get_list_model (fx.page);
  fx.ready = TRUE;
}

static void
teardown (void)
{
  if (!fx.ready)
    return;
  gtk_window_destroy (fx.window);
  g_clear_object (&fx.connection);
  db_test_drop (fx.dbname);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* gtk_init () sets the locale from the environment again: set it there. */
  if (g_strcmp0 (g_getenv ("BJB_TEST_LANG"), "id") == 0)
    {
      g_setenv ("LANGUAGE", "id", TRUE);
      g_setenv ("LC_ALL", "id_ID.UTF-8", TRUE);
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BJB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  setup ();

  customers_add_model_tests ();
  g_test_add_func ("/customers/list", test_list);
  g_test_add_func ("/customers/sort", test_sort);
  g_test_add_func ("/customers/search", test_search);
  g_test_add_func ("/customers/filters", test_filters);
  g_test_add_func ("/customers/form-invalid", test_form_invalid);
  g_test_add_func ("/customers/form-errors-in-view", test_form_errors_in_view);
  g_test_add_func ("/customers/form-valid", test_form_valid);
  g_test_add_func ("/customers/form-duplicate", test_form_duplicate);
  g_test_add_func ("/customers/form-edit-deactivate", test_form_edit_deactivate);
  g_test_add_func ("/customers/detail", test_detail);
  g_test_add_func ("/customers/live-refresh", test_live_refresh);
  g_test_add_func ("/customers/offline-form", test_offline_form);

  customers_add_bench_test ();

  status = g_test_run ();
  teardown ();
  return status;
}
