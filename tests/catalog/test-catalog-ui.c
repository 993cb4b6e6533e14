/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-catalog-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bjb-admin-category.h"
#include "bjb-admin-window.h"
#include "bjb-image-drop-box.h"
#include "bjb-price-change.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "catalog-test.h"

/* The products page in the real admin window, signed in as t_admin, driven through its
 * actions: list, bad input, create with a photo, price history, two admins' stale save,
 * categories. The stock page's tests are in catalog-test-stock.c. */

CatalogFixture cf;

static const char seed_sql[] =
  "INSERT INTO bjb.category (name) VALUES ('Paving'), ('Batako'), ('Kosong');"
  "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Paving Hexagon 8 cm', 'm²', 95000, 500),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Batako Press', 'pcs', 3500, 5000),"
  " ((SELECT id FROM bjb.category WHERE name = 'Paving'), 'Kanstin Beton', 'pcs', 25000, 3),"
  " ((SELECT id FROM bjb.category WHERE name = 'Batako'), 'Roster Angin', 'pcs', 12000, 40);"
  /* A second admin, for the stale edit (roles are the cluster's, staff rows the database's). */
  "DO $$ BEGIN"
  "  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 't_admin2') THEN"
  "    INSERT INTO bjb.staff (login, display_name, role) VALUES ('t_admin2', 'Tes Admin Dua', 'admin')"
  "    ON CONFLICT DO NOTHING;"
  "  ELSE PERFORM bjb.create_staff('t_admin2', 'Tes Admin Dua', 'admin', 'barokah-test');"
  "  END IF; END $$";

gboolean
catalog_in_indonesian (void)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE") ?: "", "id");
}

void
catalog_screenshot (const char *name)
{
  g_autofree char *file = g_strconcat (name, catalog_in_indonesian () ? "-id" : "", NULL);

  bjb_ui_test_screenshot (GTK_WIDGET (cf.window), file);
}

char *
catalog_sql_value (const char *format,
                   ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return bjb_ui_test_sql_value (sql);
}

gboolean
catalog_model_settled (gpointer model)
{
  return !bjb_paged_query_model_get_loading (model) &&
         bjb_paged_query_model_get_error (model) == NULL;
}

void
catalog_show_page (const char *name)
{
  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (cf.window)),
                                         name);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (cf.window));
}

static void
activate (gpointer    widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (widget), action, parameter));
}

static BjbProductForm *
form (void)
{
  return bjb_products_page_get_form (cf.products);
}

static void
set_field (const char *field,
           const char *text)
{
  gtk_editable_set_text (bjb_product_form_get_entry (form (), field), text);
}

static gboolean
form_idle (gpointer data)
{
  return !bjb_product_form_get_busy (form ());
}

/* Save, and wait for the answer (the busy flag goes off either way). */
static void
save_form (void)
{
  activate (form (), "product.save", NULL);
  bjb_ui_test_assert_wait (form_idle, NULL, 15000);
}

static gint64
product_id (const char *name)
{
  g_autofree char *id = catalog_sql_value ("SELECT id FROM bjb.product WHERE name = '%s'", name);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

static void
open_product (const char *name)
{
  activate (cf.products, "products.open", g_variant_new_int64 (product_id (name)));
  g_assert_cmpstr (bjb_products_page_get_visible_pane (cf.products), ==, "form");
}

static void
wait_list (void)
{
  BjbPagedQueryModel *model = bjb_products_page_get_list_model (cf.products);

  bjb_ui_test_assert_wait (catalog_model_settled, model, 20000);
}

/* Waits for the list to read again after a change the test made elsewhere. */
static void
wait_reread (void)
{
  BjbPagedQueryModel *model = bjb_products_page_get_list_model (cf.products);

  for (int i = 0; i < 50 && !bjb_paged_query_model_get_loading (model); i++)
    g_main_context_iteration (NULL, FALSE);
  wait_list ();
}

static BjbAdminProduct *
row (guint position)
{
  g_autoptr(BjbAdminProduct) product =
    g_list_model_get_item (G_LIST_MODEL (bjb_products_page_get_list_model (cf.products)), position);

  g_assert_nonnull (product);
  return product;  /* the model keeps it */
}

static gboolean
three_categories (gpointer data)
{
  return g_list_model_get_n_items (bjb_products_page_get_categories (cf.products)) == 3;
}

/* Tests */

static void
test_list (void)
{
  BjbPagedQueryModel *model;

  bjb_ui_test_sql (seed_sql);
  cf.window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (cf.window);
  gtk_window_set_default_size (cf.window, 1280, 800);
  catalog_show_page ("products");
  cf.products = BJB_PRODUCTS_PAGE (adw_view_stack_get_child_by_name (
    bjb_role_window_get_stack (BJB_ROLE_WINDOW (cf.window)), "products"));
  cf.stock = BJB_STOCK_PAGE (adw_view_stack_get_child_by_name (
    bjb_role_window_get_stack (BJB_ROLE_WINDOW (cf.window)), "stock"));
  model = bjb_products_page_get_list_model (cf.products);
  wait_list ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  /* Low stock first (3 ≤ the threshold of 10), then by name. */
  g_assert_cmpstr (bjb_admin_product_get_name (row (0)), ==, "Kanstin Beton");
  g_assert_true (bjb_admin_product_get_low_stock (row (0)));
  g_assert_cmpstr (bjb_admin_product_get_name (row (1)), ==, "Batako Press");
  g_assert_false (bjb_admin_product_get_low_stock (row (1)));
  /* The categories are a read of their own, which may come after the list's. */
  bjb_ui_test_assert_wait (three_categories, NULL, 10000);

  gtk_editable_set_text (bjb_products_page_get_search_entry (cf.products), "paving");
  wait_reread ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gtk_editable_set_text (bjb_products_page_get_search_entry (cf.products), "");
  wait_reread ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
}

static void
test_bad_input (void)
{
  activate (cf.products, "products.new", NULL);
  g_assert_cmpstr (bjb_products_page_get_visible_pane (cf.products), ==, "form");

  set_field ("name", "   ");
  set_field ("price", "-5");
  save_form ();
  g_assert_nonnull (bjb_product_form_get_field_error (form (), "name"));
  g_assert_cmpstr (bjb_product_form_get_field_error (form (), "price"), ==,
                   _("The price cannot be negative."));
  g_assert_nonnull (bjb_product_form_get_field_error (form (), "form"));

  set_field ("name", "Genteng Beton");
  set_field ("price", "dua ribu");
  save_form ();
  g_assert_null (bjb_product_form_get_field_error (form (), "name"));
  g_assert_cmpstr (bjb_product_form_get_field_error (form (), "price"), ==,
                   _("The price must be a number of rupiah, such as 2.500."));
  /* What was typed stays. */
  g_assert_cmpstr (gtk_editable_get_text (bjb_product_form_get_entry (form (), "name")), ==,
                   "Genteng Beton");
  catalog_screenshot ("admin-products-errors");

  /* The server's own check, with its field (BJ011 + COLUMN): a name another product has. */
  set_field ("name", "batako press");
  set_field ("price", "4.000");
  save_form ();
  g_assert_nonnull (bjb_product_form_get_field_error (form (), "name"));
  g_assert_null (bjb_product_form_get_field_error (form (), "price"));
  g_assert_cmpstr (catalog_sql_value ("SELECT count(*) FROM bjb.product"), ==, "4");

  /* A click in the list while something is typed keeps the form as it is. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_widget_get_template_child (
    GTK_WIDGET (cf.products), BJB_TYPE_PRODUCTS_PAGE, "selection")), 1);
  g_assert_cmpstr (bjb_products_page_get_visible_pane (cf.products), ==, "form");
  g_assert_cmpint (bjb_product_form_get_product_id (form ()), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (bjb_product_form_get_entry (form (), "name")), ==,
                   "batako press");
}

static char *
write_photo (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 640, 480);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_tmp_dir (), "catalog-test-photo.png", NULL);

  gdk_pixbuf_fill (pixbuf, 0x8a6f4dff);
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

static gboolean
photo_waits (gpointer box)
{
  return bjb_image_drop_box_get_image (box) != NULL;
}

static gboolean
list_has (gpointer name)
{
  GListModel *model = G_LIST_MODEL (bjb_products_page_get_list_model (cf.products));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbAdminProduct) product = g_list_model_get_item (model, i);

      if (g_strcmp0 (bjb_admin_product_get_name (product), name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_create_with_photo (void)
{
  g_autofree char *path = write_photo ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  BjbImageDropBox *box = BJB_IMAGE_DROP_BOX (bjb_ui_test_child (form (), BJB_TYPE_PRODUCT_FORM,
                                                                "photo_box"));
  g_autofree char *price = NULL;
  GtkDropDown *category = GTK_DROP_DOWN (bjb_ui_test_child (form (), BJB_TYPE_PRODUCT_FORM,
                                                            "category_dropdown"));
  GListModel *categories = bjb_products_page_get_categories (cf.products);

  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BjbAdminCategory) item = g_list_model_get_item (categories, i);

      if (g_strcmp0 (bjb_admin_category_get_name (item), "Paving") == 0)
        gtk_drop_down_set_selected (category, i);
    }
  set_field ("name", "Paving Bata 6 cm");
  set_field ("unit", "m²");
  set_field ("price", "Rp 87.500");
  bjb_image_drop_box_load_file (box, file);
  bjb_ui_test_assert_wait (photo_waits, box, 15000);
  save_form ();
  g_assert_null (bjb_product_form_get_field_error (form (), "form"));
  g_assert_null (bjb_product_form_get_field_error (form (), "photo"));

  price = catalog_sql_value ("SELECT price FROM bjb.product WHERE name = 'Paving Bata 6 cm'");
  g_assert_cmpstr (price, ==, "87500");
  g_assert_cmpstr (catalog_sql_value ("SELECT c.name FROM bjb.product p JOIN bjb.category c "
                                      "ON c.id = p.category_id WHERE p.name = 'Paving Bata 6 cm'"),
                   ==, "Paving");
  g_assert_cmpstr (catalog_sql_value ("SELECT width || 'x' || height FROM bjb.product_photo "
                                      "WHERE product_id = %" G_GINT64_FORMAT,
                                      product_id ("Paving Bata 6 cm")), ==, "640x480");
  bjb_ui_test_assert_wait (list_has, (gpointer) "Paving Bata 6 cm", 15000);
  unlink (path);
}

static gboolean
history_has (gpointer n)
{
  return g_list_model_get_n_items (bjb_product_form_get_history (form ())) == GPOINTER_TO_UINT (n);
}

static gboolean
photo_shown (gpointer data)
{
  return bjb_image_drop_box_has_preview (BJB_IMAGE_DROP_BOX (bjb_ui_test_child (form (), BJB_TYPE_PRODUCT_FORM,
                                                                                "photo_box")));
}

static void
test_price_history (void)
{
  g_autoptr(BjbPriceChange) newest = NULL;

  wait_list ();
  open_product ("Paving Bata 6 cm");
  bjb_ui_test_assert_wait (history_has, GUINT_TO_POINTER (1), 10000);
  set_field ("price", "90.000");
  save_form ();
  g_assert_null (bjb_product_form_get_field_error (form (), "form"));
  bjb_ui_test_assert_wait (history_has, GUINT_TO_POINTER (2), 10000);
  newest = g_list_model_get_item (bjb_product_form_get_history (form ()), 0);
  g_assert_cmpint (bjb_price_change_get_old_price (newest), ==, 87500);
  g_assert_cmpint (bjb_price_change_get_new_price (newest), ==, 90000);
  g_assert_cmpstr (bjb_price_change_get_actor_text (newest), ==, "Tes Admin");
  g_assert_nonnull (strstr (bjb_price_change_get_change_text (newest), "→"));
  /* The stored photo comes back into the form (bjb.product_photo). */
  bjb_ui_test_assert_wait (photo_shown, NULL, 10000);
  catalog_screenshot ("admin-products");
}

static gboolean
price_shows (gpointer text)
{
  return g_strcmp0 (gtk_editable_get_text (bjb_product_form_get_entry (form (), "price")), text) == 0;
}

static void
test_stale_edit (void)
{
  const char *error;

  wait_list ();
  open_product ("Batako Press");
  /* The other admin saves first, on their own session. */
  bjb_ui_test_sql ("SET SESSION AUTHORIZATION t_admin2;"
                   "SELECT bjb.save_product(p.id, p.version, p.category_id, p.name, p.unit, 3600,"
                   "  p.description, p.active) FROM bjb.product p WHERE p.name = 'Batako Press';"
                   "RESET SESSION AUTHORIZATION");
  set_field ("price", "3.700");
  save_form ();
  error = bjb_product_form_get_field_error (form (), "form");
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, catalog_in_indonesian () ? "Tes Admin Dua" : "t_admin2"));
  g_assert_true (gtk_widget_get_visible (bjb_ui_test_child (form (), BJB_TYPE_PRODUCT_FORM,
                                                            "reload_button")));
  /* Everything typed is kept; nothing of it was stored. */
  g_assert_cmpstr (gtk_editable_get_text (bjb_product_form_get_entry (form (), "price")), ==, "3.700");
  g_assert_cmpstr (catalog_sql_value ("SELECT price FROM bjb.product WHERE name = 'Batako Press'"),
                   ==, "3600");
  catalog_screenshot ("admin-products-stale");

  activate (form (), "product.reload", NULL);
  bjb_ui_test_assert_wait (price_shows, (gpointer) "3.600", 15000);
  g_assert_null (bjb_product_form_get_field_error (form (), "form"));
  /* Saving now starts from the other admin's version. */
  set_field ("price", "3.700");
  save_form ();
  g_assert_null (bjb_product_form_get_field_error (form (), "form"));
  g_assert_cmpstr (catalog_sql_value ("SELECT price FROM bjb.product WHERE name = 'Batako Press'"),
                   ==, "3700");
}

static gboolean
kanstin_listed_at (gpointer price)
{
  GListModel *model = G_LIST_MODEL (bjb_products_page_get_list_model (cf.products));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbAdminProduct) product = g_list_model_get_item (model, i);

      if (g_strcmp0 (bjb_admin_product_get_name (product), "Kanstin Beton") == 0)
        return bjb_admin_product_get_price (product) == (gint64) GPOINTER_TO_SIZE (price);
    }
  return FALSE;
}

/* Another admin's change shows without a refresh: 0014's product_changed event. */
static void
test_live_edit (void)
{
  wait_list ();
  g_assert_false (kanstin_listed_at (GSIZE_TO_POINTER (26500)));
  bjb_ui_test_sql ("SET SESSION AUTHORIZATION t_admin2;"
                   "SELECT bjb.save_product(p.id, p.version, p.category_id, p.name, p.unit, 26500,"
                   "  p.description, p.active) FROM bjb.product p WHERE p.name = 'Kanstin Beton';"
                   "RESET SESSION AUTHORIZATION");
  bjb_ui_test_assert_wait (kanstin_listed_at, GSIZE_TO_POINTER (26500), 15000);
}

static gboolean
editor_idle (gpointer editor)
{
  return !bjb_category_editor_get_busy (editor);
}

static gboolean
categories_are (gpointer n)
{
  return g_list_model_get_n_items (bjb_products_page_get_categories (cf.products)) == GPOINTER_TO_UINT (n);
}

static gint64
category_id (const char *name)
{
  g_autofree char *id = catalog_sql_value ("SELECT id FROM bjb.category WHERE name = '%s'", name);

  return id != NULL ? g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
test_categories (void)
{
  BjbCategoryEditor *editor = bjb_products_page_get_category_editor (cf.products);
  const char *error;

  activate (cf.products, "products.categories", NULL);
  g_assert_cmpstr (bjb_products_page_get_visible_pane (cf.products), ==, "categories");
  bjb_ui_test_assert_wait (categories_are, GUINT_TO_POINTER (3), 10000);

  /* Paving has three products: refused, with how many. */
  g_assert_true (bjb_category_editor_select (editor, category_id ("Paving")));
  activate (editor, "categories.remove", NULL);
  bjb_ui_test_assert_wait (editor_idle, editor, 10000);
  error = bjb_category_editor_get_error (editor);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, catalog_in_indonesian () ? "masih dipakai 3 produk"
                                                            : "still used by 3 products"));
  g_assert_cmpint (category_id ("Paving"), >, 0);
  catalog_screenshot ("admin-products-categories");

  /* An unused one goes; a new one comes; a rename sticks. */
  bjb_ui_test_assert_wait (categories_are, GUINT_TO_POINTER (3), 10000);
  g_assert_true (bjb_category_editor_select (editor, category_id ("Kosong")));
  activate (editor, "categories.remove", NULL);
  bjb_ui_test_assert_wait (editor_idle, editor, 10000);
  g_assert_null (bjb_category_editor_get_error (editor));
  g_assert_cmpint (category_id ("Kosong"), ==, 0);
  bjb_ui_test_assert_wait (categories_are, GUINT_TO_POINTER (2), 10000);

  gtk_editable_set_text (bjb_category_editor_get_entry (editor, "add"), "Genteng");
  activate (editor, "categories.add", NULL);
  bjb_ui_test_assert_wait (editor_idle, editor, 10000);
  g_assert_null (bjb_category_editor_get_error (editor));
  bjb_ui_test_assert_wait (categories_are, GUINT_TO_POINTER (3), 10000);

  g_assert_true (bjb_category_editor_select (editor, category_id ("Genteng")));
  gtk_editable_set_text (bjb_category_editor_get_entry (editor, "rename"), "Genteng Beton");
  activate (editor, "categories.rename", NULL);
  bjb_ui_test_assert_wait (editor_idle, editor, 10000);
  g_assert_null (bjb_category_editor_get_error (editor));
  g_assert_cmpint (category_id ("Genteng Beton"), >, 0);
  activate (editor, "categories.close", NULL);
  g_assert_cmpstr (bjb_products_page_get_visible_pane (cf.products), ==, "empty");
}

static gboolean
loaded_at_least (gpointer n)
{
  BjbPagedQueryModel *model = bjb_products_page_get_list_model (cf.products);

  return catalog_model_settled (model) &&
         bjb_paged_query_model_get_n_loaded (model) >= GPOINTER_TO_UINT (n);
}

/* More products than a page: the rows after the first page come as the view scrolls,
 * from the same answer, after a new search too (the model's rows outlive the answers). */
static void
test_paging (void)
{
  BjbPagedQueryModel *model = bjb_products_page_get_list_model (cf.products);
  g_autoptr(GObject) beyond = NULL;

  bjb_ui_test_sql ("INSERT INTO bjb.product (category_id, name, unit, price, stock)"
                   " SELECT (SELECT id FROM bjb.category WHERE name = 'Batako'),"
                   "        'Zz Paging ' || to_char(g, 'FM000'), 'pcs', 1000, 100"
                   " FROM generate_series(1, 80) g");
  catalog_show_page ("products");
  gtk_editable_set_text (bjb_products_page_get_search_entry (cf.products), "zz");
  wait_reread ();
  gtk_editable_set_text (bjb_products_page_get_search_entry (cf.products), "zz paging");
  wait_reread ();
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (model), <, 80);
  /* Asking for a row past the loaded ones is what scrolling does. */
  beyond = g_list_model_get_item (G_LIST_MODEL (model), bjb_paged_query_model_get_n_loaded (model));
  bjb_ui_test_assert_wait (loaded_at_least, GUINT_TO_POINTER (80), 15000);
  g_assert_cmpint (bjb_paged_query_model_get_n_total (model), ==, 80);
  g_assert_cmpstr (bjb_admin_product_get_name (row (79)), ==, "Zz Paging 080");
}

static void
test_sign_out (void)
{
  cf.products = NULL;
  cf.stock = NULL;
  cf.window = NULL;
  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "catalog"))
    return 0;
  g_test_add_func ("/catalog/products/list", test_list);
  g_test_add_func ("/catalog/products/bad-input", test_bad_input);
  g_test_add_func ("/catalog/products/create-with-photo", test_create_with_photo);
  g_test_add_func ("/catalog/products/price-history", test_price_history);
  g_test_add_func ("/catalog/products/stale-edit", test_stale_edit);
  g_test_add_func ("/catalog/products/live-edit", test_live_edit);
  g_test_add_func ("/catalog/products/categories", test_categories);
  catalog_add_stock_tests ();
  g_test_add_func ("/catalog/end/paging", test_paging);
  g_test_add_func ("/catalog/end/sign-out", test_sign_out);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
