/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-ui-test"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "bjb-login-window.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"

static BjbApplication *app;
static char *dbname;
static PGconn *admin_conn;

static PGconn *
connect_superuser (const char *database)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { database, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, TRUE);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Cannot connect as the test superuser: %s", PQerrorMessage (conn));

  return conn;
}

static void
exec_or_die (PGconn     *conn,
             const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
}

/**
 * bjb_ui_test_init:
 *
 * Returns: %FALSE when the test cannot run here (no display or no template database):
 *   the caller then exits 77 so meson counts it skipped
 */
gboolean
bjb_ui_test_init (int         *argc,
                  char      ***argv,
                  const char  *name)
{
  g_autofree char *sql = NULL;
  const char *template = g_getenv ("BJB_TEST_TEMPLATE");
  PGconn *conn;

  g_test_init (argc, argv, NULL);

  /* The translations of this build, not of an installed copy. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_DIR "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (g_getenv ("DISPLAY") == NULL || template == NULL || *template == '\0')
    {
      /* TAP for "skipped": meson shows it as SKIP. */
      g_print ("1..0 # SKIP needs DISPLAY and BJB_TEST_TEMPLATE (run build-aux/test)\n");
      return FALSE;
    }

  /* Screens stay still for screenshots and waits depend on state, not on animations. */
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  gtk_init ();
  /* Xvfb has no window manager, so windows never become active and GtkText's blink timer
   * warns that it "did not receive a focus-out event" (fatal here). */
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-cursor-blink", FALSE,
                NULL);

  dbname = g_strdup_printf ("bjb_ui_%s_%d", name, (int)getpid ());
  conn = connect_superuser ("postgres");
  sql = g_strdup_printf ("CREATE DATABASE \"%s\" TEMPLATE \"%s\"", dbname, template);
  exec_or_die (conn, sql);
  PQfinish (conn);

  admin_conn = connect_superuser (dbname);

  app = bjb_application_new ();
  /* Test programs run side by side on one session bus. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));

  return TRUE;
}

void
bjb_ui_test_finish (void)
{
  g_autofree char *sql = NULL;
  PGconn *conn;

  if (app == NULL)
    return;

  bjb_ui_test_sign_out ();
  g_application_quit (G_APPLICATION (app));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&app);

  g_clear_pointer (&admin_conn, PQfinish);
  conn = connect_superuser ("postgres");
  sql = g_strdup_printf ("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", dbname);
  exec_or_die (conn, sql);
  PQfinish (conn);
  g_clear_pointer (&dbname, g_free);
}

BjbApplication *
bjb_ui_test_get_app (void)
{
  return app;
}

const char *
bjb_ui_test_get_dbname (void)
{
  return dbname;
}

const char *
bjb_ui_test_get_password (void)
{
  const char *password = g_getenv ("BJB_TEST_PASSWORD");

  return password ? password : "barokah-test";
}

/* Runs @sql as the superuser on the test database, from outside the client. */
/* The server may have been restarted by the test: a dead link is reopened once. */
static PGresult *
exec_admin (const char *sql)
{
  PGresult *result = PQexec (admin_conn, sql);

  if (PQstatus (admin_conn) == CONNECTION_BAD)
    {
      PQclear (result);
      PQreset (admin_conn);
      result = PQexec (admin_conn, sql);
    }

  return result;
}

void
bjb_ui_test_sql (const char *sql)
{
  PGresult *result = exec_admin (sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK && PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (admin_conn));
  PQclear (result);
}

/**
 * bjb_ui_test_sql_value:
 *
 * Returns: (transfer full) (nullable): the first column of the first row
 */
char *
bjb_ui_test_sql_value (const char *sql)
{
  PGresult *result = exec_admin (sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQerrorMessage (admin_conn));
  if (PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);

  return value;
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
on_tick (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/**
 * bjb_ui_test_wait:
 *
 * Runs the main loop until @condition holds or @timeout_ms passed.
 *
 * Returns: whether @condition held
 */
gboolean
bjb_ui_test_wait (gboolean (*condition) (gpointer data),
                  gpointer   data,
                  guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, on_timeout, &timed_out);
  /* Wakes the loop now and then for conditions that look outside it (the database). */
  guint ticker = g_timeout_add (25, on_tick, NULL);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);
  g_source_remove (ticker);

  return condition (data);
}

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  gboolean *painted = data;

  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *)data;
}

/* Waits until @widget's window has painted a frame with its current state. */
void
bjb_ui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  g_assert_true (bjb_ui_test_wait ((gboolean (*) (gpointer))gtk_widget_get_mapped, widget, 5000));

  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (bjb_ui_test_wait (is_true, &painted, 5000));
  g_signal_handler_disconnect (clock, handler);
}

/* Saves what @widget shows as $builddir/screenshots/@name.png. */
void
bjb_ui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  bjb_ui_test_wait_for_frame (widget);

  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                          "screenshots", NULL);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s.png", name);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/**
 * bjb_ui_test_find_window:
 *
 * Returns: (transfer none) (nullable): the application's window of @type
 */
GtkWindow *
bjb_ui_test_find_window (GType type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }

  return NULL;
}

/**
 * bjb_ui_test_child:
 *
 * Returns: (transfer none): the template child @name of @widget (declared in @type)
 */
GtkWidget *
bjb_ui_test_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
set_row (GtkWindow  *window,
         const char *name,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bjb_ui_test_child (window, BJB_TYPE_LOGIN_WINDOW, name)),
                         text);
}

void
bjb_ui_test_fill_login (GtkWindow  *window,
                        const char *host,
                        const char *port,
                        const char *database,
                        const char *login,
                        const char *password)
{
  set_row (window, "host_row", host);
  set_row (window, "port_row", port);
  set_row (window, "dbname_row", database);
  set_row (window, "login_row", login);
  set_row (window, "password_row", password);
}

typedef struct
{
  GtkWindow *login_window;
  GType expected;
} SignIn;

static gboolean
sign_in_done (gpointer data)
{
  SignIn *sign_in = data;

  if (bjb_ui_test_find_window (sign_in->expected) != NULL)
    return TRUE;

  /* Failed: the login window says why. */
  return bjb_ui_test_find_window (BJB_TYPE_LOGIN_WINDOW) != NULL &&
         !bjb_login_window_get_busy (BJB_LOGIN_WINDOW (sign_in->login_window)) &&
         bjb_login_window_get_error_message (BJB_LOGIN_WINDOW (sign_in->login_window)) != NULL;
}

/**
 * bjb_ui_test_sign_in:
 *
 * Signs in through the login window, as a staff member would.
 *
 * Returns: (transfer none): the window that opened
 */
GtkWindow *
bjb_ui_test_sign_in (const char *login,
                     GType       expected_window)
{
  GtkWindow *window = bjb_application_get_login_window (app);
  const char *host = g_getenv ("PGHOST");
  const char *port = g_getenv ("PGPORT");

  SignIn sign_in = { window, expected_window };

  gtk_window_present (window);
  bjb_ui_test_fill_login (window, host ? host : "localhost", port ? port : "5432",
                          dbname, login, bjb_ui_test_get_password ());
  g_object_ref (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "login.connect", NULL));
  g_assert_true (bjb_ui_test_wait (sign_in_done, &sign_in, 20000));
  if (bjb_ui_test_find_window (expected_window) == NULL)
    g_test_message ("sign-in error: %s",
                    bjb_login_window_get_error_message (BJB_LOGIN_WINDOW (window)));
  g_object_unref (window);

  return bjb_ui_test_find_window (expected_window);
}

static gboolean
only_ref_left (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

static gboolean
all_gone (gpointer data)
{
  GPtrArray *weak = data;

  for (guint i = 0; i < weak->len; i++)
    if (*(gpointer *)g_ptr_array_index (weak, i) != NULL)
      return FALSE;
  return TRUE;
}

/**
 * bjb_ui_test_sign_out:
 *
 * Signs out and checks that every role window and every page of it is finalized: a
 * leaked reference (a signal handler, a GTask, a binding) fails the test that made it.
 */
void
bjb_ui_test_sign_out (void)
{
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func (g_free);

  if (bjb_application_get_session (app) == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    {
      g_autoptr(GtkSelectionModel) stack_pages = NULL;

      if (!BJB_IS_ROLE_WINDOW (l->data))
        continue;
      g_ptr_array_add (windows, g_object_ref (l->data));
      stack_pages = adw_view_stack_get_pages (bjb_role_window_get_stack (l->data));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stack_pages)); i++)
        {
          g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (stack_pages), i);
          gpointer *weak = g_new (gpointer, 1);

          *weak = adw_view_stack_page_get_child (page);
          g_object_add_weak_pointer (*weak, weak);
          g_ptr_array_add (pages, weak);
        }
    }

  g_action_group_activate_action (G_ACTION_GROUP (app), "sign-out", NULL);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (bjb_application_get_session (app));

  /* What a window started may still be finishing (a cancelled query's callback): wait
   * for it on the main loop, then the window must go with the last reference. */
  for (guint i = 0; i < windows->len; i++)
    {
      gpointer window = g_ptr_array_index (windows, i);

      g_assert_true (bjb_ui_test_wait (only_ref_left, window, 5000));
      g_assert_finalize_object (window);
    }
  g_assert_true (bjb_ui_test_wait (all_gone, pages, 5000));
}

/**
 * bjb_ui_test_get_notification_server:
 *
 * Asks the session bus's notification server who it is (D-Bus activates it: dunst under
 * build-aux/test).
 *
 * Returns: (transfer full) (nullable): the server's name, %NULL when there is none
 */
char *
bjb_ui_test_get_notification_server (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  char *name = NULL;

  if (bus == NULL)
    return NULL;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications",
                                       "org.freedesktop.Notifications", "GetServerInformation",
                                       NULL, G_VARIANT_TYPE ("(ssss)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, &error);
  if (reply == NULL)
    {
      g_test_message ("no notification server: %s", error->message);
      return NULL;
    }

  g_variant_get (reply, "(sss&s)", &name, NULL, NULL, NULL);
  return name;
}
