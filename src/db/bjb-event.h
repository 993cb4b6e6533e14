/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_EVENT (bjb_event_get_type ())
G_DECLARE_FINAL_TYPE (BjbEvent, bjb_event, BJB, EVENT, GObject)

/*
 * BjbEvent: one row of bjb.event, immutable. Properties (all construct-only, so tests and
 * the UI can also build one with g_object_new):
 *   "id" (gint64), "kind" (string, e.g. "order_placed"), "order-id", "product-id",
 *   "customer-id" (gint64, 0 when NULL), "audience-role", "audience-login" (nullable
 *   strings), "created-at" (GDateTime), "details" (the jsonb as a JSON string, "{}" if NULL).
 */

/**
 * bjb_event_new_from_result:
 * @result: rows with the columns id, kind, order_id, product_id, customer_id,
 *   audience_role, audience_login, created_at, details
 *
 * Returns: (transfer full): the event in row @row
 */
BjbEvent   *bjb_event_new_from_result  (BjbResult *result,
                                        guint      row);

gint64      bjb_event_get_id             (BjbEvent *self);
const char *bjb_event_get_kind           (BjbEvent *self);
gint64      bjb_event_get_order_id       (BjbEvent *self);
gint64      bjb_event_get_product_id     (BjbEvent *self);
gint64      bjb_event_get_customer_id    (BjbEvent *self);
/* (nullable) */
const char *bjb_event_get_audience_role  (BjbEvent *self);
/* (nullable) */
const char *bjb_event_get_audience_login (BjbEvent *self);
/* (transfer none) (nullable) */
GDateTime  *bjb_event_get_created_at     (BjbEvent *self);
/* (transfer none): JSON text, "{}" when the column was NULL */
const char *bjb_event_get_details        (BjbEvent *self);

G_END_DECLS
