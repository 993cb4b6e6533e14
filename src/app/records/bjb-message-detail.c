/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-detail"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-message-admin-ops.h"
#include "bjb-message-detail.h"
#include "bjb-message-ops.h"
#include "bjb-ops-query.h"
#include "bjb-records-format.h"
#include "bjb-widgets.h"

struct _BjbMessageDetail
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack  *stack;
  GtkLabel  *title_label;
  GtkLabel  *status_label;
  GtkLabel  *recipient_label;
  GtkLabel  *created_label;
  GtkLabel  *subject_label;
  GtkLabel  *body_label;
  GtkLabel  *attempts_label;
  GtkLabel  *error_label;
  GtkLabel  *action_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;      /* the detail being read */
  GCancellable  *resend_cancellable;
  gint64         message_id;
  char          *status;
};

G_DEFINE_FINAL_TYPE (BjbMessageDetail, bjb_message_detail, GTK_TYPE_WIDGET)

enum {
  RESENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static const char *
outcome_label (const char *outcome)
{
  if (g_strcmp0 (outcome, "sending") == 0)
    return _("Sending, no answer yet");
  if (g_strcmp0 (outcome, "sent") == 0)
    return _("Delivered to the gateway");
  if (g_strcmp0 (outcome, "failed") == 0)
    return _("Failed");
  if (g_strcmp0 (outcome, "uncertain") == 0)
    return _("The answer was lost");
  return outcome != NULL ? outcome : "";
}

/* One line per attempt: "1. 01 Dec 2026 17:10 — Failed (HTTP 500): the gateway's words". */
static char *
attempts_text (JsonArray *attempts)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; attempts != NULL && i < json_array_get_length (attempts); i++)
    {
      JsonObject *attempt = json_array_get_object_element (attempts, i);
      g_autofree char *at = bjb_records_format_time (member_string (attempt, "attempted_at"));
      gint64 http = json_object_get_int_member_with_default (attempt, "http_status", 0);
      const char *error = member_string (attempt, "error");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%u. %s — %s", i + 1, at,
                              outcome_label (member_string (attempt, "outcome")));
      if (http > 0)
        g_string_append_printf (text, " (HTTP %" G_GINT64_FORMAT ")", http);
      if (error != NULL && *error != '\0')
        g_string_append_printf (text, ": %s", error);
    }
  if (text->len == 0)
    g_string_append (text, _("Not tried yet."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_detail (BjbMessageDetail *self,
             JsonObject       *detail)
{
  const char *status = member_string (detail, "status");
  const char *subject = member_string (detail, "subject");
  const char *error = member_string (detail, "last_error");
  const char *order = member_string (detail, "order_number");
  g_autofree char *title = g_strdup_printf ("%s · %s",
                                            bjb_records_kind_label (member_string (detail, "kind")),
                                            bjb_records_channel_label (member_string (detail, "channel")));
  g_autofree char *recipient = g_strdup_printf ("%s · %s", member_string (detail, "customer_name"),
                                                member_string (detail, "recipient") ?: "—");
  g_autofree char *created = bjb_records_format_time (member_string (detail, "created_at"));
  g_autofree char *created_line = order != NULL
    ? g_strdup_printf (_("Queued %s for order %s"), created, order)
    : g_strdup_printf (_("Queued %s"), created);
  g_autofree char *attempts = attempts_text (json_object_get_array_member (detail, "attempt_list"));
  gboolean can_resend = g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "uncertain") == 0;

  g_free (self->status);
  self->status = g_strdup (status);
  gtk_label_set_text (self->title_label, title);
  gtk_label_set_text (self->status_label, bjb_records_status_label (status));
  gtk_label_set_text (self->recipient_label, recipient);
  gtk_label_set_text (self->created_label, created_line);
  bjb_widgets_show_label (self->subject_label, subject);
  gtk_label_set_text (self->body_label, member_string (detail, "body") ?: "");
  gtk_label_set_text (self->attempts_label, attempts);
  bjb_widgets_show_label (self->error_label, error);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.resend", can_resend);
  gtk_stack_set_visible_child_name (self->stack, "message");
}

static void
on_detail (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbMessageDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) detail = bjb_message_ops_detail_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (detail == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      gtk_label_set_text (self->action_label, sentence);
      return;
    }
  show_detail (self, detail);
}

static void
reload (BjbMessageDetail *self)
{
  GCancellable *cancellable = bjb_ops_restart_cancellable (&self->cancellable, NULL);

  g_clear_pointer (&self->status, g_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.resend", FALSE);
  if (self->message_id == 0 || self->connection == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  bjb_message_ops_detail_async (self->connection, self->message_id, cancellable, on_detail, self);
}

static void
on_resent (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbMessageDetail *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_message_ops_mark_finish (BJB_CONNECTION (source), result, &error))
    {
      g_autofree char *sentence = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      sentence = bjb_error_sentence (error);
      gtk_label_set_text (self->action_label, sentence);
      reload (self);
      return;
    }
  gtk_label_set_text (self->action_label, _("Queued to be sent again."));
  reload (self);
  g_signal_emit (self, signals[RESENT], 0, self->message_id);
}

static void
on_confirm_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  BjbMessageDetail *self = user_data;

  if (g_strcmp0 (response, "resend") != 0 || self->connection == NULL)
    return;
  bjb_message_ops_resend_async (self->connection, self->message_id,
                                bjb_ops_restart_cancellable (&self->resend_cancellable, NULL),
                                on_resent, self);
}

/* Uncertain is the one case where sending again can give the customer a second copy. */
static void
action_resend (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbMessageDetail *self = BJB_MESSAGE_DETAIL (widget);
  gboolean uncertain = g_strcmp0 (self->status, "uncertain") == 0;
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (bjb_widgets_window_of (widget),
                                   _("Send this message again?"),
                                   uncertain
                                   ? _("This message may already have arrived: it went out to the "
                                       "gateway, but the answer never came back. Check with the "
                                       "customer first; sending it again may give them a second copy.")
                                   : _("The gateway refused it or could not be reached. It will be "
                                       "sent again now, with a fresh set of attempts."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "resend", _("_Send Again"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resend",
                                              uncertain ? ADW_RESPONSE_DESTRUCTIVE
                                                        : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response), self, 0);
  gtk_label_set_text (self->action_label, "");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bjb_message_detail_dispose (GObject *object)
{
  BjbMessageDetail *self = BJB_MESSAGE_DETAIL (object);

  g_cancellable_cancel (self->resend_cancellable);
  bjb_connected_dispose (self, BJB_TYPE_MESSAGE_DETAIL, &self->cancellable);

  G_OBJECT_CLASS (bjb_message_detail_parent_class)->dispose (object);
}

static void
bjb_message_detail_finalize (GObject *object)
{
  BjbMessageDetail *self = BJB_MESSAGE_DETAIL (object);

  g_clear_object (&self->resend_cancellable);
  g_free (self->status);

  G_OBJECT_CLASS (bjb_message_detail_parent_class)->finalize (object);
}

static void
bjb_message_detail_class_init (BjbMessageDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_message_detail_dispose;
  object_class->finalize = bjb_message_detail_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbMessageDetail, connection),
                               (BjbConnectedSetter) bjb_message_detail_set_connection);

  signals[RESENT] = g_signal_new ("resent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-message-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, recipient_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, created_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, subject_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, body_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageDetail, action_label);

  gtk_widget_class_install_action (widget_class, "message.resend", NULL, action_resend);
}

static void
bjb_message_detail_init (BjbMessageDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.resend", FALSE);
}

void
bjb_message_detail_set_connection (BjbMessageDetail *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_MESSAGE_DETAIL (self));
  if (bjb_connected_store (self, connection, NULL))
    reload (self);
}

void
bjb_message_detail_show (BjbMessageDetail *self,
                         gint64            message_id)
{
  g_return_if_fail (BJB_IS_MESSAGE_DETAIL (self));
  if (message_id != self->message_id)
    gtk_label_set_text (self->action_label, "");
  self->message_id = message_id;
  reload (self);
}

gint64
bjb_message_detail_get_message_id (BjbMessageDetail *self)
{
  g_return_val_if_fail (BJB_IS_MESSAGE_DETAIL (self), 0);
  return self->message_id;
}

const char *
bjb_message_detail_get_status (BjbMessageDetail *self)
{
  g_return_val_if_fail (BJB_IS_MESSAGE_DETAIL (self), NULL);
  return self->status;
}
