/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>

#include "bjb-customer-picker.h"
#include "bjb-new-order.h"
#include "bjb-order-line-item.h"
#include "bjb-product-picker.h"

G_BEGIN_DECLS

/*
 * BjbNewOrder is split by concern:
 *   bjb-new-order.c        GObject, the page contract, the customer, what the clerk reads
 *   bjb-new-order-cart.c   the cart (add, quantity, remove, stock trimming) and the live quote
 *   bjb-new-order-place.c  placing the order (one request_id across retries) and starting over
 */
struct _BjbNewOrder
{
  AdwBin parent_instance;

  /* Template widgets */
  BjbCustomerPicker  *customer_picker;
  BjbProductPicker   *product_picker;
  GtkSpinButton      *qty_spin;
  GtkLabel           *warning_label;
  GtkSingleSelection *cart_selection;
  GListStore         *cart_store;
  GtkSpinButton      *line_qty_spin;
  GtkLabel           *quote_label;
  GtkLabel           *subtotal_value;
  GtkLabel           *discount_value;
  GtkLabel           *shipping_value;
  GtkLabel           *total_value;
  GtkCheckButton     *delivery_check;
  GtkCheckButton     *pickup_check;
  GtkEntry           *address_entry;
  GtkEntry           *shipping_entry;
  GtkLabel           *message_label;
  GtkLabel           *result_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;          /* everything; cancelled in dispose */
  GCancellable  *quote_cancellable;    /* the quote in flight */
  GCancellable  *customer_cancellable; /* the picked customer's card in flight */
  char          *request_id;
  char          *message;
  gint64         customer_id;
  gint64         quote_total;
  gint64         placed_order_id;
  gboolean       placing;
  gboolean       quote_failed;         /* message_label shows a quote error */
};

/* bjb-new-order.c */
void     _bjb_new_order_show            (BjbNewOrder *self,
                                         GtkLabel    *label,
                                         const char  *text);
void     _bjb_new_order_update_actions  (BjbNewOrder *self);
gboolean _bjb_new_order_is_delivery     (BjbNewOrder *self);
/* Shipping as typed; FALSE (and the entry marked) when it does not parse. */
gboolean _bjb_new_order_get_shipping    (BjbNewOrder *self,
                                         gint64      *rupiah,
                                         GError     **error);
void     _bjb_new_order_show_totals     (BjbNewOrder *self,
                                         gint64       subtotal,
                                         gint64       discount);
void     _bjb_new_order_emit_placed     (BjbNewOrder *self);
void     _bjb_new_order_emit_quoted     (BjbNewOrder *self);

/* bjb-new-order-cart.c */
void     _bjb_new_order_class_init_cart (GtkWidgetClass *widget_class);
void     _bjb_new_order_init_cart       (BjbNewOrder *self);
/* (transfer full): BjbOrderItem of the cart */
GArray  *_bjb_new_order_cart_items      (BjbNewOrder *self);
void     _bjb_new_order_request_quote   (BjbNewOrder *self);
void     _bjb_new_order_cart_changed    (BjbNewOrder *self);

/* bjb-new-order-place.c */
void     _bjb_new_order_class_init_place (GtkWidgetClass *widget_class);

G_END_DECLS
