/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-event-order"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bjb-listener.h"
#include "db-test-util.h"

/*
 * A transaction one desk leaves open must never make another desk's order wait
 * (migration 0005): event ordering takes no lock, and a real row conflict ends after the
 * functions' lock_timeout with BJ013 instead of hanging. Events that such a transaction
 * holds back are still delivered once, in order, when it ends — with or without an event
 * (a NOTIFY) of its own.
 *
 * The desks are plain blocking libpq connections as the real staff logins, so a test can
 * keep a transaction open exactly where it wants; the listener runs on the main loop.
 */

static char *dbname;
static const char *password;
static gint64 customers[3];
static gint64 products[3];

static PGconn *
desk_connect (const char *login)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", "application_name", NULL };
  const char *values[] = { host, port, dbname, login, password, "bjb-test-desk", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("connection as %s failed: %s", login, PQerrorMessage (conn));
  return conn;
}

/* Runs @sql on @conn; asserts success; returns the first value (or NULL). */
static char *
desk_exec (PGconn     *conn,
           const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  ExecStatusType status = PQresultStatus (result);
  char *value = NULL;

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (status == PGRES_TUPLES_OK && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  return value;
}

static char *
place_order_sql (guint customer,
                 guint product)
{
  return g_strdup_printf ("SELECT bjb.place_order(%" G_GINT64_FORMAT ", '[{\"product_id\": %"
                          G_GINT64_FORMAT ", \"qty\": 1}]', 'pickup', NULL, 0, gen_random_uuid())",
                          customers[customer], products[product]);
}

/* Places an order and returns its id. */
static gint64
place_order (PGconn *conn,
             guint   customer,
             guint   product)
{
  g_autofree char *sql = place_order_sql (customer, product);
  g_autofree char *id = desk_exec (conn, sql);

  return g_ascii_strtoll (id, NULL, 10);
}

static gint64
event_of_order (PGconn *conn,
                gint64  order_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM bjb.event WHERE kind = 'order_placed'"
                                          " AND order_id = %" G_GINT64_FORMAT, order_id);
  g_autofree char *id = desk_exec (conn, sql);

  g_assert_nonnull (id);
  return g_ascii_strtoll (id, NULL, 10);
}

/* What the server says backend @pid is waiting for ("Lock" for a lock), NULL if running. */
static char *
wait_event_type (int pid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT wait_event_type FROM pg_stat_activity"
                                          " WHERE pid = %d", pid);
  return db_test_su_exec (dbname, sql);
}

typedef struct
{
  PGresult *result;
  gboolean waited_on_lock;
  gint64 elapsed_us;
} Outcome;

/* Sends @sql on @conn and waits for its result, watching from outside whether the backend
 * ever waits on a lock (with @no_lock_wait, the test fails at the first sight of one).
 * Iterates the main loop meanwhile (a listener may be running). */
static Outcome
run_watched (PGconn     *conn,
             const char *sql,
             guint       timeout_ms,
             gboolean    no_lock_wait)
{
  Outcome outcome = { 0 };
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + (gint64) timeout_ms * 1000;
  int pid = PQbackendPID (conn);

  g_assert_cmpint (PQsendQuery (conn, sql), ==, 1);
  while (g_get_monotonic_time () < deadline)
    {
      g_autofree char *waiting = NULL;
      gboolean tick = FALSE;

      g_assert_cmpint (PQconsumeInput (conn), ==, 1);
      if (!PQisBusy (conn))
        break;
      waiting = wait_event_type (pid);
      if (no_lock_wait)
        g_assert_cmpstr (waiting, !=, "Lock");
      if (g_strcmp0 (waiting, "Lock") == 0)
        outcome.waited_on_lock = TRUE;
      db_test_wait_flag (&tick, 20);
    }
  outcome.elapsed_us = g_get_monotonic_time () - start;
  g_assert_false (PQisBusy (conn));
  outcome.result = PQgetResult (conn);
  g_assert_null (PQgetResult (conn));
  return outcome;
}

typedef struct
{
  GArray *ids;
} Received;

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          Received    *received)
{
  gint64 id = bjb_event_get_id (event);

  g_test_message ("event %" G_GINT64_FORMAT " %s", id, bjb_event_get_kind (event));
  g_array_append_val (received->ids, id);
}

static guint
count_of (Received *received,
          gint64    id)
{
  guint n = 0;

  for (guint i = 0; i < received->ids->len; i++)
    n += g_array_index (received->ids, gint64, i) == id;
  return n;
}

static void
wait_for_count (Received *received,
                guint     count,
                guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (received->ids->len < count && g_get_monotonic_time () < deadline)
    {
      gboolean tick = FALSE;

      db_test_wait_flag (&tick, 20);
    }
}

static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;

  g_assert_true (bjb_listener_start_finish (BJB_LISTENER (object), result, NULL));
  *done = TRUE;
}

/* A cs listener from the newest event on (nothing in flight when it starts). */
static BjbListener *
start_listener (Received *received)
{
  g_autoptr(BjbConnection) connection = db_test_connection (dbname, "t_cs", password);
  g_autofree char *max = db_test_su_exec (dbname, "SELECT coalesce(max(id), 0) FROM bjb.event");
  BjbListener *listener = bjb_listener_new (connection);
  gboolean done = FALSE;

  received->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  bjb_listener_set_last_event_id (listener, g_ascii_strtoll (max, NULL, 10));
  g_signal_connect (listener, "event-received", G_CALLBACK (on_event), received);
  bjb_listener_start_async (listener, NULL, start_done, &done);
  g_assert_true (db_test_wait_flag (&done, 20000));
  return listener;
}

/* Places an order for (customer, product) as t_cs in a transaction left open, then has
 * t_cs2 order (@other_customer, @other_product), watched for lock waits. */
static Outcome
order_beside_open_transaction (guint      customer,
                               guint      product,
                               guint      other_customer,
                               guint      other_product,
                               gboolean   no_lock_wait,
                               PGconn   **idle_out)
{
  g_autofree char *sql = place_order_sql (other_customer, other_product);
  PGconn *idle = desk_connect ("t_cs");
  PGconn *other = desk_connect ("t_cs2");
  Outcome outcome;

  g_free (desk_exec (idle, "BEGIN"));
  place_order (idle, customer, product);
  outcome = run_watched (other, sql, 60000, no_lock_wait);
  PQfinish (other);
  *idle_out = idle;
  return outcome;
}

static void
test_open_transaction_does_not_block (void)
{
  PGconn *idle;
  Outcome outcome;

  if (!db_test_available ())
    return;

  /* One desk places an order and leaves its transaction open, as `BEGIN; SELECT
   * bjb.place_order(…);` in psql would. Another desk's order (other customer, other
   * product) must not wait for it at all: before 0005 it queued on bjb.event_counter. */
  outcome = order_beside_open_transaction (0, 0, 1, 1, TRUE, &idle);
  g_assert_cmpint (PQresultStatus (outcome.result), ==, PGRES_TUPLES_OK);
  g_assert_false (outcome.waited_on_lock);
  g_test_message ("second order took %" G_GINT64_FORMAT " ms behind an open transaction",
                  outcome.elapsed_us / 1000);
  PQclear (outcome.result);

  g_free (desk_exec (idle, "COMMIT"));
  PQfinish (idle);
}

static void
test_row_conflict_times_out (void)
{
  PGconn *idle;
  Outcome outcome;

  if (!db_test_available ())
    return;

  /* Same product: the order must wait for the stock row, but not for ever. */
  outcome = order_beside_open_transaction (0, 2, 1, 2, FALSE, &idle);
  g_assert_true (outcome.waited_on_lock);
  g_assert_cmpint (PQresultStatus (outcome.result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (outcome.result, PG_DIAG_SQLSTATE), ==, "BJ013");
  g_assert_nonnull (strstr (PQresultErrorField (outcome.result, PG_DIAG_MESSAGE_PRIMARY),
                            "transaksi lain"));
  /* lock_timeout is 5 s; generous for a loaded machine, far below "hangs". */
  g_assert_cmpint (outcome.elapsed_us, >=, 4 * G_USEC_PER_SEC);
  g_assert_cmpint (outcome.elapsed_us, <, 30 * G_USEC_PER_SEC);
  PQclear (outcome.result);

  g_free (desk_exec (idle, "ROLLBACK"));
  PQfinish (idle);
}

static void
test_late_lower_id_delivered_once (void)
{
  g_autoptr(BjbListener) listener = NULL;
  Received received;
  PGconn *early, *late;
  gint64 early_event, late_event;

  if (!db_test_available ())
    return;

  listener = start_listener (&received);
  early = desk_connect ("t_cs");
  late = desk_connect ("t_cs2");

  /* The first transaction draws the lower event id but commits last. A reader that had
   * moved past the higher id by "id > last" would skip it for ever. */
  g_free (desk_exec (early, "BEGIN"));
  early_event = event_of_order (early, place_order (early, 0, 0));
  late_event = event_of_order (late, place_order (late, 1, 1));
  g_assert_cmpint (early_event, <, late_event);

  wait_for_count (&received, 1, 500);
  g_assert_cmpuint (count_of (&received, early_event), ==, 0);

  g_free (desk_exec (early, "COMMIT"));
  wait_for_count (&received, 2, 10000);
  /* Give a duplicate the chance to show up. */
  wait_for_count (&received, 3, 500);
  g_assert_cmpuint (received.ids->len, ==, 2);
  g_assert_cmpuint (count_of (&received, early_event), ==, 1);
  g_assert_cmpuint (count_of (&received, late_event), ==, 1);
  /* Delivery follows the transactions: the early one first. */
  g_assert_cmpint (g_array_index (received.ids, gint64, 0), ==, early_event);
  g_assert_cmpint (bjb_listener_get_last_event_id (listener), ==, late_event);

  PQfinish (early);
  PQfinish (late);
  bjb_listener_stop (listener);
  g_array_unref (received.ids);
}

static void
test_held_back_released_without_notify (void)
{
  g_autoptr(BjbListener) listener = NULL;
  Received received;
  PGconn *blocker, *desk;
  gint64 event;

  if (!db_test_available ())
    return;

  listener = start_listener (&received);
  blocker = desk_connect ("t_cs2");
  desk = desk_connect ("t_cs");

  /* An older transaction with a transaction id but no event: it holds the next event back
   * and, when it ends, sends no NOTIFY that would wake the listener. */
  g_free (desk_exec (blocker, "BEGIN"));
  g_free (desk_exec (blocker, "SELECT pg_current_xact_id()"));
  event = event_of_order (desk, place_order (desk, 1, 0));

  /* Held back while the older transaction runs (it might still write an earlier event). */
  wait_for_count (&received, 1, 500);
  g_assert_cmpuint (received.ids->len, ==, 0);

  g_free (desk_exec (blocker, "COMMIT"));
  wait_for_count (&received, 1, 10000);
  wait_for_count (&received, 2, 500);
  g_assert_cmpuint (received.ids->len, ==, 1);
  g_assert_cmpint (g_array_index (received.ids, gint64, 0), ==, event);

  PQfinish (blocker);
  PQfinish (desk);
  bjb_listener_stop (listener);
  g_array_unref (received.ids);
}

static void
create_data (void)
{
  g_autofree char *category = db_test_su_exec (
    dbname, "INSERT INTO bjb.category (name) VALUES ('Event order') RETURNING id");

  for (guint i = 0; i < G_N_ELEMENTS (products); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO bjb.product (category_id, name, unit, price, stock)"
        " VALUES (%s, 'Event order product %u', 'pcs', 1000, 100000) RETURNING id", category, i);
      g_autofree char *id = db_test_su_exec (dbname, sql);

      products[i] = g_ascii_strtoll (id, NULL, 10);
    }
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO bjb.customer (name) VALUES ('Event order customer %u') RETURNING id", i);
      g_autofree char *id = db_test_su_exec (dbname, sql);

      customers[i] = g_ascii_strtoll (id, NULL, 10);
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  password = g_getenv ("BJB_TEST_PASSWORD");
  if (g_getenv ("BJB_TEST_TEMPLATE") != NULL)
    {
      dbname = db_test_create ();
      create_data ();
    }

  g_test_add_func ("/db/event-order/open-transaction-does-not-block",
                   test_open_transaction_does_not_block);
  g_test_add_func ("/db/event-order/row-conflict-times-out", test_row_conflict_times_out);
  g_test_add_func ("/db/event-order/late-lower-id-delivered-once",
                   test_late_lower_id_delivered_once);
  g_test_add_func ("/db/event-order/held-back-released-without-notify",
                   test_held_back_released_without_notify);

  ret = g_test_run ();

  if (dbname != NULL)
    db_test_drop (dbname);
  g_free (dbname);
  return ret;
}
