/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-worker-config.h"

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERER (bjb_deliverer_get_type ())
G_DECLARE_FINAL_TYPE (BjbDeliverer, bjb_deliverer, BJB, DELIVERER, GObject)

/*
 * BjbDeliverer: takes due messages from the outbox and sends them, at most
 * config->concurrency at a time. Per message: claim (leased) → begin attempt → HTTP →
 * sent / failed (retry at a backoff, or parked after max_attempts) / uncertain.
 * One bad message never blocks the rest: each is its own chain of calls.
 *
 * Signal "idle": nothing in flight and the last claim found nothing more due. In daemon
 * mode the owner then sleeps until bjb.next_message_at() or a NOTIFY; --once quits.
 */

/**
 * bjb_deliverer_new:
 * @connection: the worker's connection (logged in as the bjb_worker login)
 * @config: (transfer none): must outlive the deliverer
 */
BjbDeliverer *bjb_deliverer_new          (BjbConnection         *connection,
                                          const BjbWorkerConfig *config);

/* Something may be due: claim now (coalesced; a no-op while stopping). */
void          bjb_deliverer_kick         (BjbDeliverer          *self);

/* Claim nothing more; "idle" follows once the requests in flight are marked. */
void          bjb_deliverer_stop         (BjbDeliverer          *self);

gboolean      bjb_deliverer_is_idle      (BjbDeliverer          *self);

/* The retry delay after failed attempt number @attempt (1 = the first), in seconds:
 * backoff_initial · 2^(attempt−1), capped at backoff_max, ± jitter. */
double        bjb_deliverer_backoff      (const BjbWorkerConfig *config,
                                          int                    attempt);

/* Messages marked sent since creation. */
guint         bjb_deliverer_get_n_sent   (BjbDeliverer          *self);

/* Claims and marks that failed in the database (--once then exits 1). */
guint         bjb_deliverer_get_n_db_errors (BjbDeliverer        *self);

G_END_DECLS
