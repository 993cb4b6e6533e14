/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include "bjb-order-detail-private.h"
#include "bjb-order-format.h"
#include "bjb-order-ops.h"
#include "bjb-photo-ops.h"

/* What the customer said once the order is completed, with a photo if there is one: the
 * text is recorded first, then the photo (two functions, as the database has them). */

void
_bjb_order_detail_apply_feedback (BjbOrderDetail *self)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  const char *feedback = bjb_json_string (order, "feedback");

  if (feedback != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Feedback: “%s”"), feedback);

      gtk_label_set_text (self->feedback_label, text);
    }
  else
    gtk_label_set_text (self->feedback_label,
                        g_strcmp0 (bjb_json_string (order, "status"), "completed") == 0
                        ? _("No feedback recorded yet.")
                        : _("Feedback can be recorded once the order is completed."));
}

void
_bjb_order_detail_reset_feedback (BjbOrderDetail *self)
{
  bjb_image_drop_box_clear (self->feedback_box);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), FALSE);
}

static void
on_feedback_image_ready (BjbOrderDetail *self)
{
  BjbImage *image = bjb_image_drop_box_get_image (self->feedback_box);
  g_autofree char *text = g_strdup_printf (_("Photo ready (%d × %d px); it is saved with the feedback."),
                                           bjb_image_get_width (image), bjb_image_get_height (image));

  gtk_label_set_text (self->feedback_photo_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), TRUE);
  _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_FEEDBACK, NULL, FALSE);
}

static void
on_feedback_failed (BjbOrderDetail *self,
                    const char     *sentence)
{
  g_free (self->message);
  self->message = g_strdup (sentence);
}

void
bjb_order_detail_load_feedback_photo_file (BjbOrderDetail *self,
                                           GFile          *file)
{
  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  bjb_image_drop_box_load_file (self->feedback_box, file);
}

static void
on_feedback_photo_attached (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;

  bjb_photo_ops_attach_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error == NULL)
    _bjb_order_detail_reset_feedback (self);
  /* The text is in already; a refused photo stays for another try. */
  _bjb_order_detail_end_step (self, BJB_ORDER_DETAIL_AREA_FEEDBACK, error);
}

static void
on_feedback_recorded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  BjbImage *photo = bjb_image_drop_box_get_image (self->feedback_box);

  bjb_order_ops_step_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL || photo == NULL)
    {
      if (error == NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->feedback_entry), "");
      _bjb_order_detail_end_step (self, BJB_ORDER_DETAIL_AREA_FEEDBACK, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->feedback_entry), "");
  g_free (self->step_done);
  self->step_done = g_strdup (_("Feedback and photo recorded."));
  bjb_photo_ops_attach_async (self->connection, self->order_id, "feedback", photo,
                              self->cancellable, on_feedback_photo_attached, self);
}

static void
action_record_feedback (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *text = _bjb_order_detail_required_text (self, self->feedback_entry,
                                                           BJB_ORDER_DETAIL_AREA_FEEDBACK,
                                                           _("Write what the customer said first."));

  if (text == NULL)
    return;
  _bjb_order_detail_begin_step (self, _("Feedback recorded."));
  bjb_order_ops_record_feedback_async (self->connection, self->order_id, text, self->cancellable,
                                       on_feedback_recorded, self);
}

void
_bjb_order_detail_init_feedback (BjbOrderDetail *self)
{
  g_signal_connect_object (self->feedback_box, "image-ready", G_CALLBACK (on_feedback_image_ready),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->feedback_box, "failed", G_CALLBACK (on_feedback_failed),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), FALSE);
}

void
_bjb_order_detail_class_init_feedback (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_photo_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_message_label);

  bjb_image_drop_box_install_commands (widget_class, G_STRUCT_OFFSET (BjbOrderDetail, feedback_box),
                                       "order.choose-feedback-photo", NULL);
  gtk_widget_class_install_action (widget_class, "order.record-feedback", NULL, action_record_feedback);
}
