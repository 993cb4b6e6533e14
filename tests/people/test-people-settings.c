/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-settings"

#include "config.h"

#include "bjb-settings-page.h"
#include "people-test.h"

/* The settings page: every business setting read, each saved on its own, and a value that
 * is not right explained under its row with nothing sent. */

static BjbSettingsPage *page;

static gboolean
settled (gpointer data)
{
  return !bjb_settings_page_get_busy (page);
}

static gboolean
loaded (gpointer data)
{
  return settled (NULL) &&
         *gtk_editable_get_text (GTK_EDITABLE (bjb_settings_page_get_field (page, "business_name"))) != '\0';
}

static void
type (const char *key,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bjb_settings_page_get_field (page, key)), text);
}

static void
apply (const char *key)
{
  px_activate (GTK_WIDGET (page), "settings.apply", key);
  px_wait (settled, NULL);
}

static char *
stored (const char *key)
{
  g_autofree char *sql = g_strdup_printf ("SELECT value::text FROM bjb.setting WHERE key = '%s'", key);

  return px_su (sql);
}

static void
test_load (void)
{
  if (px_skip ())
    return;

  page = BJB_SETTINGS_PAGE (bjb_settings_page_new ());
  px_show (GTK_WIDGET (page));
  bjb_settings_page_set_connection (page, px.connection);
  px_wait (loaded, NULL);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_settings_page_get_field (page, "loyalty_threshold"))),
                   ==, "5.000.000");
  /* Stored as "24 hours"; the page shows whole hours, as set_setting takes them. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_settings_page_get_field (page, "payment_window"))),
                   ==, "24");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (bjb_settings_page_get_field (page, "require_second_confirmer"))));
  g_assert_null (bjb_settings_page_get_error (page, "loyalty_threshold"));
  px_screenshot ("admin-settings");
}

static void
test_invalid (void)
{
  g_autofree char *loyalty = NULL;
  g_autofree char *window = NULL;

  if (px_skip ())
    return;

  type ("loyalty_threshold", "lima juta");
  apply ("loyalty_threshold");
  g_assert_nonnull (bjb_settings_page_get_error (page, "loyalty_threshold"));
  type ("payment_window", "0");
  apply ("payment_window");
  g_assert_nonnull (bjb_settings_page_get_error (page, "payment_window"));
  type ("bank_accounts", " ; ");
  apply ("bank_accounts");
  g_assert_nonnull (bjb_settings_page_get_error (page, "bank_accounts"));
  px_screenshot ("admin-settings-errors");

  /* Nothing reached the server, and what was typed is still there to fix. */
  loyalty = stored ("loyalty_threshold");
  window = stored ("payment_window");
  g_assert_cmpstr (loyalty, ==, "5000000");
  g_assert_cmpstr (window, ==, "\"24 hours\"");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_settings_page_get_field (page, "loyalty_threshold"))),
                   ==, "lima juta");

  /* Fixed, it saves and the reason goes. */
  type ("loyalty_threshold", "Rp 7.500.000");
  apply ("loyalty_threshold");
  g_assert_null (bjb_settings_page_get_error (page, "loyalty_threshold"));
  g_free (loyalty);
  loyalty = stored ("loyalty_threshold");
  g_assert_cmpstr (loyalty, ==, "7500000");
}

static void
test_save (void)
{
  g_autofree char *low = NULL;
  g_autofree char *window = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *four_eyes = NULL;

  if (px_skip ())
    return;

  type ("low_stock_threshold", "25");
  apply ("low_stock_threshold");
  type ("payment_window", "48");
  apply ("payment_window");
  type ("business_phone", "0274 123456");
  apply ("business_phone");
  type ("bank_accounts", "BCA 123 4567 a.n. UD Barokah; BRI 0098 7654 a.n. UD Barokah");
  apply ("bank_accounts");
  gtk_switch_set_active (GTK_SWITCH (bjb_settings_page_get_field (page, "require_second_confirmer")), TRUE);
  px_wait (settled, NULL);

  low = stored ("low_stock_threshold");
  window = stored ("payment_window");
  phone = stored ("business_phone");
  accounts = stored ("bank_accounts");
  four_eyes = stored ("require_second_confirmer");
  g_assert_cmpstr (low, ==, "25");
  g_assert_cmpstr (window, ==, "\"48 hours\"");
  g_assert_cmpstr (phone, ==, "\"+62274123456\"");
  g_assert_cmpstr (accounts, ==, "[\"BCA 123 4567 a.n. UD Barokah\", \"BRI 0098 7654 a.n. UD Barokah\"]");
  g_assert_cmpstr (four_eyes, ==, "true");
  for (const char *const *key = (const char *const[]) { "low_stock_threshold", "payment_window",
                                                        "business_phone", "bank_accounts", NULL };
       *key != NULL; key++)
    g_assert_null (bjb_settings_page_get_error (page, *key));

  /* The page shows the phone as stored, after reading the settings again. */
  px_wait (loaded, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_settings_page_get_field (page, "business_phone"))),
                   ==, "+62274123456");
  px_screenshot ("admin-settings-saved");
  g_free (px_su ("UPDATE bjb.setting SET value = 'false' WHERE key = 'require_second_confirmer'; SELECT 1"));
}

void
people_add_settings_tests (void)
{
  g_test_add_func ("/people/settings/load", test_load);
  g_test_add_func ("/people/settings/invalid", test_invalid);
  g_test_add_func ("/people/settings/save", test_save);
}
