/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-windows"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-window.h"
#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-customer-detail.h"
#include "bjb-customers-page.h"
#include "bjb-order-detail.h"
#include "bjb-ui-test.h"

/* Each role reaches its own window, with the staff member's name and role in the header;
 * only admins can open the other roles' windows. */

/* A page that records what its window hands it, to check the BjbPage contract. */
#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GtkWidget)

struct _TestPage
{
  GtkWidget parent_instance;

  BjbSession *session;
  GPtrArray *events;
};

static guint n_pages_forgotten;

static void test_page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestPage, test_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, test_page_iface_init))

static void
test_page_set_session (BjbPage    *page,
                       BjbSession *session)
{
  TestPage *self = TEST_PAGE (page);

  if (session == NULL && self->session != NULL)
    n_pages_forgotten++;
  g_set_object (&self->session, session);
}

static void
test_page_event_received (BjbPage  *page,
                          BjbEvent *event)
{
  g_ptr_array_add (TEST_PAGE (page)->events, g_object_ref (event));
}

static void
test_page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = test_page_set_session;
  iface->event_received = test_page_event_received;
}

static void
test_page_dispose (GObject *object)
{
  g_clear_object (&TEST_PAGE (object)->session);
  G_OBJECT_CLASS (test_page_parent_class)->dispose (object);
}

static void
test_page_finalize (GObject *object)
{
  g_ptr_array_unref (TEST_PAGE (object)->events);
  G_OBJECT_CLASS (test_page_parent_class)->finalize (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = test_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = test_page_finalize;
}

static void
test_page_init (TestPage *self)
{
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
}

static gboolean
has_order_placed (gpointer data)
{
  TestPage *page = data;

  for (guint i = 0; i < page->events->len; i++)
    if (g_strcmp0 (bjb_event_get_kind (g_ptr_array_index (page->events, i)), "order_placed") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
session_listening (gpointer data)
{
  return bjb_session_get_listening (data);
}

static gboolean
label_has_text (gpointer data)
{
  return *gtk_label_get_text (GTK_LABEL (data)) != '\0';
}

static gboolean
all_null (gpointer data)
{
  gpointer **pointers = data;

  for (guint i = 0; pointers[i] != NULL; i++)
    {
      if (*pointers[i] != NULL)
        return FALSE;
    }

  return TRUE;
}

static GtkWindow *
check_role_window (const char *login,
                   GType       type,
                   const char *display_name,
                   const char *role_label,
                   const char *screenshot)
{
  GtkWindow *window = bjb_ui_test_sign_in (login, type);
  GtkWidget *name_label;
  GtkWidget *role;

  g_assert_nonnull (window);
  name_label = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "name_label");
  role = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "role_label");
  g_assert_true (bjb_ui_test_wait (label_has_text, name_label, 5000));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name_label)), ==, display_name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (role)), ==, role_label);

  bjb_ui_test_screenshot (GTK_WIDGET (window), screenshot);

  return window;
}

static void
test_admin (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  BjbSession *session;
  GtkWindow *cs;
  GtkWindow *courier;

  check_role_window ("t_admin", BJB_TYPE_ADMIN_WINDOW, "Tes Admin", _("Administrator"),
                     "window-admin");

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-window"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-window", g_variant_new_string ("cs"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-window",
                                  g_variant_new_string ("courier"));
  cs = bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW);
  courier = bjb_ui_test_find_window (BJB_TYPE_COURIER_WINDOW);
  g_assert_nonnull (cs);
  g_assert_nonnull (courier);
  bjb_ui_test_screenshot (GTK_WIDGET (cs), "window-admin-opens-cs");

  /* Signing out closes all three and frees them, and the session with its connections. */
  g_object_add_weak_pointer (G_OBJECT (cs), (gpointer *)&cs);
  g_object_add_weak_pointer (G_OBJECT (courier), (gpointer *)&courier);
  session = bjb_application_get_session (app);
  g_object_add_weak_pointer (G_OBJECT (session), (gpointer *)&session);
  bjb_ui_test_sign_out ();
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_ADMIN_WINDOW));
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW));
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_COURIER_WINDOW));
  g_assert_true (bjb_ui_test_wait (all_null, (gpointer[]) { &cs, &courier, &session, NULL }, 5000));
}

static void
test_cs (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();

  check_role_window ("t_cs", BJB_TYPE_CS_WINDOW, "Tes CS Satu", _("Customer Service"),
                     "window-cs");

  /* Not an admin: the other windows stay closed. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-window"));
  g_assert_null (bjb_application_open_role_window (app, "admin"));
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_ADMIN_WINDOW));

  bjb_ui_test_sign_out ();
}


static gboolean
detail_shows_order (gpointer data)
{
  gpointer *args = data;

  return bjb_order_detail_get_order_id (args[0]) == *(gint64 *)args[1] &&
         bjb_order_detail_get_status (args[0]) != NULL;
}

static gboolean
detail_shows_customer (gpointer data)
{
  gpointer *args = data;

  return bjb_customer_detail_get_customer_id (args[0]) == *(gint64 *)args[1] &&
         bjb_customer_detail_get_loaded (args[0]);
}

/* The desk is one window: customers, taking an order, and the orders list with the open
 * order beside it. "Open" on a notification (app.open-order) lands on that order, and a
 * report's row (app.open-customer) on that customer. */
static void
test_cs_desk (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  g_autofree char *order_text = NULL;
  g_autofree char *customer_text = NULL;
  GtkWindow *window;
  GtkWidget *stack;
  GtkWidget *detail;
  BjbCustomerDetail *customer_detail;
  gint64 order_id;
  gint64 customer_id;

  bjb_ui_test_sql ("INSERT INTO bjb.category (name) VALUES ('Paving');"
                   "INSERT INTO bjb.product (category_id, name, unit, price, stock) "
                   "  SELECT id, 'Paving Holland 6 cm', 'm²', 75000, 500 FROM bjb.category;"
                   "INSERT INTO bjb.customer (name, phone, address) "
                   "  VALUES ('Bu Sari Wulandari', '+6281298765432', 'Jl. Melati 3, Depok');");
  order_text = bjb_ui_test_sql_value (
    "SELECT bjb.place_order((SELECT id FROM bjb.customer LIMIT 1),"
    "  jsonb_build_array(jsonb_build_object('product_id', (SELECT id FROM bjb.product LIMIT 1), 'qty', 40)),"
    "  'delivery', 'Jl. Melati 3, Depok', 150000, gen_random_uuid())");
  order_id = g_ascii_strtoll (order_text, NULL, 10);
  g_assert_cmpint (order_id, >, 0);

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  stack = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "stack");
  detail = bjb_ui_test_child (window, BJB_TYPE_CS_WINDOW, "order_detail");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "customers");

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-order", g_variant_new_int64 (order_id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "orders");
  bjb_ui_test_assert_wait (detail_shows_order, ((gpointer[]) { detail, &order_id }), 5000);
  g_assert_cmpstr (bjb_order_detail_get_status (BJB_ORDER_DETAIL (detail)), ==, "pending_payment");
  bjb_ui_test_screenshot (GTK_WIDGET (window), "window-cs-order");

  /* A report's row (app.open-customer) lands on that customer's record. */
  customer_text = bjb_ui_test_sql_value ("SELECT id FROM bjb.customer LIMIT 1");
  customer_id = g_ascii_strtoll (customer_text, NULL, 10);
  customer_detail = bjb_customers_page_get_detail (
    BJB_CUSTOMERS_PAGE (bjb_ui_test_child (window, BJB_TYPE_CS_WINDOW, "customers_page")));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-customer",
                                  g_variant_new_int64 (customer_id));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==, "customers");
  bjb_ui_test_assert_wait (detail_shows_customer, ((gpointer[]) { customer_detail, &customer_id }),
                           5000);

  bjb_ui_test_sign_out ();
}

static void
test_courier (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();

  check_role_window ("t_courier", BJB_TYPE_COURIER_WINDOW, "Tes Kurir Satu", _("Courier"),
                     "window-courier");

  g_assert_null (bjb_application_open_role_window (app, "cs"));
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW));

  bjb_ui_test_sign_out ();
}

/* The window hands its session to every page, the stack's and the ones it registers, and
 * forwards each event of the listener to them; signing out takes the session back. */
static void
test_page_contract (void)
{
  BjbSession *session;
  GtkWindow *window;
  AdwViewStack *stack;
  TestPage *stacked;
  TestPage *beside;

  bjb_ui_test_sql ("INSERT INTO bjb.category (name) VALUES ('Batako');"
                   "INSERT INTO bjb.product (category_id, name, unit, price, stock) "
                   "  SELECT id, 'Batako Press', 'buah', 3500, 5000 FROM bjb.category "
                   "  WHERE name = 'Batako';"
                   "INSERT INTO bjb.customer (name, phone, address) "
                   "  VALUES ('Pak Joko Santoso', '+6281311112222', 'Jl. Kenanga 8, Bogor');");

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  session = bjb_role_window_get_session (BJB_ROLE_WINDOW (window));
  g_assert_true (session == bjb_application_get_session (bjb_ui_test_get_app ()));
  g_assert_true (bjb_ui_test_wait (session_listening, session, 20000));

  /* A page added to the stack after the session, and one beside the stack. */
  stack = bjb_role_window_get_stack (BJB_ROLE_WINDOW (window));
  stacked = g_object_new (TEST_TYPE_PAGE, NULL);
  adw_view_stack_add_titled (stack, GTK_WIDGET (stacked), "test", "Test");
  beside = g_object_new (TEST_TYPE_PAGE, NULL);
  g_object_ref_sink (beside);
  bjb_role_window_add_page (BJB_ROLE_WINDOW (window), BJB_PAGE (beside));
  g_assert_true (stacked->session == session);
  g_assert_true (beside->session == session);

  bjb_ui_test_sql ("SELECT bjb.place_order((SELECT id FROM bjb.customer WHERE name = 'Pak Joko Santoso'),"
                   "  jsonb_build_array(jsonb_build_object('product_id',"
                   "    (SELECT id FROM bjb.product WHERE name = 'Batako Press'), 'qty', 100)),"
                   "  'pickup', NULL, 0, gen_random_uuid())");
  g_assert_true (bjb_ui_test_wait (has_order_placed, stacked, 10000));
  g_assert_true (bjb_ui_test_wait (has_order_placed, beside, 10000));

  n_pages_forgotten = 0;
  bjb_ui_test_sign_out ();
  g_assert_cmpuint (n_pages_forgotten, ==, 2);
  g_assert_null (beside->session);
  g_assert_finalize_object (beside);
}

/* Each role's window keeps its own size: the desk window of an admin does not resize the
 * administration window. */
static void
test_geometry (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettings) admin_geometry = g_settings_get_child (settings, "admin-window");
  g_autoptr(GSettings) cs_geometry = g_settings_get_child (settings, "cs-window");
  GtkWindow *admin;
  GtkWindow *cs;
  int width, height;

  admin = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (admin);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-window", g_variant_new_string ("cs"));
  cs = bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (cs);

  gtk_window_set_default_size (cs, 1000, 640);
  g_assert_cmpint (g_settings_get_int (cs_geometry, "width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (cs_geometry, "height"), ==, 640);
  g_assert_cmpint (g_settings_get_int (admin_geometry, "width"), ==, 1280);
  gtk_window_get_default_size (admin, &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 720);

  bjb_ui_test_sign_out ();
  g_settings_reset (cs_geometry, "width");
  g_settings_reset (cs_geometry, "height");
}

static void
test_dark (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWindow *window;

  /* The application follows the desktop; forcing dark here shows our own CSS there. */
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);
  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "window-cs-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  bjb_ui_test_sign_out ();
}

static void
test_shortcuts (void)
{
  GtkWindow *window = bjb_application_get_login_window (bjb_ui_test_get_app ());
  g_auto(GStrv) accels = NULL;
  GtkWindow *overlay;

  /* Ctrl+? opens it, as in every GNOME application. */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (bjb_ui_test_get_app ()),
                                                  "win.show-help-overlay");
  g_assert_nonnull (accels);
  g_assert_true (g_strv_contains ((const char *const *)accels, "<Control>question"));

  gtk_window_present (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  bjb_ui_test_screenshot (GTK_WIDGET (overlay), "shortcuts");
  gtk_window_close (overlay);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "windows"))
    return 0;

  g_test_add_func ("/windows/admin", test_admin);
  g_test_add_func ("/windows/cs", test_cs);
  g_test_add_func ("/windows/cs-desk", test_cs_desk);
  g_test_add_func ("/windows/courier", test_courier);
  g_test_add_func ("/windows/page-contract", test_page_contract);
  g_test_add_func ("/windows/geometry", test_geometry);
  g_test_add_func ("/windows/dark", test_dark);
  g_test_add_func ("/windows/shortcuts", test_shortcuts);

  ret = g_test_run ();
  bjb_ui_test_finish ();

  return ret;
}
