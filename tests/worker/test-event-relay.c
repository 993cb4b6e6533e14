/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-event-relay"

#include "config.h"

#include <libpq-fe.h>

#include "bjb-event-relay.h"
#include "bjb-listener.h"
#include "db-test-util.h"

/*
 * The event relay of migration 0015 on a real cluster: a superuser connection writes
 * events as a checkout does (one transaction each), a LISTENing connection records who
 * sent every NOTIFY (the backend pid), and a BjbListener as t_cs must see every event
 * exactly once, in order, whichever way the wake-ups come.
 */

/* A wake-up may wait one relay interval plus a fetch; the machine is shared and busy. */
#define LATENCY_BOUND_MS 2000

static char *dbname;
static const char *password;

typedef struct
{
  GArray *pids;          /* int: the sender of each NOTIFY bjb_events */
} Wakeups;

typedef struct
{
  GArray *ids;           /* gint64, in delivery order */
  GArray *at;            /* gint64, monotonic µs of each delivery */
} Received;

static void
on_notification (BjbConnection *connection,
                 const char    *channel,
                 const char    *payload,
                 int            pid,
                 Wakeups       *wakeups)
{
  if (g_strcmp0 (channel, "bjb_events") == 0)
    g_array_append_val (wakeups->pids, pid);
}

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          Received    *received)
{
  gint64 id = bjb_event_get_id (event);
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (received->ids, id);
  g_array_append_val (received->at, now);
}

static void
spin (guint ms)
{
  gboolean never = FALSE;

  db_test_wait_flag (&never, ms);
}

static gboolean
wait_for_count (Received *received,
                guint     count,
                guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (received->ids->len < count && g_get_monotonic_time () < deadline)
    spin (20);
  return received->ids->len >= count;
}

static gboolean
wait_for_active (BjbEventRelay *relay,
                 gboolean       active,
                 guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (bjb_event_relay_is_active (relay) != active && g_get_monotonic_time () < deadline)
    spin (20);
  return bjb_event_relay_is_active (relay) == active;
}

static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (bjb_listener_start_finish (BJB_LISTENER (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
wait_for_new_session (BjbEventRelay *relay,
                      int            old_pid,
                      guint          timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!(bjb_event_relay_is_active (relay) && bjb_event_relay_get_backend_pid (relay) != old_pid)
         && g_get_monotonic_time () < deadline)
    spin (20);
  return bjb_event_relay_is_active (relay) && bjb_event_relay_get_backend_pid (relay) != old_pid;
}

static PGconn *
su_connect (void)
{
  const char *keywords[] = { "dbname", NULL };
  const char *values[] = { dbname, NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 0);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  return conn;
}

/* One event for cs in a transaction of its own on @conn; returns its id. */
static gint64
insert_event (PGconn *conn)
{
  PGresult *res = PQexec (conn, "INSERT INTO bjb.event (kind, audience_role)"
                                " VALUES ('order_placed', 'cs') RETURNING id");
  gint64 id;

  g_assert_cmpint (PQresultStatus (res), ==, PGRES_TUPLES_OK);
  id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
  PQclear (res);
  return id;
}

static void
su_command (PGconn     *conn,
            const char *sql)
{
  PGresult *res = PQexec (conn, sql);

  g_assert_true (PQresultStatus (res) == PGRES_COMMAND_OK
                 || PQresultStatus (res) == PGRES_TUPLES_OK);
  PQclear (res);
}

typedef struct
{
  BjbConnection *watch;        /* LISTEN bjb_events, counting the senders */
  BjbListener *listener;       /* t_cs */
  BjbEventRelay *relay;        /* NULL until start_relay () */
  Wakeups wakeups;
  Received received;
  PGconn *writer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbConnection) listener_connection = NULL;
  g_autoptr(BjbResult) rows = NULL;
  g_autofree char *last = NULL;
  gboolean started = FALSE;

  if (!db_test_available ())
    return;
  f->wakeups.pids = g_array_new (FALSE, FALSE, sizeof (int));
  f->received.ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->received.at = g_array_new (FALSE, FALSE, sizeof (gint64));
  f->writer = su_connect ();

  f->watch = db_test_connection (dbname, "t_cs", password);
  g_assert_true (db_test_open (f->watch, &error));
  g_signal_connect (f->watch, "notification", G_CALLBACK (on_notification), &f->wakeups);
  rows = db_test_query (f->watch, "LISTEN bjb_events", 0, NULL, &error);
  g_assert_no_error (error);

  last = db_test_su_exec (dbname, "SELECT coalesce(max(id), 0) FROM bjb.event");
  listener_connection = db_test_connection (dbname, "t_cs", password);
  f->listener = bjb_listener_new (listener_connection);
  bjb_listener_set_last_event_id (f->listener, g_ascii_strtoll (last, NULL, 10));
  g_signal_connect (f->listener, "event-received", G_CALLBACK (on_event), &f->received);
  bjb_listener_start_async (f->listener, NULL, start_done, &started);
  g_assert_true (db_test_wait_flag (&started, 20000));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (!db_test_available ())
    return;
  if (f->relay != NULL)
    {
      bjb_event_relay_stop (f->relay);
      db_test_assert_finalize (g_steal_pointer (&f->relay));
    }
  bjb_listener_stop (f->listener);
  db_test_assert_finalize (g_steal_pointer (&f->listener));
  bjb_connection_close (f->watch);
  g_clear_object (&f->watch);
  PQfinish (f->writer);
  g_array_unref (f->wakeups.pids);
  g_array_unref (f->received.ids);
  g_array_unref (f->received.at);
}

static void
start_relay (Fixture *f)
{
  g_autoptr(BjbConnection) connection = db_test_connection (dbname, "t_worker", password);

  f->relay = bjb_event_relay_new (connection, BJB_EVENT_RELAY_DEFAULT_INTERVAL_MS);
  bjb_event_relay_start (f->relay);
  g_assert_true (wait_for_active (f->relay, TRUE, 10000));
  /* Its start NOTIFY is on its way: let it land so the counts below are the events'. */
  spin (300);
  g_array_set_size (f->wakeups.pids, 0);
}

/* Every id in @ids was delivered once, in this order, and nothing else. */
static void
assert_delivered (Fixture      *f,
                  const gint64 *ids,
                  guint         n)
{
  g_assert_true (wait_for_count (&f->received, n, 15000));
  spin (300);   /* a duplicate would show up now */
  g_assert_cmpuint (f->received.ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (f->received.ids, gint64, i), ==, ids[i]);
}

static guint
count_pid (Wakeups *wakeups,
           int      pid)
{
  guint n = 0;

  for (guint i = 0; i < wakeups->pids->len; i++)
    n += g_array_index (wakeups->pids, int, i) == pid;
  return n;
}

/* (a) No relay: each event's own transaction notifies at its commit, as before 0015. */
static void
test_no_relay (Fixture       *f,
               gconstpointer  data)
{
  gint64 ids[5];
  int writer_pid;

  if (!db_test_available ())
    return;
  writer_pid = PQbackendPID (f->writer);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    ids[i] = insert_event (f->writer);
  assert_delivered (f, ids, G_N_ELEMENTS (ids));
  g_assert_cmpuint (count_pid (&f->wakeups, writer_pid), ==, G_N_ELEMENTS (ids));
}

/* (b) With the relay: the writing transactions send nothing, the relay one NOTIFY per
 * batch, and the listener still gets every event once, in order, within the bound. */
static void
test_relay_batches (Fixture       *f,
                    gconstpointer  data)
{
  gint64 ids[40];
  gint64 committed[40];
  gint64 worst = 0;
  guint wakeups_before;
  int relay_pid;

  if (!db_test_available ())
    return;
  start_relay (f);
  relay_pid = bjb_event_relay_get_backend_pid (f->relay);
  wakeups_before = bjb_event_relay_get_n_wakeups (f->relay);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = insert_event (f->writer);
      committed[i] = g_get_monotonic_time ();
      if (i % 10 == 9)
        spin (120);   /* a few batches, not one */
    }
  assert_delivered (f, ids, G_N_ELEMENTS (ids));

  g_assert_cmpuint (count_pid (&f->wakeups, PQbackendPID (f->writer)), ==, 0);
  g_assert_cmpuint (count_pid (&f->wakeups, relay_pid), ==, f->wakeups.pids->len);
  g_assert_cmpuint (f->wakeups.pids->len, >=, 1);
  g_assert_cmpuint (f->wakeups.pids->len, <, G_N_ELEMENTS (ids));
  g_assert_cmpuint (bjb_event_relay_get_n_wakeups (f->relay) - wakeups_before, ==,
                    f->wakeups.pids->len);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    worst = MAX (worst, g_array_index (f->received.at, gint64, i) - committed[i]);
  g_test_message ("%u events, %u wake-ups, worst commit → listener %.1f ms",
                  (guint) G_N_ELEMENTS (ids), f->wakeups.pids->len, worst / 1000.0);
  g_assert_cmpint (worst, <, LATENCY_BOUND_MS * 1000);
}

/* (c) The relay's backend killed between events: it reconnects, takes the lock again and
 * NOTIFYs at its start; nothing placed before, during or after is lost or doubled. */
static void
test_relay_killed (Fixture       *f,
                   gconstpointer  data)
{
  gint64 ids[12];
  guint n = 0;
  int old_pid;

  if (!db_test_available ())
    return;
  start_relay (f);
  for (guint i = 0; i < 4; i++)
    ids[n++] = insert_event (f->writer);
  old_pid = bjb_event_relay_get_backend_pid (f->relay);
  db_test_terminate (old_pid);
  for (guint i = 0; i < 4; i++)
    ids[n++] = insert_event (f->writer);
  /* Back, on a new backend (the way down may be shorter than one look at it). */
  g_assert_true (wait_for_new_session (f->relay, old_pid, 15000));
  for (guint i = 0; i < 4; i++)
    ids[n++] = insert_event (f->writer);
  assert_delivered (f, ids, n);
}

/* The gap: a transaction checks while the relay holds the lock (so it will not notify),
 * then the relay dies for good before that commit. The next event anywhere notifies
 * directly again, and the listener catches both up. */
static void
test_gap_closed_by_next_event (Fixture       *f,
                               gconstpointer  data)
{
  gint64 ids[2];

  if (!db_test_available ())
    return;
  start_relay (f);
  su_command (f->writer, "BEGIN");
  ids[0] = insert_event (f->writer);
  bjb_event_relay_stop (f->relay);
  spin (300);
  su_command (f->writer, "COMMIT");
  spin (500);
  g_assert_cmpuint (f->received.ids->len, ==, 0);   /* nobody woke the listener */
  g_assert_cmpuint (f->wakeups.pids->len, ==, 0);

  ids[1] = insert_event (f->writer);
  assert_delivered (f, ids, 2);
  g_assert_cmpuint (count_pid (&f->wakeups, PQbackendPID (f->writer)), ==, 1);
}

/* A second relay finds the lock taken and waits; the first keeps relaying. */
static void
test_second_relay_waits (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbEventRelay) second = NULL;
  gint64 id;

  if (!db_test_available ())
    return;
  start_relay (f);
  connection = db_test_connection (dbname, "t_worker", password);
  second = bjb_event_relay_new (connection, BJB_EVENT_RELAY_DEFAULT_INTERVAL_MS);
  bjb_event_relay_start (second);
  spin (1000);
  g_assert_false (bjb_event_relay_is_active (second));
  id = insert_event (f->writer);
  assert_delivered (f, &id, 1);
  g_assert_cmpuint (count_pid (&f->wakeups, bjb_event_relay_get_backend_pid (f->relay)), ==, 1);

  /* The first one gone for good, the second takes over. */
  bjb_event_relay_stop (f->relay);
  g_assert_true (wait_for_active (second, TRUE, 15000));
  bjb_event_relay_stop (second);
}

/* A superuser may still hold the key (0024 took it from the staff logins). While somebody
 * holds it shared the relay keeps waiting, and the checkouts that check during its waits do
 * not notify; the NOTIFY it sends after every wait that timed out still wakes the listeners. */
static void
test_key_held_elsewhere (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(BjbConnection) connection = NULL;
  PGconn *squatter;
  gint64 ids[6];

  if (!db_test_available ())
    return;
  squatter = su_connect ();
  su_command (squatter, "SELECT pg_advisory_lock_shared(6449765, 0)");
  connection = db_test_connection (dbname, "t_worker", password);
  f->relay = bjb_event_relay_new (connection, BJB_EVENT_RELAY_DEFAULT_INTERVAL_MS);
  bjb_event_relay_start (f->relay);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = insert_event (f->writer);
      spin (400);
    }
  assert_delivered (f, ids, G_N_ELEMENTS (ids));
  g_assert_false (bjb_event_relay_is_active (f->relay));
  g_assert_cmpuint (bjb_event_relay_get_n_wakeups (f->relay), >, 0);

  PQfinish (squatter);   /* the lock goes with the session: the relay takes over */
  g_assert_true (wait_for_active (f->relay, TRUE, 15000));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  password = g_getenv ("BJB_TEST_PASSWORD");
  if (g_getenv ("BJB_TEST_TEMPLATE") != NULL)
    dbname = db_test_create ();

#define ADD(path, func) \
  g_test_add ("/worker/event-relay/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("no-relay-notifies-at-commit", test_no_relay);
  ADD ("one-notify-per-batch", test_relay_batches);
  ADD ("relay-backend-killed", test_relay_killed);
  ADD ("gap-closed-by-next-event", test_gap_closed_by_next_event);
  ADD ("second-relay-waits", test_second_relay_waits);
  ADD ("key-held-elsewhere", test_key_held_elsewhere);
#undef ADD

  ret = g_test_run ();

  if (dbname != NULL)
    db_test_drop (dbname);
  g_free (dbname);
  return ret;
}
