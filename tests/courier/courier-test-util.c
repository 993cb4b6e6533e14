/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "courier-test-util"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "bjb-image.h"
#include "bjb-ui-test.h"
#include "courier-test-util.h"
#include "db-test-util.h"

void
courier_test_seed (void)
{
  bjb_ui_test_sql (
    "SELECT bjb.save_customer(NULL, 'Ibu Sari Wulandari', 'Jl. Kaliurang Km 7 No. 12, Sleman, Yogyakarta',"
    " '+6281234567890', NULL, NULL, 'active', NULL, NULL);"
    "INSERT INTO bjb.category (name) VALUES ('Paving Kurir');"
    "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES"
    " ((SELECT id FROM bjb.category WHERE name = 'Paving Kurir'), 'Paving Segi Enam 8 cm', 'm²', 95000, 100000),"
    " ((SELECT id FROM bjb.category WHERE name = 'Paving Kurir'), 'Batako Press', 'buah', 3500, 100000)");
}

gint64
courier_test_paid_order (void)
{
  g_autofree char *id = bjb_ui_test_sql_value (
    "SELECT bjb.place_order((SELECT id FROM bjb.customer WHERE phone = '+6281234567890'),"
    " jsonb_build_array(jsonb_build_object('product_id', (SELECT id FROM bjb.product WHERE name = 'Paving Segi Enam 8 cm'), 'qty', 120),"
    "                   jsonb_build_object('product_id', (SELECT id FROM bjb.product WHERE name = 'Batako Press'), 'qty', 400)),"
    " 'delivery', 'Jl. Kaliurang Km 7 No. 12, Sleman, Yogyakarta', 150000, gen_random_uuid())");
  g_autofree char *steps = g_strdup_printf (
    "SELECT bjb.attach_photo(%s, 'payment_proof', 'image/jpeg', '\\xffd8ffd9', '\\xffd8ffd9', 1, 1);"
    "SELECT bjb.confirm_payment(%s)", id, id);

  bjb_ui_test_sql (steps);
  return g_ascii_strtoll (id, NULL, 10);
}

void
courier_test_as_cs (const char *sql,
                    gint64      order_id)
{
  g_autoptr(BjbConnection) cs = db_test_connection (bjb_ui_test_get_dbname (), "t_cs",
                                                    bjb_ui_test_get_password ());
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) result = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, order_id);
  const char *params[] = { id };

  g_assert_true (db_test_open (cs, &error));
  g_assert_no_error (error);
  result = db_test_query (cs, sql, 1, params, &error);
  g_assert_no_error (error);
  bjb_connection_close (cs);
}

char *
courier_test_order_value (gint64      order_id,
                          const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s::text FROM bjb.sales_order WHERE id = %" G_GINT64_FORMAT,
                                          column, order_id);

  return bjb_ui_test_sql_value (sql);
}

char *
courier_test_completion_check (gint64     order_id,
                               GDateTime *before,
                               GDateTime *after)
{
  g_autofree char *from = g_date_time_format_iso8601 (before);
  g_autofree char *to = g_date_time_format_iso8601 (after);
  /* The server's clock is the machine's: a millisecond of rounding either way. */
  g_autofree char *sql = g_strdup_printf (
    "SELECT concat_ws('|', o.recipient_name,"
    " (SELECT count(*) FROM bjb.photo p WHERE p.order_id = o.id AND p.kind = 'delivery'),"
    " (SELECT count(*) FROM bjb.event e WHERE e.order_id = o.id AND e.kind = 'order_completed'),"
    " (o.completed_at BETWEEN '%s'::timestamptz - interval '1 ms' AND '%s'::timestamptz + interval '1 ms'"
    "  AND o.delivery_received_at > o.completed_at))"
    " FROM bjb.sales_order o WHERE o.id = %" G_GINT64_FORMAT, from, to, order_id);

  return bjb_ui_test_sql_value (sql);
}

char *
courier_test_photo_file (const char *directory)
{
  char *path = g_build_filename (directory, "delivery-photo.png", NULL);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;
  /* A sandy yard under a grey sky: enough to see in the screenshots. */
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 1200, 900);
  gdk_pixbuf_fill (pixbuf, 0xc8b28aff);
  {
    g_autoptr(GdkPixbuf) sky = gdk_pixbuf_new_subpixbuf (pixbuf, 0, 0, 1200, 300);

    gdk_pixbuf_fill (sky, 0x9aa7b4ff);
  }
  g_assert_true (gdk_pixbuf_save (pixbuf, path, "png", &error, NULL));
  g_assert_no_error (error);
  return path;
}

BjbDeliveryCompletion *
courier_test_completion (gint64      order_id,
                         const char *recipient,
                         GDateTime  *captured_at)
{
  g_autofree char *dir = g_dir_make_tmp ("bjb-courier-photo-XXXXXX", NULL);
  g_autofree char *path = courier_test_photo_file (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(BjbImage) image = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  image = bjb_image_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  courier_test_remove_tree (dir);
  return bjb_delivery_completion_new (order_id, recipient, NULL, captured_at,
                                      bjb_image_get_jpeg (image), bjb_image_get_thumbnail (image),
                                      bjb_image_get_width (image), bjb_image_get_height (image));
}

void
courier_test_queue_before_sign_in (const char                  *login,
                                   const BjbDeliveryCompletion *completion)
{
  g_autofree char *dir = bjb_delivery_spool_default_directory (login);
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);

  g_assert_no_error (error);
  g_assert_true (bjb_delivery_spool_add (spool, completion, &error));
  g_assert_no_error (error);
}

/* As tests/db/test-server-restart.c: inside pg_virtualenv the cluster is
 * "$PGVERSION/regress", which pg_ctlcluster can drive; BJB_TEST_PG_CTL overrides. */
static char **
control_command (const char *action)
{
  const char *override = g_getenv ("BJB_TEST_PG_CTL");
  const char *version = g_getenv ("PGVERSION");
  const char *conf_root = g_getenv ("PG_CLUSTER_CONF_ROOT");
  g_autofree char *marker = NULL;
  g_autofree char *command = NULL;

  if (override != NULL)
    command = g_strdup_printf ("%s %s", override, action);
  else if (version != NULL)
    {
      marker = g_build_filename (conf_root ? conf_root : "/etc/postgresql", version, "regress",
                                 ".by_pg_virtualenv", NULL);
      if (!g_file_test (marker, G_FILE_TEST_EXISTS))
        return NULL;
      command = g_strdup_printf ("pg_ctlcluster %s regress %s", version, action);
    }
  else
    return NULL;
  return g_strsplit (command, " ", -1);
}

gboolean
courier_test_can_restart (void)
{
  g_auto(GStrv) probe = control_command ("status");

  return probe != NULL;
}

void
courier_test_server (const char *action)
{
  g_auto(GStrv) argv = control_command (action);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_assert_nonnull (argv);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed: %s%s", argv[0], action, out, err);
}

void
courier_test_remove_tree (const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        courier_test_remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (directory);
}
