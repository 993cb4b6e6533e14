/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-list-ops"

#include "config.h"

#include "bjb-ops-query.h"
#include "bjb-order-list-ops.h"

static const char LIST_SQL[] =
  "SELECT id, number, customer_name, status, total, placed_at, payment_due_at, courier "
  "FROM bjb.list_orders($1::text[], $2::date, $3::date, $4::bigint, $5, "
  "$6::timestamptz, $7::bigint, $8::int)";

BJB_OPS_ASYNC (bjb_order_list_ops_list, const BjbOrderFilter *filter, BjbOrderRow *after,
               guint limit)
{
  g_autofree char *statuses = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *after_placed = NULL;
  g_autofree char *after_id = NULL;
  g_autofree char *limit_text = NULL;
  const char *params[8];

  g_return_if_fail (filter != NULL);
  g_return_if_fail (after == NULL || BJB_IS_ORDER_ROW (after));

  statuses = filter->status != NULL && *filter->status != '\0'
             ? g_strdup_printf ("{%s}", filter->status) : NULL;
  customer = filter->customer_id != 0 ? bjb_ops_int_param (filter->customer_id) : NULL;
  if (after != NULL)
    {
      /* The keyset as the server wrote it: placed_at to the microsecond. */
      after_placed = g_strdup (bjb_order_row_get_placed_key (after));
      after_id = bjb_ops_int_param (bjb_order_row_get_id (after));
    }
  limit_text = bjb_ops_int_param (limit);
  params[0] = statuses;
  params[1] = filter->from;
  params[2] = filter->to;
  params[3] = customer;
  params[4] = filter->number != NULL && *filter->number != '\0' ? filter->number : NULL;
  params[5] = after_placed;
  params[6] = after_id;
  params[7] = limit_text;
  bjb_ops_query_async (connection, LIST_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_order_list_ops_list_async, callback, user_data);
}

/* One row of bjb.list_orders as the orders page's row. */
static BjbOrderRow *
order_row_from_result (BjbResult *rows,
                       guint      i)
{
  BjbOrderRow *row = bjb_order_row_new ();
  g_autoptr(GDateTime) placed = bjb_result_get_datetime (rows, i, "placed_at");
  g_autoptr(GDateTime) due = bjb_result_get_datetime (rows, i, "payment_due_at");
  const char *status = bjb_result_get_string (rows, i, "status");

  bjb_order_row_set_id (row, bjb_result_get_int64 (rows, i, "id"));
  bjb_order_row_set_number (row, bjb_result_get_string (rows, i, "number"));
  bjb_order_row_set_customer_name (row, bjb_result_get_string (rows, i, "customer_name"));
  bjb_order_row_set_status (row, status);
  bjb_order_row_set_total (row, bjb_result_get_int64 (rows, i, "total"));
  bjb_order_row_set_placed_at (row, placed != NULL ? g_date_time_to_unix (placed) : 0);
  bjb_order_row_set_placed_key (row, bjb_result_get_string (rows, i, "placed_at"));
  /* Only an unpaid order has a deadline that matters. */
  bjb_order_row_set_due_at (row, g_strcmp0 (status, "pending_payment") == 0 && due != NULL
                                 ? g_date_time_to_unix (due) : 0);
  bjb_order_row_set_courier (row, bjb_result_get_string (rows, i, "courier"));
  return row;
}

BJB_OPS_FINISH (GPtrArray *, bjb_order_list_ops_list)
{
  return bjb_ops_query_finish_array (result, bjb_order_list_ops_list_async,
                                     (BjbOpsRowFunc) order_row_from_result, error);
}
