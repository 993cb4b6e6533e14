/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-sales-summary"

#include "config.h"

#include <glib.h>
#include <libpq-fe.h>

#include "bjb-test-db.h"

/* The sales summary of 0010 (bjb.sales_day, bjb.sales_day_product) under real parallel
 * connections: clerks and an admin check out the same products at once, attach proofs,
 * confirm, cancel before and after payment and hand over pickups, while a worker expires
 * overdue orders. Every refusal must be a business rule (no deadlock between the summary
 * rows the triggers upsert and the order and product locks), and afterwards both tables
 * equal a recomputation from the orders.
 *
 * Convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names the migrated template with the test logins, whose password is
 * BJB_TEST_PASSWORD. */

#define N_PRODUCTS 3
#define N_DESKS 6
#define N_ROUNDS 60

typedef struct
{
  const char   *dbname;
  const char   *login;
  guint         index;
  gboolean      expirer;
  const gint64 *product_ids;
  gint64        customer_id;
  GMutex       *start_lock;

  guint         done;
  GPtrArray    *unexpected;
} Desk;

static PGconn *
connect_as (const char *dbname,
            const char *login)
{
  const char *keywords[] = { "dbname", "user", "password", "fallback_application_name", NULL };
  const char *values[] = { dbname, login, g_getenv ("BJB_TEST_PASSWORD"), "barokah-test-sales-summary", NULL };

  return PQconnectdbParams (keywords, values, 0);
}

/* Rule refusals a race may cause (stock gone, the order changed meanwhile, another desk
 * holding the order); anything else is a failure. */
static gboolean
expected_refusal (PGresult *res)
{
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);

  return g_strcmp0 (state, "BJ001") == 0 || g_strcmp0 (state, "BJ002") == 0 ||
         g_strcmp0 (state, "BJ013") == 0;
}

static gboolean
run (Desk       *d,
     PGconn     *conn,
     const char *sql,
     const char *arg,
     gint64     *out_id)
{
  const char *params[] = { arg };
  g_autoptr(PGresult) res = PQexecParams (conn, sql, arg != NULL ? 1 : 0, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) == PGRES_TUPLES_OK)
    {
      if (out_id != NULL)
        *out_id = g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10);
      return TRUE;
    }
  if (!expected_refusal (res))
    g_ptr_array_add (d->unexpected, g_strdup_printf ("%s: %s %s", d->login,
                                                     PQresultErrorField (res, PG_DIAG_SQLSTATE),
                                                     PQerrorMessage (conn)));
  return FALSE;
}

/* One order taken down a random path: left pending, cancelled unpaid, paid and then
 * refunded, handed over, or left paid. */
static void
desk_round (Desk   *d,
            PGconn *conn,
            GRand  *rand)
{
  g_autoptr(GString) items = g_string_new ("[");
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT, d->customer_id);
  g_autofree char *request_id = g_uuid_string_random ();
  g_autofree char *place = NULL;
  g_autofree char *order = NULL;
  guint first = g_rand_int_range (rand, 0, N_PRODUCTS);
  guint n = g_rand_int_range (rand, 1, N_PRODUCTS + 1);
  double path = g_rand_double (rand);
  gint64 id;

  /* The products in a rotating order, so two desks' lines overlap in different orders. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (items, "%s{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}",
                            i ? ", " : "", d->product_ids[(first + i) % N_PRODUCTS],
                            g_rand_int_range (rand, 1, 6));
  g_string_append (items, "]");
  place = g_strdup_printf ("SELECT bjb.place_order(%s, $1::jsonb, 'pickup', NULL, 0, '%s')",
                           customer, request_id);
  if (!run (d, conn, place, items->str, &id))
    return;
  d->done++;
  order = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (path < 0.15)
    return;
  if (path < 0.3)
    {
      run (d, conn, "SELECT bjb.cancel_order($1::bigint, 'uji batal')", order, NULL);
      return;
    }
  if (!run (d, conn, "SELECT bjb.attach_photo($1::bigint, 'payment_proof', 'image/jpeg', "
                     "'\\xffd8ffe0'::bytea, '\\xffd8ffe0'::bytea, 2, 2)", order, NULL) ||
      !run (d, conn, "SELECT bjb.confirm_payment($1::bigint)", order, NULL))
    return;
  if (path < 0.5)
    run (d, conn, "SELECT bjb.cancel_order($1::bigint, 'uji refund')", order, NULL);
  else if (path < 0.8)
    run (d, conn, "SELECT bjb.complete_order($1::bigint)", order, NULL);
}

/* Expires what has become overdue: the superuser pulls some pending orders' deadlines into
 * the past, as time would. */
static void
expirer_round (Desk   *d,
               PGconn *conn,
               GRand  *rand)
{
  run (d, conn, "WITH o AS (SELECT id FROM bjb.sales_order WHERE status = 'pending_payment'"
                "           ORDER BY random() LIMIT 3 FOR UPDATE SKIP LOCKED)"
                " UPDATE bjb.sales_order s SET payment_due_at = now() - interval '1 minute'"
                " FROM o WHERE s.id = o.id RETURNING 1", NULL, NULL);
  if (run (d, conn, "SELECT bjb.expire_overdue_orders()", NULL, NULL))
    d->done++;
  g_usleep (g_rand_int_range (rand, 1000, 20000));
}

static gpointer
desk_main (gpointer data)
{
  Desk *d = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x5A1E + d->index);
  g_autoptr(PGconn) conn = d->expirer ? bjb_test_db_connect (d->dbname) : connect_as (d->dbname, d->login);

  g_mutex_lock (d->start_lock);
  g_mutex_unlock (d->start_lock);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_ptr_array_add (d->unexpected, g_strdup_printf ("%s: connect: %s", d->login, PQerrorMessage (conn)));
      return NULL;
    }
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      if (d->expirer)
        expirer_round (d, conn, rand);
      else
        desk_round (d, conn, rand);
    }
  return NULL;
}

static const char drift_sql[] =
  "WITH want_day AS ("
  "  SELECT (paid_at AT TIME ZONE 'Asia/Jakarta')::date AS day, count(*)::int AS orders,"
  "         sum(total)::bigint AS revenue"
  "    FROM bjb.sales_order WHERE status IN ('paid', 'shipped', 'completed') GROUP BY 1),"
  " have_day AS (SELECT day, orders, revenue FROM bjb.sales_day WHERE orders <> 0 OR revenue <> 0),"
  " want_product AS ("
  "  SELECT (o.paid_at AT TIME ZONE 'Asia/Jakarta')::date AS day, l.product_id,"
  "         sum(l.qty)::bigint AS qty, sum(l.total)::bigint AS revenue"
  "    FROM bjb.sales_order o JOIN bjb.order_line l ON l.order_id = o.id"
  "   WHERE o.status IN ('paid', 'shipped', 'completed') GROUP BY 1, 2),"
  " have_product AS (SELECT day, product_id, qty, revenue FROM bjb.sales_day_product"
  "                   WHERE qty <> 0 OR revenue <> 0)"
  "SELECT (SELECT count(*) FROM ((SELECT * FROM want_day EXCEPT SELECT * FROM have_day)"
  "                              UNION ALL (SELECT * FROM have_day EXCEPT SELECT * FROM want_day)) x)"
  "     + (SELECT count(*) FROM ((SELECT * FROM want_product EXCEPT SELECT * FROM have_product)"
  "                              UNION ALL (SELECT * FROM have_product EXCEPT SELECT * FROM want_product)) y)";

static void
test_concurrent_checkouts (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) su = NULL;
  g_autoptr(GPtrArray) unexpected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *category = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *drift = NULL;
  g_autofree char *paid = NULL;
  g_autofree char *refunded = NULL;
  gint64 product_ids[N_PRODUCTS];
  Desk desks[N_DESKS];
  GThread *threads[N_DESKS];
  GMutex start_lock;
  static const char *logins[N_DESKS] = { "t_cs", "t_cs2", "t_admin", "t_cs", "t_cs2", "expirer" };

  if (bjb_test_db_skip_unless_template ())
    return;
  dbname = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  su = bjb_test_db_connect (dbname);

  category = bjb_test_db_query_value (su, "INSERT INTO bjb.category (name) VALUES ('Uji Ringkasan') RETURNING id", 0, NULL);
  customer = bjb_test_db_query_value (su, "INSERT INTO bjb.customer (name, phone) VALUES ('Pelanggan Ringkasan', "
                                          "'+6281100000777') RETURNING id", 0, NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Paving Ringkasan %u", i);
      g_autofree char *price = g_strdup_printf ("%u", 25000 + 1000 * i);
      const char *params[] = { category, name, price };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES ($1::bigint, $2, 'm2', $3::bigint, 1200) "
        "RETURNING id", 3, params);

      product_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }

  g_mutex_init (&start_lock);
  g_mutex_lock (&start_lock);
  for (guint i = 0; i < N_DESKS; i++)
    desks[i] = (Desk) {
      .dbname = dbname, .index = i, .login = logins[i], .expirer = i == N_DESKS - 1,
      .product_ids = product_ids, .customer_id = g_ascii_strtoll (customer, NULL, 10),
      .start_lock = &start_lock, .unexpected = unexpected,
    };
  for (guint i = 0; i < N_DESKS; i++)
    threads[i] = g_thread_new ("summary-desk", desk_main, &desks[i]);
  g_usleep (200 * 1000);  /* every desk connects, then they start together */
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < N_DESKS; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&start_lock);

  for (guint i = 0; i < unexpected->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (unexpected, i));
  g_assert_cmpuint (unexpected->len, ==, 0);

  /* The race really ran through every path. */
  paid = bjb_test_db_query_value (su, "SELECT count(*) FROM bjb.sales_order WHERE status IN ('paid', 'completed')", 0, NULL);
  refunded = bjb_test_db_query_value (su, "SELECT count(*) FROM bjb.sales_order WHERE status = 'cancelled' "
                                          "AND paid_at IS NOT NULL", 0, NULL);
  g_test_message ("%s orders counted, %s refunded after payment", paid, refunded);
  g_assert_cmpint (g_ascii_strtoll (paid, NULL, 10), >, 50);
  g_assert_cmpint (g_ascii_strtoll (refunded, NULL, 10), >, 5);

  drift = bjb_test_db_query_value (su, drift_sql, 0, NULL);
  g_assert_cmpstr (drift, ==, "0");

  g_clear_pointer (&su, PQfinish);
  bjb_test_db_drop (dbname);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sales-summary/concurrent-checkouts", test_concurrent_checkouts);
  return g_test_run ();
}
