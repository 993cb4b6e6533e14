/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-delivery-queue-item.h"
#include "bjb-delivery-spool.h"

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERY_QUEUE (bjb_delivery_queue_get_type ())

G_DECLARE_FINAL_TYPE (BjbDeliveryQueue, bjb_delivery_queue, BJB, DELIVERY_QUEUE, GObject)

/*
 * BjbDeliveryQueue: the courier's completions on their way to the server. Every completion
 * goes through the spool first (on disk before anything is sent), then is sent, one at a
 * time and in the order made, whenever the connection is up (bjb_delivery_ops_send_async:
 * photo, then completion, both under the completion's key, so a resend after a lost reply
 * is stored once). It leaves the spool when the server confirmed it, or refused it with a
 * rule (BJ031: cancelled or reassigned meanwhile; the photo is kept for customer service):
 * a refused completion stays in the list with the sentence until the courier dismisses it.
 * A lost connection only pauses the queue; it goes on at the next "connected".
 *
 * Items: a GListModel of BjbDeliveryQueueItem, oldest first.
 * Property "n-waiting" (uint): completions not yet confirmed nor refused.
 * Signals: "sent" (gint64 order_id), "refused" (gint64 order_id, const char *sentence).
 */

/* (transfer full) (nullable): the queue over @spool, holding what it already has. */
BjbDeliveryQueue *bjb_delivery_queue_new            (BjbDeliverySpool            *spool,
                                                     GError                     **error);
/* Sends through @connection (nullable: stop); the queue follows its reconnects. */
void              bjb_delivery_queue_set_connection (BjbDeliveryQueue            *self,
                                                     BjbConnection               *connection);
/* Durable on disk when TRUE, then sent as soon as it can be. */
gboolean          bjb_delivery_queue_add            (BjbDeliveryQueue            *self,
                                                     const BjbDeliveryCompletion *completion,
                                                     GError                     **error);
/* Forgets a refused completion the courier has read about. */
void              bjb_delivery_queue_dismiss        (BjbDeliveryQueue            *self,
                                                     const char                  *key);
/* Whether a completion of @order_id waits or is being sent (the order is done for the
 * courier, whatever the server knows yet). */
gboolean          bjb_delivery_queue_has_order      (BjbDeliveryQueue            *self,
                                                     gint64                       order_id);
/* (transfer none) */
GListModel       *bjb_delivery_queue_get_items      (BjbDeliveryQueue            *self);
guint             bjb_delivery_queue_get_n_waiting  (BjbDeliveryQueue            *self);
gboolean          bjb_delivery_queue_get_sending    (BjbDeliveryQueue            *self);

G_END_DECLS
