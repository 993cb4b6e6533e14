/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_DETAIL (bjb_customer_detail_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerDetail, bjb_customer_detail, BJB, CUSTOMER_DETAIL, GtkWidget)

/*
 * BjbCustomerDetail: one customer: contact data, preferences, total spend with the loyal
 * badge or how much is still missing (bjb.customer_summary), top-3 products, birthday,
 * order history with statuses, and the feedback given. One query per load.
 *
 * Actions: customer.reload. Signal "loaded" after the content is shown.
 */

void        bjb_customer_detail_set_connection (BjbCustomerDetail *self,
                                                BjbConnection     *connection);
void        bjb_customer_detail_load           (BjbCustomerDetail *self,
                                                gint64             id);
/* Loads the shown customer again (live updates), keeping the scroll position. */
void        bjb_customer_detail_reload         (BjbCustomerDetail *self);
gint64      bjb_customer_detail_get_customer_id (BjbCustomerDetail *self);
/* TRUE once the customer's content is on screen (not loading, no error). */
gboolean    bjb_customer_detail_get_loaded     (BjbCustomerDetail *self);

/* For tests: the text of a part of the detail: "name", "phone", "email", "spend",
 * "to-loyal", "top3", "preferences", "birthday", "orders", "feedback". (transfer none) */
const char *bjb_customer_detail_get_text       (BjbCustomerDetail *self,
                                                const char        *part);
gboolean    bjb_customer_detail_get_loyal      (BjbCustomerDetail *self);
/* (transfer none): the order history, a GListModel of BjbCustomerOrder */
GListModel *bjb_customer_detail_get_orders     (BjbCustomerDetail *self);

G_END_DECLS
