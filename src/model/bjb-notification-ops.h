/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * The notification centre's operations: the recent events meant for the signed-in staff
 * member (by role or by name) with whether they read them, and marking events read. The
 * statements are constants in bjb-notification-ops.c; RLS decides which events a login
 * sees.
 */

/*
 * bjb_notification_ops_load_recent_async:
 * @role: the reader's role (events for that role, and for them by name)
 * @limit: at most this many, newest first
 *
 * Finish: (transfer full) (element-type BjbNotification): newest first, worded for @role.
 * @first_cursor (optional out): where a listener that never ran for this login starts so
 * that nothing committing after the list was read is missed (see bjb.events_after):
 * the last event delivered so far in (xact_id, id) order, 0 when there is none.
 */
BJB_OPS_ASYNC (bjb_notification_ops_load_recent, const char *role, guint limit);
BJB_OPS_FINISH (GPtrArray *, bjb_notification_ops_load_recent, gint64 *first_cursor);

/* Records in bjb.notification_read that the signed-in login read these events. */
BJB_OPS_DECLARE (gboolean, bjb_notification_ops_mark_read, const gint64 *event_ids,
                 guint n_event_ids);

G_END_DECLS
