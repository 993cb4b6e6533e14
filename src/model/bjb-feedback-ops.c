/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-ops"

#include "config.h"

#include "bjb-feedback-ops.h"
#include "bjb-ops-query.h"

/* SECURITY INVOKER: RLS decides which orders the caller sees. */
static const char SQL_LIST_FEEDBACK[] =
  "SELECT order_id AS id, number, customer_id, customer_name, feedback, feedback_at,"
  "       completed_at, photo_ids"
  " FROM bjb.list_feedback($1::date, $2::date, $3::timestamptz, $4::bigint, $5::int)";

BJB_OPS_ASYNC (bjb_feedback_ops_list, const char *from, const char *to, BjbFeedbackEntry *after,
               guint limit)
{
  g_autofree char *before_id = bjb_value_row_int_param (after, BJB_FEEDBACK_ENTRY_ID);
  g_autofree char *lim = bjb_ops_int_param (limit);
  const char *params[] = {
    from, to, bjb_value_row_string_param (after, BJB_FEEDBACK_ENTRY_FEEDBACK_AT), before_id, lim,
  };

  bjb_ops_query_async (connection, SQL_LIST_FEEDBACK, G_N_ELEMENTS (params), params, cancellable,
                       bjb_feedback_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_feedback_ops_list)
{
  return bjb_value_row_array_finish (result, bjb_feedback_ops_list_async,
                                     BJB_TYPE_FEEDBACK_ENTRY, error);
}
