/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_FORM (bjb_customer_form_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerForm, bjb_customer_form, BJB, CUSTOMER_FORM, GtkWidget)

/*
 * BjbCustomerForm: create, edit or deactivate a customer (bjb.save_customer). Every invalid
 * field is marked with its reason under it; a phone or email that another customer has
 * gets a button that opens that customer (action customers.open). Whatever went wrong —
 * a refused value, a dropped connection — the form keeps what was typed; Save again retries.
 *
 * Actions: customer.save, customer.cancel, customer.deactivate.
 * Signals: "saved" (gint64 id) after a successful save; "cancelled".
 */

void           bjb_customer_form_set_connection (BjbCustomerForm *self,
                                                 BjbConnection   *connection);

/* Empties the form for a new customer (@id 0) or loads customer @id for editing. */
void           bjb_customer_form_edit           (BjbCustomerForm *self,
                                                 gint64           id);
gint64         bjb_customer_form_get_customer_id (BjbCustomerForm *self);
void           bjb_customer_form_focus          (BjbCustomerForm *self);
gboolean       bjb_customer_form_get_busy       (BjbCustomerForm *self);

/* For tests, as the user would type: @field is "name", "phone", "email", "address",
 * "birth-date" or "notes". */
void           bjb_customer_form_set_field      (BjbCustomerForm *self,
                                                 const char      *field,
                                                 const char      *text);
const char    *bjb_customer_form_get_field      (BjbCustomerForm *self,
                                                 const char      *field);
/* (nullable): the reason shown under @field, NULL when none; "form" for the whole form */
const char    *bjb_customer_form_get_field_error (BjbCustomerForm *self,
                                                  const char      *field);
/* The customer a duplicate phone ("phone") or email ("email") belongs to, 0 if none shown. */
gint64         bjb_customer_form_get_duplicate  (BjbCustomerForm *self,
                                                 const char      *field);
void           bjb_customer_form_set_preference (BjbCustomerForm *self,
                                                 gint64           product_id,
                                                 gboolean         preferred);

G_END_DECLS
