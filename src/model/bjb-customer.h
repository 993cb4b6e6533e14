/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER (bjb_customer_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomer, bjb_customer, BJB, CUSTOMER, GObject)

/*
 * BjbCustomer: one row of the customer list, as bjb.search_customers returns it. Typed
 * properties so GtkColumnView cells bind to them from the .ui. A BjbPagedRow: a refresh
 * updates it in place; a placeholder row stands in for a row whose page is still on its
 * way ("placeholder" TRUE, every other field empty).
 */

BjbCustomer *bjb_customer_new_from_result   (BjbResult   *result,
                                             guint        row);

gint64       bjb_customer_get_id            (BjbCustomer *self);
gboolean     bjb_customer_get_placeholder   (BjbCustomer *self);
const char  *bjb_customer_get_name          (BjbCustomer *self);
const char  *bjb_customer_get_phone         (BjbCustomer *self);
const char  *bjb_customer_get_email         (BjbCustomer *self);
gint64       bjb_customer_get_total_spend   (BjbCustomer *self);
gboolean     bjb_customer_get_loyal         (BjbCustomer *self);
/* (nullable): the server's text of the current sort column, for the next page's p_after */
const char  *bjb_customer_get_sort_key      (BjbCustomer *self);

G_END_DECLS
