/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_MESSAGE_DETAIL (bjb_message_detail_get_type ())
G_DECLARE_FINAL_TYPE (BjbMessageDetail, bjb_message_detail, BJB, MESSAGE_DETAIL, GtkWidget)

/*
 * BjbMessageDetail: one outbox message beside the Messages list (bjb.message_detail): who
 * gets it on which channel, its state, its text as sent, and every delivery attempt.
 * "message.resend" (Send again, for a failed or uncertain message) asks first, in an
 * AdwMessageDialog that explains what uncertain means; after the server took it the
 * widget emits "resent" and shows the message again.
 */

void    bjb_message_detail_set_connection (BjbMessageDetail *self,
                                           BjbConnection    *connection);
/* Shows message @message_id (0: none). */
void    bjb_message_detail_show           (BjbMessageDetail *self,
                                           gint64            message_id);
gint64  bjb_message_detail_get_message_id (BjbMessageDetail *self);
/* The state shown ("failed", …), NULL while loading or without a message. */
const char *bjb_message_detail_get_status (BjbMessageDetail *self);

G_END_DECLS
