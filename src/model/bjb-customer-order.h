/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bjb-field-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_ORDER (bjb_customer_order_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerOrder, bjb_customer_order, BJB, CUSTOMER_ORDER, BjbFieldRow)

/*
 * BjbCustomerOrder: one line of a customer's order history (detail pane), read-only.
 * Properties: "id", "number", "status", "status-label" (Diproses, Dibayar, Dikirim, Selesai,
 * Dibatalkan in Indonesian), "placed-label", "total-label", "feedback".
 */

/* From one element of the detail query's "orders" JSON array. */
BjbCustomerOrder *bjb_customer_order_new_from_json (JsonObject       *object);
const char       *bjb_customer_order_get_number    (BjbCustomerOrder *self);
const char       *bjb_customer_order_get_status    (BjbCustomerOrder *self);
const char       *bjb_customer_order_get_feedback  (BjbCustomerOrder *self);

/* The translated label of a bjb.order_status value. (transfer none) */
const char       *bjb_customer_order_status_label  (const char       *status);

G_END_DECLS
