/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_PRICE_CHANGE (bjb_price_change_get_type ())
G_DECLARE_FINAL_TYPE (BjbPriceChange, bjb_price_change, BJB, PRICE_CHANGE, BjbFieldRow)

/*
 * One line of a product's price history (a row of bjb.price_history): read-only "at-text",
 * "old-price" (-1: the product's creation), "new-price", "change-text" ("Rp 2.500 →
 * Rp 2.750", or the first price), "actor-text" (who; the login when they have no name).
 */
BjbPriceChange *bjb_price_change_new_from_result (BjbResult      *result,
                                                  guint           row);
gint64      bjb_price_change_get_old_price   (BjbPriceChange *self);
gint64      bjb_price_change_get_new_price   (BjbPriceChange *self);
const char *bjb_price_change_get_actor_text  (BjbPriceChange *self);
const char *bjb_price_change_get_change_text (BjbPriceChange *self);

G_END_DECLS
