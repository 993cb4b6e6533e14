/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bjb-ops-query.h"
#include "bjb-message-template.h"
#include "bjb-outbox-row.h"

G_BEGIN_DECLS

/*
 * The admin's side of the outbox: the Messages page's list, counts, one message with its
 * attempts, and the templates (statements in bjb-message-admin-ops.c). Send again is
 * bjb_message_ops_resend_async() of bjb-message-ops.h. Kept apart from bjb-message-ops.c
 * because barokahd links that file alone, and none of this is the worker's.
 */

/**
 * BjbMessageFilter:
 * @statuses: (nullable): a comma-separated list of states ("failed,uncertain"); NULL: any
 * @channel: (nullable): "whatsapp" or "email"
 * @customer_id: 0: any customer
 * @kind: (nullable): a message kind ("payment_confirmed", …)
 */
typedef struct
{
  const char *statuses;
  const char *channel;
  gint64      customer_id;
  const char *kind;
} BjbMessageFilter;

typedef struct
{
  gint64 failed;
  gint64 uncertain;
  gint64 pending;
} BjbMessageCounts;

/* Newest first; @after: (nullable): the last row of the previous page */
/* Returns: (transfer full) (element-type BjbOutboxRow) (nullable) */
BJB_OPS_DECLARE (GPtrArray *, bjb_message_ops_list, const BjbMessageFilter *filter,
                 BjbOutboxRow *after, guint limit);

/* bjb.message_counts(): the page's badge. */
BJB_OPS_ASYNC (bjb_message_ops_counts);
BJB_OPS_FINISH (gboolean, bjb_message_ops_counts, BjbMessageCounts *counts);

/* bjb.message_detail(): the message's columns, customer_name, order_number and
 * attempt_list [{id, outcome, attempted_at, finished_at, http_status, error, …}]. */
/* Returns: (transfer full) (nullable) */
BJB_OPS_DECLARE (JsonObject *, bjb_message_ops_detail, gint64 message_id);

/* Every kind on every channel, in the schema's order. */
/* Returns: (transfer full) (element-type BjbMessageTemplate) (nullable) */
BJB_OPS_DECLARE (GPtrArray *, bjb_message_ops_templates);

/* @subject: (nullable): email only. An unknown placeholder is BJ011. */
BJB_OPS_ASYNC (bjb_message_ops_save_template, const char *kind, const char *channel,
               const char *subject, const char *body);
/* Back to the built-in text. */
BJB_OPS_ASYNC (bjb_message_ops_reset_template, const char *kind, const char *channel);
/* Finishes save_template and reset_template. */
BJB_OPS_FINISH (gboolean, bjb_message_ops_template);

/* A draft rendered with sample values (bjb.preview_message). */
BJB_OPS_ASYNC (bjb_message_ops_preview, const char *kind, const char *channel, const char *subject,
               const char *body);
/* @subject, @body: (out) (transfer full) */
BJB_OPS_FINISH (gboolean, bjb_message_ops_preview, char **subject, char **body);

G_END_DECLS
