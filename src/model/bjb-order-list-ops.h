/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-order-row.h"

G_BEGIN_DECLS

/*
 * The orders list's read: bjb.list_orders, filtered and keyset-paged, newest first (fast at
 * a million orders). Kept apart from bjb-order-ops (one order's life) because a list page
 * reads it through a BjbPagedQuery.
 */

/* The list's filters; NULL / 0 means "any". */
typedef struct
{
  const char *status;       /* a bjb.order_status value */
  const char *from;         /* ISO date, Jakarta calendar, inclusive */
  const char *to;           /* ISO date, inclusive */
  gint64      customer_id;  /* one customer's orders */
  const char *number;       /* a fragment of the order number */
} BjbOrderFilter;

/*
 * bjb_order_list_ops_list_async:
 * @after: (nullable): the last row of the previous page; NULL for the newest orders
 *
 * Finish: (transfer full): a GPtrArray of at most @limit BjbOrderRow with the server's
 * values (id, number, customer name, status, total, placed and due times, courier); the
 * texts a view shows are the caller's to set.
 */
BJB_OPS_DECLARE (GPtrArray *, bjb_order_list_ops_list, const BjbOrderFilter *filter,
                 BjbOrderRow *after, guint limit);

G_END_DECLS
