/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-concurrency"

#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <libpq-fe.h>

/* Real parallel connections against the rules that only hold under concurrency: stock is
 * never oversold and every refusal is a clean BJ001 (no deadlock or serialization error
 * reaches a client), a request_id sent twice at once makes one order, and a cancel racing
 * other cancels and the expiry job restores stock exactly once.
 *
 * Convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names the migrated template with the test logins, whose password is
 * BJB_TEST_PASSWORD. Each test works in its own copy of the template. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define N_PRODUCTS 3
#define N_ORDER_THREADS 20
#define N_IDEMPOTENT_ROUNDS 25
#define N_CANCEL_ROUNDS 12
#define N_CANCEL_THREADS 8
#define N_EXPIRE_THREADS 2

static const int initial_stock[N_PRODUCTS] = { 25, 40, 10 };

/* --- helpers ---------------------------------------------------------------------------- */

/* A reusable barrier: everyone waits until `count` threads arrived, then all go at once. */
typedef struct
{
  GMutex lock;
  GCond  cond;
  guint  count;
  guint  waiting;
  guint  generation;
} Barrier;

static void
barrier_init (Barrier *barrier,
              guint    count)
{
  g_mutex_init (&barrier->lock);
  g_cond_init (&barrier->cond);
  barrier->count = count;
  barrier->waiting = 0;
  barrier->generation = 0;
}

static void
barrier_clear (Barrier *barrier)
{
  g_mutex_clear (&barrier->lock);
  g_cond_clear (&barrier->cond);
}

static void
barrier_wait (Barrier *barrier)
{
  guint generation;

  g_mutex_lock (&barrier->lock);
  generation = barrier->generation;
  if (++barrier->waiting == barrier->count)
    {
      barrier->waiting = 0;
      barrier->generation++;
      g_cond_broadcast (&barrier->cond);
    }
  else
    {
      while (generation == barrier->generation)
        g_cond_wait (&barrier->cond, &barrier->lock);
    }
  g_mutex_unlock (&barrier->lock);
}

static gboolean
skip_unless_template (void)
{
  if (g_getenv ("PGHOST") == NULL || g_getenv ("BJB_TEST_TEMPLATE") == NULL)
    {
      g_test_skip ("PGHOST or BJB_TEST_TEMPLATE is not set: no test database (run build-aux/test)");
      return TRUE;
    }
  return FALSE;
}

/* login NULL: the superuser of the environment (PGUSER); otherwise a staff login with the
 * test password. Host and port always come from the environment. */
static PGconn *
connect_as (const char *dbname,
            const char *login)
{
  const char *keywords[] = { "dbname", "fallback_application_name", "user", "password", NULL };
  const char *values[] = { dbname, "barokah-test-concurrency", login,
                           g_getenv ("BJB_TEST_PASSWORD"), NULL };

  if (login == NULL)
    keywords[2] = NULL;
  return PQconnectdbParams (keywords, values, 0);
}

static PGconn *
connect_or_die (const char *dbname,
                const char *login)
{
  PGconn *conn = connect_as (dbname, login);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("cannot connect to %s as %s: %s", dbname, login != NULL ? login : "superuser",
             PQerrorMessage (conn));
  return conn;
}

static PGresult *
exec_ok (PGconn             *conn,
         const char         *sql,
         int                 n_params,
         const char *const  *params)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQerrorMessage (conn));
  return res;
}

static gint64
query_int (PGconn             *conn,
           const char         *sql,
           int                 n_params,
           const char *const  *params)
{
  g_autoptr(PGresult) res = exec_ok (conn, sql, n_params, params);

  g_assert_cmpint (PQntuples (res), ==, 1);
  if (PQgetisnull (res, 0, 0))
    return 0;
  return g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
}

static char *
create_database (void)
{
  static gint counter;
  g_autoptr(PGconn) conn = connect_or_die ("postgres", NULL);
  g_autoptr(PGresult) res = NULL;
  g_autofree char *name = g_strdup_printf ("bjb_t_conc_%d_%d", (int) getpid (),
                                           g_atomic_int_add (&counter, 1));
  const char *tmpl = g_getenv ("BJB_TEST_TEMPLATE");
  char *ident = PQescapeIdentifier (conn, name, strlen (name));
  char *tmpl_ident = PQescapeIdentifier (conn, tmpl, strlen (tmpl));
  g_autofree char *sql = NULL;

  /* Identifiers cannot be parameters: both are escaped. */
  sql = g_strdup_printf ("CREATE DATABASE %s TEMPLATE %s", ident, tmpl_ident);
  PQfreemem (ident);
  PQfreemem (tmpl_ident);
  res = exec_ok (conn, sql, 0, NULL);
  return g_steal_pointer (&name);
}

static void
drop_database (const char *name)
{
  g_autoptr(PGconn) conn = connect_or_die ("postgres", NULL);
  g_autoptr(PGresult) res = NULL;
  char *ident = PQescapeIdentifier (conn, name, strlen (name));
  g_autofree char *sql = g_strdup_printf ("DROP DATABASE IF EXISTS %s WITH (FORCE)", ident);

  PQfreemem (ident);
  res = exec_ok (conn, sql, 0, NULL);
}

/* Products with the given stock and some customers, inserted as the superuser. */
static void
create_catalogue (PGconn     *admin,
                  const int  *stock,
                  guint       n_products,
                  gint64     *product_ids,
                  guint       n_customers,
                  gint64     *customer_ids)
{
  g_autoptr(PGresult) cat = NULL;
  g_autoptr(PGresult) cust = NULL;
  g_autofree char *n_cust = g_strdup_printf ("%u", n_customers);
  const char *cust_params[] = { n_cust };
  const char *category_id;

  cat = exec_ok (admin,
                 "INSERT INTO bjb.category (name) VALUES ('Uji Konkurensi') RETURNING id",
                 0, NULL);
  category_id = PQgetvalue (cat, 0, 0);

  for (guint i = 0; i < n_products; i++)
    {
      g_autoptr(PGresult) res = NULL;
      g_autofree char *name = g_strdup_printf ("Paving Uji %c 6 cm", 'A' + i);
      g_autofree char *stock_text = g_strdup_printf ("%d", stock[i]);
      g_autofree char *price = g_strdup_printf ("%u", 65000 + 5000 * i);
      const char *params[] = { category_id, name, price, stock_text };

      res = exec_ok (admin,
                     "INSERT INTO bjb.product (category_id, name, unit, price, stock) "
                     "VALUES ($1::bigint, $2, 'm²', $3::bigint, $4::int) RETURNING id",
                     4, params);
      product_ids[i] = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
    }

  cust = exec_ok (admin,
                  "INSERT INTO bjb.customer (name, phone) "
                  "SELECT 'Pelanggan Uji ' || g, '+6281100000' || lpad(g::text, 3, '0') "
                  "FROM generate_series(1, $1::int) g ORDER BY g RETURNING id",
                  1, cust_params);
  g_assert_cmpint (PQntuples (cust), ==, (int) n_customers);
  for (guint i = 0; i < n_customers; i++)
    customer_ids[i] = g_ascii_strtoll (PQgetvalue (cust, i, 0), NULL, 10);
}

static char *
ids_array (const gint64 *ids,
           guint         n)
{
  GString *s = g_string_new ("{");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

/* --- 1. no overselling -------------------------------------------------------------------- */

typedef struct
{
  const char   *dbname;
  guint         index;
  Barrier      *start;
  const gint64 *product_ids;
  const gint64 *customer_ids;
  guint         n_customers;
  const char   *ids_text;

  /* results, read by the main thread after join */
  guint         attempts;
  guint         successes;
  guint         refusals;
  gint64        sold[N_PRODUCTS];
  GPtrArray    *unexpected;
} OrderWorker;

static gpointer
order_worker (gpointer data)
{
  OrderWorker *w = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0xB3105 + w->index);
  g_autoptr(PGconn) conn = connect_as (w->dbname, w->index % 2 == 0 ? "t_cs" : "t_cs2");
  guint consecutive_refusals = 0;
  gboolean connected = PQstatus (conn) == CONNECTION_OK;

  if (!connected)
    g_ptr_array_add (w->unexpected, g_strdup_printf ("connect: %s", PQerrorMessage (conn)));

  barrier_wait (w->start);
  if (!connected)
    return NULL;

  /* Until the stock is gone: 40 refusals in a row, with single-unit requests among the
   * tries, leave at most crumbs no request of this mix could take. */
  while (consecutive_refusals < 40 && w->attempts < 5000)
    {
      g_autoptr(PGresult) res = NULL;
      g_autoptr(GString) items = g_string_new ("[");
      g_autofree char *customer = NULL;
      g_autofree char *request_id = g_uuid_string_random ();
      guint order[N_PRODUCTS] = { 0, 1, 2 };
      int qty[N_PRODUCTS] = { 0 };
      guint n_lines = g_rand_int_range (rand, 1, N_PRODUCTS + 1);
      gboolean single_unit = g_rand_int_range (rand, 0, 4) == 0;
      const char *params[6];

      /* Lines in a random order: the function must lock in one global order itself. */
      for (guint i = N_PRODUCTS - 1; i > 0; i--)
        {
          guint j = g_rand_int_range (rand, 0, i + 1);
          guint t = order[i];

          order[i] = order[j];
          order[j] = t;
        }
      for (guint i = 0; i < n_lines; i++)
        {
          qty[order[i]] = single_unit ? 1 : g_rand_int_range (rand, 1, 4);
          g_string_append_printf (items, "%s{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}",
                                  i > 0 ? ", " : "", w->product_ids[order[i]], qty[order[i]]);
        }
      g_string_append_c (items, ']');

      customer = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  w->customer_ids[g_rand_int_range (rand, 0, w->n_customers)]);
      params[0] = customer;
      params[1] = items->str;
      params[2] = "pickup";
      params[3] = NULL;
      params[4] = "0";
      params[5] = request_id;

      w->attempts++;
      res = PQexecParams (conn,
                          "SELECT bjb.place_order($1::bigint, $2::jsonb, $3, $4, $5::bigint, $6::uuid)",
                          6, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (res) == PGRES_TUPLES_OK)
        {
          w->successes++;
          consecutive_refusals = 0;
          for (guint i = 0; i < N_PRODUCTS; i++)
            w->sold[i] += qty[i];
        }
      else
        {
          const char *sqlstate = PQresultErrorField (res, PG_DIAG_SQLSTATE);

          if (g_strcmp0 (sqlstate, "BJ001") == 0)
            {
              g_autoptr(PGresult) left = NULL;
              const char *left_params[] = { w->ids_text };

              w->refusals++;
              consecutive_refusals++;
              left = PQexecParams (conn,
                                   "SELECT coalesce(sum(stock), 0) FROM bjb.product "
                                   "WHERE id = ANY ($1::bigint[])",
                                   1, NULL, left_params, NULL, NULL, 0);
              if (PQresultStatus (left) == PGRES_TUPLES_OK
                  && g_strcmp0 (PQgetvalue (left, 0, 0), "0") == 0)
                break;
            }
          else
            {
              g_ptr_array_add (w->unexpected,
                               g_strdup_printf ("%s: %s", sqlstate != NULL ? sqlstate : "(none)",
                                                PQresultErrorMessage (res)));
              if (PQstatus (conn) != CONNECTION_OK)
                break;
            }
        }
    }
  return NULL;
}

typedef struct
{
  const char *dbname;
  const char *ids_text;
  const char *initial_text;
  gint        stop;
  guint       samples;
  GPtrArray  *violations;
} Monitor;

/* Samples the invariants while the orders run: within one snapshot, stock is never
 * negative and sold + remaining = initial for every product. */
static gpointer
monitor_thread (gpointer data)
{
  Monitor *m = data;
  g_autoptr(PGconn) conn = connect_or_die (m->dbname, NULL);
  const char *params[] = { m->ids_text, m->initial_text };

  while (!g_atomic_int_get (&m->stop))
    {
      g_autoptr(PGresult) res =
        PQexecParams (conn,
                      "SELECT i.id, p.stock, coalesce(s.sold, 0), i.initial "
                      "FROM unnest($1::bigint[], $2::int[]) AS i (id, initial) "
                      "JOIN bjb.product p ON p.id = i.id "
                      "LEFT JOIN (SELECT l.product_id, sum(l.qty) AS sold FROM bjb.order_line l "
                      "           GROUP BY l.product_id) s ON s.product_id = i.id "
                      "WHERE p.stock < 0 OR p.stock + coalesce(s.sold, 0) <> i.initial",
                      2, NULL, params, NULL, NULL, 0);

      if (PQresultStatus (res) != PGRES_TUPLES_OK)
        g_ptr_array_add (m->violations, g_strdup (PQerrorMessage (conn)));
      else
        for (int r = 0; r < PQntuples (res); r++)
          g_ptr_array_add (m->violations,
                           g_strdup_printf ("product %s: stock %s, sold %s, initial %s",
                                            PQgetvalue (res, r, 0), PQgetvalue (res, r, 1),
                                            PQgetvalue (res, r, 2), PQgetvalue (res, r, 3)));
      m->samples++;
      g_usleep (2000);
    }
  return NULL;
}

static void
assert_no_messages (GPtrArray  *messages,
                    const char *what)
{
  if (messages->len > 0)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < messages->len && i < 10; i++)
        g_string_append_printf (all, "\n  %s", (const char *) messages->pdata[i]);
      g_test_message ("%u %s:%s", messages->len, what, all->str);
    }
  g_assert_cmpuint (messages->len, ==, 0);
}

static void
test_no_overselling (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autofree char *ids_text = NULL;
  g_autofree char *initial_text = NULL;
  g_autoptr(GPtrArray) unexpected = g_ptr_array_new_with_free_func (g_free);
  gint64 product_ids[N_PRODUCTS];
  gint64 customer_ids[6];
  OrderWorker workers[N_ORDER_THREADS];
  GThread *threads[N_ORDER_THREADS];
  gint64 client_sold[N_PRODUCTS] = { 0 };
  guint successes = 0, refusals = 0, attempts = 0;
  Monitor monitor = { 0 };
  GThread *monitor_t;
  Barrier start;

  if (skip_unless_template ())
    return;

  dbname = create_database ();
  admin = connect_or_die (dbname, NULL);
  create_catalogue (admin, initial_stock, N_PRODUCTS, product_ids,
                    G_N_ELEMENTS (customer_ids), customer_ids);
  ids_text = ids_array (product_ids, N_PRODUCTS);
  initial_text = g_strdup_printf ("{%d,%d,%d}", initial_stock[0], initial_stock[1],
                                  initial_stock[2]);

  monitor.dbname = dbname;
  monitor.ids_text = ids_text;
  monitor.initial_text = initial_text;
  monitor.violations = g_ptr_array_new_with_free_func (g_free);
  monitor_t = g_thread_new ("monitor", monitor_thread, &monitor);

  barrier_init (&start, N_ORDER_THREADS);
  for (guint i = 0; i < N_ORDER_THREADS; i++)
    {
      workers[i] = (OrderWorker) {
        .dbname = dbname, .index = i, .start = &start, .product_ids = product_ids,
        .customer_ids = customer_ids, .n_customers = G_N_ELEMENTS (customer_ids),
        .ids_text = ids_text, .unexpected = g_ptr_array_new_with_free_func (g_free),
      };
      threads[i] = g_thread_new ("order", order_worker, &workers[i]);
    }
  for (guint i = 0; i < N_ORDER_THREADS; i++)
    {
      g_thread_join (threads[i]);
      attempts += workers[i].attempts;
      successes += workers[i].successes;
      refusals += workers[i].refusals;
      for (guint p = 0; p < N_PRODUCTS; p++)
        client_sold[p] += workers[i].sold[p];
      for (guint m = 0; m < workers[i].unexpected->len; m++)
        g_ptr_array_add (unexpected, g_strdup (workers[i].unexpected->pdata[m]));
      g_ptr_array_unref (workers[i].unexpected);
    }
  g_atomic_int_set (&monitor.stop, 1);
  g_thread_join (monitor_t);
  barrier_clear (&start);

  g_test_message ("%u attempts: %u orders, %u refused with BJ001; monitor took %u samples",
                  attempts, successes, refusals, monitor.samples);

  /* Every refusal was a clean "insufficient stock": no deadlock, no serialization failure,
   * no check violation reached a client. */
  assert_no_messages (unexpected, "unexpected errors");
  assert_no_messages (monitor.violations, "invariant violations seen while ordering");
  g_ptr_array_unref (monitor.violations);
  g_assert_cmpuint (monitor.samples, >, 0);

  /* The race really happened: orders went through and the stock ran out. */
  g_assert_cmpuint (successes, >, 0);
  g_assert_cmpuint (refusals, >, 0);

  g_assert_cmpint (query_int (admin, "SELECT count(*) FROM bjb.sales_order", 0, NULL),
                   ==, successes);
  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, product_ids[p]);
      const char *params[] = { id };
      gint64 stock = query_int (admin, "SELECT stock FROM bjb.product WHERE id = $1::bigint",
                                1, params);
      gint64 sold = query_int (admin,
                               "SELECT coalesce(sum(qty), 0) FROM bjb.order_line "
                               "WHERE product_id = $1::bigint", 1, params);

      g_test_message ("product %s: initial %d, sold %" G_GINT64_FORMAT ", left %" G_GINT64_FORMAT,
                      id, initial_stock[p], sold, stock);
      g_assert_cmpint (stock, >=, 0);
      g_assert_cmpint (sold + stock, ==, initial_stock[p]);
      g_assert_cmpint (sold, ==, client_sold[p]);
    }
  /* The stock ledger agrees with the lines. */
  g_assert_cmpint (query_int (admin,
                              "SELECT count(*) FROM bjb.order_line l "
                              "FULL JOIN bjb.stock_movement m "
                              "  ON m.order_id = l.order_id AND m.product_id = l.product_id "
                              "WHERE m.id IS NULL OR l.id IS NULL OR m.delta <> -l.qty "
                              "   OR m.reason <> 'order'", 0, NULL), ==, 0);

  g_clear_pointer (&admin, PQfinish);
  drop_database (dbname);
}

/* --- 2. the same request_id twice at once ----------------------------------------------- */

typedef struct
{
  const char *dbname;
  const char *login;
  Barrier    *barrier;
  const char *customer;
  const char *items;
  char       *request_ids[N_IDEMPOTENT_ROUNDS];

  gint64      order_ids[N_IDEMPOTENT_ROUNDS];
  GPtrArray  *unexpected;
} SameRequestWorker;

static gpointer
same_request_worker (gpointer data)
{
  SameRequestWorker *w = data;
  g_autoptr(PGconn) conn = connect_as (w->dbname, w->login);

  for (guint round = 0; round < N_IDEMPOTENT_ROUNDS; round++)
    {
      g_autoptr(PGresult) res = NULL;
      const char *params[] = { w->customer, w->items, "delivery", "Jl. Uji No. 1, Cibinong",
                               "150000", w->request_ids[round] };

      barrier_wait (w->barrier);
      if (PQstatus (conn) != CONNECTION_OK)
        {
          g_ptr_array_add (w->unexpected, g_strdup_printf ("connect: %s", PQerrorMessage (conn)));
          continue;
        }
      res = PQexecParams (conn,
                          "SELECT bjb.place_order($1::bigint, $2::jsonb, $3, $4, $5::bigint, $6::uuid)",
                          6, NULL, params, NULL, NULL, 0);
      if (PQresultStatus (res) == PGRES_TUPLES_OK)
        w->order_ids[round] = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      else
        g_ptr_array_add (w->unexpected,
                         g_strdup_printf ("round %u: %s: %s", round,
                                          PQresultErrorField (res, PG_DIAG_SQLSTATE),
                                          PQresultErrorMessage (res)));
    }
  return NULL;
}

static void
test_same_request_id (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *items = NULL;
  gint64 product_ids[N_PRODUCTS];
  gint64 customer_ids[1];
  const int stock[N_PRODUCTS] = { 1000, 1000, 1000 };
  SameRequestWorker workers[2];
  GThread *threads[2];
  Barrier barrier;

  if (skip_unless_template ())
    return;

  dbname = create_database ();
  admin = connect_or_die (dbname, NULL);
  create_catalogue (admin, stock, N_PRODUCTS, product_ids, 1, customer_ids);
  customer = g_strdup_printf ("%" G_GINT64_FORMAT, customer_ids[0]);
  items = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": 3}, "
                           "{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": 2}]",
                           product_ids[2], product_ids[0]);

  barrier_init (&barrier, 2);
  for (guint t = 0; t < 2; t++)
    {
      workers[t] = (SameRequestWorker) {
        .dbname = dbname, .login = t == 0 ? "t_cs" : "t_cs2", .barrier = &barrier,
        .customer = customer, .items = items,
        .unexpected = g_ptr_array_new_with_free_func (g_free),
      };
    }
  /* Both connections get the same id each round: a retry racing the first attempt. */
  for (guint round = 0; round < N_IDEMPOTENT_ROUNDS; round++)
    {
      workers[0].request_ids[round] = g_uuid_string_random ();
      workers[1].request_ids[round] = workers[0].request_ids[round];
    }
  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("same-request", same_request_worker, &workers[t]);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);
  barrier_clear (&barrier);

  for (guint t = 0; t < 2; t++)
    {
      assert_no_messages (workers[t].unexpected, "errors from place_order");
      g_ptr_array_unref (workers[t].unexpected);
    }
  for (guint round = 0; round < N_IDEMPOTENT_ROUNDS; round++)
    {
      const char *params[] = { workers[0].request_ids[round] };

      g_assert_cmpint (workers[0].order_ids[round], >, 0);
      g_assert_cmpint (workers[0].order_ids[round], ==, workers[1].order_ids[round]);
      g_assert_cmpint (query_int (admin,
                                  "SELECT count(*) FROM bjb.sales_order WHERE request_id = $1::uuid",
                                  1, params), ==, 1);
    }
  g_assert_cmpint (query_int (admin, "SELECT count(*) FROM bjb.sales_order", 0, NULL),
                   ==, N_IDEMPOTENT_ROUNDS);
  /* Stock taken once per round. */
  for (guint p = 0; p < N_PRODUCTS; p++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, product_ids[p]);
      const char *params[] = { id };
      int per_order = p == 0 ? 2 : p == 2 ? 3 : 0;

      g_assert_cmpint (query_int (admin, "SELECT stock FROM bjb.product WHERE id = $1::bigint",
                                  1, params),
                       ==, stock[p] - per_order * N_IDEMPOTENT_ROUNDS);
    }
  g_assert_cmpint (query_int (admin, "SELECT count(*) FROM bjb.event WHERE kind = 'order_placed'",
                              0, NULL), ==, N_IDEMPOTENT_ROUNDS);

  for (guint round = 0; round < N_IDEMPOTENT_ROUNDS; round++)
    g_free (workers[0].request_ids[round]);
  g_clear_pointer (&admin, PQfinish);
  drop_database (dbname);
}

/* --- 3. cancel racing cancel and expiry --------------------------------------------------- */

typedef struct
{
  const char *dbname;
  const char *login;
  gboolean    expire;
  Barrier    *barrier;
  const char *order_id;   /* set by the main thread between the two barrier waits */

  guint       cancelled;
  guint       expired;
  guint       refused;
  GPtrArray  *unexpected;
} CancelWorker;

static gpointer
cancel_worker (gpointer data)
{
  CancelWorker *w = data;
  g_autoptr(PGconn) conn = connect_as (w->dbname, w->login);

  if (PQstatus (conn) != CONNECTION_OK)
    g_ptr_array_add (w->unexpected, g_strdup_printf ("connect: %s", PQerrorMessage (conn)));

  for (guint round = 0; round < N_CANCEL_ROUNDS; round++)
    {
      g_autoptr(PGresult) res = NULL;

      barrier_wait (w->barrier);   /* the order is ready */
      if (PQstatus (conn) == CONNECTION_OK)
        {
          if (w->expire)
            {
              res = PQexecParams (conn, "SELECT bjb.expire_overdue_orders()",
                                  0, NULL, NULL, NULL, NULL, 0);
              if (PQresultStatus (res) == PGRES_TUPLES_OK)
                w->expired += g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
            }
          else
            {
              const char *params[] = { w->order_id, "Pelanggan membatalkan (uji balapan)" };

              /* In some overdue rounds the clerks are a moment late, so the expiry job
               * gets there first and the cancels race an expiry in progress. */
              if (round % 4 == 0)
                g_usleep (g_random_int_range (2000, 8000));
              res = PQexecParams (conn, "SELECT bjb.cancel_order($1::bigint, $2)",
                                  2, NULL, params, NULL, NULL, 0);
              if (PQresultStatus (res) == PGRES_TUPLES_OK)
                w->cancelled++;
            }
          if (PQresultStatus (res) != PGRES_TUPLES_OK)
            {
              const char *sqlstate = PQresultErrorField (res, PG_DIAG_SQLSTATE);

              /* The loser of the race finds the order already cancelled. */
              if (!w->expire && g_strcmp0 (sqlstate, "BJ002") == 0)
                w->refused++;
              else
                g_ptr_array_add (w->unexpected,
                                 g_strdup_printf ("round %u: %s: %s", round, sqlstate,
                                                  PQresultErrorMessage (res)));
            }
        }
      barrier_wait (w->barrier);   /* everyone is done with this round */
    }
  return NULL;
}

static void
test_cancel_race (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) admin = NULL;
  g_autoptr(PGconn) clerk = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *items = NULL;
  g_autofree char *ids_text = NULL;
  gint64 product_ids[N_PRODUCTS];
  gint64 customer_ids[1];
  const int stock[N_PRODUCTS] = { 25, 40, 10 };
  CancelWorker workers[N_CANCEL_THREADS + N_EXPIRE_THREADS];
  GThread *threads[N_CANCEL_THREADS + N_EXPIRE_THREADS];
  guint n_workers = N_CANCEL_THREADS + N_EXPIRE_THREADS;
  guint cancelled = 0, expired = 0, refused = 0;
  Barrier barrier;

  if (skip_unless_template ())
    return;

  dbname = create_database ();
  admin = connect_or_die (dbname, NULL);
  clerk = connect_or_die (dbname, "t_cs");
  create_catalogue (admin, stock, N_PRODUCTS, product_ids, 1, customer_ids);
  customer = g_strdup_printf ("%" G_GINT64_FORMAT, customer_ids[0]);
  ids_text = ids_array (product_ids, N_PRODUCTS);
  items = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": 4}, "
                           "{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": 7}, "
                           "{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": 10}]",
                           product_ids[1], product_ids[0], product_ids[2]);

  barrier_init (&barrier, n_workers + 1);
  for (guint i = 0; i < n_workers; i++)
    {
      gboolean expire = i >= N_CANCEL_THREADS;

      workers[i] = (CancelWorker) {
        .dbname = dbname, .expire = expire, .barrier = &barrier,
        .login = expire ? "t_worker" : i % 2 == 0 ? "t_cs" : "t_cs2",
        .unexpected = g_ptr_array_new_with_free_func (g_free),
      };
      threads[i] = g_thread_new ("cancel", cancel_worker, &workers[i]);
    }

  for (guint round = 0; round < N_CANCEL_ROUNDS; round++)
    {
      g_autoptr(PGresult) placed = NULL;
      g_autoptr(PGresult) due = NULL;
      g_autofree char *request_id = g_uuid_string_random ();
      const char *params[] = { customer, items, "pickup", NULL, "0", request_id };
      const char *order_params[1];
      const char *stock_params[] = { ids_text };
      char *order_id;

      placed = exec_ok (clerk,
                        "SELECT bjb.place_order($1::bigint, $2::jsonb, $3, $4, $5::bigint, $6::uuid)",
                        6, params);
      order_id = PQgetvalue (placed, 0, 0);
      order_params[0] = order_id;
      g_assert_cmpint (query_int (admin,
                                  "SELECT sum(stock) FROM bjb.product WHERE id = ANY ($1::bigint[])",
                                  1, stock_params), ==, 75 - 21);
      /* Every other round the order is overdue, so the expiry job competes too. */
      if (round % 2 == 0)
        due = exec_ok (admin,
                       "UPDATE bjb.sales_order SET payment_due_at = now() - interval '1 minute' "
                       "WHERE id = $1::bigint", 1, order_params);

      for (guint i = 0; i < n_workers; i++)
        workers[i].order_id = order_id;
      barrier_wait (&barrier);   /* go */
      barrier_wait (&barrier);   /* all done */

      {
        guint c = 0, e = 0, r = 0;

        for (guint i = 0; i < n_workers; i++)
          {
            c += workers[i].cancelled;
            e += workers[i].expired;
            r += workers[i].refused;
          }
        /* Exactly one of the racers cancelled it; every other cancel was refused. */
        g_assert_cmpuint ((c - cancelled) + (e - expired), ==, 1);
        g_assert_cmpuint (r - refused, ==, N_CANCEL_THREADS - (c - cancelled));
        if (round % 2 == 1)
          g_assert_cmpuint (e - expired, ==, 0);
        cancelled = c;
        expired = e;
        refused = r;
      }

      g_assert_cmpint (query_int (admin,
                                  "SELECT count(*) FROM bjb.sales_order "
                                  "WHERE id = $1::bigint AND status = 'cancelled'",
                                  1, order_params), ==, 1);
      /* The stock came back exactly once. */
      for (guint p = 0; p < N_PRODUCTS; p++)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, product_ids[p]);
          const char *id_params[] = { id };

          g_assert_cmpint (query_int (admin, "SELECT stock FROM bjb.product WHERE id = $1::bigint",
                                      1, id_params), ==, stock[p]);
        }
      g_assert_cmpint (query_int (admin,
                                  "SELECT count(*) * 1000 + sum(delta) FROM bjb.stock_movement "
                                  "WHERE order_id = $1::bigint AND reason IN ('cancel', 'expire')",
                                  1, order_params), ==, 3 * 1000 + 21);
    }

  for (guint i = 0; i < n_workers; i++)
    {
      g_thread_join (threads[i]);
      assert_no_messages (workers[i].unexpected, "unexpected errors");
      g_ptr_array_unref (workers[i].unexpected);
    }
  barrier_clear (&barrier);
  g_test_message ("%d rounds: %u won by a cancel, %u by the expiry job, %u cancels refused",
                  N_CANCEL_ROUNDS, cancelled, expired, refused);
  g_assert_cmpuint (cancelled + expired, ==, N_CANCEL_ROUNDS);

  g_clear_pointer (&clerk, PQfinish);
  g_clear_pointer (&admin, PQfinish);
  drop_database (dbname);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/concurrency/place-order/no-overselling", test_no_overselling);
  g_test_add_func ("/concurrency/place-order/same-request-id", test_same_request_id);
  g_test_add_func ("/concurrency/cancel/races-cancel-and-expiry", test_cancel_race);

  return g_test_run ();
}
