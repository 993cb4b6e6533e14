/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-locale"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bjb-locale.h"

/* Issue 8 #1: a program run from the build tree finds the build's own catalogue, and dates
 * follow the language the UI speaks. Run by meson on an Indonesian desktop
 * (LC_ALL=id_ID.UTF-8) twice: LANGUAGE=id (UI in Indonesian) and LANGUAGE=en (UI in
 * English: the dates must not stay Indonesian). */

static gboolean indonesian;

static void
test_catalogue_of_the_build_tree (void)
{
  g_assert_cmpstr (bjb_locale_dir (), ==, BUILD_DIR "/po");
  g_assert_cmpstr (_("Show the program version and exit"), ==,
                   indonesian ? "Tampilkan versi program lalu keluar"
                              : "Show the program version and exit");
}

static void
test_dates_follow_ui (void)
{
  g_autoptr(GDateTime) merdeka = g_date_time_new_local (1945, 8, 17, 10, 0, 0);
  g_autofree char *month = g_date_time_format (merdeka, "%B");

  g_assert_cmpstr (month, ==, indonesian ? "Agustus" : "August");
}

int
main (int   argc,
      char *argv[])
{
  indonesian = g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0;

  /* What main.c does. */
  setlocale (LC_ALL, "");
  if (!g_str_has_prefix (setlocale (LC_TIME, NULL), "id_ID"))
    g_error ("locale id_ID.UTF-8 is not available here (LC_TIME=%s)", setlocale (LC_TIME, NULL));
  bindtextdomain (GETTEXT_PACKAGE, bjb_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  bjb_locale_follow_ui ();

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locale/catalogue-of-the-build-tree", test_catalogue_of_the_build_tree);
  g_test_add_func ("/locale/dates-follow-ui", test_dates_follow_ui);
  return g_test_run ();
}
