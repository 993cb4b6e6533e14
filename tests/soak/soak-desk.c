/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "soak-desk"

#include "config.h"

#include <string.h>

#include "soak.h"

/*
 * One simulated desk: a blocking libpq connection as a real staff login calling the
 * contract functions as the client does. A lost connection is normal (the fault injector
 * kills backends and restarts the server): the desk reconnects, and an order whose answer
 * was lost is retried with the same request id, exactly as the client retries.
 */

/* A 1×1 baseline JPEG (tests/sql/fixtures/roles-data.sql), as bytea hex. */
static const char jpeg_hex[] =
  "\\xffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c"
  "140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27"
  "393d38323c2e333432ffc0000b080001000101011100ffc4001f0000010501010101010100000000"
  "000000000102030405060708090a0bffc400b5100002010303020403050504040000017d01020300"
  "041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a"
  "25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475"
  "767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9ba"
  "c2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda"
  "0008010100003f00fbd3ffd9";

static const char place_sql[] =
  "SELECT bjb.place_order($1::bigint, $2::jsonb, $3, $4, $5::bigint, $6::uuid)";
static const char photo_sql[] =
  "SELECT bjb.attach_photo($1::bigint, $2, 'image/jpeg', $3::bytea, $3::bytea, 1, 1)";

static const SoakWorld *world;

typedef enum {
  CALL_OK,
  CALL_REFUSED,
  CALL_BUSY,
  CALL_LOST,
  CALL_ERROR,
} CallOutcome;

typedef enum {
  ORDER_PENDING,
  ORDER_PAID,
  ORDER_SETTLED,      /* shipped (the courier's now), completed, cancelled or refused */
} OrderState;

typedef struct
{
  gint64 id;
  gboolean delivery;
  OrderState state;
} Order;

void
soak_desk_set_world (const SoakWorld *w)
{
  world = w;
}

/* Server messages of a dying connection are expected here, not worth a line each. */
static void
quiet (void       *arg,
       const char *message)
{
}

PGconn *
soak_connect (const char *dbname,
              const char *login,
              const char *password)
{
  const char *host = g_getenv ("PGHOST") ? g_getenv ("PGHOST") : "localhost";
  const char *port = g_getenv ("PGPORT") ? g_getenv ("PGPORT") : "5432";
  const char *keywords[] = { "host", "port", "dbname", "user", "password", "application_name",
                             "connect_timeout", NULL };
  const char *values[] = { host, port, dbname, login, password, "bjb-soak", "5", NULL };
  PGconn *conn = PQconnectdbParams (keywords, values, 0);

  if (PQstatus (conn) != CONNECTION_OK)
    {
      PQfinish (conn);
      return NULL;
    }
  PQsetNoticeProcessor (conn, quiet, NULL);
  return conn;
}

static gboolean
running (void)
{
  return g_get_monotonic_time () < world->deadline;
}

static void
note_error (Desk       *desk,
            const char *what,
            const char *message)
{
  desk->stats.unexpected++;
  if (desk->errors->len < 2000)
    g_string_append_printf (desk->errors, "  %s %s: %s", desk->login, what, message);
}

/* Runs one statement; *value gets the first cell on success. */
static CallOutcome
call (Desk              *desk,
      PGconn           **conn,
      const char        *what,
      const char        *sql,
      int                n_params,
      const char *const *params,
      char             **value)
{
  PGresult *result;
  const char *sqlstate;
  CallOutcome outcome;

  if (*conn == NULL)
    *conn = soak_connect (world->dbname, desk->login, world->password);
  if (*conn == NULL)
    {
      g_usleep (200 * 1000);
      return CALL_LOST;
    }

  result = PQexecParams (*conn, sql, n_params, NULL, params, NULL, NULL, 0);
  sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  if (PQresultStatus (result) == PGRES_TUPLES_OK || PQresultStatus (result) == PGRES_COMMAND_OK)
    {
      if (value != NULL && PQntuples (result) > 0 && !PQgetisnull (result, 0, 0))
        *value = g_strdup (PQgetvalue (result, 0, 0));
      outcome = CALL_OK;
    }
  else if (PQstatus (*conn) != CONNECTION_OK || sqlstate == NULL ||
           g_str_has_prefix (sqlstate, "08") || g_str_has_prefix (sqlstate, "57P0"))
    {
      /* Terminated backend, server shutting down or gone: the answer is lost. */
      g_clear_pointer (conn, PQfinish);
      outcome = CALL_LOST;
    }
  else if (strcmp (sqlstate, "BJ013") == 0)
    outcome = CALL_BUSY;
  else if (g_str_has_prefix (sqlstate, "BJ"))
    outcome = CALL_REFUSED;
  else
    {
      note_error (desk, what, PQresultErrorMessage (result));
      outcome = CALL_ERROR;
    }
  PQclear (result);

  switch (outcome)
    {
    case CALL_REFUSED: desk->stats.refused++; break;
    case CALL_BUSY: desk->stats.busy++; break;
    case CALL_LOST: desk->stats.uncertain++; break;
    case CALL_OK: case CALL_ERROR: default: break;
    }
  return outcome;
}

static char *
random_items (void)
{
  GString *items = g_string_new ("[");
  guint n = g_random_int_range (1, 4);
  guint first = g_random_int_range (0, world->n_products);

  /* Distinct products: the first and the next ones in a ring. */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (items, "%s{\"product_id\": %" G_GINT64_FORMAT ", \"qty\": %d}",
                            i ? ", " : "", world->products[(first + i) % world->n_products],
                            g_random_int_range (1, 21));
  g_string_append_c (items, ']');
  return g_string_free (items, FALSE);
}

static void
place_order (Desk   *desk,
             PGconn **conn,
             GArray  *orders)
{
  g_autofree char *request = g_uuid_string_random ();
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               world->customers[g_random_int_range (0, world->n_customers)]);
  g_autofree char *items = random_items ();
  gboolean delivery = g_random_boolean ();
  g_autofree char *address = g_strdup_printf ("Jl. Soak %u", g_random_int_range (1, 999));
  const char *params[] = { customer, items, delivery ? "delivery" : "pickup",
                           delivery ? address : NULL, delivery ? "15000" : "0", request };

  /* Retried with the same request id until answered: never a second order. The grace
   * period lets a retry after the last fault finish past the deadline. */
  for (guint attempt = 0; attempt < 100 && g_get_monotonic_time () < world->deadline + 30 * G_USEC_PER_SEC;
       attempt++)
    {
      g_autofree char *id = NULL;

      switch (call (desk, conn, "place_order", place_sql, 6, params, &id))
        {
        case CALL_OK:
          {
            Order order = { g_ascii_strtoll (id, NULL, 10), delivery, ORDER_PENDING };
            g_ptr_array_add (desk->answered_requests, g_strdup (request));
            g_array_append_val (desk->answered_orders, order.id);
            g_array_append_val (orders, order);
            desk->stats.orders++;
            return;
          }
        case CALL_LOST:
        case CALL_BUSY:
          continue;
        case CALL_REFUSED:
        case CALL_ERROR:
        default:
          return;
        }
    }
}

/* BEGIN; place_order; the client vanishes before COMMIT: nothing of it may remain. */
static void
abandon_order (Desk    *desk,
               PGconn **conn)
{
  g_autofree char *request = g_uuid_string_random ();
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT, world->customers[0]);
  g_autofree char *items = random_items ();
  const char *params[] = { customer, items, "pickup", NULL, "0", request };

  if (call (desk, conn, "begin", "BEGIN", 0, NULL, NULL) != CALL_OK)
    return;
  if (call (desk, conn, "place_order (abandoned)", place_sql, 6, params, NULL) == CALL_OK)
    {
      g_ptr_array_add (desk->abandoned_requests, g_strdup (request));
      desk->stats.abandoned++;
    }
  g_clear_pointer (conn, PQfinish);
}

static void
order_call (Desk       *desk,
            PGconn    **conn,
            Order      *order,
            const char *what,
            const char *sql,
            const char *arg,
            OrderState  next,
            guint      *counter)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, order->id);
  const char *params[] = { id, arg };

  switch (call (desk, conn, what, sql, arg ? 2 : 1, params, NULL))
    {
    case CALL_OK:
      order->state = next;
      (*counter)++;
      break;
    case CALL_REFUSED:
    case CALL_ERROR:
      order->state = ORDER_SETTLED;
      break;
    case CALL_LOST:
    case CALL_BUSY:
    default:
      break;    /* tried again on a later round; a repeat is refused by its status */
    }
}

static void
work_on_order (Desk    *desk,
               PGconn **conn,
               GArray  *orders)
{
  Order *order;
  double r = g_random_double ();

  if (orders->len == 0)
    return;
  order = &g_array_index (orders, Order, g_random_int_range (0, orders->len));

  if (order->state == ORDER_PENDING)
    {
      if (r < 0.15)
        order_call (desk, conn, order, "cancel_order", "SELECT bjb.cancel_order($1::bigint, $2)",
                    "Soak: pelanggan batal", ORDER_SETTLED, &desk->stats.cancelled);
      else if (r < 0.85)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, order->id);
          const char *params[] = { id, "payment_proof", jpeg_hex };

          if (call (desk, conn, "attach_photo", photo_sql, 3, params, NULL) == CALL_OK)
            desk->stats.proofs++;
          order_call (desk, conn, order, "confirm_payment", "SELECT bjb.confirm_payment($1::bigint)",
                      NULL, ORDER_PAID, &desk->stats.confirmed);
        }
    }
  else if (order->state == ORDER_PAID)
    {
      if (r < 0.1)
        order_call (desk, conn, order, "cancel_order", "SELECT bjb.cancel_order($1::bigint, $2)",
                    "Soak: batal setelah bayar", ORDER_SETTLED, &desk->stats.cancelled);
      else if (order->delivery)
        order_call (desk, conn, order, "ship_order", "SELECT bjb.ship_order($1::bigint, $2)",
                    world->couriers[g_random_int_range (0, world->n_couriers)], ORDER_SETTLED,
                    &desk->stats.shipped);
      else
        order_call (desk, conn, order, "complete_order", "SELECT bjb.complete_order($1::bigint)",
                    NULL, ORDER_SETTLED, &desk->stats.completed);
    }
}

static void
run_cs (Desk    *desk,
        PGconn **conn)
{
  g_autoptr(GArray) orders = g_array_new (FALSE, FALSE, sizeof (Order));

  while (running ())
    {
      if (g_random_double () < 0.03)
        abandon_order (desk, conn);
      else
        place_order (desk, conn, orders);
      work_on_order (desk, conn, orders);
      work_on_order (desk, conn, orders);
      g_usleep (g_random_int_range (50, 150) * 1000);
    }
}

static void
run_courier (Desk    *desk,
             PGconn **conn)
{
  while (running ())
    {
      g_autofree char *id = NULL;

      /* Row-level security: only its own orders are visible. */
      if (call (desk, conn, "own orders",
                "SELECT id FROM bjb.sales_order WHERE status = 'shipped' AND courier = session_user"
                " ORDER BY id LIMIT 1", 0, NULL, &id) == CALL_OK && id != NULL)
        {
          const char *params[] = { id, "delivery", jpeg_hex };

          if (call (desk, conn, "attach_photo", photo_sql, 3, params, NULL) == CALL_OK &&
              call (desk, conn, "complete_order",
                    "SELECT bjb.complete_order($1::bigint, 'Soak', NULL, now(), gen_random_uuid())", 1,
                    params, NULL) == CALL_OK)
            desk->stats.completed++;
        }
      else
        g_usleep (200 * 1000);
    }
}

static void
run_admin (Desk    *desk,
           PGconn **conn)
{
  while (running ())
    {
      g_autofree char *product = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  world->products[g_random_int_range (0, world->n_products)]);
      /* Restocks, and now and then a correction downwards (refused below zero). */
      int qty = g_random_double () < 0.2 ? -g_random_int_range (1, 30) : g_random_int_range (20, 300);
      g_autofree char *qty_text = g_strdup_printf ("%d", qty);
      const char *params[] = { product, qty_text, "Soak" };

      switch (call (desk, conn, "restock", "SELECT bjb.restock($1::bigint, $2::int, $3)", 3, params, NULL))
        {
        case CALL_OK:
          desk->stats.restocks++;
          desk->stats.restocked_qty += qty;
          break;
        case CALL_LOST:
          desk->stats.uncertain_restock_qty += qty;
          break;
        default:
          break;
        }
      g_usleep (g_random_int_range (100, 400) * 1000);
    }
}

gpointer
soak_desk_run (gpointer data)
{
  Desk *desk = data;
  PGconn *conn = NULL;

  switch (desk->kind)
    {
    case DESK_CS: run_cs (desk, &conn); break;
    case DESK_COURIER: run_courier (desk, &conn); break;
    case DESK_ADMIN: default: run_admin (desk, &conn); break;
    }
  g_clear_pointer (&conn, PQfinish);
  return NULL;
}
