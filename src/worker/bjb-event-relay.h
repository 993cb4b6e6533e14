/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* The relay's advisory lock, pg_advisory_lock(6449765, 0): migration 0015's
 * bjb.event_notify stays silent while somebody holds it. */
#define BJB_EVENT_RELAY_LOCK_KEY1 6449765
#define BJB_EVENT_RELAY_LOCK_KEY2 0

/* How often the relay asks for new events by default (milliseconds): the added latency of
 * a wake-up is at most this plus one round trip. */
#define BJB_EVENT_RELAY_DEFAULT_INTERVAL_MS 50

#define BJB_TYPE_EVENT_RELAY (bjb_event_relay_get_type ())
G_DECLARE_FINAL_TYPE (BjbEventRelay, bjb_event_relay, BJB, EVENT_RELAY, GObject)

/*
 * BjbEventRelay: sends the NOTIFY bjb_events wake-ups of a busy server, one per batch of
 * events, so the transactions that write events no longer notify from their own commit
 * (which serialises those commits: migration 0015). On its own connection it takes the
 * session-level advisory lock above (pg_advisory_lock, waited for at most 1 s at a time;
 * after each miss it sends one NOTIFY itself and waits again, 0.2 s doubling to 5 s later),
 * turns synchronous_commit off for its own transactions (a wake-up holds no data; a lost
 * one is a delay, never a loss) and calls
 * bjb.relay_events(cursor) every interval. Each (re)connect starts over: the lock went with
 * the old session, and the first call NOTIFYs once so listeners catch up on any gap.
 *
 * Property "active" (boolean, read-only, notify): the lock is held and polling runs.
 */

/**
 * bjb_event_relay_new:
 * @connection: (transfer none): an unopened connection used by nobody else, as the
 *   worker login (bjb_connection_dup() of the worker's)
 * @interval_ms: milliseconds between two polls
 *
 * Returns: (transfer full): a relay; nothing happens before bjb_event_relay_start()
 */
BjbEventRelay *bjb_event_relay_new          (BjbConnection *connection,
                                             guint          interval_ms);

/* Opens the connection (retrying with backoff until it opens) and starts relaying. */
void           bjb_event_relay_start        (BjbEventRelay *self);

/* Stops polling and closes the connection (the lock goes with it). */
void           bjb_event_relay_stop         (BjbEventRelay *self);

gboolean       bjb_event_relay_is_active    (BjbEventRelay *self);

/* The server process of the relay's link (0 when not connected); for tests and logs. */
int            bjb_event_relay_get_backend_pid (BjbEventRelay *self);

/* Wake-ups sent since creation (the start NOTIFY of each session included). */
guint          bjb_event_relay_get_n_wakeups (BjbEventRelay *self);

G_END_DECLS
