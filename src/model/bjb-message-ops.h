/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-outbox-message.h"

G_BEGIN_DECLS

/*
 * The outbox and the worker's jobs as typed calls (the SQL of this domain lives in
 * bjb-message-ops.c). Every call is one statement on @connection; each `_finish` takes the
 * same connection. The worker calls the delivery and job functions as the bjb_worker login;
 * bjb_message_ops_resend_async() is the admin's Send again.
 */

/**
 * bjb_message_ops_claim_async:
 * @limit: at most this many messages (1–1000)
 * @lease_seconds: the lease on each (5–3600)
 * @channels: (array zero-terminated=1) (nullable): only these channels; NULL: all
 *
 * bjb.claim_messages(): due pending messages, leased to this login.
 */
BJB_OPS_ASYNC (bjb_message_ops_claim, guint limit, guint lease_seconds,
               const char *const *channels);
/* Returns: (transfer container) (element-type BjbOutboxMessage) (nullable) */
GPtrArray *bjb_message_ops_claim_finish           (BjbConnection  *connection,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/* bjb.begin_message_attempt(): called right before the request goes out. */
BJB_OPS_ASYNC (bjb_message_ops_begin_attempt, gint64 message_id);
/* Returns: the attempt number (1 for the first), 0 with @error set */
int        bjb_message_ops_begin_attempt_finish   (BjbConnection  *connection,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/**
 * bjb_message_ops_mark_sent_async:
 * @provider_id: (nullable): the gateway's message id
 * @http_status: the reply's status, 0 if none
 */
BJB_OPS_ASYNC (bjb_message_ops_mark_sent, gint64 message_id, const char *provider_id,
               guint http_status);

/**
 * bjb_message_ops_mark_failed_async:
 * @retry_at: (nullable): when to try again; NULL only with @permanent
 * @permanent: park the message as failed
 */
BJB_OPS_ASYNC (bjb_message_ops_mark_failed, gint64 message_id, const char *error_text,
               GDateTime *retry_at, gboolean permanent, guint http_status);

/* The request went out and its answer was lost: never retried automatically. */
BJB_OPS_ASYNC (bjb_message_ops_mark_uncertain, gint64 message_id, const char *error_text);

/* Admin: Send again a failed or uncertain message. */
BJB_OPS_ASYNC (bjb_message_ops_resend, gint64 message_id);

/* Finishes mark_sent, mark_failed, mark_uncertain and resend. */
gboolean   bjb_message_ops_mark_finish            (BjbConnection  *connection,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/**
 * BjbMessageJob:
 * @BJB_MESSAGE_JOB_SWEEP_LEASES: bjb.sweep_message_leases(): expired leases back to
 *   pending, or to uncertain when their send had started
 * @BJB_MESSAGE_JOB_EXPIRE_ORDERS: bjb.expire_overdue_orders()
 * @BJB_MESSAGE_JOB_BIRTHDAYS: bjb.queue_birthday_messages(), today's greetings (Jakarta)
 */
typedef enum
{
  BJB_MESSAGE_JOB_SWEEP_LEASES,
  BJB_MESSAGE_JOB_EXPIRE_ORDERS,
  BJB_MESSAGE_JOB_BIRTHDAYS,
} BjbMessageJob;

BJB_OPS_ASYNC (bjb_message_ops_run_job, BjbMessageJob job);
/* Returns: how many rows the job handled, -1 with @error set */
gint64     bjb_message_ops_run_job_finish         (BjbConnection  *connection,
                                                   GAsyncResult   *result,
                                                   GError        **error);

/* bjb.next_message_at(): when the next pending message is due. */
BJB_OPS_ASYNC (bjb_message_ops_next_due);
/* Returns: (transfer full) (nullable): NULL when nothing is pending (or on error) */
GDateTime *bjb_message_ops_next_due_finish        (BjbConnection  *connection,
                                                   GAsyncResult   *result,
                                                   GError        **error);

G_END_DECLS
