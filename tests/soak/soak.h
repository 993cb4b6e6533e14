/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

/* The soak test (tests/soak/run): desks working the real contract functions through plain
 * libpq, one thread each, while soak.c injects faults and finally checks the invariants. */

typedef enum {
  DESK_CS,
  DESK_COURIER,
  DESK_ADMIN,
} DeskKind;

/* Counts of what a desk did. "uncertain": the connection died before the answer, so the
 * call may or may not have committed (place_order is then retried with its request id). */
typedef struct
{
  guint orders;
  guint abandoned;          /* BEGIN; place_order; connection dropped before COMMIT */
  guint proofs;
  guint confirmed;
  guint shipped;
  guint completed;
  guint cancelled;
  guint restocks;
  gint64 restocked_qty;     /* answered restocks and adjustments */
  gint64 uncertain_restock_qty;
  guint refused;            /* a BJ business refusal (stock, status changed meanwhile, …) */
  guint busy;               /* BJ013: a lock wait ended in lock_timeout */
  guint uncertain;
  guint unexpected;         /* any other error: reported, and a failure */
} DeskStats;

typedef struct
{
  DeskKind kind;
  char login[32];
  guint index;

  /* Owned by the desk thread while it runs, read by soak.c after the join. */
  GPtrArray *answered_requests;   /* char * uuid, the order id is in answered_orders */
  GArray *answered_orders;        /* gint64 */
  GPtrArray *abandoned_requests;  /* char * uuid */
  DeskStats stats;
  GString *errors;                /* the first unexpected errors, for the report */
} Desk;

typedef struct
{
  const char *dbname;
  const char *password;
  gint64 deadline;                /* g_get_monotonic_time () */
  const gint64 *customers;
  guint n_customers;
  const gint64 *products;
  guint n_products;
  const char *const *couriers;
  guint n_couriers;
} SoakWorld;

/* Runs @desk until world->deadline. Thread function: g_thread_new ("desk", soak_desk_run, desk)
 * after soak_desk_set_world(). */
void      soak_desk_set_world (const SoakWorld *world);
gpointer  soak_desk_run       (gpointer desk);

/* A connection as @login (blocking), NULL while the server is away. */
PGconn   *soak_connect        (const char *dbname,
                               const char *login,
                               const char *password);

G_END_DECLS
