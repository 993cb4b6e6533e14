/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-customer.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_LIST_MODEL (bjb_customer_list_model_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerListModel, bjb_customer_list_model, BJB, CUSTOMER_LIST_MODEL, GObject)

/*
 * BjbCustomerListModel: a GListModel of BjbCustomer over bjb.search_customers.
 *
 * Pages of "page-size" rows are fetched on demand: asking for an item past the loaded rows
 * (the view scrolled there) returns a placeholder and starts fetching the next keyset page;
 * items-changed replaces the placeholders when it arrives. While more rows exist, one page
 * of placeholders follows the loaded rows, so the view can scroll into them.
 *
 * Changing "query", "status", "loyal-only", "product-id", "birthday-days" or "sort" starts
 * over from the first page: at once after a quiet spell, or "debounce" ms after the last
 * change while they keep coming (typing); a newer query cancels the stale one in flight.
 *
 * "n-total" is the number of matching customers (-1 until known); "loading" is TRUE until
 * the first page of the current filters is shown; "error" holds the last failure.
 */

BjbCustomerListModel *bjb_customer_list_model_new         (BjbConnection        *connection);

BjbConnection        *bjb_customer_list_model_get_connection (BjbCustomerListModel *self);
void                  bjb_customer_list_model_set_connection (BjbCustomerListModel *self,
                                                              BjbConnection        *connection);
void                  bjb_customer_list_model_set_query   (BjbCustomerListModel *self,
                                                           const char           *query);
void                  bjb_customer_list_model_set_sort    (BjbCustomerListModel *self,
                                                           const char           *sort);
gboolean              bjb_customer_list_model_get_loading (BjbCustomerListModel *self);
gint64                bjb_customer_list_model_get_n_total (BjbCustomerListModel *self);
/* (nullable) (transfer none) */
const GError         *bjb_customer_list_model_get_error   (BjbCustomerListModel *self);

/* Starts over from the first page now (no debounce). */
void                  bjb_customer_list_model_reload      (BjbCustomerListModel *self);

/**
 * bjb_customer_list_model_refresh:
 *
 * Re-reads the rows already loaded (live updates): rows that are still there keep their
 * BjbCustomer object and position and only change their properties, so the view keeps its
 * scroll position and selection; only the part that really changed is reported.
 */
void                  bjb_customer_list_model_refresh     (BjbCustomerListModel *self);

/* Position of the loaded customer @id, or G_MAXUINT (GTK_INVALID_LIST_POSITION). */
guint                 bjb_customer_list_model_find        (BjbCustomerListModel *self,
                                                           gint64                id);

G_END_DECLS
