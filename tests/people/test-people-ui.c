/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <unistd.h>

#include "customers-test-util.h"
#include "db-test-util.h"
#include "people-test.h"

/* The admin's discounts, staff and settings pages against a throwaway database, as
 * t_admin, driven through their actions. Each file adds the tests of one page; they run in
 * order and share the database (an office afternoon). */

PeopleFixture px;

gboolean
px_skip (void)
{
  if (px.ready)
    return FALSE;
  g_test_skip ("needs BJB_TEST_TEMPLATE and a display");
  return TRUE;
}

char *
px_su (const char *sql)
{
  return db_test_su_exec (px.dbname, sql);
}

gboolean
px_indonesian (void)
{
  return g_strcmp0 (g_getenv ("BJB_TEST_LANG"), "id") == 0;
}

void
px_show (GtkWidget *page)
{
  gtk_window_set_child (px.window, page);
  ct_wait_frames (GTK_WIDGET (px.window), 2);
}

void
px_activate (GtkWidget  *widget,
             const char *action,
             const char *parameter)
{
  g_assert_true (gtk_widget_activate_action (widget, action, parameter != NULL ? "s" : NULL,
                                             parameter));
}

void
px_wait (gboolean (*predicate) (gpointer data),
         gpointer  data)
{
  g_assert_true (ct_wait_until (predicate, data, 20000));
}

void
px_screenshot (const char *name)
{
  g_autofree char *path = ct_screenshot (GTK_WIDGET (px.window), name);
}

static void
setup (void)
{
  if (g_getenv ("BJB_TEST_TEMPLATE") == NULL || g_getenv ("DISPLAY") == NULL)
    return;
  gtk_init ();
  adw_init ();
  px.dbname = db_test_create ();
  px.suffix = g_strdup_printf ("%d%s", (int) getpid (), px_indonesian () ? "i" : "e");
  px.connection = db_test_connection (px.dbname, "t_admin", g_getenv ("BJB_TEST_PASSWORD"));
  g_assert_true (db_test_open (px.connection, NULL));

  px.window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (px.window);
  gtk_window_set_default_size (px.window, 1280, 800);
  gtk_window_present (px.window);
  px.ready = TRUE;
}

static void
teardown (void)
{
  if (!px.ready)
    return;
  gtk_window_destroy (px.window);
  g_clear_object (&px.window);
  g_clear_object (&px.connection);
  /* Logins are the cluster's, not the database's: drop the ones this run made. */
  {
    g_autofree char *sql = g_strdup_printf (
      "DO $$ DECLARE r text; BEGIN"
      " FOR r IN SELECT rolname FROM pg_roles WHERE rolname LIKE 'pt%%\\_%s\\_%%' LOOP"
      "   EXECUTE format('DROP ROLE %%I', r); END LOOP; END $$; SELECT 1", px.suffix);
    g_autofree char *ignored = px_su (sql);
  }
  db_test_drop (px.dbname);
  g_free (px.dbname);
  g_free (px.suffix);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* gtk_init () sets the locale from the environment again: set it there. */
  if (px_indonesian ())
    {
      g_setenv ("LANGUAGE", "id", TRUE);
      g_setenv ("LC_ALL", "id_ID.UTF-8", TRUE);
    }
  else
    {
      g_unsetenv ("LANGUAGE");
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    }
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BJB_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);
  setup ();

  people_add_settings_tests ();
  people_add_staff_tests ();
  people_add_discount_tests ();
  people_add_form_fields_tests ();
  people_add_file_chooser_tests ();

  status = g_test_run ();
  teardown ();
  return status;
}
