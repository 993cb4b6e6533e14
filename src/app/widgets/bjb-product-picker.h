/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-product-hit.h"

G_BEGIN_DECLS

#define BJB_TYPE_PRODUCT_PICKER (bjb_product_picker_get_type ())

G_DECLARE_FINAL_TYPE (BjbProductPicker, bjb_product_picker, BJB, PRODUCT_PICKER, AdwBin)

/*
 * BjbProductPicker: find an active product by any part of its name, narrowed to a
 * category, with its price and stock (bjb_catalog_ops_*). Typing searches (the entry
 * waits for a pause); a newer search cancels the one in flight.
 *
 * Properties: "connection" (BjbConnection; setting it loads the categories and searches).
 * Signals: "activated" (BjbProductHit *: double click or Enter on a product);
 *   "failed" (const char *sentence) when a search could not be made.
 */
void               bjb_product_picker_set_connection (BjbProductPicker *self,
                                                      BjbConnection    *connection);
/* (transfer none) (nullable) */
BjbProductHit     *bjb_product_picker_get_selected   (BjbProductPicker *self);
/* (transfer none): the BjbProductHit results with their selection */
GtkSelectionModel *bjb_product_picker_get_results    (BjbProductPicker *self);
/* Searches again with what is typed (e.g. after an order took stock). */
void               bjb_product_picker_refresh        (BjbProductPicker *self);
/* Whether the results show their category (shown by default). A picker in a side pane
 * hides it, so the product's name has the room: the category drop-down still narrows. */
void               bjb_product_picker_set_show_category (BjbProductPicker *self,
                                                         gboolean          show);

G_END_DECLS
