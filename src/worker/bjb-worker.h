/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-worker-config.h"

G_BEGIN_DECLS

/* Exit statuses of barokahd. 78 (EX_CONFIG) is what the unit's RestartPreventExitStatus=
 * names: a bad configuration, login or schema does not mend by restarting. */
#define BJB_WORKER_EXIT_OK       0
#define BJB_WORKER_EXIT_FAILURE  1
#define BJB_WORKER_EXIT_USAGE    2
#define BJB_WORKER_EXIT_CONFIG   78

#define BJB_TYPE_WORKER (bjb_worker_get_type ())
G_DECLARE_FINAL_TYPE (BjbWorker, bjb_worker, BJB, WORKER, GObject)

/*
 * BjbWorker: the service. Connects as the bjb_worker login (checking the schema version
 * this build was made for), LISTENs on bjb_outbox, runs the jobs (payment-deadline expiry
 * every expire_interval, the lease sweep every sweep_interval, birthday greetings at start
 * and at every Jakarta midnight), delivers the outbox and, on a second connection, relays
 * the bjb_events wake-ups ([relay], BjbEventRelay; not in --once). SIGTERM/SIGINT: claim nothing
 * more, finish the requests in flight, record them, exit.
 */

/**
 * bjb_worker_new:
 * @config: (transfer full): the configuration
 * @once: one pass (sweep, expiry, birthdays, every due message) and exit
 */
BjbWorker *bjb_worker_new (BjbWorkerConfig *config,
                           gboolean         once);

/* Only the event relay (no jobs, no delivery): for a second machine, or a benchmark that
 * measures the checkouts with the relay alone. Before bjb_worker_run(). */
void       bjb_worker_set_relay_only (BjbWorker *self,
                                      gboolean   relay_only);

/* Runs the main loop until done; returns the exit status (BJB_WORKER_EXIT_*). */
int        bjb_worker_run (BjbWorker       *self);

G_END_DECLS
