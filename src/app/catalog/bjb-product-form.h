/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-admin-product.h"
#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_PRODUCT_FORM (bjb_product_form_get_type ())

G_DECLARE_FINAL_TYPE (BjbProductForm, bjb_product_form, BJB, PRODUCT_FORM, GtkWidget)

/*
 * BjbProductForm: creates or edits one product (bjb.save_product) and its photo
 * (bjb.set_product_photo), with the price history below. Every field is checked before
 * anything is sent; the server's refusals (BJ011 naming the field) go beside their field; a
 * stale save (BJ020: another admin saved since the form was loaded) says who and when,
 * keeps everything typed and offers Reload.
 *
 * Signals: "saved" (gint64 id) once the product (and its photo) are stored; "cancelled";
 * "refresh-requested" when Reload needs the list to read the product again (the form
 * follows its row object, which the list updates in place).
 * Actions: product.save, product.cancel, product.reload, product.choose-photo,
 * product.remove-photo.
 */
void        bjb_product_form_set_connection    (BjbProductForm  *self,
                                                BjbConnection   *connection);
/* The categories the dropdown offers (BjbAdminCategory items, shared with the page). */
void        bjb_product_form_set_categories    (BjbProductForm  *self,
                                                GListModel      *categories);
/* @product: (nullable): the row to edit (the form follows it), NULL for a new product */
void        bjb_product_form_edit              (BjbProductForm  *self,
                                                BjbAdminProduct *product);
gint64      bjb_product_form_get_product_id    (BjbProductForm  *self);
void        bjb_product_form_focus             (BjbProductForm  *self);
/* For tests: the sentence beside @field ("name", "category", "unit", "price",
 * "description", "photo", or "form" for the one at the top), NULL when none. */
const char *bjb_product_form_get_field_error   (BjbProductForm  *self,
                                                const char      *field);
/* (transfer none): the field's entry ("name", "unit", "price") */
GtkEditable *bjb_product_form_get_entry        (BjbProductForm  *self,
                                                const char      *field);
gboolean    bjb_product_form_get_busy          (BjbProductForm  *self);
/* TRUE when something was typed since the product was loaded or saved. */
gboolean    bjb_product_form_get_dirty         (BjbProductForm  *self);
/* The price history shown (BjbPriceChange items). */
GListModel *bjb_product_form_get_history       (BjbProductForm  *self);

G_END_DECLS
