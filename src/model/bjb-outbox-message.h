/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_OUTBOX_MESSAGE (bjb_outbox_message_get_type ())

G_DECLARE_FINAL_TYPE (BjbOutboxMessage, bjb_outbox_message, BJB, OUTBOX_MESSAGE, GObject)

/*
 * BjbOutboxMessage: one row of bjb.customer_message as bjb.claim_messages() hands it to the
 * worker: who gets it, on which channel, the rendered text and how often it was tried.
 * Immutable; properties "id", "kind", "channel", "recipient", "recipient-name", "subject",
 * "body", "attempts" (read-only).
 */

/**
 * bjb_outbox_message_new_from_row:
 * @result: rows with the columns of bjb.claim_messages()
 *
 * Returns: (transfer full): the message of row @row
 */
BjbOutboxMessage *bjb_outbox_message_new_from_row     (BjbResult        *result,
                                                       guint             row);

gint64            bjb_outbox_message_get_id            (BjbOutboxMessage *self);
/* "whatsapp" or "email" */
const char       *bjb_outbox_message_get_channel       (BjbOutboxMessage *self);
/* +62… for WhatsApp, an address for email */
const char       *bjb_outbox_message_get_recipient     (BjbOutboxMessage *self);
const char       *bjb_outbox_message_get_recipient_name (BjbOutboxMessage *self);
const char       *bjb_outbox_message_get_subject       (BjbOutboxMessage *self);
const char       *bjb_outbox_message_get_body          (BjbOutboxMessage *self);

G_END_DECLS
