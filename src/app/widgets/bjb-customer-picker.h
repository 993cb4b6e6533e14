/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_PICKER (bjb_customer_picker_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerPicker, bjb_customer_picker, BJB, CUSTOMER_PICKER, GtkWidget)

/*
 * BjbCustomerPicker: find one active customer by a part of the name, the phone (08… or
 * +62…) or the email, as the customers page searches (bjb.search_customers: debounced,
 * server-sorted, 100 000 customers). Type, then click, press Enter or use the arrow keys on
 * a result; the picked customer's name shows above the results.
 *
 * Properties:
 *   "connection" (BjbConnection, nullable): nothing is searched without one
 *   "customer-id" (gint64, read-only): the picked customer, 0 for none; notifies on change
 *   "customer-name" (string, read-only, nullable): the picked customer's name
 * Signal:
 *   "customer-picked" (gint64 id): the clerk picked a customer (not emitted by
 *   bjb_customer_picker_set_customer())
 */

GtkWidget  *bjb_customer_picker_new               (void);
void        bjb_customer_picker_set_connection    (BjbCustomerPicker *self,
                                                   BjbConnection     *connection);
gint64      bjb_customer_picker_get_customer_id   (BjbCustomerPicker *self);
/* (nullable) (transfer none) */
const char *bjb_customer_picker_get_customer_name (BjbCustomerPicker *self);

/* Shows @id (@name as given) as picked, e.g. "New order" from a customer's detail; 0 clears
 * the pick and the search. */
void        bjb_customer_picker_set_customer      (BjbCustomerPicker *self,
                                                   gint64             id,
                                                   const char        *name);

/* For tests and callers that need the parts: the search entry and the results (a
 * GtkSingleSelection of BjbCustomer, placeholders while a page is on its way).
 * (transfer none) */
GtkEditable       *bjb_customer_picker_get_search_entry (BjbCustomerPicker *self);
GtkSelectionModel *bjb_customer_picker_get_results      (BjbCustomerPicker *self);

G_END_DECLS
