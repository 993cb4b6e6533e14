/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-delivery-detail.h"
#include "bjb-delivery-queue.h"

G_BEGIN_DECLS

#define BJB_TYPE_COURIER_PAGE (bjb_courier_page_get_type ())

G_DECLARE_FINAL_TYPE (BjbCourierPage, bjb_courier_page, BJB, COURIER_PAGE, AdwBin)

/*
 * BjbCourierPage: "My deliveries" (a BjbPage). The orders shipped to the signed-in courier,
 * oldest first (bjb.my_deliveries()), beside the one being worked on (BjbDeliveryDetail).
 * Every list read is also written to the courier's cache, so without a connection the page
 * shows the deliveries as last seen and completions still work: they wait in the courier's
 * queue (spool on disk) and go, in order and once each, when the connection returns.
 *
 * Properties: "count" (uint: deliveries to do, for the switcher's badge), "offline"
 * (boolean: showing the cache). Actions: "courier.refresh", "courier.back",
 * "courier.dismiss-refused".
 */

/* (transfer none) */
GListModel        *bjb_courier_page_get_model   (BjbCourierPage *self);
/* (transfer none) (nullable): the queue of the signed-in courier */
BjbDeliveryQueue  *bjb_courier_page_get_queue   (BjbCourierPage *self);
BjbDeliveryDetail *bjb_courier_page_get_detail  (BjbCourierPage *self);
gboolean           bjb_courier_page_get_loading (BjbCourierPage *self);
gboolean           bjb_courier_page_get_offline (BjbCourierPage *self);
/* Opens the delivery of @order_id beside the list, as a tap on its row; FALSE if it is not
 * in the list. */
gboolean           bjb_courier_page_open        (BjbCourierPage *self,
                                                 gint64          order_id);

G_END_DECLS
