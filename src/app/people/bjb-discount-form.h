/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-discount-rule.h"

G_BEGIN_DECLS

#define BJB_TYPE_DISCOUNT_FORM (bjb_discount_form_get_type ())
G_DECLARE_FINAL_TYPE (BjbDiscountForm, bjb_discount_form, BJB, DISCOUNT_FORM, GtkWidget)

/*
 * BjbDiscountForm: a discount rule, new or edited (bjb.save_discount_rule): name, percent
 * 1–100, active, last day (not in the past), audience (one customer, picked with
 * BjbCustomerPicker, or all loyal customers) and scope (one product, picked with
 * BjbProductPicker; all products; or a minimum cart). Every field is checked before
 * sending and the server's refusals are put beside the field they name. A save refused
 * because another admin saved the rule meanwhile (BJ020) says who and when and keeps what
 * was typed; saving again then replaces their version.
 *
 * Actions: "discount-form.save", "discount-form.clear" (a new rule).
 * Signals: "saved" (gint64 id); "stale": a save was refused because the rule changed
 *   meanwhile (the list should show their version).
 */

void         bjb_discount_form_set_connection (BjbDiscountForm *self,
                                               BjbConnection   *connection);
/* An empty form for a new rule. */
void         bjb_discount_form_start_new      (BjbDiscountForm *self);
/* The form for editing @rule, with the version it has now. */
void         bjb_discount_form_load           (BjbDiscountForm *self,
                                               BjbDiscountRule *rule);
/* The rule being edited (0: a new one). */
gint64       bjb_discount_form_get_rule_id    (BjbDiscountForm *self);

/* For tests and the preview: the entry of "name", "percent", "valid_until", "min_cart"
 * (transfer none); the reason shown under a field ("name", "percent", "valid_until",
 * "min_cart", "customer", "product") or for the whole form ("form"), NULL when none;
 * the audience ("customer", "loyal") and scope codes; the customer and product picked. */
GtkEditable *bjb_discount_form_get_field      (BjbDiscountForm *self,
                                               const char      *field);
const char  *bjb_discount_form_get_error      (BjbDiscountForm *self,
                                               const char      *field);
void         bjb_discount_form_set_audience   (BjbDiscountForm *self,
                                               const char      *audience);
void         bjb_discount_form_set_scope      (BjbDiscountForm *self,
                                               const char      *scope);
void         bjb_discount_form_set_customer   (BjbDiscountForm *self,
                                               gint64           id,
                                               const char      *name);
void         bjb_discount_form_set_product    (BjbDiscountForm *self,
                                               gint64           id,
                                               const char      *name);
gboolean     bjb_discount_form_get_busy       (BjbDiscountForm *self);

G_END_DECLS
