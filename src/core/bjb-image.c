/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-image"

#include "config.h"

#include <glib/gi18n.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bjb-image.h"

struct _BjbImage
{
  gatomicrefcount ref_count;
  GBytes *jpeg;
  GBytes *thumb;
  int width;
  int height;
  int thumb_width;
  int thumb_height;
};

G_DEFINE_QUARK (bjb-image-error-quark, bjb_image_error)
G_DEFINE_BOXED_TYPE (BjbImage, bjb_image, bjb_image_ref, bjb_image_unref)

/* A 20 MB PNG can describe a 30000 × 30000 canvas: refuse absurd canvases before
 * allocating them. 80 megapixels is more than any phone camera or screenshot. */
#define MAX_SOURCE_PIXELS (80 * 1000 * 1000)

BjbImage *
bjb_image_ref (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
bjb_image_unref (BjbImage *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->jpeg, g_bytes_unref);
      g_clear_pointer (&self->thumb, g_bytes_unref);
      g_free (self);
    }
}

GBytes *
bjb_image_get_jpeg (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->jpeg;
}

GBytes *
bjb_image_get_thumbnail (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->thumb;
}

int
bjb_image_get_width (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

int
bjb_image_get_height (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

int
bjb_image_get_thumbnail_width (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->thumb_width;
}

int
bjb_image_get_thumbnail_height (BjbImage *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->thumb_height;
}

typedef struct
{
  gboolean too_big;
} SizeCheck;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  SizeCheck *check = user_data;

  if ((gint64) width * height > MAX_SOURCE_PIXELS || width <= 0 || height <= 0)
    {
      check->too_big = TRUE;
      /* Decode a token size; the result is refused afterwards anyway. */
      gdk_pixbuf_loader_set_size (loader, 1, 1);
      return;
    }

  /* Let the decoder scale while decoding (JPEG does it in the DCT). The long side is the
   * same whichever way EXIF turns it, so fitting now is fitting after rotation. */
  if (MAX (width, height) > BJB_IMAGE_MAX_SIDE)
    {
      double scale = (double) BJB_IMAGE_MAX_SIDE / MAX (width, height);

      gdk_pixbuf_loader_set_size (loader,
                                  MAX (1, (int) (width * scale + 0.5)),
                                  MAX (1, (int) (height * scale + 0.5)));
    }
}

/* Scales @src to fit @max_side and composites it on white: JPEG has no alpha channel and a
 * transparent screenshot would otherwise turn black. */
static GdkPixbuf *
fit_and_flatten (GdkPixbuf *src,
                 int        max_side)
{
  int w = gdk_pixbuf_get_width (src);
  int h = gdk_pixbuf_get_height (src);
  int dw = w;
  int dh = h;
  GdkPixbuf *dest;

  if (MAX (w, h) > max_side)
    {
      double scale = (double) max_side / MAX (w, h);

      dw = MAX (1, (int) (w * scale + 0.5));
      dh = MAX (1, (int) (h * scale + 0.5));
      dw = MIN (dw, max_side);
      dh = MIN (dh, max_side);
    }

  if (!gdk_pixbuf_get_has_alpha (src))
    {
      if (dw == w && dh == h)
        return g_object_ref (src);
      return gdk_pixbuf_scale_simple (src, dw, dh, GDK_INTERP_BILINEAR);
    }

  dest = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, dw, dh);
  gdk_pixbuf_fill (dest, 0xffffffff);
  gdk_pixbuf_composite (src, dest, 0, 0, dw, dh, 0, 0,
                        (double) dw / w, (double) dh / h,
                        GDK_INTERP_BILINEAR, 255);
  return dest;
}

static GBytes *
encode_jpeg (GdkPixbuf  *pixbuf,
             GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &local_error,
                                  "quality", "85", NULL))
    {
      g_set_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_FAILED,
                   _("The image could not be saved as JPEG: %s"), local_error->message);
      return NULL;
    }
  return g_bytes_new_take (buffer, size);
}

BjbImage *
bjb_image_new_from_bytes (GBytes  *input,
                          GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GdkPixbuf) full = NULL;
  g_autoptr(GdkPixbuf) thumb = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BjbImage) self = NULL;
  SizeCheck check = { FALSE };
  GdkPixbuf *decoded;
  gsize size;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  size = g_bytes_get_size (input);
  if (size == 0)
    {
      g_set_error_literal (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (size > BJB_IMAGE_MAX_INPUT)
    {
      g_set_error_literal (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_TOO_LARGE,
                           _("The image is larger than 20 MB. Send a smaller photo or a screenshot."));
      return NULL;
    }

  /* Sniffed from the content: a renamed text file is refused, a photo without an
   * extension is accepted. */
  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &check);
  if (!gdk_pixbuf_loader_write_bytes (loader, input, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error) ||
      (decoded = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      /* A loader must be closed before it is finalised; a second close only repeats
       * the failure. */
      gdk_pixbuf_loader_close (loader, NULL);
      g_debug ("not an image: %s", local_error ? local_error->message : "no pixbuf");
      g_set_error_literal (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_NOT_AN_IMAGE,
                           _("This file is not an image. Choose a photo or a screenshot (JPEG, PNG, …)."));
      return NULL;
    }
  if (check.too_big)
    {
      g_set_error_literal (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_TOO_LARGE,
                           _("The image has too many pixels. Send a smaller photo or a screenshot."));
      return NULL;
    }

  oriented = gdk_pixbuf_apply_embedded_orientation (decoded);
  if (oriented == NULL)
    oriented = g_object_ref (decoded);

  full = fit_and_flatten (oriented, BJB_IMAGE_MAX_SIDE);
  thumb = fit_and_flatten (full, BJB_IMAGE_THUMB_SIDE);

  self = g_new0 (BjbImage, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->width = gdk_pixbuf_get_width (full);
  self->height = gdk_pixbuf_get_height (full);
  self->thumb_width = gdk_pixbuf_get_width (thumb);
  self->thumb_height = gdk_pixbuf_get_height (thumb);
  if ((self->jpeg = encode_jpeg (full, error)) == NULL ||
      (self->thumb = encode_jpeg (thumb, error)) == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_bytes_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  BjbImage *image = bjb_image_new_from_bytes (task_data, &error);

  if (image == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, image, (GDestroyNotify) bjb_image_unref);
}

static void
load_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  BjbImage *image;

  /* Refuse a 2 GB video before reading it into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_get_size (info) > BJB_IMAGE_MAX_INPUT)
    {
      g_task_return_new_error (task, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_TOO_LARGE, "%s",
                               _("The image is larger than 20 MB. Send a smaller photo or a screenshot."));
      return;
    }
  g_clear_error (&local_error);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      /* GIO's own error (no such file, no permission…): bjb_error_sentence() words it for a
       * clerk; its message is the system's and is never shown. */
      g_task_return_error (task, g_steal_pointer (&local_error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  image = bjb_image_new_from_bytes (bytes, &error);
  if (image == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, image, (GDestroyNotify) bjb_image_unref);
}

void
bjb_image_load_file_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_image_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_file_thread);
}

void
bjb_image_load_bytes_async (GBytes              *input,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (input != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_image_load_bytes_async);
  g_task_set_task_data (task, g_bytes_ref (input), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, load_bytes_thread);
}

BjbImage *
bjb_image_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
bjb_bytes_to_bytea_hex (GBytes *bytes)
{
  static const char hex[] = "0123456789abcdef";
  const guint8 *data;
  gsize size;
  char *out;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  out = g_malloc (2 + size * 2 + 1);
  out[0] = '\\';
  out[1] = 'x';
  for (gsize i = 0; i < size; i++)
    {
      out[2 + 2 * i] = hex[data[i] >> 4];
      out[3 + 2 * i] = hex[data[i] & 0xf];
    }
  out[2 + size * 2] = '\0';
  return out;
}
