/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-discount-form.h"
#include "bjb-discount-preview.h"

G_BEGIN_DECLS

#define BJB_TYPE_DISCOUNTS_PAGE (bjb_discounts_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbDiscountsPage, bjb_discounts_page, BJB, DISCOUNTS_PAGE, GtkWidget)

/*
 * BjbDiscountsPage: the admin's discount rules (bjb.list_discount_rules): who they are for,
 * on what, the minimum cart, percent, last day, state (expired rules say so) and how many
 * orders used them. Picking a rule opens it in the form beside the list; "discounts.new"
 * starts a new one, "discounts.toggle-active" switches the picked rule on or off (with the
 * same stale-edit check as the form), "discounts.preview" shows what the saved rules do to
 * a customer's cart. Orders placed, cancelled or expired refresh the use counts.
 */

GtkWidget          *bjb_discounts_page_new            (void);
void                bjb_discounts_page_set_connection (BjbDiscountsPage *self,
                                                       BjbConnection    *connection);
void                bjb_discounts_page_refresh        (BjbDiscountsPage *self);

/* For tests: the rules (BjbDiscountRule) (transfer none); picks the rule named @name
 * (FALSE when not listed); the list's sentence (NULL: none); the form and the preview;
 * the pane shown ("form", "preview"); TRUE while a request is out. */
GListModel         *bjb_discounts_page_get_rules       (BjbDiscountsPage *self);
gboolean            bjb_discounts_page_select          (BjbDiscountsPage *self,
                                                        const char       *name);
const char         *bjb_discounts_page_get_error       (BjbDiscountsPage *self);
BjbDiscountForm    *bjb_discounts_page_get_form        (BjbDiscountsPage *self);
BjbDiscountPreview *bjb_discounts_page_get_preview     (BjbDiscountsPage *self);
const char         *bjb_discounts_page_get_visible_pane (BjbDiscountsPage *self);
gboolean            bjb_discounts_page_get_busy        (BjbDiscountsPage *self);

G_END_DECLS
