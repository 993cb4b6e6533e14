/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BJB_IMAGE_ERROR (bjb_image_error_quark ())

/**
 * BjbImageError:
 * @BJB_IMAGE_ERROR_EMPTY: the input has no bytes
 * @BJB_IMAGE_ERROR_TOO_LARGE: the input is bigger than %BJB_IMAGE_MAX_INPUT
 * @BJB_IMAGE_ERROR_NOT_AN_IMAGE: gdk-pixbuf cannot decode it (whatever its name says)
 * @BJB_IMAGE_ERROR_FAILED: reading the file or encoding the JPEG failed
 */
typedef enum
{
  BJB_IMAGE_ERROR_EMPTY,
  BJB_IMAGE_ERROR_TOO_LARGE,
  BJB_IMAGE_ERROR_NOT_AN_IMAGE,
  BJB_IMAGE_ERROR_FAILED,
} BjbImageError;

/* What DESIGN.md allows in and what the database accepts out. */
#define BJB_IMAGE_MAX_INPUT  (20 * 1024 * 1024)
#define BJB_IMAGE_MAX_SIDE   1600
#define BJB_IMAGE_THUMB_SIDE 256

typedef struct _BjbImage BjbImage;

#define BJB_TYPE_IMAGE (bjb_image_get_type ())
GType     bjb_image_get_type      (void);
GQuark    bjb_image_error_quark   (void);

/**
 * bjb_image_new_from_bytes:
 * @input: the bytes of a file, a paste or a drop
 *
 * Decodes @input with gdk-pixbuf (by content, never by name), applies the EXIF
 * orientation, scales it to at most %BJB_IMAGE_MAX_SIDE pixels on the long side, flattens
 * transparency on white and encodes a JPEG plus a %BJB_IMAGE_THUMB_SIDE px thumbnail.
 * Blocking and thread-safe: call it from a worker thread (see the _async variants).
 *
 * Returns: (transfer full) (nullable): the image, or NULL with @error set in
 *   %BJB_IMAGE_ERROR and a translated message a clerk understands
 */
BjbImage *bjb_image_new_from_bytes (GBytes   *input,
                                    GError  **error);

/* In a worker thread; the file's size is checked before it is read. */
void      bjb_image_load_file_async  (GFile               *file,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
void      bjb_image_load_bytes_async (GBytes              *input,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
/* Returns: (transfer full) (nullable): the image, or NULL with a %BJB_IMAGE_ERROR or, when
 * the file cannot be read, GIO's error (show either through bjb_error_sentence()) */
BjbImage *bjb_image_load_finish      (GAsyncResult  *result,
                                      GError       **error);

BjbImage *bjb_image_ref              (BjbImage *self);
void      bjb_image_unref            (BjbImage *self);

/* (transfer none): the JPEG and its thumbnail */
GBytes   *bjb_image_get_jpeg         (BjbImage *self);
GBytes   *bjb_image_get_thumbnail    (BjbImage *self);
int       bjb_image_get_width        (BjbImage *self);
int       bjb_image_get_height       (BjbImage *self);
int       bjb_image_get_thumbnail_width  (BjbImage *self);
int       bjb_image_get_thumbnail_height (BjbImage *self);

/**
 * bjb_bytes_to_bytea_hex:
 *
 * Returns: (transfer full): "\x…" text for a bytea query parameter
 */
char     *bjb_bytes_to_bytea_hex     (GBytes *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbImage, bjb_image_unref)

G_END_DECLS
