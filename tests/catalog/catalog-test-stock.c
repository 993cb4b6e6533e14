/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-catalog-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-product.h"
#include "bjb-role-window.h"
#include "bjb-stock-count.h"
#include "bjb-stock-movement.h"
#include "bjb-ui-test.h"
#include "catalog-test.h"
#include "db-test-util.h"

/* The stock page, after the products page's tests (same window, same data): restock, a
 * correction below zero refused, the ledger, stocktake all or nothing, live refresh on
 * another desk's order, and the stock_low notification. */

static void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
}

static gint64
product_id (const char *name)
{
  g_autofree char *id = catalog_sql_value ("SELECT id FROM bjb.product WHERE name = '%s'", name);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

static char *
stock_of (const char *name)
{
  return catalog_sql_value ("SELECT stock FROM bjb.product WHERE name = '%s'", name);
}

static gboolean
adjust_idle (gpointer data)
{
  return !bjb_stock_adjust_get_busy (bjb_stock_page_get_adjust (cf.stock));
}

static gboolean
ledger_first_is (gpointer reason)
{
  BjbPagedQueryModel *model = bjb_stock_page_get_ledger_model (cf.stock);
  g_autoptr(BjbStockMovement) first = NULL;

  if (!catalog_model_settled (model) || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
    return FALSE;
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  return g_strcmp0 (bjb_stock_movement_get_reason (first), reason) == 0;
}

static void
open_stock (const char *name)
{
  bjb_ui_test_assert_wait (catalog_model_settled, bjb_stock_page_get_product_model (cf.stock), 20000);
  activate (cf.stock, "stock.open", g_variant_new_int64 (product_id (name)));
  g_assert_cmpstr (bjb_stock_page_get_visible_pane (cf.stock), ==, "ledger");
}

static void
test_restock (void)
{
  BjbStockAdjust *adjust = bjb_stock_page_get_adjust (cf.stock);
  g_autoptr(BjbAdminProduct) first = NULL;
  g_autofree char *stock = NULL;
  g_autofree char *digits = NULL;

  catalog_show_page ("stock");
  bjb_ui_test_assert_wait (catalog_model_settled, bjb_stock_page_get_product_model (cf.stock), 20000);
  first = g_list_model_get_item (G_LIST_MODEL (bjb_stock_page_get_product_model (cf.stock)), 0);
  g_assert_cmpstr (bjb_admin_product_get_name (first), ==, "Kanstin Beton");
  g_assert_true (bjb_admin_product_get_low_stock (first));

  open_stock ("Kanstin Beton");
  activate (cf.stock, "stock.restock", NULL);
  bjb_stock_adjust_set_values (adjust, 50, NULL, "kiln batch 7");
  activate (adjust, "adjust.apply", NULL);
  bjb_ui_test_assert_wait (adjust_idle, NULL, 15000);
  g_assert_null (bjb_stock_adjust_get_error (adjust, "amount"));
  stock = stock_of ("Kanstin Beton");
  g_assert_cmpstr (stock, ==, "53");
  digits = g_strdup ("53");
  g_assert_nonnull (strstr (bjb_stock_page_get_status (cf.stock), digits));
  bjb_ui_test_assert_wait (ledger_first_is, (gpointer) "restock", 15000);
  catalog_screenshot ("admin-stock");
}

static void
test_correction_below_zero (void)
{
  BjbStockAdjust *adjust = bjb_stock_page_get_adjust (cf.stock);
  g_autofree char *stock = NULL;
  const char *error;

  activate (cf.stock, "stock.correct", NULL);
  /* Damaged needs a negative number: said before anything is sent. */
  bjb_stock_adjust_set_values (adjust, 5, "damaged", "pecah di truk");
  activate (adjust, "adjust.apply", NULL);
  g_assert_nonnull (bjb_stock_adjust_get_error (adjust, "amount"));

  /* More than there is: the server refuses (BJ001), beside the amount. */
  bjb_stock_adjust_set_values (adjust, -1000, "damaged", "pecah di truk");
  activate (adjust, "adjust.apply", NULL);
  bjb_ui_test_assert_wait (adjust_idle, NULL, 15000);
  error = bjb_stock_adjust_get_error (adjust, "amount");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Kanstin Beton"));
  stock = stock_of ("Kanstin Beton");
  g_assert_cmpstr (stock, ==, "53");
  catalog_screenshot ("admin-stock-correction");

  /* A correction that fits goes through, with its reason in the ledger. */
  bjb_stock_adjust_set_values (adjust, -3, "damaged", "pecah di truk");
  activate (adjust, "adjust.apply", NULL);
  bjb_ui_test_assert_wait (adjust_idle, NULL, 15000);
  g_assert_null (bjb_stock_adjust_get_error (adjust, "amount"));
  bjb_ui_test_assert_wait (ledger_first_is, (gpointer) "damaged", 15000);
  g_clear_pointer (&stock, g_free);
  stock = stock_of ("Kanstin Beton");
  g_assert_cmpstr (stock, ==, "50");
}

static BjbStockCount *
count_line (const char *name)
{
  GListModel *counts = bjb_stocktake_view_get_counts (bjb_stock_page_get_stocktake (cf.stock));

  for (guint i = 0; i < g_list_model_get_n_items (counts); i++)
    {
      g_autoptr(BjbStockCount) count = g_list_model_get_item (counts, i);

      if (g_strcmp0 (bjb_stock_count_get_name (count), name) == 0)
        return count;  /* the view keeps it */
    }
  g_assert_not_reached ();
}

static gboolean
stocktake_loaded (gpointer data)
{
  BjbStocktakeView *view = bjb_stock_page_get_stocktake (cf.stock);

  return !bjb_stocktake_view_get_busy (view) &&
         g_list_model_get_n_items (bjb_stocktake_view_get_counts (view)) == 5;
}

static gboolean
stocktake_idle (gpointer data)
{
  return !bjb_stocktake_view_get_busy (bjb_stock_page_get_stocktake (cf.stock));
}

static void
test_stocktake (void)
{
  BjbStocktakeView *view = bjb_stock_page_get_stocktake (cf.stock);
  g_autofree char *paving = NULL;
  g_autofree char *batako = NULL;
  g_autofree char *roster = NULL;
  const char *error;

  activate (cf.stock, "stock.stocktake", NULL);
  g_assert_cmpstr (bjb_stock_page_get_visible_pane (cf.stock), ==, "stocktake");
  bjb_ui_test_assert_wait (stocktake_loaded, NULL, 15000);

  /* Three counts, one impossible: nothing is applied, and the refusal names it. */
  bjb_stock_count_set_counted (count_line ("Paving Hexagon 8 cm"), 480);
  bjb_stock_count_set_counted (count_line ("Batako Press"), 5100);
  bjb_stock_count_set_counted (count_line ("Roster Angin"), 99999999);
  catalog_screenshot ("admin-stocktake");
  activate (view, "stocktake.apply", NULL);
  bjb_ui_test_assert_wait (stocktake_idle, NULL, 15000);
  error = bjb_stocktake_view_get_error (view);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "Roster Angin"));
  paving = stock_of ("Paving Hexagon 8 cm");
  batako = stock_of ("Batako Press");
  roster = stock_of ("Roster Angin");
  g_assert_cmpstr (paving, ==, "500");
  g_assert_cmpstr (batako, ==, "5000");
  g_assert_cmpstr (roster, ==, "40");
  g_assert_cmpstr (catalog_sql_value ("SELECT count(*) FROM bjb.stock_movement WHERE reason = 'stocktake'"),
                   ==, "0");
  catalog_screenshot ("admin-stocktake-refused");

  /* Corrected, all three go in one transaction. */
  bjb_stock_count_set_counted (count_line ("Roster Angin"), 35);
  g_assert_null (bjb_stocktake_view_get_error (view));
  activate (view, "stocktake.apply", NULL);
  bjb_ui_test_assert_wait (stocktake_idle, NULL, 15000);
  g_assert_null (bjb_stocktake_view_get_error (view));
  g_clear_pointer (&paving, g_free);
  g_clear_pointer (&batako, g_free);
  g_clear_pointer (&roster, g_free);
  paving = stock_of ("Paving Hexagon 8 cm");
  batako = stock_of ("Batako Press");
  roster = stock_of ("Roster Angin");
  g_assert_cmpstr (paving, ==, "480");
  g_assert_cmpstr (batako, ==, "5100");
  g_assert_cmpstr (roster, ==, "35");
  g_assert_cmpstr (catalog_sql_value ("SELECT count(DISTINCT xmin::text) FROM bjb.stock_movement "
                                      "WHERE reason = 'stocktake'"), ==, "1");
  g_assert_cmpstr (bjb_stock_page_get_visible_pane (cf.stock), ==, "ledger");
}

static gboolean
stock_row_is (gpointer expected)
{
  GListModel *model = G_LIST_MODEL (bjb_stock_page_get_product_model (cf.stock));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbAdminProduct) product = g_list_model_get_item (model, i);

      if (g_strcmp0 (bjb_admin_product_get_name (product), "Batako Press") == 0)
        return bjb_admin_product_get_stock (product) == GPOINTER_TO_INT (expected);
    }
  return FALSE;
}

static gboolean
notification_came (gpointer kind)
{
  BjbSession *session = bjb_role_window_get_session (BJB_ROLE_WINDOW (cf.window));
  GListModel *list = bjb_session_get_notifications (session);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BjbNotification) notification = g_list_model_get_item (list, i);

      if (g_strcmp0 (bjb_notification_get_kind (notification), kind) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_live (void)
{
  g_autoptr(BjbConnection) desk = NULL;
  g_autoptr(BjbResult) placed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *customer = NULL;
  BjbStockAdjust *adjust = bjb_stock_page_get_adjust (cf.stock);

  /* Another desk sells 100 Batako: the list follows without a click. */
  bjb_ui_test_sql ("INSERT INTO bjb.customer (name, address, phone, status) VALUES"
                   " ('Sri Rejeki', 'Jl. Kaliurang Km 5', '+6281234567001', 'active')");
  customer = catalog_sql_value ("SELECT max(id) FROM bjb.customer");
  desk = db_test_connection (bjb_ui_test_get_dbname (), "t_cs", bjb_ui_test_get_password ());
  g_assert_true (db_test_open (desk, NULL));
  sql = g_strdup_printf ("SELECT bjb.place_order(%s, '[{\"product_id\": %" G_GINT64_FORMAT
                         ", \"qty\": 100}]', 'pickup', NULL, 0, gen_random_uuid()) AS id",
                         customer, product_id ("Batako Press"));
  placed = db_test_query (desk, sql, 0, NULL, &error);
  g_assert_no_error (error);
  bjb_ui_test_assert_wait (stock_row_is, GINT_TO_POINTER (5000), 15000);
  bjb_connection_close (desk);
  /* The sale heads Batako's history, with its order number. */
  open_stock ("Batako Press");
  bjb_ui_test_assert_wait (ledger_first_is, (gpointer) "order", 15000);
  catalog_screenshot ("admin-stock-order");

  /* Roster falls to the threshold: stock_low reaches this admin's notifications. */
  open_stock ("Roster Angin");
  activate (cf.stock, "stock.correct", NULL);
  bjb_stock_adjust_set_values (adjust, -30, "damaged", "retak");
  activate (adjust, "adjust.apply", NULL);
  bjb_ui_test_assert_wait (adjust_idle, NULL, 15000);
  g_assert_null (bjb_stock_adjust_get_error (adjust, "amount"));
  bjb_ui_test_assert_wait (notification_came, (gpointer) "stock_low", 15000);
}

void
catalog_add_stock_tests (void)
{
  g_test_add_func ("/catalog/stock/restock", test_restock);
  g_test_add_func ("/catalog/stock/correction-below-zero", test_correction_below_zero);
  g_test_add_func ("/catalog/stock/stocktake", test_stocktake);
  g_test_add_func ("/catalog/stock/live", test_live);
}
