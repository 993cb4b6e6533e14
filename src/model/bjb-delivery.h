/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERY (bjb_delivery_get_type ())

G_DECLARE_FINAL_TYPE (BjbDelivery, bjb_delivery, BJB, DELIVERY, GObject)

/*
 * BjbDelivery: one row of bjb.my_deliveries() or bjb.delivered_on(), as the courier's lists
 * show it (never a price: the functions return none). Read-only properties, for list item
 * templates: "order-id", "number", "customer-name", "address", "phone", "items-text" (one
 * line per item, "120 m² Paving Segi Enam 8 cm"), "courier-note", "shipped-at",
 * "waiting-text" ("since 09:12, 2 h 5 min"), "recipient", "note", "completed-at",
 * "completed-text" ("14:05"), "n-problems", "title-text" ("BJB-… · customer"),
 * "received-text" ("Received by …").
 */

/* (transfer full): the row; @row is kept (the cache writes it back as it came). */
BjbDelivery *bjb_delivery_new_from_json     (JsonObject  *row);

gint64       bjb_delivery_get_order_id      (BjbDelivery *self);
const char  *bjb_delivery_get_number        (BjbDelivery *self);
const char  *bjb_delivery_get_customer_name (BjbDelivery *self);
const char  *bjb_delivery_get_address       (BjbDelivery *self);
/* (nullable) */
const char  *bjb_delivery_get_phone         (BjbDelivery *self);
const char  *bjb_delivery_get_items_text    (BjbDelivery *self);
/* (nullable) */
const char  *bjb_delivery_get_courier_note  (BjbDelivery *self);
/* (nullable) */
const char  *bjb_delivery_get_recipient     (BjbDelivery *self);
/* (transfer none): the failed attempts [{id, at, courier, reason, label, note}], oldest
 * first; empty for a delivered row */
JsonArray   *bjb_delivery_get_problems      (BjbDelivery *self);
/* (transfer full): "since 09:12, 2 h 5 min" as of @now */
char        *bjb_delivery_format_waiting    (BjbDelivery *self,
                                             GDateTime   *now);
/* (transfer full): a day and time as the courier's screens write it, "2 Dec 14:05" in
 * local time */
char        *bjb_delivery_format_moment     (GDateTime   *time);
/* (transfer full): the Google Maps search link for the address */
char        *bjb_delivery_map_uri           (BjbDelivery *self);
/* Recomputes "waiting-text" (a minute passed). */
void         bjb_delivery_tick              (BjbDelivery *self,
                                             GDateTime   *now);

/* (transfer full): a reason code's words in the UI's language, @fallback (the server's
 * label) for a code this program does not know */
char        *bjb_delivery_reason_label      (const char  *code,
                                             const char  *fallback);

G_END_DECLS
