/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-notifications"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-window.h"
#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-notification-button.h"
#include "bjb-ui-test.h"

/* Events written by another connection reach the signed-in staff member: a desktop
 * notification through a real notification server and the bell's list, with read state
 * kept per staff member in the database, and nothing shown twice after signing in again. */

static BjbSession *
session (void)
{
  return bjb_application_get_session (bjb_ui_test_get_app ());
}

static gboolean
listening (gpointer data)
{
  return session () != NULL && bjb_session_get_listening (session ());
}

static gboolean
has_n_items (gpointer data)
{
  return g_list_model_get_n_items (bjb_session_get_notifications (session ())) ==
         GPOINTER_TO_UINT (data);
}

static gboolean
desktop_notified (gpointer data)
{
  return bjb_session_get_last_desktop_notification_id (session ()) > 0;
}

static gboolean
read_rows_are (gpointer data)
{
  g_autofree char *count = bjb_ui_test_sql_value ("SELECT count(*) FROM bjb.notification_read"
                                                  " WHERE login = 't_cs'");

  return g_strcmp0 (count, data) == 0;
}

static BjbNotification *
item (guint position)
{
  return g_list_model_get_item (bjb_session_get_notifications (session ()), position);
}

static void
test_cs_notifications (void)
{
  g_autofree char *server = NULL;
  g_autoptr(BjbNotification) newest = NULL;
  g_autoptr(BjbNotification) older = NULL;
  GtkWindow *window;
  GtkWidget *button;
  GtkWidget *badge;
  GtkMenuButton *menu_button;
  GtkWidget *list_view;
  GtkPopover *popover;

  /* A real notification server on the session bus (dunst in build-aux/test). */
  server = bjb_ui_test_get_notification_server ();
  g_assert_nonnull (server);
  g_test_message ("notification server: %s", server);

  /* Happened before this staff member ever signed in here: listed, not popped up. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('payment_proof_attached', 'cs', '{\"number\": \"SO-0041\"}')");

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (1), 5000));
  g_assert_cmpint (bjb_session_get_last_desktop_notification_id (session ()), ==, 0);

  /* Another connection places an order for cs, and raises a stock alert for admins only. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('stock_low', 'admin', '{\"name\": \"Paving K-300\"}')");
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs',"
                   " '{\"number\": \"SO-0042\", \"customer_name\": \"Ibu Sari\", \"total\": 1250000}')");

  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (2), 10000));
  g_assert_true (bjb_ui_test_wait (desktop_notified, NULL, 10000));
  g_assert_cmpuint (bjb_session_get_unread_count (session ()), ==, 2);

  newest = item (0);
  older = item (1);
  g_assert_cmpstr (bjb_notification_get_title (newest), ==, "New order SO-0042");
  g_assert_cmpstr (bjb_notification_get_body (newest), ==, "Ibu Sari · Rp 1.250.000");
  g_assert_cmpstr (bjb_notification_get_title (older), ==,
                   "Payment proof received for order SO-0041");

  /* The bell shows the count; its popover lists them. */
  button = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "notification_button");
  badge = bjb_ui_test_child (button, BJB_TYPE_NOTIFICATION_BUTTON, "badge_label");
  menu_button = GTK_MENU_BUTTON (bjb_ui_test_child (button, BJB_TYPE_NOTIFICATION_BUTTON,
                                                    "menu_button"));
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "2");

  gtk_menu_button_popup (menu_button);
  popover = gtk_menu_button_get_popover (menu_button);
  bjb_ui_test_screenshot (GTK_WIDGET (window), "notifications-unread-window");
  bjb_ui_test_screenshot (GTK_WIDGET (popover), "notifications-unread");

  /* Mark all read: gone from the badge, and kept in the database for this login. */
  g_assert_true (gtk_widget_activate_action (button, "notifications.mark-all-read", NULL));
  g_assert_cmpuint (bjb_session_get_unread_count (session ()), ==, 0);
  g_assert_false (gtk_widget_get_visible (badge));
  g_assert_true (bjb_ui_test_wait (read_rows_are, (gpointer)"2", 10000));
  bjb_ui_test_screenshot (GTK_WIDGET (popover), "notifications-read");
  gtk_menu_button_popdown (menu_button);

  /* Signing in again shows the same two, read, and pops nothing up again. */
  bjb_ui_test_sign_out ();
  g_clear_object (&newest);
  g_clear_object (&older);
  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (2), 5000));
  g_assert_cmpuint (bjb_session_get_unread_count (session ()), ==, 0);
  g_assert_cmpint (bjb_session_get_last_desktop_notification_id (session ()), ==, 0);

  /* Missed while signed out: caught up on sign-in exactly once. */
  bjb_ui_test_sign_out ();
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('payment_confirmed', 'cs', '{\"number\": \"SO-0042\"}')");
  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (3), 5000));
  g_assert_true (bjb_ui_test_wait (desktop_notified, NULL, 10000));
  g_assert_cmpuint (bjb_session_get_unread_count (session ()), ==, 1);
  newest = item (0);
  g_assert_cmpstr (bjb_notification_get_title (newest), ==, "Payment confirmed for order SO-0042");

  /* Clicking the row reads it (and opens its order). */
  button = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "notification_button");
  list_view = bjb_ui_test_child (button, BJB_TYPE_NOTIFICATION_BUTTON, "list_view");
  menu_button = GTK_MENU_BUTTON (bjb_ui_test_child (button, BJB_TYPE_NOTIFICATION_BUTTON,
                                                    "menu_button"));
  gtk_menu_button_popup (menu_button);
  bjb_ui_test_wait_for_frame (list_view);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  g_assert_true (bjb_notification_get_read (newest));
  g_assert_cmpuint (bjb_session_get_unread_count (session ()), ==, 0);
  g_assert_true (bjb_ui_test_wait (read_rows_are, (gpointer)"3", 10000));

  bjb_ui_test_sign_out ();
}

static void
test_courier_sees_only_own (void)
{
  GtkWindow *window;
  g_autoptr(BjbNotification) newest = NULL;

  window = bjb_ui_test_sign_in ("t_courier", BJB_TYPE_COURIER_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));

  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_login, details)"
                   " VALUES ('order_shipped', 't_courier2', '{\"number\": \"SO-0050\"}')");
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_login, details)"
                   " VALUES ('order_shipped', 't_courier', '{\"number\": \"SO-0051\"}')");
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (1), 10000));
  newest = item (0);
  g_assert_cmpstr (bjb_notification_get_title (newest), ==, "Order SO-0051 is yours to deliver");
  bjb_ui_test_screenshot (GTK_WIDGET (window), "notifications-courier");

  bjb_ui_test_sign_out ();
}

static void
test_admin_sees_own_audience (void)
{
  g_autoptr(BjbNotification) newest = NULL;
  GtkWindow *window;
  guint before;

  window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  before = g_list_model_get_n_items (bjb_session_get_notifications (session ()));

  /* Admins may read every event, but only theirs notify: the cs one (committed first, so
   * delivered first) never shows. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0060\"}')");
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('stock_low', 'admin', '{\"name\": \"Batako Press\"}')");
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (before + 1), 10000));
  newest = item (0);
  g_assert_cmpstr (bjb_notification_get_title (newest), ==, "Stock is running low: Batako Press");

  bjb_ui_test_sign_out ();
}

static BjbNotification *
word (const char *kind,
      const char *role,
      const char *details)
{
  g_autoptr(BjbEvent) event = g_object_new (BJB_TYPE_EVENT, "id", (gint64)1, "kind", kind,
                                            "order-id", (gint64)7, "details", details, NULL);

  return bjb_notification_new_from_event (event, role, FALSE);
}

/* Every kind the server emits has its own sentence, never the generic "Event …". */
static void
test_wording (void)
{
  const struct { const char *kind, *role, *details, *title, *body; } cases[] = {
    { "order_expired", "cs", "{\"number\": \"SO-0080\"}", "Order SO-0080 expired unpaid", "" },
    { "delivery_problem", "cs",
      "{\"number\": \"SO-0081\", \"courier\": \"t_courier\", \"label\": \"Alamat tidak ditemukan\","
      " \"note\": \"pagar terkunci\", \"reason\": \"address\"}",
      "Order SO-0081 could not be delivered", "t_courier · Alamat tidak ditemukan · pagar terkunci" },
    { "delivery_problem", "cs", "{\"number\": \"SO-0081\", \"courier\": \"t_courier\", \"note\": null}",
      "Order SO-0081 could not be delivered", "t_courier" },
    { "delivery_problem", "cs",
      "{\"number\": \"SO-0081\", \"courier\": \"t_courier\", \"courier_name\": \"Pak Joko\","
      " \"label\": \"Alamat tidak ditemukan\", \"note\": null}",
      "Order SO-0081 could not be delivered", "Pak Joko · Alamat tidak ditemukan" },
    { "delivery_reassigned", "courier", "{\"number\": \"SO-0082\", \"to\": \"t_courier2\"}",
      "Order SO-0082 was given to another courier", "" },
    { "delivery_proof_kept", "cs", "{\"number\": \"SO-0083\", \"photo_id\": 5}",
      "Delivery photo received for order SO-0083", "" },
    { "delivery_note_changed", "courier", "{\"number\": \"SO-0084\"}",
      "Delivery note changed for order SO-0084", "" },
    { "order_placed", "cs", "{\"number\": \"SO-0085\", \"customer_name\": \"Ibu Sari\", \"total\": 1250000}",
      "New order SO-0085", "Ibu Sari · Rp 1.250.000" },
    { "order_cancelled", "courier", "{}", "Order #7 cancelled", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(BjbNotification) notification = word (cases[i].kind, cases[i].role,
                                                      cases[i].details);

      g_assert_cmpstr (bjb_notification_get_title (notification), ==, cases[i].title);
      g_assert_cmpstr (bjb_notification_get_body (notification), ==, cases[i].body);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "notifications"))
    return 0;

  g_test_add_func ("/notifications/wording", test_wording);
  g_test_add_func ("/notifications/cs", test_cs_notifications);
  g_test_add_func ("/notifications/courier", test_courier_sees_only_own);
  g_test_add_func ("/notifications/admin", test_admin_sees_own_audience);

  ret = g_test_run ();
  bjb_ui_test_finish ();

  return ret;
}
