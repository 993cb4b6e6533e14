/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-photos"

#include "config.h"

#include "bjb-connected.h"
#include "bjb-feedback-photos.h"
#include "bjb-ops-query.h"
#include "bjb-photo-ops.h"
#include "bjb-records-format.h"

/* Photos kept decoded for the list's scrolling; past this many the cache starts over. */
#define CACHE_LIMIT 120

struct _BjbFeedbackPhotos
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListView *list;
  GListStore  *photos;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;    /* the loads of the current ids */
  GArray        *pending;        /* gint64 ids still to load, in order */
};

G_DEFINE_FINAL_TYPE (BjbFeedbackPhotos, bjb_feedback_photos, GTK_TYPE_WIDGET)

enum {
  PHOTO_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* id → GdkTexture, shared by every row: a row scrolled back into view shows at once. */
static GHashTable *cache;

static void load_next (BjbFeedbackPhotos *self);

static void
on_jpeg (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  BjbFeedbackPhotos *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = bjb_photo_ops_get_jpeg_finish (result, &error);
  g_autoptr(GdkTexture) texture = NULL;
  gint64 id;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  id = g_array_index (self->pending, gint64, 0);
  g_array_remove_index (self->pending, 0);
  if (jpeg != NULL)
    texture = gdk_texture_new_from_bytes (jpeg, &error);
  if (texture != NULL)
    {
      if (g_hash_table_size (cache) >= CACHE_LIMIT)
        g_hash_table_remove_all (cache);
      g_hash_table_insert (cache, g_memdup2 (&id, sizeof id), g_object_ref (texture));
      g_list_store_append (self->photos, texture);
    }
  else if (error != NULL)
    g_debug ("photo %" G_GINT64_FORMAT ": %s", id, error->message);
  load_next (self);
}

/* One at a time, in order: the thumbnails appear left to right. */
static void
load_next (BjbFeedbackPhotos *self)
{
  while (self->pending->len > 0)
    {
      gint64 id = g_array_index (self->pending, gint64, 0);
      GdkTexture *cached = g_hash_table_lookup (cache, &id);

      if (cached == NULL)
        break;
      g_list_store_append (self->photos, cached);
      g_array_remove_index (self->pending, 0);
    }
  if (self->pending->len == 0 || self->connection == NULL)
    return;
  bjb_photo_ops_get_jpeg_async (self->connection, g_array_index (self->pending, gint64, 0),
                                self->cancellable, on_jpeg, self);
}

static void
reload (BjbFeedbackPhotos *self,
        const char        *photo_ids)
{
  g_auto(GStrv) ids = NULL;

  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  g_array_set_size (self->pending, 0);
  g_list_store_remove_all (self->photos);
  if (photo_ids == NULL)
    return;
  /* "{12,13}" */
  ids = g_strsplit_set (photo_ids, "{,}", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

      if (id > 0)
        g_array_append_val (self->pending, id);
    }
  load_next (self);
}

static void
on_activate (BjbFeedbackPhotos *self,
             guint              position)
{
  bjb_feedback_photos_activate (self, position);
}

static void
bjb_feedback_photos_dispose (GObject *object)
{
  BjbFeedbackPhotos *self = BJB_FEEDBACK_PHOTOS (object);

  bjb_connected_dispose (self, BJB_TYPE_FEEDBACK_PHOTOS, &self->cancellable);

  G_OBJECT_CLASS (bjb_feedback_photos_parent_class)->dispose (object);
}

static void
bjb_feedback_photos_finalize (GObject *object)
{
  g_array_unref (BJB_FEEDBACK_PHOTOS (object)->pending);

  G_OBJECT_CLASS (bjb_feedback_photos_parent_class)->finalize (object);
}

static void
bjb_feedback_photos_class_init (BjbFeedbackPhotosClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_feedback_photos_dispose;
  object_class->finalize = bjb_feedback_photos_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbFeedbackPhotos, connection),
                               (BjbConnectedSetter) bjb_feedback_photos_set_connection);

  signals[PHOTO_ACTIVATED] = g_signal_new ("photo-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, GDK_TYPE_TEXTURE);

  cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-feedback-photos.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPhotos, list);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPhotos, photos);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
}

static void
bjb_feedback_photos_init (BjbFeedbackPhotos *self)
{
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bjb_feedback_photos_set_connection (BjbFeedbackPhotos *self,
                                    BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_FEEDBACK_PHOTOS (self));
  bjb_connected_store (self, connection, NULL);
}

void
bjb_feedback_photos_set_photo_ids (BjbFeedbackPhotos *self,
                                   const char        *photo_ids)
{
  g_return_if_fail (BJB_IS_FEEDBACK_PHOTOS (self));
  reload (self, photo_ids);
}

GListModel *
bjb_feedback_photos_get_photos (BjbFeedbackPhotos *self)
{
  g_return_val_if_fail (BJB_IS_FEEDBACK_PHOTOS (self), NULL);
  return G_LIST_MODEL (self->photos);
}

void
bjb_feedback_photos_activate (BjbFeedbackPhotos *self,
                              guint              position)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_if_fail (BJB_IS_FEEDBACK_PHOTOS (self));
  texture = g_list_model_get_item (G_LIST_MODEL (self->photos), position);
  if (texture != NULL)
    g_signal_emit (self, signals[PHOTO_ACTIVATED], 0, texture);
}
