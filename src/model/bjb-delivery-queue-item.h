/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-delivery-spool.h"

G_BEGIN_DECLS

typedef enum
{
  BJB_DELIVERY_QUEUE_ITEM_WAITING,  /* on disk, to be sent when the connection is there */
  BJB_DELIVERY_QUEUE_ITEM_SENDING,
  BJB_DELIVERY_QUEUE_ITEM_REFUSED,  /* the server said no: "sentence" says why */
} BjbDeliveryQueueItemState;

#define BJB_TYPE_DELIVERY_QUEUE_ITEM (bjb_delivery_queue_item_get_type ())

G_DECLARE_FINAL_TYPE (BjbDeliveryQueueItem, bjb_delivery_queue_item, BJB, DELIVERY_QUEUE_ITEM, GObject)

/*
 * One completion of the courier's queue as the "Waiting to send" list shows it.
 * Properties (read-only but "title"): "order-id", "title" (the order's number and customer,
 * set by the page that knows them; "Order 12" until then), "recipient", "captured-text"
 * (who received it and when Complete was pressed), "state", "sentence" (nullable: why it was refused or why it
 * waits), "refused" (boolean).
 */
BjbDeliveryQueueItem        *bjb_delivery_queue_item_new            (const BjbDeliveryCompletion *completion);
/* (transfer none) */
const BjbDeliveryCompletion *bjb_delivery_queue_item_get_completion (BjbDeliveryQueueItem *self);
gint64                       bjb_delivery_queue_item_get_order_id   (BjbDeliveryQueueItem *self);
const char                  *bjb_delivery_queue_item_get_key        (BjbDeliveryQueueItem *self);
BjbDeliveryQueueItemState    bjb_delivery_queue_item_get_state      (BjbDeliveryQueueItem *self);
/* (nullable) */
const char                  *bjb_delivery_queue_item_get_sentence   (BjbDeliveryQueueItem *self);
void                         bjb_delivery_queue_item_set_state      (BjbDeliveryQueueItem     *self,
                                                                     BjbDeliveryQueueItemState state,
                                                                     const char               *sentence);
void                         bjb_delivery_queue_item_set_title      (BjbDeliveryQueueItem *self,
                                                                     const char           *title);

G_END_DECLS
