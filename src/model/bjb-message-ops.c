/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-ops"

#include "config.h"

#include "bjb-message-ops.h"
#include "bjb-ops-query.h"

/* The outbox's SQL, in one place. */
static const char SQL_CLAIM[] =
  "SELECT id, kind, channel, recipient, recipient_name, subject, body, attempts"
  " FROM bjb.claim_messages($1::int, make_interval(secs => $2::int), $3::text[])";
static const char SQL_BEGIN_ATTEMPT[] = "SELECT bjb.begin_message_attempt($1::bigint) AS attempt";
static const char SQL_MARK_SENT[] =
  "SELECT bjb.message_sent($1::bigint, $2::text, nullif($3::int, 0))";
static const char SQL_MARK_FAILED[] =
  "SELECT bjb.message_failed($1::bigint, $2::text, $3::timestamptz, $4::boolean, nullif($5::int, 0))";
static const char SQL_MARK_UNCERTAIN[] = "SELECT bjb.message_uncertain($1::bigint, $2::text)";
static const char SQL_RESEND[] = "SELECT bjb.resend_message($1::bigint)";
static const char SQL_NEXT_DUE[] = "SELECT bjb.next_message_at() AS due";
static const char *const SQL_JOBS[] = {
  [BJB_MESSAGE_JOB_SWEEP_LEASES] = "SELECT bjb.sweep_message_leases() AS n",
  [BJB_MESSAGE_JOB_EXPIRE_ORDERS] = "SELECT bjb.expire_overdue_orders() AS n",
  [BJB_MESSAGE_JOB_BIRTHDAYS] = "SELECT bjb.queue_birthday_messages() AS n",
};

/* Every call is one statement (bjb-ops-query); the _finish functions take the connection
 * the worker holds, as its other calls do, and read what they need from the rows. */

/* A text[] literal of plain words (channel names), for a $n::text[] parameter. */
static char *
text_array_literal (const char *const *words)
{
  g_autofree char *joined = NULL;

  if (words == NULL)
    return NULL;
  joined = g_strjoinv (",", (char **) words);
  return g_strdup_printf ("{%s}", joined);
}

BJB_OPS_ASYNC (bjb_message_ops_claim, guint limit, guint lease_seconds,
               const char *const *channels)
{
  g_autofree char *lim = g_strdup_printf ("%u", limit);
  g_autofree char *lease = g_strdup_printf ("%u", lease_seconds);
  g_autofree char *chans = text_array_literal (channels);
  const char *params[] = { lim, lease, chans };

  bjb_ops_query_async (connection, SQL_CLAIM, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_claim_async, callback, user_data);
}

GPtrArray *
bjb_message_ops_claim_finish (BjbConnection  *connection,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, connection), NULL);

  return bjb_ops_query_finish_array (result, bjb_message_ops_claim_async,
                                     (BjbOpsRowFunc) bjb_outbox_message_new_from_row, error);
}

BJB_OPS_ASYNC (bjb_message_ops_begin_attempt, gint64 message_id)
{
  bjb_ops_query_id_async (connection, SQL_BEGIN_ATTEMPT, message_id, cancellable,
                          bjb_message_ops_begin_attempt_async, callback, user_data);
}

int
bjb_message_ops_begin_attempt_finish (BjbConnection  *connection,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, connection), 0);

  return (int) bjb_ops_query_finish_int (result, bjb_message_ops_begin_attempt_async, "attempt", 0,
                                         error);
}

BJB_OPS_ASYNC (bjb_message_ops_mark_sent, gint64 message_id, const char *provider_id,
               guint http_status)
{
  g_autofree char *id = bjb_ops_int_param (message_id);
  g_autofree char *status = g_strdup_printf ("%u", http_status);
  const char *params[] = { id, provider_id, status };

  bjb_ops_query_async (connection, SQL_MARK_SENT, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_mark_finish, callback, user_data);
}

BJB_OPS_ASYNC (bjb_message_ops_mark_failed, gint64 message_id, const char *error_text,
               GDateTime *retry_at, gboolean permanent, guint http_status)
{
  g_autofree char *id = bjb_ops_int_param (message_id);
  g_autofree char *at = retry_at != NULL ? g_date_time_format_iso8601 (retry_at) : NULL;
  g_autofree char *status = g_strdup_printf ("%u", http_status);
  const char *params[] = { id, error_text, at, permanent ? "true" : "false", status };

  bjb_ops_query_async (connection, SQL_MARK_FAILED, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_mark_finish, callback, user_data);
}

BJB_OPS_ASYNC (bjb_message_ops_mark_uncertain, gint64 message_id, const char *error_text)
{
  g_autofree char *id = bjb_ops_int_param (message_id);
  const char *params[] = { id, error_text };

  bjb_ops_query_async (connection, SQL_MARK_UNCERTAIN, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_mark_finish, callback, user_data);
}

BJB_OPS_ASYNC (bjb_message_ops_resend, gint64 message_id)
{
  bjb_ops_query_id_async (connection, SQL_RESEND, message_id, cancellable,
                          bjb_message_ops_mark_finish, callback, user_data);
}

gboolean
bjb_message_ops_mark_finish (BjbConnection  *connection,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, connection), FALSE);

  return bjb_ops_query_finish_ok (result, bjb_message_ops_mark_finish, error);
}

BJB_OPS_ASYNC (bjb_message_ops_run_job, BjbMessageJob job)
{
  g_return_if_fail (job < G_N_ELEMENTS (SQL_JOBS));

  bjb_ops_query_async (connection, SQL_JOBS[job], 0, NULL, cancellable,
                       bjb_message_ops_run_job_async, callback, user_data);
}

gint64
bjb_message_ops_run_job_finish (BjbConnection  *connection,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, connection), -1);

  return bjb_ops_query_finish_int (result, bjb_message_ops_run_job_async, "n", -1, error);
}

BJB_OPS_ASYNC (bjb_message_ops_next_due)
{
  bjb_ops_query_async (connection, SQL_NEXT_DUE, 0, NULL, cancellable,
                       bjb_message_ops_next_due_async, callback, user_data);
}

GDateTime *
bjb_message_ops_next_due_finish (BjbConnection  *connection,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_autoptr(BjbResult) rows = NULL;

  g_return_val_if_fail (g_task_is_valid (result, connection), NULL);

  rows = bjb_ops_query_finish (result, bjb_message_ops_next_due_async, error);
  return rows != NULL ? bjb_result_get_datetime (rows, 0, "due") : NULL;
}
