/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-listener.h"

G_BEGIN_DECLS

#define BJB_TYPE_ORDER_DETAIL (bjb_order_detail_get_type ())
G_DECLARE_FINAL_TYPE (BjbOrderDetail, bjb_order_detail, BJB, ORDER_DETAIL, AdwBin)

/*
 * BjbOrderDetail: one order as customer service works on it: lines with discounts, totals,
 * status history, the payment proof (file chooser, drag and drop, paste), and the actions
 * "order.confirm-payment", "order.reject-proof", "order.cancel", "order.ship",
 * "order.handover", "order.record-feedback", "order.print-invoice", "order.save-invoice",
 * each enabled only when the order's state allows it.
 *
 * Properties: "connection" (BjbConnection), "listener" (BjbListener, optional: the order
 * reloads when an event about it arrives), "order-id" (gint64; 0 shows nothing).
 * Signals: "loaded" after the order was drawn from fresh data; "changed" after this widget
 * changed the order (a list showing it may refresh).
 */

GtkWidget  *bjb_order_detail_new              (BjbConnection *connection);
void        bjb_order_detail_set_order_id     (BjbOrderDetail *self,
                                               gint64          order_id);
gint64      bjb_order_detail_get_order_id     (BjbOrderDetail *self);
void        bjb_order_detail_reload           (BjbOrderDetail *self);

/* The same path as a chosen or dropped file: checked and scaled in a thread, previewed. */
void        bjb_order_detail_load_proof_file  (BjbOrderDetail *self,
                                               GFile          *file);
void        bjb_order_detail_load_feedback_photo_file (BjbOrderDetail *self,
                                                       GFile          *file);

/* The invoice of the loaded order as PDF (no dialog). */
gboolean    bjb_order_detail_export_invoice   (BjbOrderDetail *self,
                                               const char     *filename,
                                               GError        **error);

/* (transfer none): what the clerk was last told ("" when nothing) */
const char *bjb_order_detail_get_message      (BjbOrderDetail *self);
/* (transfer none) (nullable): the order's status as the server has it */
const char *bjb_order_detail_get_status       (BjbOrderDetail *self);
/* Whether a checked image waits to be attached. */
gboolean    bjb_order_detail_has_pending_proof (BjbOrderDetail *self);

G_END_DECLS
