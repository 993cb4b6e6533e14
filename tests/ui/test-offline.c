/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-offline"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-cs-window.h"
#include "bjb-offline-banner.h"
#include "bjb-ui-test.h"

/* The server drops the client's connections (pg_terminate_backend, as a depot Wi-Fi drop
 * or a server restart would): the window says so, reconnects by itself, and events
 * written meanwhile arrive once. */

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
revealed_is (gpointer data)
{
  gboolean revealed = FALSE;

  g_object_get (data, "revealed", &revealed, NULL);
  return revealed == GPOINTER_TO_INT (g_object_get_data (data, "want"));
}

static gboolean
has_n_items (gpointer data)
{
  return g_list_model_get_n_items (bjb_session_get_notifications (session ())) ==
         GPOINTER_TO_UINT (data);
}

static gboolean
connected (gpointer data)
{
  return bjb_connection_get_state (bjb_session_get_connection (session ())) ==
         BJB_CONNECTION_STATE_CONNECTED;
}

static gboolean
gave_up (gpointer data)
{
  BjbConnection *connection = bjb_session_get_connection (session ());

  return bjb_connection_get_state (connection) == BJB_CONNECTION_STATE_DISCONNECTED &&
         bjb_connection_get_error (connection) != NULL;
}

static guint
count_title (const char *title)
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
has_title (gpointer data)
{
  return count_title (data) > 0;
}

static void
wait_banner (GtkWidget *banner,
             gboolean   revealed)
{
  g_object_set_data (G_OBJECT (banner), "want", GINT_TO_POINTER (revealed));
  g_assert_true (bjb_ui_test_wait (revealed_is, banner, 20000));
}

static void
test_connection_killed (void)
{
  g_autoptr(BjbNotification) newest = NULL;
  g_autofree char *killed = NULL;
  GtkWindow *window;
  GtkWidget *banner;
  GtkWidget *title;
  GtkWidget *detail;

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  banner = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "offline_banner");
  title = bjb_ui_test_child (banner, BJB_TYPE_OFFLINE_BANNER, "title_label");
  detail = bjb_ui_test_child (banner, BJB_TYPE_OFFLINE_BANNER, "detail_label");
  wait_banner (banner, FALSE);

  /* Both of the client's connections: queries and listening. Then, while it is cut off,
   * an order is placed elsewhere. */
  killed = bjb_ui_test_sql_value ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                  " WHERE usename = 't_cs'");
  g_assert_cmpstr (killed, ==, "2");
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0077\"}')");

  wait_banner (banner, TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, _("Connection lost — reconnecting…"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (detail)), "Last contact"));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "offline-banner");

  /* Back by itself, the banner goes, and the missed event arrives exactly once. */
  wait_banner (banner, FALSE);
  g_assert_true (bjb_ui_test_wait (connected, NULL, 20000));
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (1), 20000));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "offline-recovered");

  /* And live events flow again on the new listening connection. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0078\"}')");
  g_assert_true (bjb_ui_test_wait (has_n_items, GUINT_TO_POINTER (2), 20000));
  newest = g_list_model_get_item (bjb_session_get_notifications (session ()), 0);
  g_assert_cmpstr (bjb_notification_get_title (newest), ==, "New order SO-0078");

  bjb_ui_test_sign_out ();
}

static void
test_deactivated_while_signed_in (void)
{
  GtkWindow *window;
  GtkWidget *banner;
  GtkWidget *title;
  GtkWidget *sign_in;

  window = bjb_ui_test_sign_in ("t_cs2", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  banner = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "offline_banner");
  title = bjb_ui_test_child (banner, BJB_TYPE_OFFLINE_BANNER, "title_label");
  sign_in = bjb_ui_test_child (banner, BJB_TYPE_OFFLINE_BANNER, "sign_in_button");

  /* An administrator deactivates this login: its sessions end and it cannot come back. */
  bjb_ui_test_sql ("SELECT bjb.set_staff_active('t_cs2', false)");
  wait_banner (banner, TRUE);
  g_assert_true (bjb_ui_test_wait (gave_up, NULL, 30000));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (title)), ==, _("Disconnected from the server"));
  g_assert_true (gtk_widget_get_visible (sign_in));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "offline-deactivated");

  /* Logins are cluster-wide: give it back for the other tests. */
  bjb_ui_test_sql ("SELECT bjb.set_staff_active('t_cs2', true)");
  bjb_ui_test_sign_out ();
}

static void
run_pg_ctlcluster (const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *cluster = g_getenv ("BJB_TEST_CLUSTER");
  int status = 0;
  const char *argv[] = { "pg_ctlcluster", "15", cluster ? cluster : "regress", command,
                         "-m", "fast", NULL };

  /* pg_virtualenv's cluster is 15/regress; another harness may say otherwise. */
  if (g_strcmp0 (command, "start") == 0)
    argv[4] = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("pg_ctlcluster %s: %s%s", command, out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
button_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

static void
test_server_restart (void)
{
  GtkWindow *window;
  GtkWidget *banner;
  GtkWidget *try_now;

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  banner = bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW, "offline_banner");

  /* The server stops (pg_ctl waits until it is down): the client says so… */
  run_pg_ctlcluster ("stop");
  wait_banner (banner, TRUE);
  bjb_ui_test_screenshot (GTK_WIDGET (window), "offline-server-stopped");

  /* …and offers to try again at once rather than at the next attempt. */
  try_now = bjb_ui_test_child (banner, BJB_TYPE_OFFLINE_BANNER, "try_now_button");
  g_assert_true (bjb_ui_test_wait (button_visible, try_now, 10000));

  /* Once it is started again, "Try now" finds it at once (issue 8 #9); on its own the
   * client would come back too, within the capped backoff. */
  run_pg_ctlcluster ("start");
  g_assert_true (gtk_widget_activate_action (banner, "banner.try-now", NULL));
  g_assert_true (bjb_ui_test_wait (connected, NULL, 3000));
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0099\"}')");
  wait_banner (banner, FALSE);
  g_assert_true (bjb_ui_test_wait (has_title, (gpointer)"New order SO-0099", 30000));
  g_assert_cmpuint (count_title ("New order SO-0099"), ==, 1);

  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "offline"))
    return 0;

  g_test_add_func ("/offline/connection-killed", test_connection_killed);
  g_test_add_func ("/offline/deactivated", test_deactivated_while_signed_in);
  g_test_add_func ("/offline/server-restart", test_server_restart);

  ret = g_test_run ();
  bjb_ui_test_finish ();

  return ret;
}
