/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Structured journal records of the outbox: MESSAGE plus BJB_MESSAGE_ID, BJB_CHANNEL,
 * BJB_OUTCOME, BJB_ATTEMPT and BJB_HTTP_STATUS, so `journalctl -u barokahd
 * BJB_MESSAGE_ID=42` shows one message's story. Recipients and texts are never logged
 * (personal data), nor any secret.
 */
void bjb_worker_log_message (GLogLevelFlags  level,
                             gint64          message_id,
                             const char     *channel,
                             const char     *outcome,
                             int             attempt,
                             guint           http_status,
                             const char     *format,
                             ...) G_GNUC_PRINTF (7, 8);

/* A job's run: BJB_JOB=expire|birthdays|sweep, BJB_COUNT. */
void bjb_worker_log_job     (GLogLevelFlags  level,
                             const char     *job,
                             gint64          count,
                             const char     *format,
                             ...) G_GNUC_PRINTF (4, 5);

G_END_DECLS
