/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_SORTER (bjb_customer_sorter_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerSorter, bjb_customer_sorter, BJB, CUSTOMER_SORTER, GtkSorter)

/*
 * BjbCustomerSorter: the sorter of a sortable customer column, declared in the .ui with the
 * server's sort key ("name", "created_at", "total_spend"). The list is sorted by the
 * server, never in the client: the page asks the column view's sorter which column and
 * direction the user picked (GTK 4.8 has no getter for that) and passes it to the query.
 */

/**
 * bjb_customer_sorter_get_server_sort:
 * @sorter: a GtkColumnView's sorter whose columns use BjbCustomerSorter
 *
 * Returns: (transfer full) (nullable): the primary sort as the server spells it ("name",
 *   "-total_spend", …), or NULL when no column is sorted
 */
char              *bjb_customer_sorter_get_server_sort (GtkSorter *sorter);

G_END_DECLS
