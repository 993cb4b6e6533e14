/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-customer-detail.h"
#include "bjb-customer-form.h"
#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMERS_PAGE (bjb_customers_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomersPage, bjb_customers_page, BJB, CUSTOMERS_PAGE, GtkWidget)

/*
 * BjbCustomersPage: the customer-service desk's customer list (search, filters, server-side
 * sort, pages loaded as you scroll) with the selected customer's detail or the customer
 * form beside it. A BjbPage: it reads through the session's connection, and an event about
 * a customer's order refreshes the list in place. "connection" sets it without a session
 * (tests).
 *
 * Actions: customers.new, customers.open (int64 customer id), customers.edit,
 * customers.refresh; the form adds customer.save / customer.cancel / customer.deactivate.
 */

GtkWidget            *bjb_customers_page_new            (BjbConnection    *connection);
void                  bjb_customers_page_set_connection (BjbCustomersPage *self,
                                                         BjbConnection    *connection);

/**
 * bjb_customers_page_refresh:
 *
 * Re-reads the list and the customer shown, keeping the selection and scroll position.
 * Connect it to the session's events about customers and orders (live updates).
 */
void                  bjb_customers_page_refresh        (BjbCustomersPage *self);

/* For tests and the window: the parts the page is made of. (transfer none) */
BjbPagedQueryModel   *bjb_customers_page_get_list_model (BjbCustomersPage *self);
GtkEditable          *bjb_customers_page_get_search_entry (BjbCustomersPage *self);
GtkColumnView        *bjb_customers_page_get_column_view (BjbCustomersPage *self);
BjbCustomerForm      *bjb_customers_page_get_form       (BjbCustomersPage *self);
BjbCustomerDetail    *bjb_customers_page_get_detail     (BjbCustomersPage *self);
/* "empty", "detail" or "form" */
const char           *bjb_customers_page_get_visible_pane (BjbCustomersPage *self);
/* Filter controls, as the user would set them. */
void                  bjb_customers_page_set_filters    (BjbCustomersPage *self,
                                                         const char       *status,
                                                         gboolean          loyal_only,
                                                         gint64           product_id,
                                                         gboolean          birthdays_soon);

/* Registers the customers GResource and style once (every class of this library does). */
void                  bjb_customers_ensure_resources    (void);

G_END_DECLS
