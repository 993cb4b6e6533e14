/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* The customer a list is filtered on: 0 for none (an empty entry), -1 for "no such
 * customer" (show nothing rather than everyone), else the customer's id. */
typedef void (*BjbCustomerFilterFunc) (gpointer user_data,
                                       gint64   customer_id);

/*
 * bjb_customer_filter_lookup:
 * @slot: the page's cancellable for this lookup: restarted here, cancelled in its dispose
 *   (the callback is then not called, so @user_data need not be referenced)
 * @status_label: where a failed lookup's sentence is shown (the filter then stays as it was)
 *
 * Finds the customer typed in @entry with the customer pages' search (name, phone or
 * email; the first match by name is the one filtered on) and hands its id to @func; marks
 * @entry "error" when nobody matches.
 */
void bjb_customer_filter_lookup (BjbConnection          *connection,
                                 GtkEditable            *entry,
                                 GtkLabel               *status_label,
                                 GCancellable          **slot,
                                 BjbCustomerFilterFunc   func,
                                 gpointer                user_data);

G_END_DECLS
