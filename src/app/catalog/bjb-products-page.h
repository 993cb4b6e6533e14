/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-category-editor.h"
#include "bjb-connection.h"
#include "bjb-paged-query-model.h"
#include "bjb-product-form.h"

G_BEGIN_DECLS

#define BJB_TYPE_PRODUCTS_PAGE (bjb_products_page_get_type ())

G_DECLARE_FINAL_TYPE (BjbProductsPage, bjb_products_page, BJB, PRODUCTS_PAGE, GtkWidget)

/*
 * BjbProductsPage: the admin's catalogue (a BjbPage): the products of bjb.list_products,
 * low stock first, with search, category and status filters; beside them the product form
 * (the row picked, or a new product) or the categories. Refreshes on the events that move
 * stock (orders, cancels, expiries, stock_low).
 *
 * Actions: products.new, products.open (int64 id), products.categories, products.refresh,
 * products.search.
 */
void                bjb_products_page_set_connection      (BjbProductsPage *self,
                                                           BjbConnection   *connection);
void                bjb_products_page_refresh             (BjbProductsPage *self);
BjbPagedQueryModel *bjb_products_page_get_list_model      (BjbProductsPage *self);
/* The categories as listed (BjbAdminCategory items). */
GListModel         *bjb_products_page_get_categories      (BjbProductsPage *self);
BjbProductForm     *bjb_products_page_get_form            (BjbProductsPage *self);
BjbCategoryEditor  *bjb_products_page_get_category_editor (BjbProductsPage *self);
GtkEditable        *bjb_products_page_get_search_entry    (BjbProductsPage *self);
/* "empty", "form" or "categories" */
const char         *bjb_products_page_get_visible_pane    (BjbProductsPage *self);

G_END_DECLS
