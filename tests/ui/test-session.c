/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-session"

#include "config.h"

#include <libpq-fe.h>

#include "bjb-admin-window.h"
#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-notification-button.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"

/* What a sign-in starts besides the window: the sign-in is recorded for the admin's staff
 * list, the first-run event cursor misses nothing a transaction still open at that moment
 * commits later, and a listener whose first connection is refused keeps trying. */

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

static guint
count_titled (const char *title)
{
  GListModel *list = bjb_session_get_notifications (session ());
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BjbNotification) item = g_list_model_get_item (list, i);

      if (g_strcmp0 (bjb_notification_get_title (item), title) == 0)
        n++;
    }
  return n;
}

static gboolean
has_titled (gpointer data)
{
  return count_titled (data) > 0;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gboolean
sign_in_count_is (gpointer data)
{
  const char *const *login_count = data;
  g_autofree char *sql = g_strdup_printf ("SELECT count FROM bjb.staff_sign_in WHERE login = '%s'",
                                          login_count[0]);
  g_autofree char *count = bjb_ui_test_sql_value (sql);

  return g_strcmp0 (count, login_count[1]) == 0;
}

/* A first run on this machine for every login signed in from now on. */
static void
forget_seen_events (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "last-seen-events");
}

static void
test_sign_in_recorded (void)
{
  const struct { const char *login; GType window; } staff[] = {
    { "t_cs", BJB_TYPE_CS_WINDOW },
    { "t_courier", BJB_TYPE_COURIER_WINDOW },
    { "t_admin", BJB_TYPE_ADMIN_WINDOW },
  };

  bjb_ui_test_sql ("DELETE FROM bjb.staff_sign_in");
  for (guint i = 0; i < G_N_ELEMENTS (staff); i++)
    {
      const char *once[] = { staff[i].login, "1" };
      const char *twice[] = { staff[i].login, "2" };

      g_assert_nonnull (bjb_ui_test_sign_in (staff[i].login, staff[i].window));
      bjb_ui_test_assert_wait (sign_in_count_is, once, 10000);
      bjb_ui_test_sign_out ();
      g_assert_nonnull (bjb_ui_test_sign_in (staff[i].login, staff[i].window));
      bjb_ui_test_assert_wait (sign_in_count_is, twice, 10000);
      bjb_ui_test_sign_out ();
    }
}

static void
on_desktop_notification (guint *count)
{
  (*count)++;
}

static PGconn *
connect_superuser (void)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { bjb_ui_test_get_dbname (), NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, FALSE);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

static void
exec_ok (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
  PQclear (result);
}

/* A lower event id still uncommitted while a higher one is read into the list: the first-
 * run cursor must not jump past it. It arrives once, after its commit, and the higher one
 * (already in the list) does not pop up again. */
static void
test_first_run_open_transaction (void)
{
  PGconn *holder = connect_superuser ();
  GtkMenuButton *menu_button;
  GtkWidget *button;
  GtkWindow *window;
  guint desktop = 0;

  forget_seen_events ();
  exec_ok (holder, "BEGIN; INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0700\"}')");
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0701\"}')");

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_signal_connect_swapped (session (), "notify::last-desktop-notification-id",
                            G_CALLBACK (on_desktop_notification), &desktop);
  bjb_ui_test_assert_wait (listening, NULL, 20000);
  bjb_ui_test_assert_wait (has_titled, (gpointer)"New order SO-0701", 5000);
  g_assert_cmpuint (count_titled ("New order SO-0700"), ==, 0);

  exec_ok (holder, "COMMIT");
  bjb_ui_test_assert_wait (has_titled, (gpointer)"New order SO-0700", 10000);
  /* Give a repeat the time to show up (the listener polls at most every second). */
  g_assert_false (bjb_ui_test_wait (never, NULL, 1500));
  g_assert_cmpuint (count_titled ("New order SO-0700"), ==, 1);
  g_assert_cmpuint (count_titled ("New order SO-0701"), ==, 1);
  g_assert_cmpuint (desktop, ==, 1);

  /* How the list reads with one of 0008's kinds in it. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('delivery_problem', 'cs', '{\"number\": \"SO-0702\","
                   " \"courier\": \"t_courier\", \"label\": \"Alamat tidak ditemukan\","
                   " \"note\": \"pagar terkunci\"}')");
  bjb_ui_test_assert_wait (has_titled, (gpointer)"Order SO-0702 could not be delivered", 10000);
  button = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "notification_button");
  menu_button = GTK_MENU_BUTTON (bjb_ui_test_child (button, BJB_TYPE_NOTIFICATION_BUTTON,
                                                    "menu_button"));
  gtk_menu_button_popup (menu_button);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)));
  bjb_ui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (menu_button)),
                          "session-first-run-notifications");
  gtk_menu_button_popdown (menu_button);
  /* Let the popover's surface go before the window does (sign-out right after). */
  bjb_ui_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_false (bjb_ui_test_wait (never, NULL, 300));

  g_signal_handlers_disconnect_by_data (session (), &desktop);
  bjb_ui_test_sign_out ();
  PQfinish (holder);
}

/* The listening connection is the second of the login: with one allowed it is refused at
 * sign-in, and live notifications start once the server takes it. */
static void
test_listener_first_start_retried (void)
{
  g_assert_nonnull (bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW));
  bjb_ui_test_assert_wait (listening, NULL, 20000);
  bjb_ui_test_sign_out ();

  bjb_ui_test_sql ("ALTER ROLE t_cs CONNECTION LIMIT 1");
  g_assert_nonnull (bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW));
  g_assert_false (bjb_ui_test_wait (listening, NULL, 2000));

  bjb_ui_test_sql ("ALTER ROLE t_cs CONNECTION LIMIT -1");
  bjb_ui_test_assert_wait (listening, NULL, 10000);
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0710\"}')");
  bjb_ui_test_assert_wait (has_titled, (gpointer)"New order SO-0710", 10000);

  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "session"))
    return 0;

  /* Roles are the cluster's: a limit left by an earlier run that stopped half-way goes. */
  bjb_ui_test_sql ("ALTER ROLE t_cs CONNECTION LIMIT -1");
  g_test_add_func ("/session/first-run-open-transaction", test_first_run_open_transaction);
  g_test_add_func ("/session/sign-in-recorded", test_sign_in_recorded);
  g_test_add_func ("/session/listener-first-start-retried", test_listener_first_start_retried);

  ret = g_test_run ();
  bjb_ui_test_sql ("ALTER ROLE t_cs CONNECTION LIMIT -1");
  bjb_ui_test_finish ();

  return ret;
}
