/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-image"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bjb-image.h"

static GBytes *
make_image (int         width,
            int         height,
            gboolean    alpha,
            const char *type)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  char *buffer = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  /* Left half red, right half transparent (or blue without alpha). */
  gdk_pixbuf_fill (pixbuf, alpha ? 0x00000000 : 0x0000ffff);
  {
    g_autoptr(GdkPixbuf) left = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 0, width / 2, height);
    gdk_pixbuf_fill (left, 0xff0000ff);
  }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

static GdkPixbuf *
decode (GBytes *jpeg)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("jpeg", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (gdk_pixbuf_loader_write_bytes (loader, jpeg, &error));
  g_assert_true (gdk_pixbuf_loader_close (loader, &error));
  g_assert_no_error (error);
  return g_object_ref (gdk_pixbuf_loader_get_pixbuf (loader));
}

static void
assert_is_jpeg (GBytes *bytes)
{
  const guint8 *data;
  gsize size;

  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_cmpuint (size, >, 4);
  g_assert_cmphex (data[0], ==, 0xff);
  g_assert_cmphex (data[1], ==, 0xd8);
  g_assert_cmphex (data[2], ==, 0xff);
}

static void
test_small_png (void)
{
  g_autoptr(GBytes) png = make_image (300, 200, TRUE, "png");
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_new_from_bytes (png, &error);
  g_autoptr(GdkPixbuf) decoded = NULL;
  guint8 *pixels;
  int stride;

  g_assert_no_error (error);
  g_assert_nonnull (image);
  g_assert_cmpint (bjb_image_get_width (image), ==, 300);
  g_assert_cmpint (bjb_image_get_height (image), ==, 200);
  g_assert_cmpint (bjb_image_get_thumbnail_width (image), ==, 256);
  g_assert_cmpint (bjb_image_get_thumbnail_height (image), ==, 171);
  assert_is_jpeg (bjb_image_get_jpeg (image));
  assert_is_jpeg (bjb_image_get_thumbnail (image));

  /* Transparent pixels became white, not black; the red half stayed red. */
  decoded = decode (bjb_image_get_jpeg (image));
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 300);
  g_assert_false (gdk_pixbuf_get_has_alpha (decoded));
  pixels = gdk_pixbuf_get_pixels (decoded);
  stride = gdk_pixbuf_get_rowstride (decoded);
  g_assert_cmpint (pixels[100 * stride + 10 * 3 + 0], >, 200);
  g_assert_cmpint (pixels[100 * stride + 10 * 3 + 1], <, 60);
  g_assert_cmpint (pixels[100 * stride + 290 * 3 + 0], >, 230);
  g_assert_cmpint (pixels[100 * stride + 290 * 3 + 1], >, 230);
  g_assert_cmpint (pixels[100 * stride + 290 * 3 + 2], >, 230);
}

static void
test_big_image (void)
{
  g_autoptr(GBytes) jpeg = make_image (4000, 3000, FALSE, "jpeg");
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_new_from_bytes (jpeg, &error);
  g_autoptr(GdkPixbuf) decoded = NULL;
  g_autoptr(GdkPixbuf) thumb = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (bjb_image_get_width (image), ==, 1600);
  g_assert_cmpint (bjb_image_get_height (image), ==, 1200);
  decoded = decode (bjb_image_get_jpeg (image));
  g_assert_cmpint (gdk_pixbuf_get_width (decoded), ==, 1600);
  g_assert_cmpint (gdk_pixbuf_get_height (decoded), ==, 1200);
  thumb = decode (bjb_image_get_thumbnail (image));
  g_assert_cmpint (gdk_pixbuf_get_width (thumb), ==, 256);
  g_assert_cmpint (gdk_pixbuf_get_height (thumb), ==, 192);
  g_assert_cmpint (bjb_image_get_thumbnail_width (image), ==, 256);
  /* What the database accepts (bjb.photo CHECKs). */
  g_assert_cmpuint (g_bytes_get_size (bjb_image_get_jpeg (image)), <=, 10485760);
  g_assert_cmpuint (g_bytes_get_size (bjb_image_get_thumbnail (image)), <=, 524288);
}

/* A phone photo taken upright is stored landscape with EXIF orientation 6 (rotate 90°). */
static void
test_exif_orientation (void)
{
  g_autoptr(GBytes) jpeg = make_image (400, 200, FALSE, "jpeg");
  static const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22, 'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  };
  g_autoptr(GByteArray) rotated = g_byte_array_new ();
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = NULL;
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (jpeg, &size);
  g_byte_array_append (rotated, data, 2);
  g_byte_array_append (rotated, app1, sizeof app1);
  g_byte_array_append (rotated, data + 2, size - 2);
  input = g_byte_array_free_to_bytes (g_steal_pointer (&rotated));

  image = bjb_image_new_from_bytes (input, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bjb_image_get_width (image), ==, 200);
  g_assert_cmpint (bjb_image_get_height (image), ==, 400);
}

static void
test_text_file (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Transfer BCA Rp 1.250.000\n", 26);
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_new_from_bytes (text, &error);

  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_NOT_AN_IMAGE);
  g_assert_nonnull (strstr (error->message, "not an image"));
}

/* A PNG signature with garbage after it: the decoder itself must refuse it. */
static void
test_truncated_png (void)
{
  g_autoptr(GBytes) png = make_image (64, 64, FALSE, "png");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (png, 0, 40);
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_new_from_bytes (cut, &error);

  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_NOT_AN_IMAGE);
}

static void
test_empty (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_new_from_bytes (empty, &error);

  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_EMPTY);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static BjbImage *
load_file (const char  *path,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  bjb_image_load_file_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return bjb_image_load_finish (result, error);
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-image-XXXXXX", &error);
  g_autofree char *big = g_build_filename (dir, "huge.png", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.jpg", NULL);
  g_autofree char *text = g_build_filename (dir, "bukti.jpg", NULL);
  g_autofree char *good = g_build_filename (dir, "no-extension", NULL);
  g_autoptr(GBytes) png = make_image (120, 80, FALSE, "png");
  g_autofree char *filler = NULL;
  BjbImage *image;

  g_assert_no_error (error);

  /* More than 20 MB: refused from its size, before decoding. */
  filler = g_malloc0 (BJB_IMAGE_MAX_INPUT + 1);
  memcpy (filler, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  g_assert_true (g_file_set_contents (big, filler, BJB_IMAGE_MAX_INPUT + 1, &error));
  image = load_file (big, &error);
  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20 MB"));
  g_clear_error (&error);

  /* The same from bytes (a paste). */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (filler, BJB_IMAGE_MAX_INPUT + 1);
    image = bjb_image_new_from_bytes (bytes, &error);
    g_assert_null (image);
    g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }

  g_assert_true (g_file_set_contents (empty, "", 0, &error));
  image = load_file (empty, &error);
  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_EMPTY);
  g_clear_error (&error);

  /* Named .jpg, but text: judged by content. */
  g_assert_true (g_file_set_contents (text, "bukan gambar", -1, &error));
  image = load_file (text, &error);
  g_assert_null (image);
  g_assert_error (error, BJB_IMAGE_ERROR, BJB_IMAGE_ERROR_NOT_AN_IMAGE);
  g_clear_error (&error);

  /* No extension, but a PNG: accepted. */
  g_assert_true (g_file_set_contents (good, g_bytes_get_data (png, NULL),
                                      g_bytes_get_size (png), &error));
  image = load_file (good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bjb_image_get_width (image), ==, 120);
  bjb_image_unref (image);

  g_unlink (big);
  g_unlink (empty);
  g_unlink (text);
  g_unlink (good);
  g_rmdir (dir);
}

static void
test_hex (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("\xff\xd8\x00\x0a", 4);
  g_autofree char *hex = bjb_bytes_to_bytea_hex (bytes);

  g_assert_cmpstr (hex, ==, "\\xffd8000a");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/image/small-png", test_small_png);
  g_test_add_func ("/image/big", test_big_image);
  g_test_add_func ("/image/exif-orientation", test_exif_orientation);
  g_test_add_func ("/image/text", test_text_file);
  g_test_add_func ("/image/truncated-png", test_truncated_png);
  g_test_add_func ("/image/empty", test_empty);
  g_test_add_func ("/image/files", test_files);
  g_test_add_func ("/image/bytea-hex", test_hex);

  return g_test_run ();
}
