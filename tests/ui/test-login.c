/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-login"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-login-window.h"
#include "bjb-password-store.h"
#include "bjb-ui-test.h"

/* Every way of failing to sign in shows its own sentence; cancelling works; the right
 * password opens the window. */

static const char *
pg_host (void)
{
  return g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
}

static const char *
pg_port (void)
{
  return g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
}

static gboolean
idle_with_error (gpointer data)
{
  return !bjb_login_window_get_busy (data) && bjb_login_window_get_error_message (data) != NULL;
}

static GtkWindow *
login_window (void)
{
  GtkWindow *window = bjb_application_get_login_window (bjb_ui_test_get_app ());

  gtk_window_present (window);
  return window;
}

/* Fills the form, presses Sign In, waits for the verdict and returns the sentence. */
static const char *
try_sign_in (const char *port,
             const char *dbname,
             const char *login,
             const char *password,
             const char *screenshot)
{
  GtkWindow *window = login_window ();

  gtk_window_present (window);
  bjb_ui_test_fill_login (window, pg_host (), port, dbname, login, password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.connect", NULL));
  g_assert_true (bjb_login_window_get_busy (BJB_LOGIN_WINDOW (window)));
  g_assert_true (bjb_ui_test_wait (idle_with_error, window, 20000));
  g_assert_null (bjb_application_get_session (bjb_ui_test_get_app ()));

  bjb_ui_test_screenshot (GTK_WIDGET (window), screenshot);

  /* What the label shows is what the window reports. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW,
                                                                     "error_label"))),
                   ==, bjb_login_window_get_error_message (BJB_LOGIN_WINDOW (window)));

  return bjb_login_window_get_error_message (BJB_LOGIN_WINDOW (window));
}

static void
test_wrong_password (void)
{
  const char *message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_cs",
                                     "not-the-password", "login-wrong-password");

  g_assert_cmpstr (message, ==, _("The login or password is wrong. Check both and try again."));
}

static void
test_unreachable (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *port = NULL;
  g_autofree char *expected = NULL;
  const char *message;

  /* A port nobody listens on: bind one, read its number, close it. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, NULL);
  port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));
  g_socket_close (socket, NULL);

  message = try_sign_in (port, bjb_ui_test_get_dbname (), "t_cs", bjb_ui_test_get_password (),
                         "login-unreachable");

  expected = g_strdup_printf (_("The server %s, port %u, cannot be reached. Check the network "
                                "and the server address, and that the database server is running."),
                              pg_host (), (guint)g_ascii_strtoull (port, NULL, 10));
  g_assert_cmpstr (message, ==, expected);
}

static void
test_missing_database (void)
{
  g_autofree char *expected = NULL;
  const char *message;

  message = try_sign_in (pg_port (), "bjb_no_such_database", "t_cs", bjb_ui_test_get_password (),
                         "login-missing-database");

  expected = g_strdup_printf (_("The server has no database called “%s”. Check the database name "
                                "in the server profile."), "bjb_no_such_database");
  g_assert_cmpstr (message, ==, expected);
}

static void
test_not_staff (void)
{
  const char *message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_nobody",
                                     bjb_ui_test_get_password (), "login-not-staff");

  g_assert_cmpstr (message, ==,
                   _("This login is not a staff account of the back office. Ask an "
                     "administrator to give it the admin, customer service or courier role."));
}

static void
test_deactivated (void)
{
  const char *message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_inactive",
                                     bjb_ui_test_get_password (), "login-deactivated");

  g_assert_cmpstr (message, ==,
                   _("This staff account has been deactivated. Ask an administrator to "
                     "activate it again."));
}

static void
test_worker_is_not_staff (void)
{
  const char *message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_worker",
                                     bjb_ui_test_get_password (), "login-worker");

  g_assert_cmpstr (message, ==,
                   _("This login is not a staff account of the back office. Ask an "
                     "administrator to give it the admin, customer service or courier role."));
}

static void
test_schema_too_new (void)
{
  const char *message;

  /* As if a newer barokah-admin migrate had run. */
  bjb_ui_test_sql ("INSERT INTO bjb.schema_migration (version, name) VALUES (999, '0999_future')");
  message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_cs",
                         bjb_ui_test_get_password (), "login-schema-too-new");
  bjb_ui_test_sql ("DELETE FROM bjb.schema_migration WHERE version = 999");

  g_assert_nonnull (strstr (message, "barokah-admin migrate"));
  g_assert_nonnull (strstr (message, "999"));
}

static void
test_schema_too_old (void)
{
  g_autofree char *latest = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  const char *message;

  /* As if the newest migration had not been run yet. */
  latest = bjb_ui_test_sql_value ("SELECT max(version) FROM bjb.schema_migration");
  name = bjb_ui_test_sql_value ("SELECT name FROM bjb.schema_migration"
                                " ORDER BY version DESC LIMIT 1");
  bjb_ui_test_sql ("DELETE FROM bjb.schema_migration"
                   " WHERE version = (SELECT max(version) FROM bjb.schema_migration)");
  message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_cs",
                         bjb_ui_test_get_password (), "login-schema-too-old");
  sql = g_strdup_printf ("INSERT INTO bjb.schema_migration (version, name) VALUES (%s, '%s')",
                         latest, name);
  bjb_ui_test_sql (sql);

  g_assert_nonnull (strstr (message, "barokah-admin migrate"));
  g_assert_nonnull (strstr (message, "older"));
}

static void
test_tls_rejected (void)
{
  GSettings *settings = bjb_application_get_settings (bjb_ui_test_get_app ());
  g_autoptr(BjbServerProfile) profile = NULL;
  GVariant *profiles[1];
  const char *message;
  guint64 port = g_ascii_strtoull (pg_port (), NULL, 10);

  /* A profile that insists on a certificate signed by the system CAs, which the test
   * server's (if it has TLS at all) is not. Stored as a profile, then a new login window. */
  profile = bjb_server_profile_new ("Strict", pg_host (), port, bjb_ui_test_get_dbname (),
                                    "verify-full", "/etc/ssl/certs/ca-certificates.crt");
  profiles[0] = bjb_server_profile_to_variant (profile);
  g_settings_set_value (settings, "profiles",
                        g_variant_new_array (G_VARIANT_TYPE ("(ssqsss)"), profiles, 1));
  g_settings_set_string (settings, "last-profile", "Strict");
  gtk_window_destroy (bjb_application_get_login_window (bjb_ui_test_get_app ()));

  message = try_sign_in (pg_port (), bjb_ui_test_get_dbname (), "t_cs",
                         bjb_ui_test_get_password (), "login-tls-rejected");
  g_assert_cmpstr (message, ==,
                   _("The secure connection was rejected: the server certificate is not "
                     "trusted, or the server does not use TLS as this profile asks. Check the "
                     "TLS mode and the certificate authority file."));

  /* Back to a plain profile for the tests after this one. */
  g_settings_reset (settings, "profiles");
  g_settings_reset (settings, "last-profile");
  gtk_window_destroy (bjb_application_get_login_window (bjb_ui_test_get_app ()));
}

static gboolean
not_busy (gpointer data)
{
  return !bjb_login_window_get_busy (data);
}

/* Escape cancels signing in: a shortcut declared in the window's .ui. */
static gboolean
has_shortcut (GtkWidget  *widget,
              const char *trigger,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger_text =
            gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          g_autofree char *action_text =
            gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

          if (g_strcmp0 (trigger_text, trigger) == 0 && g_strcmp0 (action_text, action) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Issue 8 #8: the first start on a machine that knows its server (PGHOST, as the demo
 * sets it) asks for the login and password only; with nothing known the server details
 * are open. */
static void
test_first_run (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  GSettings *settings = bjb_application_get_settings (app);
  g_autofree char *host = g_strdup (g_getenv ("PGHOST"));
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "profiles");
  GtkWindow *window;
  GtkWidget *server_row;

  g_settings_reset (settings, "profiles");
  g_setenv ("PGHOST", "127.0.0.1", TRUE);
  window = GTK_WINDOW (bjb_login_window_new (app));
  gtk_window_present (window);
  server_row = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "server_row");
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (server_row)));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "login-first-run");
  gtk_window_destroy (window);

  g_unsetenv ("PGHOST");
  window = GTK_WINDOW (bjb_login_window_new (app));
  server_row = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "server_row");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (server_row)));
  gtk_window_destroy (window);

  if (host != NULL)
    g_setenv ("PGHOST", host, TRUE);
  g_settings_set_value (settings, "profiles", saved);
}

static void
test_cancel (void)
{
  GtkWindow *window = login_window ();
  GtkWidget *cancel = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "cancel_button");
  GtkWidget *spinner = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "spinner");
  GtkWidget *status = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "status_label");

  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autofree char *port = NULL;

  /* A server that accepts the connection and then never says a word: the attempt hangs
   * until cancelled. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  address = g_inet_socket_address_new (loopback, 0);
  g_assert_true (g_socket_bind (socket, address, FALSE, NULL));
  g_assert_true (g_socket_listen (socket, NULL));
  g_clear_object (&address);
  address = g_socket_get_local_address (socket, NULL);
  port = g_strdup_printf ("%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (address)));

  bjb_ui_test_fill_login (window, "127.0.0.1", port, "barokah", "t_cs", "x");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.connect", NULL));
  g_assert_true (bjb_login_window_get_busy (BJB_LOGIN_WINDOW (window)));
  g_assert_true (gtk_widget_get_visible (cancel));
  g_assert_true (gtk_widget_get_visible (spinner));
  bjb_ui_test_screenshot (GTK_WIDGET (window), "login-connecting");

  g_assert_true (has_shortcut (GTK_WIDGET (window), "Escape", "action(login.cancel)"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.cancel", NULL));
  g_assert_true (bjb_ui_test_wait (not_busy, window, 5000));
  g_assert_false (gtk_widget_get_visible (cancel));
  g_assert_false (gtk_widget_get_visible (spinner));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (status)), ==, _("Sign-in cancelled."));
  g_assert_null (bjb_application_get_session (bjb_ui_test_get_app ()));
  g_socket_close (socket, NULL);
}

static void
test_success (void)
{
  GtkWindow *window;
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *printed = NULL;

  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_nonnull (bjb_application_get_session (bjb_ui_test_get_app ()));
  /* The login window is gone once signed in. */
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_LOGIN_WINDOW));

  /* The profile and the login are remembered; the password is not. */
  profiles = g_settings_get_value (bjb_application_get_settings (bjb_ui_test_get_app ()),
                                   "profiles");
  g_assert_cmpuint (g_variant_n_children (profiles), >=, 1);
  g_assert_cmpstr (g_settings_get_string (bjb_application_get_settings (bjb_ui_test_get_app ()),
                                          "last-login"), ==, "t_cs");
  printed = g_variant_print (profiles, FALSE);
  g_assert_null (strstr (printed, bjb_ui_test_get_password ()));

  bjb_ui_test_sign_out ();
  g_assert_nonnull (bjb_ui_test_find_window (BJB_TYPE_LOGIN_WINDOW));
  g_assert_null (bjb_ui_test_find_window (BJB_TYPE_CS_WINDOW));
}

static gboolean
password_filled (gpointer data)
{
  GtkWindow *window = bjb_application_get_login_window (bjb_ui_test_get_app ());

  return *gtk_editable_get_text (GTK_EDITABLE (bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW,
                                                                  "password_row"))) != '\0';
}

typedef struct
{
  gboolean done;
  char *password;
} Lookup;

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;

  lookup->password = bjb_password_store_lookup_finish (result, NULL);
  lookup->done = TRUE;
}

static gboolean
lookup_done (gpointer data)
{
  return ((Lookup *)data)->done;
}

/* The keyring write is asynchronous: wait until the item is there. */
static gboolean
keyring_has_password (const char *login)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      Lookup lookup = { FALSE, NULL };
      gboolean found;

      bjb_password_store_lookup_async (_("Office server"), login, NULL, lookup_cb, &lookup);
      g_assert_true (bjb_ui_test_wait (lookup_done, &lookup, 10000));
      found = g_strcmp0 (lookup.password, bjb_ui_test_get_password ()) == 0;
      g_free (lookup.password);
      if (found)
        return TRUE;
    }

  return FALSE;
}

static void
test_remember_password (void)
{
  GtkWindow *window = login_window ();
  GtkWindow *next;
  GtkWidget *remember = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "remember_switch");
  g_autoptr(GVariant) profiles = NULL;
  g_autofree char *printed = NULL;
  GtkWidget *password;

  /* Remembered in the keyring (build-aux/test runs an unlocked gnome-keyring)… */
  gtk_switch_set_active (GTK_SWITCH (remember), TRUE);
  /* This window goes away with the sign-in; the next one is new. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  g_assert_nonnull (bjb_ui_test_sign_in ("t_courier", BJB_TYPE_COURIER_WINDOW));
  g_assert_true (keyring_has_password ("t_courier"));
  bjb_ui_test_sign_out ();

  /* …and filled in by the next login window for the same login and profile. */
  g_assert_null (window);
  next = login_window ();
  password = bjb_ui_test_child (next, BJB_TYPE_LOGIN_WINDOW, "password_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_ui_test_child (next,
                                                                          BJB_TYPE_LOGIN_WINDOW,
                                                                          "login_row"))),
                   ==, "t_courier");
  g_assert_true (bjb_ui_test_wait (password_filled, NULL, 10000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (password)), ==,
                   bjb_ui_test_get_password ());
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (bjb_ui_test_child (next, BJB_TYPE_LOGIN_WINDOW,
                                                                       "remember_switch"))));

  /* Never in a settings file. */
  profiles = g_settings_get_value (bjb_application_get_settings (bjb_ui_test_get_app ()),
                                   "profiles");
  printed = g_variant_print (profiles, FALSE);
  g_assert_null (strstr (printed, bjb_ui_test_get_password ()));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "login"))
    return 0;

  g_test_add_func ("/login/wrong-password", test_wrong_password);
  g_test_add_func ("/login/unreachable", test_unreachable);
  g_test_add_func ("/login/missing-database", test_missing_database);
  g_test_add_func ("/login/not-staff", test_not_staff);
  g_test_add_func ("/login/deactivated", test_deactivated);
  g_test_add_func ("/login/worker", test_worker_is_not_staff);
  g_test_add_func ("/login/schema-too-new", test_schema_too_new);
  g_test_add_func ("/login/schema-too-old", test_schema_too_old);
  g_test_add_func ("/login/tls-rejected", test_tls_rejected);
  g_test_add_func ("/login/cancel", test_cancel);
  g_test_add_func ("/login/first-run", test_first_run);
  g_test_add_func ("/login/success", test_success);
  g_test_add_func ("/login/remember-password", test_remember_password);

  ret = g_test_run ();
  bjb_ui_test_finish ();

  return ret;
}
