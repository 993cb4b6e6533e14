/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-problem-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-courier.h"
#include "bjb-delivery-ops.h"
#include "bjb-delivery-problem-dialog.h"
#include "bjb-error-sentence.h"

struct _BjbDeliveryProblemDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel   *heading_label;
  GtkListBox *reasons_list;
  GtkEntry   *note_entry;
  GtkLabel   *message_label;
  GtkWidget  *report_button;

  /* Owned */
  BjbConnection *connection;
  BjbDelivery   *delivery;
  GCancellable  *cancellable;
  GPtrArray     *checks;   /* the rows' radio buttons; each carries its code as "bjb-code" */
  char          *message;
  gboolean       loaded;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (BjbDeliveryProblemDialog, bjb_delivery_problem_dialog, ADW_TYPE_WINDOW)

enum {
  REPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
chosen_code (BjbDeliveryProblemDialog *self)
{
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return g_object_get_data (g_ptr_array_index (self->checks, i), "bjb-code");
  return NULL;
}

static void
show_message (BjbDeliveryProblemDialog *self,
              const char               *text)
{
  g_free (self->message);
  self->message = g_strdup (text);
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static void
on_changed (BjbDeliveryProblemDialog *self)
{
  const char *code = chosen_code (self);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "problem.report",
                                 !self->busy && code != NULL &&
                                 (g_strcmp0 (code, "other") != 0 || *note != '\0'));
}

/* One reason: a large row with a radio button, the whole row a target. */
static void
add_reason (BjbDeliveryProblemDialog *self,
            const char               *code,
            const char               *label)
{
  g_autofree char *title = bjb_delivery_reason_label (code, label);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (self->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->checks, 0));
  g_object_set_data_full (G_OBJECT (check), "bjb-code", g_strdup (code), g_free);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_size_request (row, -1, 56);
  gtk_list_box_append (self->reasons_list, row);
  g_ptr_array_add (self->checks, check);
}

static void
on_reasons (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BjbDeliveryProblemDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) reasons = bjb_delivery_ops_list_reasons_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reasons == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      show_message (self, sentence);
      return;
    }
  for (guint i = 0; i < json_array_get_length (reasons); i++)
    {
      JsonObject *reason = json_array_get_object_element (reasons, i);

      add_reason (self, json_object_get_string_member_with_default (reason, "code", ""),
                  json_object_get_string_member_with_default (reason, "label", NULL));
    }
  self->loaded = TRUE;
  on_changed (self);
}

static void
on_reported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BjbDeliveryProblemDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  bjb_delivery_ops_report_problem_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (error != NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      show_message (self, sentence);
      on_changed (self);
      return;
    }
  g_signal_emit (self, signals[REPORTED], 0, bjb_delivery_get_order_id (self->delivery));
  gtk_window_close (GTK_WINDOW (self));
}

static void
action_report (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbDeliveryProblemDialog *self = BJB_DELIVERY_PROBLEM_DIALOG (widget);
  const char *code = chosen_code (self);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));

  if (code == NULL || self->busy)
    return;
  self->busy = TRUE;
  show_message (self, NULL);
  on_changed (self);
  bjb_delivery_ops_report_problem_async (self->connection, bjb_delivery_get_order_id (self->delivery),
                                         code, *note != '\0' ? note : NULL, self->cancellable,
                                         on_reported, self);
}

static void
bjb_delivery_problem_dialog_dispose (GObject *object)
{
  BjbDeliveryProblemDialog *self = BJB_DELIVERY_PROBLEM_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->connection);
  g_clear_object (&self->delivery);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_DELIVERY_PROBLEM_DIALOG);

  G_OBJECT_CLASS (bjb_delivery_problem_dialog_parent_class)->dispose (object);
}

static void
bjb_delivery_problem_dialog_finalize (GObject *object)
{
  BjbDeliveryProblemDialog *self = BJB_DELIVERY_PROBLEM_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_free (self->message);

  G_OBJECT_CLASS (bjb_delivery_problem_dialog_parent_class)->finalize (object);
}

static void
bjb_delivery_problem_dialog_class_init (BjbDeliveryProblemDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_delivery_problem_dialog_dispose;
  object_class->finalize = bjb_delivery_problem_dialog_finalize;

  signals[REPORTED] = g_signal_new ("reported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  bjb_courier_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/courier/bjb-delivery-problem-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryProblemDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryProblemDialog, reasons_list);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryProblemDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryProblemDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveryProblemDialog, report_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "problem.report", NULL, action_report);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bjb_delivery_problem_dialog_init (BjbDeliveryProblemDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->checks = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "problem.report", FALSE);
}

GtkWidget *
bjb_delivery_problem_dialog_new (GtkWindow     *parent,
                                 BjbConnection *connection,
                                 BjbDelivery   *delivery)
{
  BjbDeliveryProblemDialog *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (BJB_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (BJB_IS_DELIVERY (delivery), NULL);

  self = g_object_new (BJB_TYPE_DELIVERY_PROBLEM_DIALOG, "transient-for", parent, NULL);
  self->connection = g_object_ref (connection);
  self->delivery = g_object_ref (delivery);
  /* Translators: "Why could order BJB-… for Ibu Sari not be delivered?" */
  heading = g_strdup_printf (_("Why could order %s for %s not be delivered?"),
                             bjb_delivery_get_number (delivery),
                             bjb_delivery_get_customer_name (delivery));
  gtk_label_set_text (self->heading_label, heading);
  bjb_delivery_ops_list_reasons_async (connection, self->cancellable, on_reasons, self);
  return GTK_WIDGET (self);
}

gboolean
bjb_delivery_problem_dialog_choose (BjbDeliveryProblemDialog *self,
                                    const char               *code)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_PROBLEM_DIALOG (self), FALSE);

  for (guint i = 0; i < self->checks->len; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->checks, i), "bjb-code"), code) == 0)
      {
        gtk_widget_activate (g_ptr_array_index (self->checks, i));
        return TRUE;
      }
  return FALSE;
}

gboolean
bjb_delivery_problem_dialog_get_loaded (BjbDeliveryProblemDialog *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_PROBLEM_DIALOG (self), FALSE);
  return self->loaded;
}
