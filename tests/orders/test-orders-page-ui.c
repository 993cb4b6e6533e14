/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-orders-page-ui"

#include "config.h"

#include <adwaita.h>

#include "bjb-cs-window.h"
#include "bjb-order-detail.h"
#include "bjb-order-format.h"
#include "bjb-order-row.h"
#include "bjb-orders-page.h"
#include "bjb-paged-query-model.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "db-test-util.h"

/* The orders list of the customer-service window, signed in as t_cs through the real
 * login, with the window's own session and listener (issue 8 #2 and #5):
 * - an order placed at another desk (t_cs2, its own connection) appears live, and the row
 *   the clerk selected stays selected and where it was on screen;
 * - selecting a row opens that order beside the list;
 * - at the window's default size (1280 px) the status and total columns are whole and the
 *   open order beside the list fits its pane. */

#define N_ORDERS 45

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category), 'Paving Segi Enam 8 cm', 'm²', 95000, 100000);"
  "INSERT INTO bjb.customer (name, address, phone, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'active'),"
  " ('Bambang Hartono', 'Jl. Magelang 12, Yogyakarta', '+6285700001111', 'active');"
  "SELECT count(bjb.place_order((SELECT min(id) FROM bjb.customer),"
  "  jsonb_build_array(jsonb_build_object('product_id', (SELECT id FROM bjb.product), 'qty', g)),"
  "  'pickup', NULL, 0, gen_random_uuid())) FROM generate_series(1, 45) g";

typedef struct
{
  GtkWindow *window;
  BjbOrdersPage *page;
  GListModel *model;
} Fixture;

static gboolean
first_page_in (gpointer data)
{
  Fixture *f = data;

  return !bjb_orders_page_is_loading (f->page) &&
         bjb_paged_query_model_get_n_loaded (BJB_PAGED_QUERY_MODEL (f->model)) >= 40;
}

static gboolean
row_0_is (gpointer data)
{
  Fixture *f = data;
  g_autoptr(BjbOrderRow) row = g_list_model_get_item (f->model, 0);
  gint64 want = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (f->page), "want"));

  return row != NULL && bjb_order_row_get_id (row) == want;
}

static gboolean
detail_shows (gpointer data)
{
  Fixture *f = data;
  BjbOrderDetail *detail = BJB_ORDER_DETAIL (bjb_ui_test_child (f->window, BJB_TYPE_CS_WINDOW,
                                                                "order_detail"));
  gint64 want = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (f->page), "want"));

  return bjb_order_detail_get_order_id (detail) == want &&
         bjb_order_detail_get_status (detail) != NULL;
}

/* The inscription of the view showing @text, or NULL. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_INSCRIPTION (widget) &&
      g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_cell (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Where the cell showing @text is, relative to the page's scrolled window. */
static gboolean
cell_bounds (Fixture         *f,
             const char      *text,
             graphene_rect_t *bounds)
{
  GtkWidget *scroller = bjb_ui_test_child (f->page, BJB_TYPE_ORDERS_PAGE, "scroller");
  GtkWidget *cell = find_cell (scroller, text);

  return cell != NULL && gtk_widget_compute_bounds (cell, scroller, bounds);
}

/* "-id" in the Indonesian run, so both languages' pictures are kept. */
static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0
                                             ? "-id" : "", NULL);

  bjb_ui_test_screenshot (GTK_WIDGET (f->window), full);
}

/* The cell showing @text is not ellipsized, and inside what the list shows without
 * scrolling sideways. */
static void
assert_cell_whole (Fixture    *f,
                   const char *text)
{
  GtkWidget *scroller = bjb_ui_test_child (f->page, BJB_TYPE_ORDERS_PAGE, "scroller");
  GtkWidget *pane = gtk_widget_get_ancestor (GTK_WIDGET (f->page), GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *cell = find_cell (scroller, text);
  g_autoptr(PangoLayout) layout = NULL;
  graphene_rect_t bounds;
  int text_width;

  g_assert_nonnull (cell);
  layout = gtk_widget_create_pango_layout (cell, text);
  pango_layout_get_pixel_size (layout, &text_width, NULL);
  g_assert_cmpint (gtk_widget_get_width (cell), >=, text_width);
  g_assert_true (gtk_widget_compute_bounds (cell, scroller, &bounds));
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (scroller));
  /* and the list itself is not wider than its pane beside the open order */
  g_assert_true (gtk_widget_compute_bounds (cell, pane, &bounds));
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (pane));
}

/* Issue 8 #5 and the 1280 px gap: the status and the total of a row are whole, and the
 * open order needs no more width than its pane has (nothing scrolls sideways). */
static void
assert_fits_default_size (Fixture *f)
{
  g_autoptr(BjbOrderRow) row = g_list_model_get_item (f->model, 0);
  const char *label = bjb_order_status_label ("pending_payment");
  GtkWidget *detail = bjb_ui_test_child (f->window, BJB_TYPE_CS_WINDOW, "order_detail");
  GtkWidget *pane = gtk_widget_get_ancestor (detail, GTK_TYPE_SCROLLED_WINDOW);
  int minimum;

  g_assert_cmpstr (bjb_order_row_get_status_label (row), ==, label);
  assert_cell_whole (f, label);
  assert_cell_whole (f, bjb_order_row_get_total_text (row));
gtk_widget_measure (detail, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
g_assert_cmpint (minimum, <=, gtk_widget_get_width (pane));
}

/* No order lost or shown twice by the refresh. */
static void
assert_each_once (Fixture *f)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint n = bjb_paged_query_model_get_n_loaded (BJB_PAGED_QUERY_MODEL (f->model));

  g_assert_cmpuint (n, >=, 41);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderRow) row = g_list_model_get_item (f->model, i);
      gint64 id = bjb_order_row_get_id (row);

      g_assert_false (g_hash_table_contains (seen, &id));
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, MIN (n, N_ORDERS + 1));
}

static void
test_live_orders (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(BjbConnection) other_desk = NULL;
  g_autoptr(BjbResult) placed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbOrderRow) selected = NULL;
  g_autofree char *product = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *sql = NULL;
  GtkSingleSelection *selection;
  GtkAdjustment *vadjustment;
  graphene_rect_t before, after;
  gint64 new_id;

  bjb_ui_test_sql (seed_sql);
  f->window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (f->window);
  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (f->window)),
                                         "orders");
  f->page = BJB_ORDERS_PAGE (bjb_ui_test_child (f->window, BJB_TYPE_CS_WINDOW, "orders_page"));
  f->model = bjb_orders_page_get_model (f->page);
  bjb_ui_test_assert_wait (first_page_in, f, 20000);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));


  /* Issue 8 #5: one click (or an arrow key) on a row opens it beside the list. */
  selection = GTK_SINGLE_SELECTION (gtk_widget_get_template_child (GTK_WIDGET (f->page),
                                                                   BJB_TYPE_ORDERS_PAGE,
                                                                   "selection"));
  gtk_single_selection_set_selected (selection, 6);
  selected = g_list_model_get_item (f->model, 6);
  g_object_set_data (G_OBJECT (f->page), "want", GSIZE_TO_POINTER (bjb_order_row_get_id (selected)));
  bjb_ui_test_assert_wait (detail_shows, f, 10000);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  assert_fits_default_size (f);

  /* Scrolled a little, as a clerk working down the list is. */
  vadjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (bjb_ui_test_child (f->page, BJB_TYPE_ORDERS_PAGE, "scroller")));
  gtk_adjustment_set_value (vadjustment, 120);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  g_assert_true (cell_bounds (f, bjb_order_row_get_number (selected), &before));
  screenshot (f, "orders-live-before");

  /* Another desk places an order, on its own connection. */
  other_desk = db_test_connection (bjb_ui_test_get_dbname (), "t_cs2", bjb_ui_test_get_password ());
  g_assert_true (db_test_open (other_desk, NULL));
  product = bjb_ui_test_sql_value ("SELECT id FROM bjb.product");
  customer = bjb_ui_test_sql_value ("SELECT max(id) FROM bjb.customer");
  sql = g_strdup_printf ("SELECT bjb.place_order(%s, '[{\"product_id\": %s, \"qty\": 7}]', 'pickup', "
                         "NULL, 0, gen_random_uuid()) AS id", customer, product);
  placed = db_test_query (other_desk, sql, 0, NULL, &error);
  g_assert_no_error (error);
  new_id = bjb_result_get_int64 (placed, 0, "id");
  g_object_set_data (G_OBJECT (f->page), "want", GSIZE_TO_POINTER (new_id));
  bjb_ui_test_assert_wait (row_0_is, f, 15000);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  bjb_ui_test_wait_for_frame (GTK_WIDGET (f->window));
  screenshot (f, "orders-live-after");

  /* The same order is selected (one row further down) and still where it was on screen. */
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) selected);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 7);
  g_assert_true (cell_bounds (f, bjb_order_row_get_number (selected), &after));
  g_assert_cmpfloat (ABS (after.origin.y - before.origin.y), <=, 1);
  assert_each_once (f);

  bjb_connection_close (other_desk);
  g_clear_object (&selected);
  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "orders-page"))
    return 0;
  g_test_add_func ("/orders-page/live", test_live_orders);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
