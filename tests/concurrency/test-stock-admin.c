/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-stock-admin"

#include "config.h"

#include <glib.h>
#include <libpq-fe.h>

#include "bjb-test-db.h"

/* Stock corrections and stocktakes by admins (migration 0007) racing orders by two clerks on
 * the same products, over real parallel connections: stock never goes below zero, every
 * refusal is a clean BJ001 (no deadlock, no lock timeout), and each product's stock is its
 * initial stock plus the sum of its ledger rows, so no change was lost or written twice.
 *
 * Convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names the migrated template with the test logins, whose password is
 * BJB_TEST_PASSWORD. */

#define N_PRODUCTS 2
#define N_CLERKS 4
#define N_ADMINS 2
#define N_ROUNDS 80

static const int initial_stock[N_PRODUCTS] = { 40, 25 };

typedef struct
{
  const char   *dbname;
  const char   *login;
  guint         index;
  gboolean      admin;
  const gint64 *product_ids;
  gint64        customer_id;
  GMutex       *start_lock;   /* held by the main thread until every worker is connected */

  guint         successes;
  guint         refusals;
  GPtrArray    *unexpected;
} Worker;

static PGconn *
connect_as (const char *dbname,
            const char *login)
{
  const char *keywords[] = { "dbname", "user", "password", "fallback_application_name", NULL };
  const char *values[] = { dbname, login, g_getenv ("BJB_TEST_PASSWORD"), "barokah-test-stock-admin", NULL };

  return PQconnectdbParams (keywords, values, 0);
}

/* One statement for this round: an order for a clerk; for an admin a correction, a return or
 * (every seventh round) a stocktake of one product to a small count. */
static PGresult *
run_round (Worker *w,
           PGconn *conn,
           GRand  *rand)
{
  gint64 product = w->product_ids[g_rand_int_range (rand, 0, N_PRODUCTS)];
  g_autofree char *product_text = g_strdup_printf ("%" G_GINT64_FORMAT, product);

  if (!w->admin)
    {
      g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT, w->customer_id);
      g_autofree char *items = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}]",
                                                product, g_rand_int_range (rand, 1, 4));
      g_autofree char *request_id = g_uuid_string_random ();
      const char *params[] = { customer, items, request_id };

      return PQexecParams (conn, "SELECT bjb.place_order($1::bigint, $2::jsonb, 'pickup', NULL, 0, $3::uuid)",
                           3, NULL, params, NULL, NULL, 0);
    }
  if (g_rand_int_range (rand, 0, 7) == 0)
    {
      g_autofree char *counts = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"counted\": %d}]",
                                                 product, g_rand_int_range (rand, 0, 15));
      const char *params[] = { counts };

      return PQexecParams (conn, "SELECT bjb.apply_stocktake($1::jsonb, 'uji opname')",
                           1, NULL, params, NULL, NULL, 0);
    }
  else
    {
      gboolean back = g_rand_int_range (rand, 0, 3) == 0;
      g_autofree char *delta = g_strdup_printf ("%d", back ? g_rand_int_range (rand, 1, 4)
                                                           : -g_rand_int_range (rand, 1, 7));
      const char *params[] = { product_text, delta, back ? "return" : "damaged" };

      return PQexecParams (conn, "SELECT bjb.adjust_stock($1::bigint, $2::int, $3, 'uji')",
                           3, NULL, params, NULL, NULL, 0);
    }
}

static gpointer
worker_main (gpointer data)
{
  Worker *w = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x57AC + w->index);
  g_autoptr(PGconn) conn = connect_as (w->dbname, w->login);

  g_mutex_lock (w->start_lock);
  g_mutex_unlock (w->start_lock);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_ptr_array_add (w->unexpected, g_strdup_printf ("%s: connect: %s", w->login, PQerrorMessage (conn)));
      return NULL;
    }
  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autoptr(PGresult) res = run_round (w, conn, rand);

      if (PQresultStatus (res) == PGRES_TUPLES_OK)
        {
          w->successes++;
          /* adjust_stock returns the new stock: never below zero. */
          if (w->admin && g_ascii_strtoll (PQgetvalue (res, 0, 0), NULL, 10) < 0)
            g_ptr_array_add (w->unexpected, g_strdup_printf ("%s: stock %s", w->login, PQgetvalue (res, 0, 0)));
        }
      else if (g_strcmp0 (PQresultErrorField (res, PG_DIAG_SQLSTATE), "BJ001") == 0)
        w->refusals++;
      else
        g_ptr_array_add (w->unexpected, g_strdup_printf ("%s: %s %s", w->login,
                                                         PQresultErrorField (res, PG_DIAG_SQLSTATE),
                                                         PQerrorMessage (conn)));
    }
  return NULL;
}

static void
test_never_negative (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) su = NULL;
  g_autoptr(GPtrArray) unexpected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *category = NULL;
  g_autofree char *customer = NULL;
  gint64 product_ids[N_PRODUCTS];
  Worker workers[N_CLERKS + N_ADMINS];
  GThread *threads[N_CLERKS + N_ADMINS];
  GMutex start_lock;
  guint admin_successes = 0, order_successes = 0, refusals = 0;

  if (bjb_test_db_skip_unless_template ())
    return;
  dbname = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  su = bjb_test_db_connect (dbname);

  category = bjb_test_db_query_value (su, "INSERT INTO bjb.category (name) VALUES ('Uji Stok Admin') RETURNING id", 0, NULL);
  customer = bjb_test_db_query_value (su, "INSERT INTO bjb.customer (name, phone) VALUES ('Pelanggan Stok', '+6281100000999') "
                                          "RETURNING id", 0, NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Batako Uji %u", i);
      g_autofree char *stock = g_strdup_printf ("%d", initial_stock[i]);
      const char *params[] = { category, name, stock };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES ($1::bigint, $2, 'pcs', 3000, $3::int) "
        "RETURNING id", 3, params);

      product_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }

  g_mutex_init (&start_lock);
  g_mutex_lock (&start_lock);
  for (guint i = 0; i < N_CLERKS + N_ADMINS; i++)
    {
      gboolean admin = i >= N_CLERKS;

      workers[i] = (Worker) {
        .dbname = dbname, .index = i, .admin = admin,
        .login = admin ? "t_admin" : (i % 2 == 0 ? "t_cs" : "t_cs2"),
        .product_ids = product_ids, .customer_id = g_ascii_strtoll (customer, NULL, 10),
        .start_lock = &start_lock, .unexpected = unexpected,
      };
    }
  for (guint i = 0; i < N_CLERKS + N_ADMINS; i++)
    threads[i] = g_thread_new ("stock-worker", worker_main, &workers[i]);
  g_usleep (200 * 1000);  /* let every worker connect, then release them together */
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < N_CLERKS + N_ADMINS; i++)
    {
      g_thread_join (threads[i]);
      if (workers[i].admin)
        admin_successes += workers[i].successes;
      else
        order_successes += workers[i].successes;
      refusals += workers[i].refusals;
    }
  g_mutex_clear (&start_lock);

  for (guint i = 0; i < unexpected->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (unexpected, i));
  g_assert_cmpuint (unexpected->len, ==, 0);
  g_test_message ("%u orders, %u corrections/stocktakes, %u BJ001 refusals", order_successes, admin_successes, refusals);
  g_assert_cmpuint (order_successes, >, 0);
  g_assert_cmpuint (admin_successes, >, 0);
  g_assert_cmpuint (refusals, >, 0);  /* the race really pressed against zero */

  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, product_ids[i]);
      g_autofree char *initial = g_strdup_printf ("%d", initial_stock[i]);
      const char *params[] = { id, initial };
      g_autofree char *check = bjb_test_db_query_value (su,
        "SELECT p.stock >= 0 AND p.stock = $2::int + coalesce((SELECT sum(m.delta) FROM bjb.stock_movement m "
        "                                                     WHERE m.product_id = p.id), 0) "
        "FROM bjb.product p WHERE p.id = $1::bigint", 2, params);

      g_assert_cmpstr (check, ==, "t");
    }

  g_clear_pointer (&su, PQfinish);
  bjb_test_db_drop (dbname);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stock-admin/never-negative", test_never_negative);
  return g_test_run ();
}
