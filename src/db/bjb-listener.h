/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-event.h"

G_BEGIN_DECLS

#define BJB_TYPE_LISTENER (bjb_listener_get_type ())
G_DECLARE_FINAL_TYPE (BjbListener, bjb_listener, BJB, LISTENER, GObject)

/*
 * BjbListener: delivers every bjb.event row the login may see, exactly once, in delivery
 * order, live and across reconnects and restarts.
 *
 * Delivery order is commit order as far as a reader can tell: (transaction id, event id),
 * and an event only once every older transaction has ended (bjb.events_after), so a
 * transaction left open elsewhere may delay events, never lose or repeat them. Ids are
 * therefore not always increasing from one event to the next.
 *
 * On every (re)connect of its connection it runs `LISTEN bjb_events` first, then reads
 * `bjb.events_after (last)`; each NOTIFY triggers the same read, and while events are held
 * back it polls (bjb.events_held_back). So catch-up and live delivery are one code path.
 * While idle it also reads every 30 s, in case a wake-up was lost with barokahd's event
 * relay (migration 0015).
 *
 * Properties: "connection" (construct-only), "last-event-id" (gint64, read/write, notify):
 * the id of the last event delivered, which is the cursor; persist it (per login) and set
 * it back before bjb_listener_start_async() so a restarted client shows nothing twice.
 * 0 = from the beginning.
 *
 * Signal: "event-received" (BjbEvent *event), after last-event-id was advanced to it.
 */

/**
 * bjb_listener_new:
 * @connection: a connection used by nobody else (bjb_connection_dup() of the main one);
 *   opened or not
 *
 * Returns: (transfer full): a new listener holding a reference on @connection
 */
BjbListener   *bjb_listener_new                (BjbConnection *connection);

/**
 * bjb_listener_start_async:
 *
 * Opens the connection if needed, LISTENs and catches up. Completes once the first
 * catch-up is done (or with the open error). From then on the listener follows the
 * connection's reconnects by itself.
 */
void           bjb_listener_start_async        (BjbListener         *self,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       bjb_listener_start_finish       (BjbListener   *self,
                                                GAsyncResult  *result,
                                                GError       **error);

/* Stops delivering and closes the connection. */
void           bjb_listener_stop               (BjbListener *self);

/* (transfer none) */
BjbConnection *bjb_listener_get_connection     (BjbListener *self);
gint64         bjb_listener_get_last_event_id  (BjbListener *self);
void           bjb_listener_set_last_event_id  (BjbListener *self,
                                                gint64       id);

G_END_DECLS
