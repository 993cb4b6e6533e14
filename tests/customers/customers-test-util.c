/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "customers-test-util"

#include "config.h"

#include "customers-test-util.h"

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
