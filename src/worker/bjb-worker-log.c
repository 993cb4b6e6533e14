/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd"

#include "config.h"

#include "bjb-worker-log.h"

void
bjb_worker_log_message (GLogLevelFlags  level,
                        gint64          message_id,
                        const char     *channel,
                        const char     *outcome,
                        int             attempt,
                        guint           http_status,
                        const char     *format,
                        ...)
{
  g_autofree char *text = NULL;
  char id[24], att[16], status[16];
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, message_id);
  g_snprintf (att, sizeof att, "%d", attempt);
  g_snprintf (status, sizeof status, "%u", http_status);

  g_log_structured (G_LOG_DOMAIN, level,
                    "BJB_MESSAGE_ID", id,
                    "BJB_CHANNEL", channel != NULL ? channel : "",
                    "BJB_OUTCOME", outcome != NULL ? outcome : "",
                    "BJB_ATTEMPT", att,
                    "BJB_HTTP_STATUS", status,
                    "MESSAGE", "message %s (%s): %s", id, channel != NULL ? channel : "?", text);
}

void
bjb_worker_log_job (GLogLevelFlags  level,
                    const char     *job,
                    gint64          count,
                    const char     *format,
                    ...)
{
  g_autofree char *text = NULL;
  char n[24];
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_snprintf (n, sizeof n, "%" G_GINT64_FORMAT, count);

  g_log_structured (G_LOG_DOMAIN, level,
                    "BJB_JOB", job,
                    "BJB_COUNT", n,
                    "MESSAGE", "%s: %s", job, text);
}
