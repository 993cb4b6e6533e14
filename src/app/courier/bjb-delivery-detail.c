/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-courier.h"
#include "bjb-delivery.h"
#include "bjb-delivery-detail.h"
#include "bjb-delivery-problem-dialog.h"
#include "bjb-error-sentence.h"
#include "bjb-image-drop-box.h"
#include "bjb-widgets.h"

struct _BjbDeliveryDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkLabel        *number_label;
  GtkLabel        *customer_label;
  GtkLabel        *address_label;
  GtkLabel        *phone_label;
  GtkLabel        *waiting_label;
  GtkLabel        *items_label;
  GtkWidget       *cs_note_box;
  GtkLabel        *cs_note_label;
  GtkWidget       *problems_box;
  GtkLabel        *problems_label;
  BjbImageDropBox *photo_box;
  GtkEntry        *recipient_entry;
  GtkEntry        *note_entry;
  GtkLabel        *message_label;
  GtkLabel        *hint_label;
  GtkWidget       *complete_button;

  /* Owned */
  BjbDelivery      *delivery;
  BjbDeliveryQueue *queue;
  BjbConnection    *connection;
  char             *message;
  GHashTable       *drafts;     /* order id → Draft: what was typed for another delivery */
};

/* A delivery left half done when the courier tapped another one. */
typedef struct
{
  GBytes *jpeg;
  char   *recipient;
  char   *note;
} Draft;

static void
draft_free (Draft *draft)
{
  g_clear_pointer (&draft->jpeg, g_bytes_unref);
  g_free (draft->recipient);
  g_free (draft->note);
  g_free (draft);
}

G_DEFINE_FINAL_TYPE (BjbDeliveryDetail, bjb_delivery_detail, ADW_TYPE_BIN)

enum {
  QUEUED,
  PROBLEM_REPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_connected (BjbDeliveryDetail *self)
{
  return self->connection != NULL &&
         bjb_connection_get_state (self->connection) == BJB_CONNECTION_STATE_CONNECTED;
}

/* The recipient as it will be stored: trimmed, NULL when only blanks. */
static char *
typed_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
show_message (BjbDeliveryDetail *self,
              const char        *text,
              gboolean           is_error)
{
  g_free (self->message);
  self->message = g_strdup (text);
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

void
bjb_delivery_detail_update_actions (BjbDeliveryDetail *self)
{
  gboolean has_delivery, busy, has_photo;
  g_autofree char *recipient = NULL;
  const char *hint = "";

  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));

  has_delivery = self->delivery != NULL;
  busy = has_delivery && self->queue != NULL &&
         bjb_delivery_queue_has_order (self->queue, bjb_delivery_get_order_id (self->delivery));
  has_photo = bjb_image_drop_box_get_image (self->photo_box) != NULL;
  recipient = typed_text (self->recipient_entry);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.copy-phone",
                                 has_delivery && bjb_delivery_get_phone (self->delivery) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.open-map",
                                 has_delivery && *bjb_delivery_get_address (self->delivery) != '\0');
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.choose-photo", has_delivery && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.paste-photo", has_delivery && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.complete",
                                 has_delivery && !busy && has_photo && recipient != NULL &&
                                 self->queue != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delivery.report-problem",
                                 has_delivery && !busy && is_connected (self));
  gtk_widget_set_sensitive (GTK_WIDGET (self->recipient_entry), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->note_entry), !busy);

  /* Say what is missing rather than leave a grey button to guess at. */
  if (!has_delivery)
    hint = "";
  else if (busy)
    hint = _("Sending the completion…");
  else if (!has_photo && recipient == NULL)
    hint = _("Add the delivery photo and the name of who received the goods to complete.");
  else if (!has_photo)
    hint = _("Add the delivery photo to complete.");
  else if (recipient == NULL)
    hint = _("Write the name of who received the goods to complete.");
  else if (!is_connected (self))
    hint = _("Not connected: the completion is kept on this device and sent when the connection returns.");
  gtk_label_set_text (self->hint_label, hint);
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), *hint != '\0');
}

static void
on_form_changed (BjbDeliveryDetail *self)
{
  bjb_delivery_detail_update_actions (self);
}

static void
clear_form (BjbDeliveryDetail *self)
{
  bjb_image_drop_box_clear (self->photo_box);
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  show_message (self, NULL, FALSE);
}

/* Keeps what was typed for @order_id, if anything was. */
static void
save_draft (BjbDeliveryDetail *self,
            gint64             order_id)
{
  BjbImage *photo = bjb_image_drop_box_get_image (self->photo_box);
  const char *recipient = gtk_editable_get_text (GTK_EDITABLE (self->recipient_entry));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  Draft *draft;
  gint64 *key;

  if (photo == NULL && *recipient == '\0' && *note == '\0')
    return;
  draft = g_new0 (Draft, 1);
  draft->jpeg = photo != NULL ? g_bytes_ref (bjb_image_get_jpeg (photo)) : NULL;
  draft->recipient = g_strdup (recipient);
  draft->note = g_strdup (note);
  key = g_new (gint64, 1);
  *key = order_id;
  g_hash_table_replace (self->drafts, key, draft);
}

/* Puts back what was typed for @order_id (the photo goes through the box's checks again). */
static void
restore_draft (BjbDeliveryDetail *self,
               gint64             order_id)
{
  Draft *draft = g_hash_table_lookup (self->drafts, &order_id);

  if (draft == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->recipient_entry), draft->recipient);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), draft->note);
  if (draft->jpeg != NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (draft->jpeg, &error);

      if (texture != NULL)
        bjb_image_drop_box_load_texture (self->photo_box, texture);
      else
        g_warning ("The kept delivery photo cannot be shown again: %s", error->message);
    }
  g_hash_table_remove (self->drafts, &order_id);
}

static char *
format_problems (JsonArray *problems)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonObject *problem = json_array_get_object_element (problems, i);
      const char *at_text = json_object_get_string_member_with_default (problem, "at", "");
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (at_text, NULL);
      g_autoptr(GDateTime) at = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = at != NULL ? bjb_delivery_format_moment (at) : g_strdup ("");
      g_autofree char *label = bjb_delivery_reason_label (
        json_object_get_string_member_with_default (problem, "reason", NULL),
        json_object_get_string_member_with_default (problem, "label", NULL));
      const char *note = json_object_get_string_member_with_default (problem, "note", NULL);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s · %s", when, label);
      if (note != NULL && *note != '\0')
        g_string_append_printf (text, " · %s", note);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_delivery (BjbDeliveryDetail *self)
{
  BjbDelivery *d = self->delivery;
  const char *note;
  g_autofree char *problems = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *waiting = NULL;
  g_autofree char *waiting_text = NULL;

  /* The bin's own child: not a bound template child, which the bin alone unparents. */
  gtk_stack_set_visible_child_name (GTK_STACK (adw_bin_get_child (ADW_BIN (self))),
                                    d != NULL ? "delivery" : "empty");
  if (d == NULL)
    return;
  gtk_label_set_text (self->number_label, bjb_delivery_get_number (d));
  gtk_label_set_text (self->customer_label, bjb_delivery_get_customer_name (d));
  gtk_label_set_text (self->address_label, bjb_delivery_get_address (d));
  gtk_label_set_text (self->phone_label, bjb_delivery_get_phone (d) ?: _("No phone number"));
  waiting = bjb_delivery_format_waiting (d, now);
  /* Translators: "Waiting since 09:12, 2 h 5 min" */
  waiting_text = g_strdup_printf (_("Waiting %s"), waiting);
  gtk_label_set_text (self->waiting_label, waiting_text);
  gtk_label_set_text (self->items_label, bjb_delivery_get_items_text (d));
  note = bjb_delivery_get_courier_note (d);
  gtk_label_set_text (self->cs_note_label, note != NULL ? note : "");
  gtk_widget_set_visible (self->cs_note_box, note != NULL && *note != '\0');
  problems = format_problems (bjb_delivery_get_problems (d));
  gtk_label_set_text (self->problems_label, problems);
  gtk_widget_set_visible (self->problems_box, *problems != '\0');
}

void
bjb_delivery_detail_set_delivery (BjbDeliveryDetail *self,
                                  BjbDelivery       *delivery)
{
  gint64 old_id, new_id;

  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));
  g_return_if_fail (delivery == NULL || BJB_IS_DELIVERY (delivery));

  old_id = self->delivery != NULL ? bjb_delivery_get_order_id (self->delivery) : 0;
  new_id = delivery != NULL ? bjb_delivery_get_order_id (delivery) : 0;
  g_set_object (&self->delivery, delivery);
  /* A refresh hands the same order in a new object: what was typed for it stays. Another
   * order keeps what was typed for this one until the courier comes back to it. */
  if (old_id != new_id)
    {
      if (old_id != 0)
        save_draft (self, old_id);
      clear_form (self);
      if (new_id != 0)
        restore_draft (self, new_id);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  show_delivery (self);
  bjb_delivery_detail_update_actions (self);
}

BjbDelivery *
bjb_delivery_detail_get_delivery (BjbDeliveryDetail *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_DETAIL (self), NULL);
  return self->delivery;
}

void
bjb_delivery_detail_set_queue (BjbDeliveryDetail *self,
                               BjbDeliveryQueue  *queue)
{
  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));

  g_set_object (&self->queue, queue);
  bjb_delivery_detail_update_actions (self);
}

void
bjb_delivery_detail_set_connection (BjbDeliveryDetail *self,
                                    BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));

  bjb_connected_store (self, connection, NULL);
  bjb_delivery_detail_update_actions (self);
}

static gboolean
shows_order (BjbDeliveryDetail *self,
             gint64             order_id)
{
  return self->delivery != NULL && bjb_delivery_get_order_id (self->delivery) == order_id;
}

void
bjb_delivery_detail_sent (BjbDeliveryDetail *self,
                          gint64             order_id)
{
  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));

  g_hash_table_remove (self->drafts, &order_id);
  if (shows_order (self, order_id))
    {
      /* Done: nothing of it is kept as a draft. */
      clear_form (self);
      bjb_delivery_detail_set_delivery (self, NULL);
      g_hash_table_remove (self->drafts, &order_id);
    }
}

void
bjb_delivery_detail_refused (BjbDeliveryDetail *self,
                             gint64             order_id,
                             const char        *sentence)
{
  g_return_if_fail (BJB_IS_DELIVERY_DETAIL (self));

  if (!shows_order (self, order_id))
    return;
  show_message (self, sentence, TRUE);
  bjb_delivery_detail_update_actions (self);
}

const char *
bjb_delivery_detail_get_message (BjbDeliveryDetail *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_DETAIL (self), NULL);
  return self->message;
}

/* Actions */

static void
action_copy_phone (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BjbDeliveryDetail *self = BJB_DELIVERY_DETAIL (widget);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), bjb_delivery_get_phone (self->delivery));
  show_message (self, _("Phone number copied."), FALSE);
}

static void
action_open_map (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbDeliveryDetail *self = BJB_DELIVERY_DETAIL (widget);
  g_autofree char *uri = bjb_delivery_map_uri (self->delivery);

  gtk_show_uri (bjb_widgets_window_of (widget), uri, GDK_CURRENT_TIME);
}

static void
action_complete (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbDeliveryDetail *self = BJB_DELIVERY_DETAIL (widget);
  BjbImage *photo = bjb_image_drop_box_get_image (self->photo_box);
  g_autofree char *recipient = typed_text (self->recipient_entry);
  g_autofree char *note = typed_text (self->note_entry);
  /* The delivery happened now, whenever the server hears of it. */
  g_autoptr(GDateTime) captured_at = g_date_time_new_now_utc ();
  g_autoptr(BjbDeliveryCompletion) completion = NULL;
  g_autoptr(GError) error = NULL;
  gint64 order_id;

  if (self->delivery == NULL || photo == NULL || recipient == NULL || self->queue == NULL)
    return;
  order_id = bjb_delivery_get_order_id (self->delivery);
  completion = bjb_delivery_completion_new (order_id, recipient, note, captured_at,
                                            bjb_image_get_jpeg (photo),
                                            bjb_image_get_thumbnail (photo),
                                            bjb_image_get_width (photo),
                                            bjb_image_get_height (photo));
  if (!bjb_delivery_queue_add (self->queue, completion, &error))
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      g_debug ("Completion not queued: %s", error->message);
      show_message (self, sentence, TRUE);
      return;
    }
  show_message (self, NULL, FALSE);
  bjb_delivery_detail_update_actions (self);
  g_signal_emit (self, signals[QUEUED], 0, order_id);
}

static void
on_problem_reported (BjbDeliveryDetail *self,
                     gint64             order_id)
{
  show_message (self, _("The failed delivery was reported to customer service."), FALSE);
  g_signal_emit (self, signals[PROBLEM_REPORTED], 0, order_id);
}

static void
action_report_problem (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BjbDeliveryDetail *self = BJB_DELIVERY_DETAIL (widget);
  GtkWidget *dialog;

  if (self->delivery == NULL || self->connection == NULL)
    return;
  dialog = bjb_delivery_problem_dialog_new (bjb_widgets_window_of (widget),
                                            self->connection, self->delivery);
  g_signal_connect_object (dialog, "reported", G_CALLBACK (on_problem_reported), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The photo box said what was wrong beside its preview; it is also the last word here. */
static void
on_photo_failed (BjbDeliveryDetail *self,
                 const char        *sentence)
{
  show_message (self, sentence, TRUE);
  bjb_delivery_detail_update_actions (self);
}

static void
on_photo_ready (BjbDeliveryDetail *self)
{
  show_message (self, NULL, FALSE);
  bjb_delivery_detail_update_actions (self);
}

static void
bjb_delivery_detail_dispose (GObject *object)
{
  BjbDeliveryDetail *self = BJB_DELIVERY_DETAIL (object);

  g_clear_object (&self->delivery);
  g_clear_object (&self->queue);
  bjb_connected_dispose (self, BJB_TYPE_DELIVERY_DETAIL, NULL);

  G_OBJECT_CLASS (bjb_delivery_detail_parent_class)->dispose (object);
}

static void
bjb_delivery_detail_finalize (GObject *object)
{
  g_free (BJB_DELIVERY_DETAIL (object)->message);
  g_hash_table_unref (BJB_DELIVERY_DETAIL (object)->drafts);

  G_OBJECT_CLASS (bjb_delivery_detail_parent_class)->finalize (object);
}

static void
bjb_delivery_detail_class_init (BjbDeliveryDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_delivery_detail_dispose;
  object_class->finalize = bjb_delivery_detail_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbDeliveryDetail, connection),
                               (BjbConnectedSetter) bjb_delivery_detail_set_connection);

  signals[QUEUED] = g_signal_new ("queued", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[PROBLEM_REPORTED] = g_signal_new ("problem-reported", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BJB_TYPE_IMAGE_DROP_BOX);
  bjb_courier_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/courier/bjb-delivery-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, complete_button);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, customer_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, address_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, phone_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, items_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, cs_note_box);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, cs_note_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, problems_box);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, problems_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, photo_box);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, recipient_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryDetail, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, on_form_changed);

  gtk_widget_class_install_action (widget_class, "delivery.copy-phone", NULL, action_copy_phone);
  gtk_widget_class_install_action (widget_class, "delivery.open-map", NULL, action_open_map);
  bjb_image_drop_box_install_commands (widget_class, G_STRUCT_OFFSET (BjbDeliveryDetail, photo_box),
                                       "delivery.choose-photo", "delivery.paste-photo");
  gtk_widget_class_install_action (widget_class, "delivery.complete", NULL, action_complete);
  gtk_widget_class_install_action (widget_class, "delivery.report-problem", NULL,
                                   action_report_problem);
}

static void
bjb_delivery_detail_init (BjbDeliveryDetail *self)
{
  self->drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) draft_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  bjb_image_drop_box_watch_drops (self->photo_box, GTK_WIDGET (self));
  g_signal_connect_object (self->photo_box, "image-ready", G_CALLBACK (on_photo_ready), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->photo_box, "failed", G_CALLBACK (on_photo_failed), self,
                           G_CONNECT_SWAPPED);
  bjb_delivery_detail_update_actions (self);
}
