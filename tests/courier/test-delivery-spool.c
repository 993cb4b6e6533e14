/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-delivery-spool"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "bjb-db-error.h"
#include "bjb-delivery-ops.h"
#include "bjb-delivery-spool.h"
#include "db-test-util.h"
#include "test-delivery-queue.h"

/*
 * The courier's offline queue (issue 9): completions survive a kill in the middle of a
 * write, come back in the order they were queued, and — sent through bjb-delivery-ops —
 * reach the database exactly once even when the program dies after the server committed
 * and before it removed the file.
 */

#define PHOTO_SIZE (1024 * 1024)

/* A photo whose every byte says which order it belongs to: a completion read back with a
 * byte of another one (or of nothing) shows as a mismatch. Starts like a JPEG. */
static GBytes *
photo_for (gint64 order_id,
           gsize  size)
{
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) ((order_id * 31 + i) & 0xff);
  data[0] = 0xff;
  data[1] = 0xd8;
  data[2] = 0xff;
  return g_bytes_new_take (data, size);
}

static BjbDeliveryCompletion *
completion_for (gint64     order_id,
                GDateTime *captured_at,
                gsize      photo_size)
{
  g_autoptr(GBytes) photo = photo_for (order_id, photo_size);
  g_autoptr(GBytes) thumb = photo_for (order_id, 64);
  g_autofree char *recipient = g_strdup_printf ("Penerima %" G_GINT64_FORMAT, order_id);

  return bjb_delivery_completion_new (order_id, recipient, order_id % 2 ? "Di pagar" : NULL,
                                      captured_at, photo, thumb, 1600, 1200);
}

static char *
make_spool_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("bjb-spool-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static guint
count_temp_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    n += g_str_has_prefix (name, ".tmp-");
  return n;
}

static void
assert_same_completion (const BjbDeliveryCompletion *a,
                        const BjbDeliveryCompletion *b)
{
  g_assert_cmpint (a->order_id, ==, b->order_id);
  g_assert_cmpstr (a->key, ==, b->key);
  g_assert_cmpstr (a->recipient, ==, b->recipient);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_true (g_date_time_equal (a->captured_at, b->captured_at));
  g_assert_true (g_bytes_equal (a->photo, b->photo));
  g_assert_true (g_bytes_equal (a->thumb, b->thumb));
  g_assert_cmpint (a->width, ==, b->width);
  g_assert_cmpint (a->height, ==, b->height);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = make_spool_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) queued = g_ptr_array_new_with_free_func ((GDestroyNotify) bjb_delivery_completion_free);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(BjbDeliverySpool) reopened = NULL;

  g_assert_no_error (error);
  /* Order ids deliberately not ascending: the queue keeps the order of queueing. */
  for (gint64 id = 5; id >= 1; id -= 2)
    {
      g_ptr_array_add (queued, completion_for (id, now, 4096));
      g_assert_true (bjb_delivery_spool_add (spool, g_ptr_array_index (queued, queued->len - 1), &error));
      g_assert_no_error (error);
    }
  /* The same completion queued twice (a double tap) is one entry. */
  g_assert_true (bjb_delivery_spool_add (spool, g_ptr_array_index (queued, 0), &error));

  reopened = bjb_delivery_spool_new (dir, &error);
  listed = bjb_delivery_spool_list (reopened, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  for (guint i = 0; i < listed->len; i++)
    assert_same_completion (g_ptr_array_index (listed, i), g_ptr_array_index (queued, i));

  g_assert_true (bjb_delivery_spool_remove (reopened, ((BjbDeliveryCompletion *) queued->pdata[1])->key, &error));
  g_assert_false (bjb_delivery_spool_remove (reopened, ((BjbDeliveryCompletion *) queued->pdata[1])->key, &error));
  g_assert_no_error (error);
  after = bjb_delivery_spool_list (spool, &error);
  g_assert_cmpuint (after->len, ==, 2);
  g_assert_cmpint (((BjbDeliveryCompletion *) after->pdata[0])->order_id, ==, 5);
  g_assert_cmpint (((BjbDeliveryCompletion *) after->pdata[1])->order_id, ==, 1);
  remove_tree (dir);
}

static void
test_refuses_incomplete (void)
{
  g_autofree char *dir = make_spool_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(BjbDeliveryCompletion) c = completion_for (7, now, 64);
  g_autoptr(GPtrArray) listed = NULL;

  g_free (c->recipient);
  c->recipient = g_strdup ("   ");
  g_assert_false (bjb_delivery_spool_add (spool, c, &error));
  g_assert_error (error, BJB_DELIVERY_SPOOL_ERROR, BJB_DELIVERY_SPOOL_ERROR_INVALID);
  g_clear_error (&error);
  listed = bjb_delivery_spool_list (spool, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  remove_tree (dir);
}

/* A file that is not a completion is an error, never skipped: it might be a delivery. */
static void
test_corrupt_file_reported (void)
{
  g_autofree char *dir = make_spool_dir ();
  g_autofree char *path = g_build_filename (dir, "00000000000000000001-x.completion", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
  g_autoptr(GPtrArray) listed = NULL;

  g_assert_true (g_file_set_contents (path, "not a completion", -1, &error));
  listed = bjb_delivery_spool_list (spool, &error);
  g_assert_null (listed);
  g_assert_error (error, BJB_DELIVERY_SPOOL_ERROR, BJB_DELIVERY_SPOOL_ERROR_CORRUPT);
  remove_tree (dir);
}

/* The child of test_kill_mid_write: queues 1 MiB completions until killed, saying "queued N"
 * after each one is durable. */
static int
run_writer (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
  g_autoptr(GPtrArray) existing = spool != NULL ? bjb_delivery_spool_list (spool, &error) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (existing == NULL)
    g_error ("writer: %s", error->message);
  for (gint64 id = existing->len + 1;; id++)
    {
      g_autoptr(BjbDeliveryCompletion) c = completion_for (id, now, PHOTO_SIZE);

      if (!bjb_delivery_spool_add (spool, c, &error))
        g_error ("writer: %s", error->message);
      g_print ("queued %" G_GINT64_FORMAT "\n", id);
    }
  return 0;
}

static void
test_kill_mid_write (void)
{
  g_autofree char *dir = make_spool_dir ();
  char self[4096];
  ssize_t len = readlink ("/proc/self/exe", self, sizeof self - 1);
  guint temp_left = 0;
  gint64 confirmed = 0;

  g_assert_cmpint (len, >, 0);
  self[len] = '\0';
  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GSubprocess) writer = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                        self, "--writer", dir, NULL);
      g_autoptr(GDataInputStream) out = NULL;
      g_autoptr(BjbDeliverySpool) spool = NULL;
      g_autoptr(GPtrArray) listed = NULL;
      g_autofree char *line = NULL;

      g_assert_no_error (error);
      out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (writer));
      /* Wait for one durable completion, then kill at a moment no test picks. */
      line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (line);
      confirmed = g_ascii_strtoll (line + strlen ("queued "), NULL, 10);
      g_usleep (g_random_int_range (0, 40000));
      g_subprocess_send_signal (writer, SIGKILL);
      g_subprocess_wait (writer, NULL, NULL);
      temp_left += count_temp_files (dir);

      spool = bjb_delivery_spool_new (dir, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count_temp_files (dir), ==, 0);
      listed = bjb_delivery_spool_list (spool, &error);
      g_assert_no_error (error);
      /* Everything confirmed is there, whole, in order; nothing half-written is. */
      g_assert_cmpint (listed->len, >=, confirmed);
      for (guint i = 0; i < listed->len; i++)
        {
          const BjbDeliveryCompletion *c = g_ptr_array_index (listed, i);
          g_autoptr(GBytes) expected = photo_for (i + 1, PHOTO_SIZE);

          g_assert_cmpint (c->order_id, ==, i + 1);
          g_assert_true (g_bytes_equal (c->photo, expected));
        }
    }
  g_test_message ("%u of 6 kills left a half-written temporary file behind", temp_left);
  remove_tree (dir);
}

/* ------------------------------------------------------------------ against the database */

typedef struct
{
  gboolean done;
  JsonObject *result;
  GError *error;
} Sent;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Sent *sent = user_data;

  sent->result = bjb_delivery_ops_send_finish (result, &sent->error);
  sent->done = TRUE;
}

static Sent
send_one (BjbConnection               *connection,
          const BjbDeliveryCompletion *c)
{
  Sent sent = { FALSE, NULL, NULL };

  bjb_delivery_ops_send_async (connection, c, NULL, on_sent, &sent);
  g_assert_true (db_test_wait_flag (&sent.done, 20000));
  return sent;
}

/* A database of its own with the customer and the product shipped_order() uses. */
static char *
seeded_db (void)
{
  char *dbname = db_test_create ();

  g_free (db_test_su_exec (dbname,
    "SELECT bjb.save_customer(NULL, 'Bu Antrian', 'Jl. Antrian 1', '+62899555000001', NULL, NULL, 'active', NULL, NULL);"
    "INSERT INTO bjb.category (name) VALUES ('Spool');"
    "INSERT INTO bjb.product (category_id, name, unit, price, stock)"
    " VALUES ((SELECT id FROM bjb.category WHERE name = 'Spool'), 'Spool Paving', 'pcs', 2500, 100)"));
  return dbname;
}

/* A delivery order of the test product, paid and shipped to t_courier; its id. */
static gint64
shipped_order (const char *dbname)
{
  g_autofree char *id = db_test_su_exec (dbname,
    "SELECT bjb.place_order((SELECT id FROM bjb.customer WHERE phone = '+62899555000001'),"
    " jsonb_build_array(jsonb_build_object('product_id', (SELECT id FROM bjb.product WHERE name = 'Spool Paving'),"
    " 'qty', 2)), 'delivery', 'Jl. Antrian 1', 0, gen_random_uuid())");
  /* The order id goes between each pair. */
  const char *steps[][2] = {
    { "SELECT bjb.attach_photo(", ", 'payment_proof', 'image/jpeg', '\\xffd8ffd9', '\\xffd8ffd9', 1, 1)" },
    { "SELECT bjb.confirm_payment(", ")" },
    { "SELECT bjb.ship_order(", ", 't_courier')" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *sql = g_strconcat (steps[i][0], id, steps[i][1], NULL);

      g_free (db_test_su_exec (dbname, sql));
    }
  return g_ascii_strtoll (id, NULL, 10);
}

/* The first value of @sql, which ends with "order_id = ", for @order_id. */
static char *
value_for (const char *dbname,
           const char *sql,
           gint64      order_id)
{
  g_autofree char *full = g_strdup_printf ("%s%" G_GINT64_FORMAT, sql, order_id);

  return db_test_su_exec (dbname, full);
}

static void
test_exactly_once (void)
{
  g_autofree char *dbname = NULL;
  g_autofree char *dir = make_spool_dir ();
  g_autoptr(BjbConnection) courier = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) captured = g_date_time_add_minutes (now, -1);
  gint64 delivered, cancelled;

  if (!db_test_available ())
    return;
  dbname = seeded_db ();
  delivered = shipped_order (dbname);
  cancelled = shipped_order (dbname);

  courier = db_test_connection (dbname, "t_courier", g_getenv ("BJB_TEST_PASSWORD") ?: "barokah-test");
  g_assert_true (db_test_open (courier, &error));
  g_assert_no_error (error);

  /* Queued offline, sent, and the program killed before it removed the file. */
  {
    g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
    g_autoptr(BjbDeliveryCompletion) c = completion_for (delivered, captured, 200 * 1024);
    g_autoptr(BjbDeliveryCompletion) late = completion_for (cancelled, captured, 1024);

    g_assert_true (bjb_delivery_spool_add (spool, c, &error));
    g_assert_true (bjb_delivery_spool_add (spool, late, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
    g_autoptr(GPtrArray) listed = bjb_delivery_spool_list (spool, &error);
    Sent first = send_one (courier, g_ptr_array_index (listed, 0));

    g_assert_no_error (first.error);
    g_assert_cmpstr (json_object_get_string_member (first.result, "status"), ==, "completed");
    json_object_unref (first.result);
  }
  /* Restarted: the file is still there, so it is sent again: the same answer, no second
   * completion. Then removed. */
  {
    g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
    g_autoptr(GPtrArray) listed = bjb_delivery_spool_list (spool, &error);
    const BjbDeliveryCompletion *c = g_ptr_array_index (listed, 0);
    g_autofree char *completed_at = NULL;
    g_autofree char *expected = g_date_time_format_iso8601 (captured);
    g_autofree char *sql = NULL;
    Sent again;

    g_assert_cmpuint (listed->len, ==, 2);
    g_assert_cmpint (c->order_id, ==, delivered);
    again = send_one (courier, c);
    g_assert_no_error (again.error);
    g_assert_cmpstr (json_object_get_string_member (again.result, "key"), ==, c->key);
    g_assert_true (bjb_delivery_spool_remove (spool, c->key, &error));
    json_object_unref (again.result);
    /* Timed by the delivery, not by the (second) upload. */
    sql = g_strdup_printf ("SELECT completed_at = '%s'::timestamptz AND delivery_received_at > completed_at"
                           " FROM bjb.sales_order WHERE id = %" G_GINT64_FORMAT, expected, delivered);
    completed_at = db_test_su_exec (dbname, sql);
    g_assert_cmpstr (completed_at, ==, "t");
  }
  {
    g_autofree char *events = value_for (dbname, "SELECT count(*) FROM bjb.event"
                                         " WHERE kind = 'order_completed' AND order_id = ", delivered);
    g_autofree char *attempts = value_for (dbname, "SELECT count(*) FROM bjb.delivery_attempt WHERE order_id = ",
                                           delivered);
    g_autofree char *photos = value_for (dbname, "SELECT count(*) FROM bjb.photo"
                                         " WHERE kind = 'delivery' AND order_id = ", delivered);
    g_autofree char *history = value_for (dbname, "SELECT count(*) FROM bjb.order_status_history"
                                          " WHERE status = 'completed' AND order_id = ", delivered);

    g_assert_cmpstr (events, ==, "1");
    g_assert_cmpstr (attempts, ==, "1");
    g_assert_cmpstr (photos, ==, "1");
    g_assert_cmpstr (history, ==, "1");
  }

  /* The second order is cancelled by cs before the courier is back online: refused with
   * BJ031, the photo kept for customer service. */
  {
    g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (dir, &error);
    g_autoptr(GPtrArray) listed = NULL;
    g_autofree char *kept = NULL;
    g_autofree char *sql = g_strdup_printf ("SELECT bjb.report_delivery_problem(%" G_GINT64_FORMAT
                                            ", 'customer_absent', NULL)", cancelled);
    g_autofree char *cancel = g_strdup_printf ("SELECT bjb.cancel_order(%" G_GINT64_FORMAT
                                               ", 'Tidak bisa dihubungi')", cancelled);
    g_autoptr(BjbResult) reported = db_test_query (courier, sql, 0, NULL, &error);
    Sent refused;

    g_assert_no_error (error);
    g_free (db_test_su_exec (dbname, cancel));
    listed = bjb_delivery_spool_list (spool, &error);
    g_assert_cmpuint (listed->len, ==, 1);
    refused = send_one (courier, g_ptr_array_index (listed, 0));
    g_assert_error (refused.error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS);
    g_assert_cmpstr (bjb_db_error_get_sqlstate (refused.error), ==, "BJ031");
    g_clear_error (&refused.error);
    kept = value_for (dbname, "SELECT count(*) FROM bjb.photo WHERE kind = 'delivery' AND order_id = ", cancelled);
    g_assert_cmpstr (kept, ==, "1");
  }

  bjb_connection_close (courier);
  db_test_drop (dbname);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--writer") == 0)
    return run_writer (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/courier/spool/round-trip", test_round_trip);
  g_test_add_func ("/courier/spool/refuses-incomplete", test_refuses_incomplete);
  g_test_add_func ("/courier/spool/corrupt-file-reported", test_corrupt_file_reported);
  g_test_add_func ("/courier/spool/kill-mid-write", test_kill_mid_write);
  g_test_add_func ("/courier/spool/exactly-once", test_exactly_once);
  delivery_queue_tests_add (seeded_db, shipped_order, completion_for, make_spool_dir, remove_tree);
  return g_test_run ();
}
