/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bjb-connection.h"
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
void       bjb_message_ops_list_async          (BjbConnection          *connection,
                                                const BjbMessageFilter *filter,
                                                BjbOutboxRow           *after,
                                                guint                   limit,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
/* Returns: (transfer full) (element-type BjbOutboxRow) (nullable) */
GPtrArray *bjb_message_ops_list_finish         (GAsyncResult           *result,
                                                GError                **error);

/* bjb.message_counts(): the page's badge. */
void       bjb_message_ops_counts_async        (BjbConnection          *connection,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
gboolean   bjb_message_ops_counts_finish       (GAsyncResult           *result,
                                                BjbMessageCounts       *counts,
                                                GError                **error);

/* bjb.message_detail(): the message's columns, customer_name, order_number and
 * attempt_list [{id, outcome, attempted_at, finished_at, http_status, error, …}]. */
void       bjb_message_ops_detail_async        (BjbConnection          *connection,
                                                gint64                  message_id,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
/* Returns: (transfer full) (nullable) */
JsonObject *bjb_message_ops_detail_finish      (GAsyncResult           *result,
                                                GError                **error);

/* Every kind on every channel, in the schema's order. */
void       bjb_message_ops_templates_async     (BjbConnection          *connection,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
/* Returns: (transfer full) (element-type BjbMessageTemplate) (nullable) */
GPtrArray *bjb_message_ops_templates_finish    (GAsyncResult           *result,
                                                GError                **error);

/* @subject: (nullable): email only. An unknown placeholder is BJ011. */
void       bjb_message_ops_save_template_async (BjbConnection          *connection,
                                                const char             *kind,
                                                const char             *channel,
                                                const char             *subject,
                                                const char             *body,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
/* Back to the built-in text. */
void       bjb_message_ops_reset_template_async (BjbConnection         *connection,
                                                 const char            *kind,
                                                 const char            *channel,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
/* Finishes save_template and reset_template. */
gboolean   bjb_message_ops_template_finish     (GAsyncResult           *result,
                                                GError                **error);

/* A draft rendered with sample values (bjb.preview_message). */
void       bjb_message_ops_preview_async       (BjbConnection          *connection,
                                                const char             *kind,
                                                const char             *channel,
                                                const char             *subject,
                                                const char             *body,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
/* @subject, @body: (out) (transfer full) */
gboolean   bjb_message_ops_preview_finish      (GAsyncResult           *result,
                                                char                  **subject,
                                                char                  **body,
                                                GError                **error);

G_END_DECLS
