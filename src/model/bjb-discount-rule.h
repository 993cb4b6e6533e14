/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"
#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_DISCOUNT_RULE (bjb_discount_rule_get_type ())
G_DECLARE_FINAL_TYPE (BjbDiscountRule, bjb_discount_rule, BJB, DISCOUNT_RULE, BjbFieldRow)

/*
 * BjbDiscountRule: one row of bjb.list_discount_rules() (0007), read-only properties named
 * after its columns ("id", "name", "percent", "audience", "customer-id", "customer-name",
 * "scope", "product-id", "product-name", "min-cart-total" (-1: none), "valid-until"
 * (yyyy-mm-dd, nullable), "active", "state" ('active', 'inactive', 'expired'),
 * "orders-used", "version") and the words the list shows for them, in the UI language:
 * "audience-label", "scope-label", "percent-label", "min-cart-label", "valid-until-label",
 * "state-label".
 */

/* (transfer full): the rule in @row of @result */
BjbDiscountRule *bjb_discount_rule_new_from_result (BjbResult *result,
                                                   guint      row);

gint64       bjb_discount_rule_get_id             (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_name           (BjbDiscountRule *self);
int          bjb_discount_rule_get_percent        (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_audience       (BjbDiscountRule *self);
gint64       bjb_discount_rule_get_customer_id    (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_customer_name  (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_scope          (BjbDiscountRule *self);
gint64       bjb_discount_rule_get_product_id     (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_product_name   (BjbDiscountRule *self);
gint64       bjb_discount_rule_get_min_cart_total (BjbDiscountRule *self);
/* (nullable): yyyy-mm-dd, the last Jakarta day the rule applies */
const char  *bjb_discount_rule_get_valid_until    (BjbDiscountRule *self);
gboolean     bjb_discount_rule_get_active         (BjbDiscountRule *self);
const char  *bjb_discount_rule_get_state          (BjbDiscountRule *self);
gint64       bjb_discount_rule_get_orders_used    (BjbDiscountRule *self);
int          bjb_discount_rule_get_version        (BjbDiscountRule *self);

/* The words for the codes the server uses, in the UI language. (transfer none) */
const char  *bjb_discount_rule_audience_label     (const char *audience);
const char  *bjb_discount_rule_scope_label        (const char *scope);
const char  *bjb_discount_rule_state_label        (const char *state);
/* The kind of discount that won a quote line (bjb.quote's "rule"), NULL for none. */
const char  *bjb_discount_rule_quote_label        (const char *rule);

G_END_DECLS
