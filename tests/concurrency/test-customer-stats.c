/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-customer-stats"

#include "config.h"

#include <glib.h>
#include <libpq-fe.h>

#include "bjb-test-db.h"

/* The per-customer statistics of 0012 (bjb.customer_product_stats: the top-3) and 0003
 * (bjb.customer_stats: the spend) are kept by triggers. Here four clerks, over real parallel
 * connections, place, confirm and cancel orders of the same two customers on the same three
 * products (the same statistics rows, and cancellations of the latest purchase racing newer
 * payments): afterwards both tables must equal a recomputation from the orders, with no
 * deadlock and no lock timeout on the way.
 *
 * Convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names the migrated template with the test logins, whose password is
 * BJB_TEST_PASSWORD. */

#define N_PRODUCTS 3
#define N_CUSTOMERS 2
#define N_CLERKS 4
#define N_ROUNDS 60

typedef struct
{
  const char   *dbname;
  const char   *login;
  guint         index;
  const gint64 *product_ids;
  const gint64 *customer_ids;
  GMutex       *start_lock;   /* held by the main thread until every clerk is connected */

  guint         placed;
  guint         confirmed;
  guint         cancelled;
  GPtrArray    *unexpected;
} Clerk;

static PGconn *
connect_as (const char *dbname,
            const char *login)
{
  const char *keywords[] = { "dbname", "user", "password", "fallback_application_name", NULL };
  const char *values[] = { dbname, login, g_getenv ("BJB_TEST_PASSWORD"), "barokah-test-customer-stats", NULL };

  return PQconnectdbParams (keywords, values, 0);
}

/* Runs one statement; FALSE (and the error noted) unless it returned rows. */
static gboolean
run (Clerk       *c,
     PGconn      *conn,
     PGresult   **out,
     const char  *sql,
     int          n_params,
     const char  *const *params)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    {
      g_ptr_array_add (c->unexpected, g_strdup_printf ("%s: %s %s", c->login,
                                                       PQresultErrorField (res, PG_DIAG_SQLSTATE),
                                                       PQerrorMessage (conn)));
      PQclear (res);
      return FALSE;
    }
  if (out != NULL)
    *out = res;
  else
    PQclear (res);
  return TRUE;
}

/* A round: place an order of one or two products for a random customer and attach its
 * proof; confirm it, or an earlier one still pending; now and then cancel a paid order. */
static void
run_round (Clerk  *c,
           PGconn *conn,
           GRand  *rand,
           GQueue *pending,
           GQueue *paid)
{
  gint64 customer = c->customer_ids[g_rand_int_range (rand, 0, N_CUSTOMERS)];
  gint64 p1 = c->product_ids[g_rand_int_range (rand, 0, N_PRODUCTS)];
  gint64 p2 = c->product_ids[g_rand_int_range (rand, 0, N_PRODUCTS)];
  g_autofree char *customer_text = g_strdup_printf ("%" G_GINT64_FORMAT, customer);
  g_autofree char *items = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d},"
                                            " {\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}]",
                                            p1, g_rand_int_range (rand, 1, 9),
                                            p2, g_rand_int_range (rand, 1, 9));
  g_autofree char *request_id = g_uuid_string_random ();
  const char *place[] = { customer_text, items, request_id };
  PGresult *res = NULL;
  char *order;

  if (!run (c, conn, &res, "SELECT bjb.place_order($1::bigint, $2::jsonb, 'pickup', NULL, 0, $3::uuid)",
            3, place))
    return;
  order = g_strdup (PQgetvalue (res, 0, 0));
  PQclear (res);
  c->placed++;
  {
    const char *proof[] = { order };

    if (!run (c, conn, NULL, "SELECT bjb.attach_photo($1::bigint, 'payment_proof', 'image/jpeg', "
                             "'\\xffd8ffd9'::bytea, '\\xffd8ffd9'::bytea, 1, 1)", 1, proof))
      {
        g_free (order);
        return;
      }
  }
  g_queue_push_tail (pending, order);

  /* Confirm in a shuffled order, so a payment of an older order lands after newer ones. */
  if (g_queue_get_length (pending) > 2 || g_rand_boolean (rand))
    {
      g_autofree char *next = g_queue_pop_nth (pending, g_rand_int_range (rand, 0, g_queue_get_length (pending)));
      const char *params[] = { next };

      if (run (c, conn, NULL, "SELECT bjb.confirm_payment($1::bigint)", 1, params))
        {
          c->confirmed++;
          g_queue_push_tail (paid, g_steal_pointer (&next));
        }
    }
  /* Cancel a paid order, most often the newest one (the latest purchase of its products). */
  if (!g_queue_is_empty (paid) && g_rand_int_range (rand, 0, 3) == 0)
    {
      g_autofree char *victim = g_rand_int_range (rand, 0, 3) ? g_queue_pop_tail (paid) : g_queue_pop_head (paid);
      const char *params[] = { victim };

      if (run (c, conn, NULL, "SELECT bjb.cancel_order($1::bigint, 'uji statistik')", 1, params))
        c->cancelled++;
    }
}

static gpointer
clerk_main (gpointer data)
{
  Clerk *c = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5747 + c->index);
  g_autoptr(PGconn) conn = connect_as (c->dbname, c->login);
  GQueue pending = G_QUEUE_INIT;
  GQueue paid = G_QUEUE_INIT;

  g_mutex_lock (c->start_lock);
  g_mutex_unlock (c->start_lock);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_ptr_array_add (c->unexpected, g_strdup_printf ("%s: connect: %s", c->login, PQerrorMessage (conn)));
      return NULL;
    }
  for (guint round = 0; round < N_ROUNDS; round++)
    run_round (c, conn, rand, &pending, &paid);
  g_queue_clear_full (&pending, g_free);
  g_queue_clear_full (&paid, g_free);
  return NULL;
}

/* Rows of a statistics table that differ from their recomputation (both directions). */
static const char DIFF_PRODUCTS_SQL[] =
  "WITH want AS (SELECT o.customer_id, l.product_id, sum(l.qty)::bigint AS qty, max(o.placed_at) AS last_bought"
  "              FROM bjb.sales_order o JOIN bjb.order_line l ON l.order_id = o.id"
  "              WHERE o.status IN ('paid', 'shipped', 'completed') GROUP BY 1, 2),"
  "     have AS (SELECT customer_id, product_id, qty, last_bought FROM bjb.customer_product_stats WHERE qty > 0)"
  "SELECT count(*) FROM ((SELECT * FROM want EXCEPT SELECT * FROM have)"
  "                      UNION ALL (SELECT * FROM have EXCEPT SELECT * FROM want)) d";

static const char DIFF_SPEND_SQL[] =
  "SELECT count(*) FROM bjb.customer_stats s"
  " WHERE (s.total_spend, s.order_count) <>"
  "       (SELECT coalesce(sum(o.total) FILTER (WHERE o.status IN ('paid', 'shipped', 'completed')), 0),"
  "               count(*) FROM bjb.sales_order o WHERE o.customer_id = s.customer_id)";

static void
test_stats_exact (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) su = NULL;
  g_autoptr(GPtrArray) unexpected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *category = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *counted = NULL;
  gint64 product_ids[N_PRODUCTS];
  gint64 customer_ids[N_CUSTOMERS];
  Clerk clerks[N_CLERKS];
  GThread *threads[N_CLERKS];
  GMutex start_lock;
  guint placed = 0, confirmed = 0, cancelled = 0;

  if (bjb_test_db_skip_unless_template ())
    return;
  dbname = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  su = bjb_test_db_connect (dbname);

  category = bjb_test_db_query_value (su, "INSERT INTO bjb.category (name) VALUES ('Uji Statistik') RETURNING id", 0, NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Paving Statistik %u", i);
      const char *params[] = { category, name };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES ($1::bigint, $2, 'pcs', 2500, 100000) "
        "RETURNING id", 2, params);

      product_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Kontraktor Statistik %u", i);
      g_autofree char *phone = g_strdup_printf ("+628110000%04u", i);
      const char *params[] = { name, phone };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.customer (name, phone) VALUES ($1, $2) RETURNING id", 2, params);

      customer_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }

  g_mutex_init (&start_lock);
  g_mutex_lock (&start_lock);
  for (guint i = 0; i < N_CLERKS; i++)
    clerks[i] = (Clerk) {
      .dbname = dbname, .index = i,
      .login = (const char *[]) { "t_cs", "t_cs2", "t_admin", "t_cs" }[i],
      .product_ids = product_ids, .customer_ids = customer_ids,
      .start_lock = &start_lock, .unexpected = unexpected,
    };
  for (guint i = 0; i < N_CLERKS; i++)
    threads[i] = g_thread_new ("stats-clerk", clerk_main, &clerks[i]);
  g_usleep (200 * 1000);  /* let every clerk connect, then release them together */
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < N_CLERKS; i++)
    {
      g_thread_join (threads[i]);
      placed += clerks[i].placed;
      confirmed += clerks[i].confirmed;
      cancelled += clerks[i].cancelled;
    }
  g_mutex_clear (&start_lock);

  for (guint i = 0; i < unexpected->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (unexpected, i));
  g_assert_cmpuint (unexpected->len, ==, 0);
  g_test_message ("%u orders placed, %u confirmed, %u paid orders cancelled", placed, confirmed, cancelled);
  g_assert_cmpuint (confirmed, >, 0);
  g_assert_cmpuint (cancelled, >, 0);

  counted = bjb_test_db_query_value (su, "SELECT count(*) FROM bjb.customer_product_stats WHERE qty > 0", 0, NULL);
  g_assert_cmpint (g_ascii_strtoll (counted, NULL, 10), >, 0);
  diff = bjb_test_db_query_value (su, DIFF_PRODUCTS_SQL, 0, NULL);
  g_assert_cmpstr (diff, ==, "0");
  g_clear_pointer (&diff, g_free);
  diff = bjb_test_db_query_value (su, DIFF_SPEND_SQL, 0, NULL);
  g_assert_cmpstr (diff, ==, "0");

  g_clear_pointer (&su, PQfinish);
  bjb_test_db_drop (dbname);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/customer-stats/exact-under-concurrency", test_stats_exact);
  return g_test_run ();
}
