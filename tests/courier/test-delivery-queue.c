/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-delivery-spool"

#include "config.h"

#include <glib/gstdio.h>

#include "bjb-delivery-cache.h"
#include "bjb-delivery-queue-item.h"
#include "bjb-delivery.h"
#include "bjb-delivery-queue.h"
#include "db-test-util.h"
#include "test-delivery-queue.h"

/*
 * What the courier's window stands on without GTK:
 * - the cache gives back the rows it was given, and a damaged cache is an error, not a
 *   list;
 * - the queue sends what waits in the spool in the order it was made, once each, only
 *   while connected; a completion the server refuses (BJ031) leaves the spool and stays
 *   in the list, refused, with its sentence, until dismissed.
 */

static SeededDbFunc seeded_db;
static ShippedOrderFunc shipped_order;
static CompletionFunc completion_for;
static MakeDirFunc make_dir;
static RemoveTreeFunc remove_tree;

/* A day reads on the courier's screens as in the lists ("2 Dec"), not "02/12": the queued
 * completion, the offline notice and the failed attempts all write it this way. */
static void
test_moment_format (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 12, 2, 14, 5, 0);
  g_autofree char *text = bjb_delivery_format_moment (at);
  BjbDeliveryCompletion completion = { .order_id = 7, .recipient = (char *) "Pak Budi",
                                       .captured_at = at };
  g_autoptr(BjbDeliveryQueueItem) item = bjb_delivery_queue_item_new (&completion);
  g_autofree char *captured = NULL;

  g_assert_cmpstr (text, ==, "2 Dec 14:05");
  g_object_get (item, "captured-text", &captured, NULL);
  g_assert_cmpstr (captured, ==, "Pak Budi · completed 2 Dec 14:05");
}

static void
test_cache_round_trip (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "cache.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(JsonArray) loaded = NULL;
  g_autoptr(JsonObject) titles = json_object_new ();
  g_autoptr(JsonObject) titles_back = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rows;

  /* Nothing seen yet: said as a missing file. */
  loaded = bjb_delivery_cache_load (dir, NULL, NULL, &error);
  g_assert_null (loaded);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_true (json_parser_load_from_data (parser,
    "[{\"order_id\": 7, \"number\": \"BJB-1\", \"items\": [{\"name\": \"Paving\", \"unit\": \"m²\", \"qty\": 3}]},"
    " {\"order_id\": 9, \"number\": \"BJB-2\", \"items\": []}]", -1, NULL));
  rows = json_node_get_array (json_parser_get_root (parser));
  json_object_set_string_member (titles, "5", "BJB-0 · Bu Rini");
  g_assert_true (bjb_delivery_cache_save (dir, rows, titles, now, &error));
  g_assert_no_error (error);
  loaded = bjb_delivery_cache_load (dir, &titles_back, &saved_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (loaded), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (loaded, 1), "order_id"), ==, 9);
  g_assert_cmpint (g_date_time_to_unix (saved_at), ==, g_date_time_to_unix (now));
  g_assert_cmpstr (json_object_get_string_member (titles_back, "5"), ==, "BJB-0 · Bu Rini");
  g_clear_pointer (&loaded, json_array_unref);

  /* A damaged cache is not a list of deliveries. */
  g_assert_true (g_file_set_contents (path, "{\"rows\": 12}", -1, NULL));
  loaded = bjb_delivery_cache_load (dir, NULL, NULL, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  remove_tree (dir);
}

static void
on_sent (BjbDeliveryQueue *queue,
         gint64            order_id,
         GArray           *sent)
{
  g_array_append_val (sent, order_id);
}

static void
on_refused (BjbDeliveryQueue *queue,
            gint64            order_id,
            const char       *sentence,
            GArray           *refused)
{
  g_assert_nonnull (sentence);
  g_array_append_val (refused, order_id);
}

static gboolean
wait_for_len (GArray *array,
              guint   len)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (array->len < len && g_get_monotonic_time () < deadline)
    {
      gboolean never = FALSE;

      db_test_wait_flag (&never, 50);
    }
  return array->len >= len;
}

static guint
spool_length (BjbDeliverySpool *spool)
{
  g_autoptr(GPtrArray) listed = bjb_delivery_spool_list (spool, NULL);

  return listed->len;
}

static void
test_queue_in_order_once (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *dir = make_dir ();
  g_autoptr(BjbConnection) courier = NULL;
  g_autoptr(BjbDeliverySpool) spool = NULL;
  g_autoptr(BjbDeliveryQueue) queue = NULL;
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) refused = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *events = NULL;
  g_autofree char *sql = NULL;
  gint64 orders[3];

  if (!db_test_available ())
    return;
  dbname = seeded_db ();
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    orders[i] = shipped_order (dbname);

  /* Made offline in this order: the last one first in id. */
  spool = bjb_delivery_spool_new (dir, &error);
  for (guint i = G_N_ELEMENTS (orders); i > 0; i--)
    {
      g_autoptr(BjbDeliveryCompletion) c = completion_for (orders[i - 1], now, 4096);

      g_assert_true (bjb_delivery_spool_add (spool, c, &error));
    }
  queue = bjb_delivery_queue_new (spool, &error);
  g_assert_no_error (error);
  g_signal_connect (queue, "sent", G_CALLBACK (on_sent), sent);
  g_signal_connect (queue, "refused", G_CALLBACK (on_refused), refused);
  g_assert_cmpuint (bjb_delivery_queue_get_n_waiting (queue), ==, 3);
  g_assert_true (bjb_delivery_queue_has_order (queue, orders[0]));

  /* Not connected yet: nothing goes. */
  courier = db_test_connection (dbname, "t_courier", g_getenv ("BJB_TEST_PASSWORD") ?: "barokah-test");
  bjb_delivery_queue_set_connection (queue, courier);
  g_assert_false (bjb_delivery_queue_get_sending (queue));
  g_assert_true (db_test_open (courier, &error));
  g_assert_no_error (error);

  g_assert_true (wait_for_len (sent, 3));
  g_assert_cmpuint (refused->len, ==, 0);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (g_array_index (sent, gint64, i), ==, orders[2 - i]);
  g_assert_cmpuint (bjb_delivery_queue_get_n_waiting (queue), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (bjb_delivery_queue_get_items (queue)), ==, 0);
  g_assert_cmpuint (spool_length (spool), ==, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM bjb.event WHERE kind = 'order_completed'"
                         " AND order_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                         orders[0], orders[1], orders[2]);
  events = db_test_su_exec (dbname, sql);
  g_assert_cmpstr (events, ==, "3");

  bjb_delivery_queue_set_connection (queue, NULL);
  bjb_connection_close (courier);
  db_test_drop (dbname);
  remove_tree (dir);
}

static void
test_queue_refused (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *dir = make_dir ();
  g_autoptr(BjbConnection) courier = NULL;
  g_autoptr(BjbDeliverySpool) spool = NULL;
  g_autoptr(BjbDeliveryQueue) queue = NULL;
  g_autoptr(BjbDeliveryCompletion) c = NULL;
  g_autoptr(BjbDeliveryQueueItem) item = NULL;
  g_autoptr(GArray) sent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) refused = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  gint64 order;

  if (!db_test_available ())
    return;
  dbname = seeded_db ();
  order = shipped_order (dbname);
  courier = db_test_connection (dbname, "t_courier", g_getenv ("BJB_TEST_PASSWORD") ?: "barokah-test");
  g_assert_true (db_test_open (courier, &error));
  spool = bjb_delivery_spool_new (dir, &error);
  queue = bjb_delivery_queue_new (spool, &error);
  g_assert_no_error (error);
  g_signal_connect (queue, "sent", G_CALLBACK (on_sent), sent);
  g_signal_connect (queue, "refused", G_CALLBACK (on_refused), refused);
  bjb_delivery_queue_set_connection (queue, courier);

  /* Given to another courier while the completion was on its way. */
  sql = g_strdup_printf ("SELECT bjb.reassign_delivery(%" G_GINT64_FORMAT ", 't_courier2', NULL)", order);
  g_free (db_test_su_exec (dbname, sql));
  c = completion_for (order, now, 4096);
  g_assert_true (bjb_delivery_queue_add (queue, c, &error));
  g_assert_true (bjb_delivery_queue_add (queue, c, &error));   /* a double tap */
  g_assert_true (bjb_delivery_queue_get_sending (queue));
  g_assert_true (wait_for_len (refused, 1));
  g_assert_cmpuint (sent->len, ==, 0);

  /* Out of the spool (never sent again), in the list with why, until dismissed. */
  g_assert_cmpuint (spool_length (spool), ==, 0);
  g_assert_cmpuint (bjb_delivery_queue_get_n_waiting (queue), ==, 0);
  g_assert_false (bjb_delivery_queue_has_order (queue, order));
  g_assert_cmpuint (g_list_model_get_n_items (bjb_delivery_queue_get_items (queue)), ==, 1);
  item = g_list_model_get_item (bjb_delivery_queue_get_items (queue), 0);
  g_assert_cmpint (bjb_delivery_queue_item_get_state (item), ==, BJB_DELIVERY_QUEUE_ITEM_REFUSED);
  g_assert_nonnull (bjb_delivery_queue_item_get_sentence (item));
  bjb_delivery_queue_dismiss (queue, c->key);
  g_assert_cmpuint (g_list_model_get_n_items (bjb_delivery_queue_get_items (queue)), ==, 0);

  bjb_delivery_queue_set_connection (queue, NULL);
  bjb_connection_close (courier);
  db_test_drop (dbname);
  remove_tree (dir);
}

void
delivery_queue_tests_add (SeededDbFunc     seeded_db_func,
                          ShippedOrderFunc shipped_order_func,
                          CompletionFunc   completion_func,
                          MakeDirFunc      make_dir_func,
                          RemoveTreeFunc   remove_tree_func)
{
  seeded_db = seeded_db_func;
  shipped_order = shipped_order_func;
  completion_for = completion_func;
  make_dir = make_dir_func;
  remove_tree = remove_tree_func;
  g_test_add_func ("/courier/moment", test_moment_format);
  g_test_add_func ("/courier/cache/round-trip", test_cache_round_trip);
  g_test_add_func ("/courier/queue/in-order-once", test_queue_in_order_once);
  g_test_add_func ("/courier/queue/refused", test_queue_refused);
}
