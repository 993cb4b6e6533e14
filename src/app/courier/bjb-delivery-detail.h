/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-delivery.h"
#include "bjb-delivery-queue.h"

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERY_DETAIL (bjb_delivery_detail_get_type ())

G_DECLARE_FINAL_TYPE (BjbDeliveryDetail, bjb_delivery_detail, BJB, DELIVERY_DETAIL, AdwBin)

/*
 * BjbDeliveryDetail: one delivery as the courier works it — address, phone (copy), map,
 * goods, customer service's note, earlier failed attempts — and its end: the photo
 * (BjbImageDropBox: file, drop, paste), who received it and a note, then "Complete
 * delivery" (only with a photo and a recipient), which puts the completion in the queue
 * with the moment it was pressed as its capture time; or "Could not deliver…".
 *
 * Actions: "delivery.copy-phone", "delivery.open-map", "delivery.choose-photo",
 * "delivery.paste-photo", "delivery.complete", "delivery.report-problem".
 * Signals: "queued" (gint64 order_id): a completion is on disk, on its way;
 * "problem-reported" (gint64 order_id).
 */

void         bjb_delivery_detail_set_delivery   (BjbDeliveryDetail *self,
                                                 BjbDelivery       *delivery);
/* (transfer none) (nullable) */
BjbDelivery *bjb_delivery_detail_get_delivery   (BjbDeliveryDetail *self);
void         bjb_delivery_detail_set_queue      (BjbDeliveryDetail *self,
                                                 BjbDeliveryQueue  *queue);
void         bjb_delivery_detail_set_connection (BjbDeliveryDetail *self,
                                                 BjbConnection     *connection);
/* The queue's word on this order: sent (the form is done with) or refused (@sentence
 * beside the action, what was typed kept). */
void         bjb_delivery_detail_sent           (BjbDeliveryDetail *self,
                                                 gint64             order_id);
void         bjb_delivery_detail_refused        (BjbDeliveryDetail *self,
                                                 gint64             order_id,
                                                 const char        *sentence);
/* Re-reads whether the queue is busy with this order and whether the connection is up. */
void         bjb_delivery_detail_update_actions (BjbDeliveryDetail *self);
/* The message shown beside the actions, or NULL. */
const char  *bjb_delivery_detail_get_message    (BjbDeliveryDetail *self);

G_END_DECLS
