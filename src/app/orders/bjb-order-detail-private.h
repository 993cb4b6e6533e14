/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bjb-image-drop-box.h"
#include "bjb-order-detail.h"

G_BEGIN_DECLS

/*
 * BjbOrderDetail is split by concern, as GNOME Text Editor splits its window:
 *   bjb-order-detail.c           GObject, the page contract, loading and drawing the order
 *   bjb-order-detail-actions.c   the order's steps (confirm, cancel, ship, hand over) and couriers
 *   bjb-order-detail-proof.c     the payment proof: intake, attach, reject, amount check
 *   bjb-order-detail-feedback.c  the customer's feedback and its photo
 *   bjb-order-detail-print.c     the nota: print, save as PDF
 */

/* Where a sentence is shown: beside the part of the order it concerns. */
typedef enum
{
  BJB_ORDER_DETAIL_AREA_ORDER,     /* loading, printing: under the header */
  BJB_ORDER_DETAIL_AREA_PROOF,
  BJB_ORDER_DETAIL_AREA_ACTIONS,
  BJB_ORDER_DETAIL_AREA_FEEDBACK,
  BJB_ORDER_DETAIL_N_AREAS
} BjbOrderDetailArea;

struct _BjbOrderDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel        *number_label;
  GtkLabel        *status_label;
  GtkLabel        *info_label;
  GtkLabel        *due_label;
  GtkLabel        *message_label;
  GListStore      *lines_store;
  GtkLabel        *subtotal_value;
  GtkLabel        *discount_value;
  GtkLabel        *shipping_value;
  GtkLabel        *total_value;
  GtkLabel        *proof_status_label;
  BjbImageDropBox *proof_box;
  GtkLabel        *proof_mismatch_label;
  GtkLabel        *proof_message_label;
  GtkWidget       *proof_intake_box;
  GtkWidget       *proof_reject_box;
  GtkEntry        *bank_entry;
  GtkEntry        *amount_entry;
  GtkEntry        *reference_entry;
  GtkEntry        *reject_reason_entry;
  GtkLabel        *action_message_label;
  GtkWidget       *actions_heading;
  GtkWidget       *payment_actions_box;
  GtkWidget       *handover_actions_box;
  GtkWidget       *confirm_button;
  GtkWidget       *ship_button;
  GtkWidget       *handover_button;
  GtkEntry        *cancel_reason_entry;
  GtkDropDown     *courier_dropdown;
  GtkStringList   *courier_names;
  GtkLabel        *feedback_label;
  GtkEntry        *feedback_entry;
  GtkWidget       *feedback_input_box;
  BjbImageDropBox *feedback_box;
  GtkLabel        *feedback_photo_label;
  GtkLabel        *feedback_message_label;
  GListStore      *history_store;

  /* Owned */
  BjbConnection        *connection;
  GCancellable         *cancellable;      /* everything; cancelled in dispose */
  GCancellable         *load_cancellable; /* the current load only */
  JsonObject           *detail;
  JsonObject           *business;
  GListModel           *couriers;         /* BjbCourier, parallel to courier_names */
  GtkFileChooserNative *chooser;          /* saving the nota */
  char                 *message;
  char                 *step_done;        /* the sentence for the step in flight */
  gint64                order_id;
  gint64                proof_id;         /* latest proof not rejected; 0: none */
  gint64                proof_amount;     /* what that proof's slip says; -1: not noted */
  gint64                shown_photo_id;
  gboolean              busy;
  gboolean              loading;          /* a load of order_id is in flight */
  gboolean              load_again;       /* something changed while it was */
};

/* bjb-order-detail.c */
void        _bjb_order_detail_show         (BjbOrderDetail     *self,
                                            BjbOrderDetailArea  area,
                                            const char         *text,
                                            gboolean            is_error);
void        _bjb_order_detail_show_error   (BjbOrderDetail     *self,
                                            BjbOrderDetailArea  area,
                                            const GError       *error);
void        _bjb_order_detail_update_actions (BjbOrderDetail   *self);
const char *_bjb_order_detail_status       (BjbOrderDetail     *self);
gboolean    _bjb_order_detail_is_delivery  (BjbOrderDetail     *self);
/* Emits "changed": this widget changed the order. */
void        _bjb_order_detail_changed      (BjbOrderDetail     *self);

/* bjb-order-detail-actions.c */
void        _bjb_order_detail_class_init_actions (GtkWidgetClass *widget_class);
void        _bjb_order_detail_load_couriers      (BjbOrderDetail *self);
/* A step in flight: actions off until it ends. @done is shown on success. */
void        _bjb_order_detail_begin_step   (BjbOrderDetail     *self,
                                            const char         *done);
/* Shows the outcome in @area (the error's sentence, or the step's), then reloads. */
void        _bjb_order_detail_end_step     (BjbOrderDetail     *self,
                                            BjbOrderDetailArea  area,
                                            const GError       *error);
/* (transfer full) (nullable): the trimmed text of @entry; NULL (with @missing shown in
 * @area and the focus on @entry) when it is empty. */
char       *_bjb_order_detail_required_text (BjbOrderDetail     *self,
                                             GtkEntry           *entry,
                                             BjbOrderDetailArea  area,
                                             const char         *missing);

/* bjb-order-detail-proof.c */
void        _bjb_order_detail_class_init_proof (GtkWidgetClass *widget_class);
void        _bjb_order_detail_init_proof   (BjbOrderDetail *self);
/* Draws the proof part of a freshly loaded order (status, stored photo, amount check). */
void        _bjb_order_detail_apply_proof  (BjbOrderDetail *self);
void        _bjb_order_detail_reset_proof  (BjbOrderDetail *self);

/* bjb-order-detail-feedback.c */
void        _bjb_order_detail_class_init_feedback (GtkWidgetClass *widget_class);
void        _bjb_order_detail_init_feedback (BjbOrderDetail *self);
void        _bjb_order_detail_apply_feedback (BjbOrderDetail *self);
void        _bjb_order_detail_reset_feedback (BjbOrderDetail *self);

/* bjb-order-detail-print.c */
void        _bjb_order_detail_class_init_print (GtkWidgetClass *widget_class);
void        _bjb_order_detail_dispose_print    (BjbOrderDetail *self);

G_END_DECLS
