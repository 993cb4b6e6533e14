/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bjb-ops-query.h"
#include "bjb-delivery-spool.h"

G_BEGIN_DECLS

/*
 * The courier's operations: the deliveries assigned to them, what they delivered on a day,
 * the delivery photo, completing a delivery, reporting a failed one. Each call is one bjb.*
 * function of migration 0008 (the database checks the login, the order, the recipient, the
 * capture time and the idempotency key); the statements are constants in
 * bjb-delivery-ops.c. Errors are the database's (BJ codes with the server's message):
 * BJ004 not your order, BJ030 no recipient, BJ031 cancelled or reassigned meanwhile (the
 * photo is kept for customer service), BJ032 capture time, BJ033 key, BJ003 no photo.
 */

/* Finish: (transfer full): bjb.my_deliveries() rows, oldest first, as objects: order_id,
 * number, customer_name, address, phone, items [{product_id, name, unit, qty}],
 * courier_note, shipped_at, problems [{id, at, courier, reason, label, note}]. */
BJB_OPS_DECLARE (JsonArray *, bjb_delivery_ops_list_mine);

/* Finish: (transfer full): bjb.delivered_on(@day) rows (@day is a Jakarta business day):
 * order_id, number, customer_name, address, items, recipient, note, completed_at,
 * received_at. */
BJB_OPS_DECLARE (JsonArray *, bjb_delivery_ops_delivered_on, GDate *day);

/* Finish: (transfer full): [{code, label}] of bjb.delivery_problem_reasons(). */
BJB_OPS_DECLARE (JsonArray *, bjb_delivery_ops_list_reasons);

/*
 * bjb_delivery_ops_attach_photo_async:
 * @key: the completion's idempotency key: the same photo sent again is stored once
 * @photo, @thumb: JPEG bytes (bjb_image_* made them)
 *
 * Finish: the photo's id (0 with @error set).
 */
BJB_OPS_DECLARE (gint64, bjb_delivery_ops_attach_photo, gint64 order_id, const char *key,
                 GBytes *photo, GBytes *thumb, int width, int height);

/*
 * bjb_delivery_ops_complete_async:
 * @note: (nullable)
 * @captured_at: when the photo was taken (the delivery's time, not the upload's)
 * @key: the idempotency key; the same key again returns the first result
 *
 * Finish: (transfer full): {order_id, number, status, completed_at, captured_at,
 * received_at, recipient, key}.
 */
BJB_OPS_DECLARE (JsonObject *, bjb_delivery_ops_complete, gint64 order_id, const char *recipient,
                 const char *note, GDateTime *captured_at, const char *key);

/*
 * bjb_delivery_ops_send_async:
 * @completion: a queued completion (copied)
 *
 * The photo, then the completion, both under the completion's key: safe to repeat after
 * any failure, including a reply lost after the server committed. Remove the completion
 * from the spool only when this finished without error, or with BJ031 (the server kept the
 * photo for customer service; the courier must be told). Finish: as _complete_finish.
 */
BJB_OPS_DECLARE (JsonObject *, bjb_delivery_ops_send, const BjbDeliveryCompletion *completion);

/* @reason: a code of bjb.delivery_problem_reasons(); @note: (nullable), required for
 * "other". Finish: the attempt's id (0 with @error set). */
BJB_OPS_DECLARE (gint64, bjb_delivery_ops_report_problem, gint64 order_id, const char *reason,
                 const char *note);

G_END_DECLS
