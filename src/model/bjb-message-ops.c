/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-ops"

#include "config.h"

#include "bjb-message-ops.h"

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

static void
query_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  BjbResult *rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, g_object_unref);
}

/* Every call is one statement whose task returns its BjbResult; the _finish functions read
 * what they need from it. */
static void
run_query (BjbConnection       *connection,
           const char          *sql,
           guint                n_params,
           const char *const   *params,
           gpointer             source_tag,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  task = g_task_new (connection, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  bjb_connection_query_async (connection, sql, n_params, params, cancellable, query_done, task);
}

static BjbResult *
finish_query (BjbConnection  *connection,
              GAsyncResult   *result,
              gpointer        source_tag,
              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, connection), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

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

void
bjb_message_ops_claim_async (BjbConnection       *connection,
                             guint                limit,
                             guint                lease_seconds,
                             const char *const   *channels,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autofree char *lim = g_strdup_printf ("%u", limit);
  g_autofree char *lease = g_strdup_printf ("%u", lease_seconds);
  g_autofree char *chans = text_array_literal (channels);
  const char *params[] = { lim, lease, chans };

  run_query (connection, SQL_CLAIM, G_N_ELEMENTS (params), params, bjb_message_ops_claim_async,
             cancellable, callback, user_data);
}

GPtrArray *
bjb_message_ops_claim_finish (BjbConnection  *connection,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(BjbResult) rows = finish_query (connection, result, bjb_message_ops_claim_async, error);
  GPtrArray *messages;

  if (rows == NULL)
    return NULL;
  messages = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    g_ptr_array_add (messages, bjb_outbox_message_new_from_row (rows, i));
  return messages;
}

void
bjb_message_ops_begin_attempt_async (BjbConnection       *connection,
                                     gint64               message_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  const char *params[] = { id };

  run_query (connection, SQL_BEGIN_ATTEMPT, 1, params, bjb_message_ops_begin_attempt_async,
             cancellable, callback, user_data);
}

int
bjb_message_ops_begin_attempt_finish (BjbConnection  *connection,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_autoptr(BjbResult) rows = finish_query (connection, result,
                                            bjb_message_ops_begin_attempt_async, error);

  return rows != NULL ? (int) bjb_result_get_int64 (rows, 0, "attempt") : 0;
}

void
bjb_message_ops_mark_sent_async (BjbConnection       *connection,
                                 gint64               message_id,
                                 const char          *provider_id,
                                 guint                http_status,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  g_autofree char *status = g_strdup_printf ("%u", http_status);
  const char *params[] = { id, provider_id, status };

  run_query (connection, SQL_MARK_SENT, G_N_ELEMENTS (params), params, bjb_message_ops_mark_finish,
             cancellable, callback, user_data);
}

void
bjb_message_ops_mark_failed_async (BjbConnection       *connection,
                                   gint64               message_id,
                                   const char          *error_text,
                                   GDateTime           *retry_at,
                                   gboolean             permanent,
                                   guint                http_status,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  g_autofree char *at = retry_at != NULL ? g_date_time_format_iso8601 (retry_at) : NULL;
  g_autofree char *status = g_strdup_printf ("%u", http_status);
  const char *params[] = { id, error_text, at, permanent ? "true" : "false", status };

  run_query (connection, SQL_MARK_FAILED, G_N_ELEMENTS (params), params,
             bjb_message_ops_mark_finish, cancellable, callback, user_data);
}

void
bjb_message_ops_mark_uncertain_async (BjbConnection       *connection,
                                      gint64               message_id,
                                      const char          *error_text,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  const char *params[] = { id, error_text };

  run_query (connection, SQL_MARK_UNCERTAIN, G_N_ELEMENTS (params), params,
             bjb_message_ops_mark_finish, cancellable, callback, user_data);
}

void
bjb_message_ops_resend_async (BjbConnection       *connection,
                              gint64               message_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, message_id);
  const char *params[] = { id };

  run_query (connection, SQL_RESEND, 1, params, bjb_message_ops_mark_finish,
             cancellable, callback, user_data);
}

gboolean
bjb_message_ops_mark_finish (BjbConnection  *connection,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_autoptr(BjbResult) rows = finish_query (connection, result, bjb_message_ops_mark_finish, error);

  return rows != NULL;
}

void
bjb_message_ops_run_job_async (BjbConnection       *connection,
                               BjbMessageJob        job,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (job < G_N_ELEMENTS (SQL_JOBS));

  run_query (connection, SQL_JOBS[job], 0, NULL, bjb_message_ops_run_job_async,
             cancellable, callback, user_data);
}

gint64
bjb_message_ops_run_job_finish (BjbConnection  *connection,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_autoptr(BjbResult) rows = finish_query (connection, result, bjb_message_ops_run_job_async, error);

  return rows != NULL ? bjb_result_get_int64 (rows, 0, "n") : -1;
}

void
bjb_message_ops_next_due_async (BjbConnection       *connection,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  run_query (connection, SQL_NEXT_DUE, 0, NULL, bjb_message_ops_next_due_async,
             cancellable, callback, user_data);
}

GDateTime *
bjb_message_ops_next_due_finish (BjbConnection  *connection,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_autoptr(BjbResult) rows = finish_query (connection, result, bjb_message_ops_next_due_async, error);

  return rows != NULL ? bjb_result_get_datetime (rows, 0, "due") : NULL;
}
