/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-i18n"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "bjb-admin-window.h"
#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-login-window.h"
#include "bjb-ui-test.h"

/* Run with LANG=id_ID.UTF-8: every string the windows show is Indonesian, dates too. */

/* A label whose text still has a translation in our catalogue is showing English. */
static void
assert_no_english (GtkWidget *widget,
                   guint     *n_checked)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_label (GTK_LABEL (widget));
  else if (GTK_IS_WINDOW (widget))
    text = gtk_window_get_title (GTK_WINDOW (widget));

  if (text != NULL && *text != '\0')
    {
      const char *translated = g_dgettext (GETTEXT_PACKAGE, text);

      if (g_strcmp0 (translated, text) != 0)
        {
          g_test_message ("English on screen: “%s” (should be “%s”) in %s", text, translated,
                          G_OBJECT_TYPE_NAME (widget));
          g_test_fail ();
        }
      (*n_checked)++;
    }

  if (gtk_widget_get_tooltip_text (widget) != NULL)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      if (g_strcmp0 (g_dgettext (GETTEXT_PACKAGE, tooltip), tooltip) != 0)
        {
          g_test_message ("English tooltip: “%s”", tooltip);
          g_test_fail ();
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    assert_no_english (child, n_checked);
}

static gboolean
idle_with_error (gpointer data)
{
  return !bjb_login_window_get_busy (data) && bjb_login_window_get_error_message (data) != NULL;
}

static gboolean
listening (gpointer data)
{
  BjbSession *session = bjb_application_get_session (bjb_ui_test_get_app ());

  return session != NULL && bjb_session_get_listening (session);
}

static gboolean
has_items (gpointer data)
{
  BjbSession *session = bjb_application_get_session (bjb_ui_test_get_app ());

  return g_list_model_get_n_items (bjb_session_get_notifications (session)) > 0;
}

/* Issue 8 #8: the first profile's name is shown in the UI's language, even when an English
 * run stored it. */
static void
test_default_profile_name (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  GSettings *settings = bjb_application_get_settings (app);
  g_autoptr(GVariant) saved = g_settings_get_value (settings, "profiles");
  g_autoptr(BjbServerProfile) stored =
    bjb_server_profile_new ("Office server", "127.0.0.1", 5432, "barokah", "prefer", "");
  GVariantBuilder builder;
  GtkWindow *window;
  GtkWidget *name_row;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssqsss)"));
  g_variant_builder_add_value (&builder, bjb_server_profile_to_variant (stored));
  g_settings_set_value (settings, "profiles", g_variant_builder_end (&builder));

  window = GTK_WINDOW (bjb_login_window_new (app));
  name_row = bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, "name_row");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "Server kantor");
  gtk_window_destroy (window);

  g_settings_set_value (settings, "profiles", saved);
}

static void
test_indonesian (void)
{
  GtkWindow *login = bjb_application_get_login_window (bjb_ui_test_get_app ());
  g_autoptr(BjbNotification) notification = NULL;
  GtkWindow *window;
  guint n_checked = 0;

  /* The login window, with a failure. */
  gtk_window_present (login);
  bjb_ui_test_fill_login (login, g_getenv ("PGHOST"), g_getenv ("PGPORT"),
                          bjb_ui_test_get_dbname (), "t_cs", "salah");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (login), "login.connect", NULL));
  g_assert_true (bjb_ui_test_wait (idle_with_error, login, 20000));
  g_assert_cmpstr (bjb_login_window_get_error_message (BJB_LOGIN_WINDOW (login)), ==,
                   "Login atau kata sandi salah. Periksa keduanya lalu coba lagi.");
  g_assert_cmpstr (gtk_window_get_title (login), ==, "Masuk — Barokah Back Office");
  assert_no_english (GTK_WIDGET (login), &n_checked);
  bjb_ui_test_screenshot (GTK_WIDGET (login), "login-id");

  /* The customer service window. */
  window = bjb_ui_test_sign_in ("t_cs", BJB_TYPE_CS_WINDOW);
  g_assert_nonnull (window);
  g_assert_true (bjb_ui_test_wait (listening, NULL, 20000));
  assert_no_english (GTK_WIDGET (window), &n_checked);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (bjb_ui_test_child (window, BJB_TYPE_ROLE_WINDOW,
                                                                     "role_label"))),
                   ==, "Layanan Pelanggan");
  g_assert_cmpuint (n_checked, >, 20);

  /* A live notification, in Indonesian. */
  bjb_ui_test_sql ("INSERT INTO bjb.event (kind, audience_role, details)"
                   " VALUES ('order_placed', 'cs', '{\"number\": \"SO-0817\"}')");
  g_assert_true (bjb_ui_test_wait (has_items, NULL, 10000));
  notification = g_list_model_get_item (bjb_session_get_notifications (
                                          bjb_application_get_session (bjb_ui_test_get_app ())), 0);
  g_assert_cmpstr (bjb_notification_get_title (notification), ==, "Pesanan baru SO-0817");

  /* Dates read the Indonesian way (the server stamps events itself, so a fixed date is
   * checked on the model). */
  {
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) merdeka = g_date_time_new (utc, 2026, 8, 17, 10, 5, 0);
    g_autoptr(BjbNotification) dated = NULL;
    g_autofree char *when = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GDateTime) local = g_date_time_to_local (merdeka);

    dated = bjb_notification_new (1, "order_placed", 1, "x", "", merdeka, FALSE);
    g_object_get (dated, "when", &when, NULL);
    expected = g_date_time_format (local, "%-d Agustus 2026, %H.%M");
    g_assert_cmpstr (when, ==, expected);
  }
  bjb_ui_test_screenshot (GTK_WIDGET (window), "window-cs-id");

  bjb_ui_test_sign_out ();
}

static void
test_indonesian_admin (void)
{
  BjbApplication *app = bjb_ui_test_get_app ();
  GtkWindow *window;
  GtkWindow *overlay;
  guint n_checked = 0;

  window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);
  g_assert_nonnull (window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-window",
                                  g_variant_new_string ("courier"));

  assert_no_english (GTK_WIDGET (window), &n_checked);
  assert_no_english (GTK_WIDGET (bjb_ui_test_find_window (BJB_TYPE_COURIER_WINDOW)), &n_checked);
  g_assert_cmpuint (n_checked, >, 20);
  bjb_ui_test_screenshot (GTK_WIDGET (window), "window-admin-id");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  assert_no_english (GTK_WIDGET (overlay), &n_checked);
  gtk_window_close (overlay);

  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  if (!bjb_ui_test_init (&argc, &argv, "i18n"))
    return 0;

  /* The locale must exist: without it gettext shows English and this test would prove
   * nothing (Debian: package locales, id_ID.UTF-8 in /etc/locale.gen, locale-gen). */
  if (setlocale (LC_MESSAGES, NULL) == NULL ||
      !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "id_ID"))
    g_error ("locale id_ID.UTF-8 is not available here (LC_MESSAGES=%s)",
             setlocale (LC_MESSAGES, NULL));

  g_test_add_func ("/i18n/indonesian", test_indonesian);
  g_test_add_func ("/i18n/default-profile-name", test_default_profile_name);
  g_test_add_func ("/i18n/indonesian-admin", test_indonesian_admin);

  ret = g_test_run ();
  bjb_ui_test_finish ();

  return ret;
}
