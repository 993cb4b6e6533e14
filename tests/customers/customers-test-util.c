/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "customers-test-util"

#include "config.h"

#include <libpq-fe.h>
#include <string.h>
#include <unistd.h>

#include "customers-test-util.h"

static PGconn *
su_connect (const char *dbname)
{
  const char *keywords[] = { "dbname", "application_name", NULL };
  const char *values[] = { dbname, "bjb-customers-test", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 1);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("superuser connection to %s failed: %s", dbname, PQerrorMessage (conn));
  return conn;
}

char *
ct_db_create (void)
{
  char *name = g_strdup_printf ("bjb_c4_%d_%u", (int) getpid (), g_random_int () % 100000);
  const char *template_name = g_getenv ("BJB_TEST_TEMPLATE");
  PGconn *conn = su_connect ("postgres");
  char *quoted = PQescapeIdentifier (conn, template_name, strlen (template_name));
  g_autofree char *sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", name, quoted);
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfreemem (quoted);
  PQfinish (conn);
  return name;
}

void
ct_db_drop (const char *dbname)
{
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", dbname);
  PGconn *conn = su_connect ("postgres");
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_printerr ("# %s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (conn);
}

char *
ct_su_exec (const char *dbname,
            const char *sql)
{
  PGconn *conn = su_connect (dbname);
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *value = NULL;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (status == PGRES_TUPLES_OK && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

typedef struct
{
  gboolean done;
  GAsyncResult *result;
} Wait;

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  wait->done = TRUE;
}

static gboolean
wait_done (gpointer data)
{
  return ((Wait *) data)->done;
}

gboolean
ct_reopen (BjbConnection *connection)
{
  Wait wait = { 0 };
  g_autoptr(GError) error = NULL;
  gboolean ok;

  bjb_connection_open_async (connection, NULL, store_result, &wait);
  g_assert_true (ct_wait_until (wait_done, &wait, 20000));
  ok = bjb_connection_open_finish (connection, wait.result, &error);
  g_assert_no_error (error);
  g_object_unref (wait.result);
  return ok;
}

BjbConnection *
ct_connect (const char *dbname,
            const char *login)
{
  const char *host = g_getenv ("PGHOST");
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *password = g_getenv ("BJB_TEST_PASSWORD") ? g_getenv ("BJB_TEST_PASSWORD") : "barokah-test";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { NULL, port, dbname, login, password, NULL };
  BjbConnection *connection;

  /* TCP: a socket directory in PGHOST would mean peer authentication. */
  values[0] = (host == NULL || host[0] == '/' || host[0] == '\0') ? "localhost" : host;
  connection = bjb_connection_new (keywords, values);
  bjb_connection_set_reconnect_delays (connection, 100, 1000);
  bjb_connection_set_connect_timeout (connection, 5000);
  ct_reopen (connection);
  return connection;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
ct_wait_until (CtPredicate predicate,
               gpointer    data,
               guint       timeout_ms)
{
  gboolean expired = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &expired);
  gboolean ok;

  while (!(ok = predicate (data)) && !expired)
    g_main_context_iteration (NULL, TRUE);
  if (!expired)
    g_source_remove (id);
  return ok;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  guint *left = user_data;

  if (*left > 0)
    (*left)--;
  return *left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static gboolean
zero (gpointer data)
{
  return *(guint *) data == 0;
}

void
ct_wait_frames (GtkWidget *widget,
                guint      n)
{
  guint left = n;

  gtk_widget_add_tick_callback (widget, tick_cb, &left, NULL);
  gtk_widget_queue_draw (widget);
  if (!ct_wait_until (zero, &left, 5000))
    g_error ("no frames drawn within 5 s");
}

char *
ct_screenshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("BJB_SCREENSHOT_DIR") ?: ".";
  const char *lang = g_getenv ("BJB_TEST_LANG") ?: "en";
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, lang);
  char *path = g_build_filename (dir, file, NULL);
  int width, height;

  ct_wait_frames (widget, 3);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
  return path;
}
