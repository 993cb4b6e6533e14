/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-test-report-counts-race"

#include "config.h"

#include <glib.h>
#include <libpq-fe.h>

#include "bjb-test-db.h"

/* The report counters of 0016 under real parallel connections: clerks check out, confirm
 * and refund orders of a few shared customers (each crossing the loyalty threshold both
 * ways, many times) while another clerk edits the same customers' status and preferences
 * through save_customer and the owner moves the threshold. Every refusal must be a business
 * rule (no deadlock between the counter rows, the customer rows and the stats), and
 * afterwards every counter equals a recount from the orders, customers and preferences.
 *
 * Convention (build-aux/test): PG* point at a throwaway cluster as a superuser,
 * BJB_TEST_TEMPLATE names the migrated template with the test logins, whose password is
 * BJB_TEST_PASSWORD. */

#define N_PRODUCTS 3
#define N_CUSTOMERS 4
#define N_ROUNDS 50

typedef enum { DESK_CHECKOUT, DESK_EDITOR, DESK_THRESHOLD } DeskKind;

typedef struct
{
  const char   *dbname;
  const char   *login;
  guint         index;
  DeskKind      kind;
  const gint64 *product_ids;
  const gint64 *customer_ids;
  GMutex       *start_lock;

  guint         done;
  GPtrArray    *unexpected;
} Desk;

static PGconn *
connect_as (const char *dbname,
            const char *login)
{
  const char *keywords[] = { "dbname", "user", "password", "fallback_application_name", NULL };
  const char *values[] = { dbname, login, g_getenv ("BJB_TEST_PASSWORD"), "barokah-test-report-counts", NULL };

  return PQconnectdbParams (keywords, values, 0);
}

/* Refusals a race may cause: stock gone, the order changed meanwhile (BJ002, BJ013), the
 * customer made inactive by the editor just before a checkout (BJ006). */
static gboolean
expected_refusal (PGresult *res)
{
  const char *state = PQresultErrorField (res, PG_DIAG_SQLSTATE);

  return g_strcmp0 (state, "BJ001") == 0 || g_strcmp0 (state, "BJ002") == 0 ||
         g_strcmp0 (state, "BJ006") == 0 || g_strcmp0 (state, "BJ013") == 0;
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
      d->done++;
      return TRUE;
    }
  if (!expected_refusal (res))
    g_ptr_array_add (d->unexpected, g_strdup_printf ("%s: %s %s", d->login,
                                                     PQresultErrorField (res, PG_DIAG_SQLSTATE),
                                                     PQerrorMessage (conn)));
  return FALSE;
}

/* One order of a shared customer: paid (the spend moves, often across the threshold), then
 * sometimes refunded (back under it); or left pending, or cancelled unpaid. */
static void
checkout_round (Desk   *d,
                PGconn *conn,
                GRand  *rand)
{
  g_autofree char *items = NULL;
  g_autofree char *place = NULL;
  g_autofree char *order = NULL;
  g_autofree char *request_id = g_uuid_string_random ();
  double path = g_rand_double (rand);
  gint64 id;

  items = g_strdup_printf ("[{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}]",
                           d->product_ids[g_rand_int_range (rand, 0, N_PRODUCTS)],
                           g_rand_int_range (rand, 1, 8));
  place = g_strdup_printf ("SELECT bjb.place_order(%" G_GINT64_FORMAT ", $1::jsonb, 'pickup', NULL, 0, '%s')",
                           d->customer_ids[g_rand_int_range (rand, 0, N_CUSTOMERS)], request_id);
  if (!run (d, conn, place, items, &id))
    return;
  order = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  if (path < 0.1)
    return;
  if (path < 0.2)
    {
      run (d, conn, "SELECT bjb.cancel_order($1::bigint, 'uji batal')", order, NULL);
      return;
    }
  if (!run (d, conn, "SELECT bjb.attach_photo($1::bigint, 'payment_proof', 'image/jpeg', "
                     "'\\xffd8ffe0'::bytea, '\\xffd8ffe0'::bytea, 2, 2)", order, NULL) ||
      !run (d, conn, "SELECT bjb.confirm_payment($1::bigint)", order, NULL))
    return;
  /* Most payments are refunded: spends hover around the threshold instead of leaving it. */
  if (path < 0.8)
    run (d, conn, "SELECT bjb.cancel_order($1::bigint, 'uji refund')", order, NULL);
}

/* The customer desk saves one of the same customers: a status and a set of preferred
 * products, each at random (mostly active, so checkouts go on). */
static void
editor_round (Desk   *d,
              PGconn *conn,
              GRand  *rand)
{
  g_autoptr(GString) products = g_string_new ("{");
  g_autofree char *sql = NULL;
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               d->customer_ids[g_rand_int_range (rand, 0, N_CUSTOMERS)]);

  for (guint i = 0; i < N_PRODUCTS; i++)
    if (g_rand_boolean (rand))
      g_string_append_printf (products, "%s%" G_GINT64_FORMAT, products->len > 1 ? "," : "",
                              d->product_ids[i]);
  g_string_append (products, "}");
  sql = g_strdup_printf ("SELECT bjb.save_customer(c.id, c.name, c.address, c.phone, c.email, "
                         "c.birth_date, '%s', c.notes, '%s'::bigint[]) "
                         "FROM bjb.customer c WHERE c.id = $1::bigint",
                         g_rand_double (rand) < 0.25 ? "inactive" : "active", products->str);
  run (d, conn, sql, customer, NULL);
  g_usleep (g_rand_int_range (rand, 500, 5000));
}

/* The owner moves the loyalty threshold between Rp 100 000 and Rp 400 000. */
static void
threshold_round (Desk   *d,
                 PGconn *conn,
                 GRand  *rand)
{
  g_autofree char *value = g_strdup_printf ("%d", 100000 + 50000 * g_rand_int_range (rand, 0, 7));

  run (d, conn, "SELECT bjb.set_setting('loyalty_threshold', $1::jsonb)", value, NULL);
  g_usleep (g_rand_int_range (rand, 20000, 80000));
}

static gpointer
desk_main (gpointer data)
{
  Desk *d = data;
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x0016 + d->index);
  g_autoptr(PGconn) conn = connect_as (d->dbname, d->login);

  g_mutex_lock (d->start_lock);
  g_mutex_unlock (d->start_lock);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_ptr_array_add (d->unexpected, g_strdup_printf ("%s: connect: %s", d->login, PQerrorMessage (conn)));
      return NULL;
    }
  for (guint round = 0; round < N_ROUNDS; round++)
    switch (d->kind)
      {
      case DESK_CHECKOUT: checkout_round (d, conn, rand); break;
      case DESK_EDITOR: editor_round (d, conn, rand); break;
      case DESK_THRESHOLD: threshold_round (d, conn, rand); break;
      }
  return NULL;
}

/* Rows that differ between each counter and its recount (0 when all agree). */
static const char drift_sql[] =
  "WITH spend AS ("
  "  SELECT c.id, c.status, coalesce((SELECT sum(o.total) FROM bjb.sales_order o WHERE o.customer_id = c.id"
  "           AND o.status IN ('paid', 'shipped', 'completed')), 0)"
  "         >= bjb.setting_bigint('loyalty_threshold') AS loyal FROM bjb.customer c),"
  " want_status AS (SELECT status, loyal, count(*) AS n FROM spend GROUP BY 1, 2),"
  " have_status AS (SELECT status, loyal, sum(customers) AS n FROM bjb.customer_status_count"
  "                  GROUP BY 1, 2 HAVING sum(customers) <> 0),"
  " want_pref AS (SELECT cp.product_id, s.loyal, count(*) AS n FROM bjb.customer_preference cp"
  "                JOIN spend s ON s.id = cp.customer_id GROUP BY 1, 2),"
  " have_pref AS (SELECT product_id, loyal, sum(customers) AS n FROM bjb.product_preference_count"
  "                GROUP BY 1, 2 HAVING sum(customers) <> 0),"
  " want_year AS (SELECT customer_id, extract(year FROM placed_at AT TIME ZONE 'Asia/Jakarta')::int AS year,"
  "                      sum(total)::bigint AS spend, count(*)::int AS orders FROM bjb.sales_order"
  "                WHERE status IN ('paid', 'shipped', 'completed') GROUP BY 1, 2),"
  " have_year AS (SELECT customer_id, year, spend, orders FROM bjb.customer_year"
  "                WHERE spend <> 0 OR orders <> 0),"
  " want_month AS (SELECT date_trunc('month', day)::date AS month, product_id, sum(qty)::bigint AS qty,"
  "                       sum(revenue)::bigint AS revenue FROM bjb.sales_day_product GROUP BY 1, 2"
  "                 HAVING sum(qty) <> 0 OR sum(revenue) <> 0),"
  " have_month AS (SELECT month, product_id, qty, revenue FROM bjb.sales_month_product"
  "                 WHERE qty <> 0 OR revenue <> 0)"
  "SELECT (SELECT count(*) FROM ((SELECT * FROM want_status EXCEPT SELECT * FROM have_status)"
  "          UNION ALL (SELECT * FROM have_status EXCEPT SELECT * FROM want_status)) a)"
  "     + (SELECT count(*) FROM ((SELECT * FROM want_pref EXCEPT SELECT * FROM have_pref)"
  "          UNION ALL (SELECT * FROM have_pref EXCEPT SELECT * FROM want_pref)) b)"
  "     + (SELECT count(*) FROM ((SELECT * FROM want_year EXCEPT SELECT * FROM have_year)"
  "          UNION ALL (SELECT * FROM have_year EXCEPT SELECT * FROM want_year)) c)"
  "     + (SELECT count(*) FROM ((SELECT * FROM want_month EXCEPT SELECT * FROM have_month)"
  "          UNION ALL (SELECT * FROM have_month EXCEPT SELECT * FROM want_month)) d)";

static void
test_concurrent_counts (void)
{
  g_autofree char *dbname = NULL;
  g_autoptr(PGconn) su = NULL;
  g_autoptr(GPtrArray) unexpected = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *category = NULL;
  g_autofree char *drift = NULL;
  g_autofree char *crossings = NULL;
  g_autoptr(PGresult) setup = NULL;
  gint64 product_ids[N_PRODUCTS];
  gint64 customer_ids[N_CUSTOMERS];
  static const struct { const char *login; DeskKind kind; } plan[] = {
    { "t_cs", DESK_CHECKOUT }, { "t_cs2", DESK_CHECKOUT }, { "t_admin", DESK_CHECKOUT },
    { "t_cs", DESK_CHECKOUT }, { "t_cs2", DESK_EDITOR }, { "t_admin", DESK_THRESHOLD },
  };
  Desk desks[G_N_ELEMENTS (plan)];
  GThread *threads[G_N_ELEMENTS (plan)];
  GMutex start_lock;

  if (bjb_test_db_skip_unless_template ())
    return;
  dbname = bjb_test_db_create (g_getenv ("BJB_TEST_TEMPLATE"));
  su = bjb_test_db_connect (dbname);

  category = bjb_test_db_query_value (su, "INSERT INTO bjb.category (name) VALUES ('Uji Hitungan') RETURNING id", 0, NULL);
  for (guint i = 0; i < N_PRODUCTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Paving Hitungan %u", i);
      g_autofree char *price = g_strdup_printf ("%u", 20000 + 5000 * i);
      const char *params[] = { category, name, price };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.product (category_id, name, unit, price, stock) VALUES ($1::bigint, $2, 'm2', $3::bigint, 100000) "
        "RETURNING id", 3, params);

      product_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *phone = g_strdup_printf ("+628110016%04u", i);
      const char *params[] = { phone };
      g_autofree char *id = bjb_test_db_query_value (su,
        "INSERT INTO bjb.customer (name, phone) VALUES ('Pelanggan Hitungan', $1) RETURNING id", 1, params);

      customer_ids[i] = g_ascii_strtoll (id, NULL, 10);
    }
  /* Count how often a customer's loyal flag flips: the race must really cross it. */
  setup = PQexec (su,
    "CREATE TABLE public.loyal_flips (n int);"
    "CREATE FUNCTION public.count_flip() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
    "  IF bjb.report_loyal(OLD.total_spend) <> bjb.report_loyal(NEW.total_spend) THEN"
    "    INSERT INTO public.loyal_flips VALUES (1); END IF; RETURN NULL; END $$;"
    "CREATE TRIGGER zz_count_flip AFTER UPDATE ON bjb.customer_stats"
    "  FOR EACH ROW EXECUTE FUNCTION public.count_flip();"
    "GRANT INSERT ON public.loyal_flips TO PUBLIC;");
  g_assert_cmpint (PQresultStatus (setup), ==, PGRES_COMMAND_OK);

  g_mutex_init (&start_lock);
  g_mutex_lock (&start_lock);
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    desks[i] = (Desk) {
      .dbname = dbname, .index = i, .login = plan[i].login, .kind = plan[i].kind,
      .product_ids = product_ids, .customer_ids = customer_ids,
      .start_lock = &start_lock, .unexpected = unexpected,
    };
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    threads[i] = g_thread_new ("counts-desk", desk_main, &desks[i]);
  g_usleep (200 * 1000);  /* every desk connects, then they start together */
  g_mutex_unlock (&start_lock);
  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&start_lock);

  for (guint i = 0; i < unexpected->len; i++)
    g_test_message ("unexpected: %s", (const char *) g_ptr_array_index (unexpected, i));
  g_assert_cmpuint (unexpected->len, ==, 0);

  crossings = bjb_test_db_query_value (su, "SELECT count(*) FROM public.loyal_flips", 0, NULL);
  g_test_message ("%s loyal flips by orders; desks did %u, %u, %u, %u, %u, %u statements", crossings,
                  desks[0].done, desks[1].done, desks[2].done, desks[3].done, desks[4].done, desks[5].done);
  g_assert_cmpint (g_ascii_strtoll (crossings, NULL, 10), >, 5);
  g_assert_cmpuint (desks[4].done, >, N_ROUNDS / 2);
  g_assert_cmpuint (desks[5].done, >, N_ROUNDS / 2);

  drift = bjb_test_db_query_value (su, drift_sql, 0, NULL);
  g_assert_cmpstr (drift, ==, "0");

  g_clear_pointer (&su, PQfinish);
  bjb_test_db_drop (dbname);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/report-counts/concurrent", test_concurrent_counts);
  return g_test_run ();
}
