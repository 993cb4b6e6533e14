/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "soak"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bjb-event-relay.h"
#include "bjb-listener.h"
#include "soak.h"

/*
 * Soak test: 16 desks (11 customer service, 4 couriers, 1 admin) work the real contract
 * functions for --duration seconds with one BjbListener per desk login, while a fault
 * injector terminates random staff backends, restarts the server and desks drop their
 * connection in the middle of a transaction. barokahd's event relay (BjbEventRelay, migration
 * 0015) runs in this process as the soak_relay worker login, so the desks' commits do not
 * notify; the injector also kills the relay's backend every few faults. Then it checks, as
 * the superuser:
 *   - every order request that got an answer exists exactly once, with that id; no
 *     abandoned (uncommitted) request exists;
 *   - stock per product = initial + every ledger movement, the ledger agrees with the order
 *     lines, and the restocks the admin desk saw answered; no stock below zero;
 *   - every listener received every event its login may see exactly once, nothing else;
 *   - the outbox holds exactly one message per payment, shipment and completion;
 *   - every order and line insert and every status change has its audit row.
 * Prints the counts; exits 1 when an invariant is broken. Run by tests/soak/run.
 */

#define N_CS 11
#define N_COURIERS 4
#define N_DESKS (N_CS + N_COURIERS + 1)
#define N_PRODUCTS 8
#define N_CUSTOMERS 200
#define INITIAL_STOCK 20000

static const char *dbname;
static const char *password = "soak-password-1";
static gint64 products[N_PRODUCTS];
static gint64 customers[N_CUSTOMERS];
static Desk desks[N_DESKS];
static gint faults_terminated, faults_restarts, faults_relay;
static BjbEventRelay *relay;
#define RELAY_LOGIN "soak_relay"
static gint64 deadline;
static int n_restarts = 1;
static gboolean broken;

typedef struct
{
  Desk *desk;
  BjbListener *listener;
  GHashTable *received;     /* event id → times delivered */
  guint delivered;
  gboolean started;
  gboolean start_done;
} Watch;

static Watch watches[N_DESKS];

static PGconn *
su_connect (void)
{
  const char *keywords[] = { "dbname", "application_name", NULL };
  const char *values[] = { dbname, "bjb-soak-check", NULL };
  PGconn *conn = NULL;

  /* Right after a restart the server may still be starting. */
  for (guint i = 0; i < 100; i++)
    {
      conn = PQconnectdbParams (keywords, values, 0);
      if (PQstatus (conn) == CONNECTION_OK)
        return conn;
      PQfinish (conn);
      g_usleep (200 * 1000);
    }
  g_error ("no superuser connection to %s", dbname);
}

/* Runs @sql as the superuser; returns the first value (or NULL). */
static char *
su_exec (const char *sql)
{
  PGconn *conn = su_connect ();
  PGresult *result = PQexec (conn, sql);
  char *value = NULL;

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
    value = g_strdup (PQgetvalue (result, 0, 0));
  PQclear (result);
  PQfinish (conn);
  return value;
}

static gint64
su_int (const char *sql)
{
  g_autofree char *value = su_exec (sql);

  return value ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static void
check (const char *what,
       gint64      bad)
{
  if (bad == 0)
    g_print ("ok     %s\n", what);
  else
    g_print ("BROKEN %s (%" G_GINT64_FORMAT ")\n", what, bad);
  broken |= bad != 0;
}

static void
create_world (void)
{
  g_autofree char *category = NULL;
  const char *kinds[] = { "cs", "courier", "admin" };

  for (guint i = 0; i < N_DESKS; i++)
    {
      Desk *desk = &desks[i];
      g_autofree char *sql = NULL;

      desk->kind = i < N_CS ? DESK_CS : i < N_CS + N_COURIERS ? DESK_COURIER : DESK_ADMIN;
      desk->index = i;
      g_snprintf (desk->login, sizeof desk->login, "soak_%s%02u", kinds[desk->kind], i + 1);
      desk->answered_requests = g_ptr_array_new_with_free_func (g_free);
      desk->answered_orders = g_array_new (FALSE, FALSE, sizeof (gint64));
      desk->abandoned_requests = g_ptr_array_new_with_free_func (g_free);
      desk->errors = g_string_new (NULL);
      sql = g_strdup_printf ("SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s')"
                             " THEN NULL ELSE bjb.create_staff('%1$s', 'Soak %1$s', '%2$s', '%3$s')::text END",
                             desk->login, kinds[desk->kind], password);
      g_free (su_exec (sql));
    }

  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s')"
      " THEN NULL ELSE bjb.create_staff('%1$s', 'Soak relay', 'worker', '%2$s')::text END",
      RELAY_LOGIN, password);
    g_free (su_exec (sql));
  }

  category = su_exec ("INSERT INTO bjb.category (name) VALUES ('Soak') RETURNING id");
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO bjb.product (category_id, name, unit, price, stock)"
        " VALUES (%s, 'Soak produk %u', 'pcs', %u, %d) RETURNING id",
        category, i, 1000 + 500 * i, INITIAL_STOCK);

      products[i] = su_int (sql);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO bjb.customer (name, address, phone) VALUES ('Soak pelanggan %u', 'Jl. Soak %u',"
        " '+62899%09u') RETURNING id", i, i, 500000 + i);

      customers[i] = su_int (sql);
    }
}

static void
on_event (BjbListener *listener,
          BjbEvent    *event,
          Watch       *watch)
{
  gint64 id = bjb_event_get_id (event);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (watch->received, &id));

  if (n == 0)
    g_hash_table_insert (watch->received, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (1));
  else
    g_hash_table_replace (watch->received, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
  watch->delivered++;
}

static void
start_listeners (void)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";

  for (guint i = 0; i < N_DESKS; i++)
    {
      const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
      const char *values[] = { host, port, dbname, desks[i].login, password, NULL };
      g_autoptr(BjbConnection) connection = bjb_connection_new (keywords, values);

      bjb_connection_set_reconnect_delays (connection, 100, 2000);
      watches[i].desk = &desks[i];
      watches[i].received = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      watches[i].listener = bjb_listener_new (connection);
      g_signal_connect (watches[i].listener, "event-received", G_CALLBACK (on_event), &watches[i]);
    }
}

/* The relay as barokahd runs it, on this thread's main loop beside the listeners. */
static void
start_relay (void)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", NULL };
  const char *values[] = { host, port, dbname, RELAY_LOGIN, password, NULL };
  g_autoptr(BjbConnection) connection = bjb_connection_new (keywords, values);
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  bjb_connection_set_reconnect_delays (connection, 100, 2000);
  relay = bjb_event_relay_new (connection, BJB_EVENT_RELAY_DEFAULT_INTERVAL_MS);
  bjb_event_relay_start (relay);
  while (!bjb_event_relay_is_active (relay) && g_get_monotonic_time () < give_up)
    g_main_context_iteration (NULL, TRUE);
  check ("the event relay started", !bjb_event_relay_is_active (relay));
}

static guint start_failures;

static void
start_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  watch->started = bjb_listener_start_finish (BJB_LISTENER (object), result, &error);
  if (!watch->started)
    {
      g_print ("listener %s: start failed (%s), starting again\n", watch->desk->login, error->message);
      start_failures++;
    }
  watch->start_done = TRUE;
}

/* As a client does at sign-in: every listener up before the desks and faults begin; a
 * start that fails (the server busy with 32 logins at once) is tried again. Once started,
 * a listener follows its connection's reconnects on its own. */
static void
wait_listeners_started (void)
{
  gboolean all;

  do
    {
      all = TRUE;
      for (guint i = 0; i < N_DESKS; i++)
        if (!watches[i].started)
          {
            watches[i].start_done = FALSE;
            bjb_listener_start_async (watches[i].listener, NULL, start_done, &watches[i]);
          }
      for (guint i = 0; i < N_DESKS; i++)
        while (!watches[i].started && !watches[i].start_done)
          g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < N_DESKS; i++)
        all &= watches[i].started;
    }
  while (!all && start_failures < 50);
}

static gboolean
pg_ctlcluster (const char *action,
               const char *mode)
{
  g_autofree char *command = g_strdup_printf ("pg_ctlcluster %s regress %s%s%s",
                                              g_getenv ("PGVERSION") ? g_getenv ("PGVERSION") : "15",
                                              action, mode != NULL ? " -m " : "", mode ? mode : "");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("soak: %s: %s\n", command, error->message);
      return FALSE;
    }
  return TRUE;
}

/* Stop and start rather than pg_ctlcluster's "restart": under load the shutdown
 * checkpoint can outlast pg_ctl's wait, and "restart" then tries to start a server that
 * is still running ("Cluster is already running") and the fault silently did not happen.
 * A fast stop that does not finish is made immediate; only a server that was really down
 * and came back counts as a restart. */
static gboolean
restart_server (void)
{
  if (!pg_ctlcluster ("stop", "fast") && !pg_ctlcluster ("stop", "immediate"))
    return FALSE;
  for (int attempt = 0; attempt < 5; attempt++)
    {
      if (pg_ctlcluster ("start", NULL))
        return TRUE;
      g_usleep (G_USEC_PER_SEC);
    }
  return FALSE;
}

/* Kills a random staff backend every few seconds, every fourth time the relay's; restarts
 * the server n_restarts times, spread over the run. */
static gpointer
inject_faults (gpointer data)
{
  gint64 start = g_get_monotonic_time ();
  int restarts_done = 0;
  guint n = 0;

  while (g_get_monotonic_time () < deadline)
    {
      gint64 now = g_get_monotonic_time ();

      if (restarts_done < n_restarts &&
          now - start > (deadline - start) * (restarts_done + 1) / (n_restarts + 1))
        {
          if (restart_server ())
            g_atomic_int_inc (&faults_restarts);
          restarts_done++;
        }
      else if (++n % 4 == 0)
        {
          if (su_int ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                      " WHERE usename = '" RELAY_LOGIN "'") > 0)
            g_atomic_int_inc (&faults_relay);
        }
      else if (su_int ("SELECT count(pg_terminate_backend(pid)) FROM ("
                       " SELECT pid FROM pg_stat_activity WHERE usename LIKE 'soak\\_%'"
                       " ORDER BY random() LIMIT 1) victim") > 0)
        g_atomic_int_inc (&faults_terminated);
      g_usleep (g_random_int_range (1000, 4000) * 1000);
    }
  return NULL;
}

static char *
audience_sql (Desk *desk)
{
  switch (desk->kind)
    {
    case DESK_ADMIN:
      return g_strdup ("true");
    case DESK_CS:
      return g_strdup_printf ("(audience_role = 'cs' OR audience_login = '%s')", desk->login);
    case DESK_COURIER:
    default:
      return g_strdup_printf ("(audience_role = 'courier' OR audience_login = '%s')", desk->login);
    }
}

/* Events the login may see that the listener did not get once (missing or repeated), and
 * events it got that it may not see. */
static gint64
listener_errors (Watch *watch,
                 gint64 *expected_out)
{
  g_autofree char *where = audience_sql (watch->desk);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM bjb.event WHERE %s", where);
  PGconn *conn = su_connect ();
  PGresult *result = PQexec (conn, sql);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  gint64 bad = 0;

  for (int i = 0; i < PQntuples (result); i++)
    {
      gint64 id = g_ascii_strtoll (PQgetvalue (result, i, 0), NULL, 10);

      g_hash_table_add (expected, g_memdup2 (&id, sizeof id));
      if (GPOINTER_TO_UINT (g_hash_table_lookup (watch->received, &id)) != 1)
        bad++;
    }
  g_hash_table_iter_init (&iter, watch->received);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (expected, key))
      bad++;
  *expected_out = PQntuples (result);
  PQclear (result);
  PQfinish (conn);
  return bad;
}

static gboolean
all_caught_up (void)
{
  for (guint i = 0; i < N_DESKS; i++)
    {
      gint64 expected;

      if (listener_errors (&watches[i], &expected) != 0)
        return FALSE;
    }
  return TRUE;
}

/* "{a,b,…}" for an array parameter. */
static char *
array_literal (GPtrArray *strings)
{
  g_autofree char *joined = NULL;

  g_ptr_array_add (strings, NULL);
  joined = g_strjoinv (",", (char **) strings->pdata);
  g_ptr_array_remove_index (strings, strings->len - 1);
  return g_strdup_printf ("{%s}", joined);
}

static gint64
su_count_params (const char        *sql,
                 int                n,
                 const char *const *params)
{
  PGconn *conn = su_connect ();
  PGresult *result = PQexecParams (conn, sql, n, NULL, params, NULL, NULL, 0);
  gint64 value;

  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  value = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  PQfinish (conn);
  return value;
}

static void
check_orders (void)
{
  g_autoptr(GPtrArray) requests = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) abandoned = g_ptr_array_new ();
  g_autofree char *requests_text = NULL, *ids_text = NULL, *abandoned_text = NULL;

  for (guint i = 0; i < N_CS; i++)
    {
      for (guint j = 0; j < desks[i].answered_requests->len; j++)
        {
          g_ptr_array_add (requests, g_ptr_array_index (desks[i].answered_requests, j));
          g_ptr_array_add (ids, g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 g_array_index (desks[i].answered_orders, gint64, j)));
        }
      for (guint j = 0; j < desks[i].abandoned_requests->len; j++)
        g_ptr_array_add (abandoned, g_ptr_array_index (desks[i].abandoned_requests, j));
    }
  requests_text = array_literal (requests);
  ids_text = array_literal (ids);
  abandoned_text = array_literal (abandoned);

  check ("every answered order request exists exactly once, with the id it was answered",
         su_count_params ("SELECT count(*) FROM unnest($1::uuid[], $2::bigint[]) a (r, o)"
                          " WHERE (SELECT count(*) FROM bjb.sales_order s WHERE s.request_id = a.r) <> 1"
                          "    OR NOT EXISTS (SELECT 1 FROM bjb.sales_order s WHERE s.request_id = a.r AND s.id = a.o)",
                          2, (const char *const[]) { requests_text, ids_text }));
  check ("no order of a transaction dropped before COMMIT",
         su_count_params ("SELECT count(*) FROM bjb.sales_order WHERE request_id = ANY ($1::uuid[])",
                          1, (const char *const[]) { abandoned_text }));
  check ("no order id answered twice",
         su_count_params ("SELECT count(*) - count(DISTINCT o) FROM unnest($1::bigint[]) o",
                          1, (const char *const[]) { ids_text }));
}

static void
check_stock (void)
{
  g_autofree char *ledger_sql = g_strdup_printf (
    "SELECT count(*) FROM bjb.product p WHERE p.name LIKE 'Soak produk %%'"
    " AND p.stock <> %d + coalesce((SELECT sum(delta) FROM bjb.stock_movement m WHERE m.product_id = p.id), 0)",
    INITIAL_STOCK);
  gint64 answered = desks[N_DESKS - 1].stats.restocked_qty;
  gint64 uncertain = desks[N_DESKS - 1].stats.uncertain_restock_qty;
  gint64 ledger = su_int ("SELECT coalesce(sum(delta), 0) FROM bjb.stock_movement WHERE reason = 'restock'");
  gint64 unexplained = ledger - answered;

  check ("stock = initial + ledger movements, per product", su_int (ledger_sql));
  check ("sold = order lines: every 'order' movement matches its line",
         su_int ("SELECT count(*) FROM bjb.order_line l FULL JOIN"
                 " (SELECT order_id, product_id, -delta AS qty FROM bjb.stock_movement WHERE reason = 'order') m"
                 " ON m.order_id = l.order_id AND m.product_id = l.product_id"
                 " WHERE l.qty IS DISTINCT FROM m.qty"));
  check ("restored = lines of cancelled orders, once each",
         su_int ("SELECT count(*) FROM"
                 " (SELECT l.order_id, l.product_id,"
                 "         CASE WHEN o.status = 'cancelled' THEN l.qty ELSE 0 END AS expected"
                 "    FROM bjb.order_line l JOIN bjb.sales_order o ON o.id = l.order_id) e"
                 " FULL JOIN (SELECT order_id, product_id, sum(delta) AS restored FROM bjb.stock_movement"
                 "             WHERE reason IN ('cancel', 'expire') GROUP BY 1, 2) r USING (order_id, product_id)"
                 " WHERE coalesce(e.expected, -1) <> coalesce(r.restored, 0)"));
  /* A restock whose answer was lost may or may not have committed. */
  check ("restocks in the ledger = answered ones (+ some of those whose answer was lost)",
         (unexplained == 0 || (uncertain != 0 && ABS (unexplained) <= ABS (uncertain))) ? 0 : unexplained);
  check ("no stock below zero", su_int ("SELECT count(*) FROM bjb.product WHERE stock < 0"));
}

static void
check_outbox_and_audit (void)
{
  /* One message per channel since 0006 (a channel without an address is queued as skipped). */
  check ("outbox: exactly one message per payment, shipment and completion, per channel",
         su_int ("SELECT count(*) FROM bjb.sales_order o"
                 " CROSS JOIN (VALUES ('whatsapp'), ('email')) ch (channel)"
                 " LEFT JOIN (SELECT order_id, channel,"
                 "                   count(*) FILTER (WHERE kind = 'payment_confirmed') AS paid,"
                 "                   count(*) FILTER (WHERE kind = 'order_shipped') AS shipped,"
                 "                   count(*) FILTER (WHERE kind = 'order_completed') AS completed"
                 "              FROM bjb.customer_message GROUP BY order_id, channel) m"
                 "   ON m.order_id = o.id AND m.channel = ch.channel"
                 " WHERE coalesce(m.paid, 0) <> (o.paid_at IS NOT NULL)::int"
                 "    OR coalesce(m.shipped, 0) <> (o.shipped_at IS NOT NULL)::int"
                 "    OR coalesce(m.completed, 0) <> (o.completed_at IS NOT NULL)::int"));
  check ("audit: an INSERT row for every order and every order line",
         su_int ("SELECT (SELECT count(*) FROM bjb.sales_order o LEFT JOIN bjb.audit_log a"
                 "          ON a.table_name = 'sales_order' AND a.action = 'INSERT' AND a.row_key = o.id::text"
                 "         WHERE a.id IS NULL)"
                 "     + (SELECT count(*) FROM bjb.order_line l LEFT JOIN bjb.audit_log a"
                 "          ON a.table_name = 'order_line' AND a.action = 'INSERT' AND a.row_key = l.id::text"
                 "         WHERE a.id IS NULL)"));
  check ("audit: an UPDATE row for every status change of every order",
         su_int ("SELECT count(*) FROM bjb.sales_order o"
                 " LEFT JOIN (SELECT order_id, count(*) - 1 AS changes FROM bjb.order_status_history"
                 "             GROUP BY order_id) h ON h.order_id = o.id"
                 " LEFT JOIN (SELECT row_key, count(*) AS changes FROM bjb.audit_log"
                 "             WHERE table_name = 'sales_order' AND action = 'UPDATE'"
                 "               AND old->>'status' IS DISTINCT FROM new->>'status' GROUP BY row_key) a"
                 "   ON a.row_key = o.id::text"
                 " WHERE coalesce(h.changes, 0) <> coalesce(a.changes, 0)"));
  check ("audit: a product UPDATE row for every product whose stock moved",
         su_int ("SELECT count(*) FROM (SELECT DISTINCT product_id FROM bjb.stock_movement) m"
                 " WHERE NOT EXISTS (SELECT 1 FROM bjb.audit_log a WHERE a.table_name = 'product'"
                 "                     AND a.action = 'UPDATE' AND a.row_key = m.product_id::text)"));
}

static void
print_counts (void)
{
  DeskStats total = { 0 };

  for (guint i = 0; i < N_DESKS; i++)
    {
      DeskStats *s = &desks[i].stats;

      total.orders += s->orders; total.abandoned += s->abandoned; total.proofs += s->proofs;
      total.confirmed += s->confirmed; total.shipped += s->shipped; total.completed += s->completed;
      total.cancelled += s->cancelled; total.restocks += s->restocks; total.refused += s->refused;
      total.busy += s->busy; total.uncertain += s->uncertain; total.unexpected += s->unexpected;
    }
  g_print ("operations: %u orders answered, %u proofs, %u confirmed, %u shipped, %u completed,"
           " %u cancelled, %u restocks\n",
           total.orders, total.proofs, total.confirmed, total.shipped, total.completed,
           total.cancelled, total.restocks);
  g_print ("faults: %d backends terminated, %d relay backends terminated, %d server restarts,"
           " %u transactions dropped before COMMIT\n",
           faults_terminated, faults_relay, faults_restarts, total.abandoned);
  g_print ("event relay: %u wake-ups for %" G_GINT64_FORMAT " events\n",
           bjb_event_relay_get_n_wakeups (relay), su_int ("SELECT count(*) FROM bjb.event"));
  check ("the relay's backend was killed at least once", faults_relay == 0);
  /* A soak that claims a restart it never made would hide what it did not test. */
  check ("every requested server restart happened", n_restarts - faults_restarts);
  g_print ("failures seen by the desks: %u answers lost (retried or counted uncertain),"
           " %u business refusals, %u lock timeouts (BJ013), %u unexpected errors\n",
           total.uncertain, total.refused, total.busy, total.unexpected);
  for (guint i = 0; i < N_DESKS; i++)
    if (desks[i].errors->len > 0)
      g_print ("%s", desks[i].errors->str);
  check ("no unexpected error at any desk", total.unexpected);
}

int
main (int   argc,
      char *argv[])
{
  int duration = 600;
  GOptionEntry entries[] = {
    { "duration", 'd', 0, G_OPTION_ARG_INT, &duration, "Seconds of load (default 600)", "S" },
    { "restarts", 'r', 0, G_OPTION_ARG_INT, &n_restarts, "Server restarts (default 1)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— soak test of the bjb database");
  g_autoptr(GError) error = NULL;
  GThread *threads[N_DESKS];
  GThread *faults;
  SoakWorld world = { 0 };
  const char *couriers[N_COURIERS];
  gint64 wait_until;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  dbname = g_getenv ("BJB_SOAK_DB");
  if (dbname == NULL)
    {
      g_printerr ("soak: BJB_SOAK_DB is not set (run tests/soak/run)\n");
      return 2;
    }

  create_world ();
  for (guint i = 0; i < N_COURIERS; i++)
    couriers[i] = desks[N_CS + i].login;
  start_listeners ();
  wait_listeners_started ();
  start_relay ();
  deadline = g_get_monotonic_time () + (gint64) duration * G_USEC_PER_SEC;
  world = (SoakWorld) { dbname, password, deadline, customers, N_CUSTOMERS, products, N_PRODUCTS,
                        couriers, N_COURIERS };
  soak_desk_set_world (&world);

  for (guint i = 0; i < N_DESKS; i++)
    threads[i] = g_thread_new (desks[i].login, soak_desk_run, &desks[i]);
  faults = g_thread_new ("faults", inject_faults, NULL);
  g_print ("soak: %d s, %d desks and listeners, %d server restart(s)\n", duration, N_DESKS, n_restarts);

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_thread_join (faults);
  /* Desks finish their last retries; the listeners catch up below. */
  for (guint i = 0; i < N_DESKS; i++)
    g_thread_join (threads[i]);

  /* Let every listener catch up after the last fault (they reconnect on their own). */
  wait_until = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (!all_caught_up () && g_get_monotonic_time () < wait_until)
    {
      gint64 pause = g_get_monotonic_time () + G_USEC_PER_SEC;

      while (g_get_monotonic_time () < pause)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (10 * 1000);
    }

  print_counts ();
  check_orders ();
  check_stock ();
  for (guint i = 0; i < N_DESKS; i++)
    {
      gint64 expected;
      gint64 bad = listener_errors (&watches[i], &expected);
      g_autofree char *what = g_strdup_printf ("listener %s: %" G_GINT64_FORMAT
                                               " events it may see, each delivered exactly once (%u deliveries)",
                                               desks[i].login, expected, watches[i].delivered);
      check (what, bad);
    }
  check_outbox_and_audit ();

  for (guint i = 0; i < N_DESKS; i++)
    bjb_listener_stop (watches[i].listener);
  bjb_event_relay_stop (relay);
  g_clear_object (&relay);
  g_print ("%s\n", broken ? "soak: BROKEN invariants" : "soak: every invariant holds");
  return broken ? 1 : 0;
}
