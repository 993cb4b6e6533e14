/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BJB_TYPE_MESSAGES_PAGE (bjb_messages_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbMessagesPage, bjb_messages_page, BJB, MESSAGES_PAGE, AdwBin)

/*
 * BjbMessagesPage: the admin's view of the customer messages the worker delivers.
 * "Outbox": every message newest first (a BjbPagedQueryModel over BjbOutboxQuery), by
 * state, channel, kind and customer; the one chosen beside the list (BjbMessageDetail,
 * with Send again). "Templates": BjbMessageTemplates.
 *
 * The failed and uncertain messages are counted on the page's entry in the window's stack
 * (AdwViewStackPage "badge-number", "needs-attention"). The worker changes states without
 * an event, so the count and the list are re-read every "poll-seconds" (5) while signed in,
 * and at once on any event. Action: "messages.refresh" (F5).
 */

/* failed + uncertain, as last read (-1 before the first read) */
gint64 bjb_messages_page_get_attention (BjbMessagesPage *self);

G_END_DECLS
