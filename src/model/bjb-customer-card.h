/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_CARD (bjb_customer_card_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerCard, bjb_customer_card, BJB, CUSTOMER_CARD, GObject)

/*
 * BjbCustomerCard: everything known about one customer, as the detail pane shows it and the
 * form edits it (bjb_customer_ops_get_card_async): contact data, the summary of
 * bjb.customer_summary (spend, loyal, top-3, counts), preferences and the latest orders.
 * Read-only; a reload makes a new card.
 */

BjbCustomerCard *bjb_customer_card_new_from_result   (BjbResult       *result,
                                                      guint            row);

gint64           bjb_customer_card_get_id            (BjbCustomerCard *self);
const char      *bjb_customer_card_get_name          (BjbCustomerCard *self);
/* (nullable) for the next four and notes */
const char      *bjb_customer_card_get_phone         (BjbCustomerCard *self);
const char      *bjb_customer_card_get_email         (BjbCustomerCard *self);
const char      *bjb_customer_card_get_address       (BjbCustomerCard *self);
/* ISO yyyy-mm-dd */
const char      *bjb_customer_card_get_birth_date    (BjbCustomerCard *self);
const char      *bjb_customer_card_get_notes         (BjbCustomerCard *self);
gboolean         bjb_customer_card_get_active        (BjbCustomerCard *self);
/* (nullable) (transfer none) */
GDateTime       *bjb_customer_card_get_created_at    (BjbCustomerCard *self);
/* (nullable) (transfer none): bjb.customer_summary()'s object */
JsonObject      *bjb_customer_card_get_summary       (BjbCustomerCard *self);
/* (transfer none): gint64 product ids of the preferences, ascending */
GArray          *bjb_customer_card_get_preference_ids (BjbCustomerCard *self);
/* (nullable): the preferred products' names, "A, B" */
const char      *bjb_customer_card_get_preferences   (BjbCustomerCard *self);
/* (transfer none): the latest orders, newest first, a GListModel of BjbCustomerOrder */
GListModel      *bjb_customer_card_get_orders        (BjbCustomerCard *self);

G_END_DECLS
