/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-outbox-message.h"
#include "bjb-worker-config.h"

G_BEGIN_DECLS

/**
 * BjbSendOutcome:
 * @BJB_SEND_SENT: the gateway took the message
 * @BJB_SEND_RETRY: it certainly did not go out (refused connection, 5xx, 429, status:false
 *   …); another attempt may work
 * @BJB_SEND_PERMANENT: it certainly did not go out and another attempt will not help
 *   (the gateway rejected the request itself: 400, 404, 413, 422)
 * @BJB_SEND_UNCERTAIN: the request went out and the answer was lost (connection dropped
 *   mid-reply, timeout after sending, an unreadable 2xx): it may have been delivered
 */
typedef enum
{
  BJB_SEND_SENT,
  BJB_SEND_RETRY,
  BJB_SEND_PERMANENT,
  BJB_SEND_UNCERTAIN,
} BjbSendOutcome;

typedef struct
{
  BjbSendOutcome outcome;
  guint http_status;    /* 0: no reply */
  char *provider_id;    /* nullable: the gateway's id of the message */
  char *error;          /* nullable: why it did not go out (never holds a secret) */
  gint64 retry_after;   /* seconds the gateway asked us to wait (429), -1: none */
} BjbSendResult;

void bjb_send_result_free (BjbSendResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbSendResult, bjb_send_result_free)

/* Outcome name for logs: "sent", "retry", "permanent", "uncertain". */
const char *bjb_send_outcome_to_string (BjbSendOutcome outcome);

#define BJB_TYPE_GATEWAY (bjb_gateway_get_type ())
G_DECLARE_FINAL_TYPE (BjbGateway, bjb_gateway, BJB, GATEWAY, GObject)

/**
 * bjb_gateway_new:
 * @config: (transfer none): the channel's configuration; must outlive the gateway
 * @timeout_seconds: the whole request, connect to last byte of the reply
 *
 * Returns: (transfer full): a gateway for @config's channel
 */
BjbGateway    *bjb_gateway_new          (const BjbGatewayConfig *config,
                                         guint                   timeout_seconds);

/* Sends @message (its channel must be the gateway's). Never fails: every way a send can
 * end is a #BjbSendResult. */
void           bjb_gateway_send_async   (BjbGateway             *self,
                                         BjbOutboxMessage       *message,
                                         GAsyncReadyCallback     callback,
                                         gpointer                user_data);
/* Returns: (transfer full) */
BjbSendResult *bjb_gateway_send_finish  (BjbGateway             *self,
                                         GAsyncResult           *result);

/* The parts of a send that need no network, exposed for the unit tests. */

/* "+6281234…" → "6281234…": the gateway adds nothing when countryCode is given. */
char          *bjb_gateway_whatsapp_target (const char *recipient);
/* Plain text as simple HTML: escaped, paragraphs on blank lines, <br> on single ones. */
char          *bjb_gateway_text_to_html    (const char *text);
/* Retry-After as seconds from now (delta-seconds or an HTTP date); -1 when absent/bad. */
gint64         bjb_gateway_parse_retry_after (const char *value,
                                              GDateTime  *now);

G_END_DECLS
