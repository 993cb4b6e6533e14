/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_DISCOUNT_PREVIEW (bjb_discount_preview_get_type ())
G_DECLARE_FINAL_TYPE (BjbDiscountPreview, bjb_discount_preview, BJB, DISCOUNT_PREVIEW, GtkWidget)

/*
 * BjbDiscountPreview: a customer (BjbCustomerPicker) and a cart (BjbProductPicker and a
 * quantity: "discount-preview.add", "discount-preview.remove" (int index),
 * "discount-preview.clear"), and bjb.quote for them line by line: price, discount, total,
 * the rule that won and why. The server computes everything; it quotes again whenever the
 * customer or the cart changes, and on bjb_discount_preview_requote() (rules saved).
 */

void        bjb_discount_preview_set_connection (BjbDiscountPreview *self,
                                                 BjbConnection      *connection);
/* @rules: the BjbDiscountRule list, to name the rule that won a line (nullable) */
void        bjb_discount_preview_set_rules      (BjbDiscountPreview *self,
                                                 GListModel         *rules);
void        bjb_discount_preview_requote        (BjbDiscountPreview *self);

/* For tests: the customer, a cart line, the quote shown (transfer none, nullable), the
 * words of quote line @i (transfer full), TRUE while quoting. */
void        bjb_discount_preview_set_customer   (BjbDiscountPreview *self,
                                                 gint64              id,
                                                 const char         *name);
void        bjb_discount_preview_add_item       (BjbDiscountPreview *self,
                                                 gint64              product_id,
                                                 const char         *name,
                                                 gint64              qty);
JsonObject *bjb_discount_preview_get_quote      (BjbDiscountPreview *self);
char       *bjb_discount_preview_get_line_text  (BjbDiscountPreview *self,
                                                 guint               i);
gboolean    bjb_discount_preview_get_busy       (BjbDiscountPreview *self);

G_END_DECLS
