/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include "bjb-money.h"
#include "bjb-order-detail-private.h"
#include "bjb-order-format.h"
#include "bjb-photo-ops.h"

/* The payment proof: a photo of the transfer comes in through the drop box (file, drop,
 * paste), the clerk notes bank, amount and reference off it and attaches it; a proof can
 * be rejected with a reason. The noted amount is compared with the order total so a
 * short transfer is pointed out before Confirm. */

static gboolean
is_pending (BjbOrderDetail *self)
{
  return g_strcmp0 (_bjb_order_detail_status (self), "pending_payment") == 0;
}

/* The amount the clerk typed: -1 when empty, -2 when it does not parse. */
static gint64
typed_amount (BjbOrderDetail *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  gint64 rupiah = 0;

  if (*text == '\0')
    return -1;
  return bjb_money_parse (text, &rupiah, NULL) ? rupiah : -2;
}

static void
update_mismatch (BjbOrderDetail *self)
{
  gint64 total = bjb_json_int (bjb_json_object (self->detail, "order"), "total");
  gint64 amount = bjb_image_drop_box_get_image (self->proof_box) != NULL
                  ? typed_amount (self) : self->proof_amount;
  gboolean mismatch = self->detail != NULL && is_pending (self) && amount >= 0 && amount != total;

  if (mismatch)
    {
      g_autofree char *amount_text = bjb_money_format (amount);
      g_autofree char *total_text = bjb_money_format (total);
      g_autofree char *text = g_strdup_printf (_("The proof says %s, but the order total is %s. "
                                                 "Check the transfer before confirming the payment."),
                                               amount_text, total_text);

      gtk_label_set_text (self->proof_mismatch_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->proof_mismatch_label), mismatch);
}

static void
on_photo_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = bjb_photo_ops_get_jpeg_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_PROOF, error);
      return;
    }
  /* A new image the clerk is about to attach wins over the stored one. */
  if (jpeg == NULL || bjb_image_drop_box_get_image (self->proof_box) != NULL)
    return;
  bjb_image_drop_box_show_jpeg (self->proof_box, jpeg);
}

static void
show_stored_proof (BjbOrderDetail *self,
                   JsonObject     *shown)
{
  g_autoptr(GDateTime) at = bjb_json_time (shown, "uploaded_at");
  g_autofree char *at_text = bjb_order_format_time (at);
  g_autofree char *amount = bjb_json_string (shown, "amount") || bjb_json_int (shown, "amount")
    ? bjb_money_format (bjb_json_int (shown, "amount")) : g_strdup ("—");
  g_autofree char *text = NULL;

  if (bjb_json_string (shown, "rejected_at") != NULL)
    text = g_strdup_printf (_("Proof rejected by %s: %s. Attach a new proof."),
                            bjb_json_string (shown, "rejected_by_name") ?: bjb_json_string (shown, "rejected_by"),
                            bjb_json_string (shown, "reject_reason"));
  else
    text = g_strdup_printf (_("Proof from %s on %s · bank %s · amount %s · reference %s"),
                            bjb_json_string (shown, "uploaded_by_name") ?: bjb_json_string (shown, "uploaded_by"),
                            at_text,
                            bjb_json_string (shown, "bank") ?: "—", amount,
                            bjb_json_string (shown, "reference") ?: "—");
  gtk_label_set_text (self->proof_status_label, text);
  if (self->shown_photo_id != bjb_json_int (shown, "id"))
    {
      self->shown_photo_id = bjb_json_int (shown, "id");
      bjb_photo_ops_get_jpeg_async (self->connection, self->shown_photo_id, self->cancellable,
                                    on_photo_loaded, self);
    }
}

void
_bjb_order_detail_apply_proof (BjbOrderDetail *self)
{
  JsonArray *photos = bjb_json_array (self->detail, "photos");
  JsonObject *proof = NULL;
  JsonObject *any_proof = NULL;
  JsonNode *amount;

  for (guint i = 0; photos && i < json_array_get_length (photos); i++)
    {
      JsonObject *photo = json_array_get_object_element (photos, i);

      if (g_strcmp0 (bjb_json_string (photo, "kind"), "payment_proof") != 0)
        continue;
      any_proof = photo;
      if (bjb_json_string (photo, "rejected_at") == NULL)
        proof = photo;
    }
  self->proof_id = proof ? bjb_json_int (proof, "id") : 0;
  amount = proof ? json_object_get_member (proof, "amount") : NULL;
  self->proof_amount = amount != NULL && !JSON_NODE_HOLDS_NULL (amount) ? bjb_json_int (proof, "amount") : -1;

  if (bjb_image_drop_box_get_image (self->proof_box) == NULL)
    {
      JsonObject *shown = proof ? proof : any_proof;

      if (shown != NULL)
        show_stored_proof (self, shown);
      else
        {
          gtk_label_set_text (self->proof_status_label,
                              is_pending (self)
                              ? _("No payment proof yet. Payment can be confirmed only with a proof.")
                              : _("No payment proof."));
          bjb_image_drop_box_show_jpeg (self->proof_box, NULL);
          self->shown_photo_id = 0;
        }
    }
  update_mismatch (self);
}

void
_bjb_order_detail_reset_proof (BjbOrderDetail *self)
{
  bjb_image_drop_box_clear (self->proof_box);
  self->proof_id = 0;
  self->proof_amount = -1;
  self->shown_photo_id = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->proof_mismatch_label), FALSE);
}

/* ------------------------------------------------------------------ intake */

static void
on_proof_image_ready (BjbOrderDetail *self)
{
  BjbImage *image = bjb_image_drop_box_get_image (self->proof_box);
  g_autofree char *text = g_strdup_printf (_("New proof, %d × %d px: note the bank, amount and reference, then attach it."),
                                           bjb_image_get_width (image), bjb_image_get_height (image));

  gtk_label_set_text (self->proof_status_label, text);
  _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_PROOF, NULL, FALSE);
  update_mismatch (self);
  _bjb_order_detail_update_actions (self);
}

/* The box said it beside the preview; the detail only remembers it as the last word. */
static void
on_proof_failed (BjbOrderDetail *self,
                 const char     *sentence)
{
  g_free (self->message);
  self->message = g_strdup (sentence);
  _bjb_order_detail_update_actions (self);
}

void
bjb_order_detail_load_proof_file (BjbOrderDetail *self,
                                  GFile          *file)
{
  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  bjb_image_drop_box_load_file (self->proof_box, file);
}

/* ------------------------------------------------------------------ attach, reject */

static void
on_proof_attached (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;

  bjb_photo_ops_attach_payment_proof_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error == NULL)
    {
      /* Attached: the stored proof is what is shown from now on. */
      gtk_editable_set_text (GTK_EDITABLE (self->bank_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), "");
      bjb_image_drop_box_clear (self->proof_box);
      self->shown_photo_id = 0;
    }
  /* Refused: the image and what was noted stay for a retry. */
  _bjb_order_detail_end_step (self, BJB_ORDER_DETAIL_AREA_PROOF, error);
}

static void
action_attach_proof (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  BjbImage *image = bjb_image_drop_box_get_image (self->proof_box);
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  gint64 amount = -1;

  if (image == NULL)
    return;
  if (*amount_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      if (!bjb_money_parse (amount_text, &amount, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Amount: %s"), error->message);

          _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_PROOF, text, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
          return;
        }
    }
  _bjb_order_detail_begin_step (self, _("Payment proof attached."));
  bjb_photo_ops_attach_payment_proof_async (self->connection, self->order_id, image,
                                            gtk_editable_get_text (GTK_EDITABLE (self->bank_entry)),
                                            amount,
                                            gtk_editable_get_text (GTK_EDITABLE (self->reference_entry)),
                                            self->cancellable, on_proof_attached, self);
}

static void
on_proof_rejected (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  bjb_photo_ops_reject_payment_proof_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _bjb_order_detail_end_step (BJB_ORDER_DETAIL (user_data), BJB_ORDER_DETAIL_AREA_PROOF, error);
}

static void
action_reject_proof (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *reason = _bjb_order_detail_required_text (self, self->reject_reason_entry,
                                                             BJB_ORDER_DETAIL_AREA_PROOF,
                                                             _("Write why the proof is rejected first."));

  if (reason == NULL)
    return;
  _bjb_order_detail_begin_step (self, _("Proof rejected. Payment can be confirmed only with a new proof."));
  bjb_photo_ops_reject_payment_proof_async (self->connection, self->proof_id, reason,
                                            self->cancellable, on_proof_rejected, self);
}

void
_bjb_order_detail_init_proof (BjbOrderDetail *self)
{
  /* A drop is accepted anywhere on the order. */
  bjb_image_drop_box_watch_drops (self->proof_box, GTK_WIDGET (self));
  g_signal_connect_object (self->proof_box, "image-ready", G_CALLBACK (on_proof_image_ready),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->proof_box, "failed", G_CALLBACK (on_proof_failed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->amount_entry, "changed", G_CALLBACK (update_mismatch),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->proof_mismatch_label), FALSE);
}

void
_bjb_order_detail_class_init_proof (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_mismatch_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, bank_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, reject_reason_entry);

  bjb_image_drop_box_install_commands (widget_class, G_STRUCT_OFFSET (BjbOrderDetail, proof_box),
                                       "order.choose-proof", "order.paste-proof");
  gtk_widget_class_install_action (widget_class, "order.attach-proof", NULL, action_attach_proof);
  gtk_widget_class_install_action (widget_class, "order.reject-proof", NULL, action_reject_proof);
}
