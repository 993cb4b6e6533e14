/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_STOCK_MOVEMENT (bjb_stock_movement_get_type ())
G_DECLARE_FINAL_TYPE (BjbStockMovement, bjb_stock_movement, BJB, STOCK_MOVEMENT, BjbFieldRow)

/*
 * One line of the stock ledger (a row of bjb.stock_ledger), a BjbPagedRow keyed by its id,
 * which is also the keyset of the next page. Read-only properties: "id", "at-text",
 * "product-id", "product-name", "delta", "delta-text" (+10 / −5), "delta-classes",
 * "reason", "reason-text" (translated), "order-id", "order-number", "note", "actor-text"
 * (the staff member's name, the login when they have none).
 */
BjbStockMovement *bjb_stock_movement_new_from_result (BjbResult        *result,
                                                      guint             row);
const char *bjb_stock_movement_get_reason      (BjbStockMovement *self);
/* (transfer none): the translated label of a ledger reason (restock, order, damaged, …) */
const char *bjb_stock_movement_reason_label    (const char       *reason);

G_END_DECLS
