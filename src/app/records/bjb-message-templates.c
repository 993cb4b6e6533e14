/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-templates"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-message-admin-ops.h"
#include "bjb-message-templates.h"
#include "bjb-ops-query.h"
#include "bjb-records-format.h"

struct _BjbMessageTemplates
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkPaned           *paned;
  GtkListView        *list;
  GtkSingleSelection *selection;
  GListStore         *templates;
  GtkLabel           *title_label;
  GtkEntry           *subject_entry;
  GtkTextView        *body_view;
  GtkLabel           *placeholders_label;
  GtkLabel           *message_label;
  GtkLabel           *preview_subject;
  GtkLabel           *preview_body;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;      /* the list being read */
  GCancellable  *op_cancellable;   /* the preview, save or reset in flight */
  char          *chosen;           /* "kind/channel" of the template in the editor */
};

G_DEFINE_FINAL_TYPE (BjbMessageTemplates, bjb_message_templates, GTK_TYPE_WIDGET)

static BjbValueRow *
current (BjbMessageTemplates *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static char *
key_of (BjbValueRow *row)
{
  return g_strdup_printf ("%s/%s", bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_KIND),
                          bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_CHANNEL));
}

static char *
body_text (BjbMessageTemplates *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gboolean
is_email (BjbValueRow *row)
{
  return g_strcmp0 (bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_CHANNEL), "email") == 0;
}

static void
set_message (BjbMessageTemplates *self,
             const char          *text,
             gboolean             is_error)
{
  gtk_label_set_text (self->message_label, text);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
}

/* The editor shows the chosen template as it is in force. */
static void
on_selected (BjbMessageTemplates *self)
{
  BjbValueRow *row = current (self);
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *key = NULL;
  gboolean same;

  gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), row != NULL);
  if (row == NULL)
    return;
  key = key_of (row);
  /* The same template re-read after a save keeps its preview. */
  same = g_strcmp0 (key, self->chosen) == 0;
  g_free (self->chosen);
  self->chosen = g_steal_pointer (&key);
  gtk_label_set_text (self->title_label, bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_TITLE));
  gtk_editable_set_text (GTK_EDITABLE (self->subject_entry),
                         bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_SUBJECT) ?: "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->subject_entry), is_email (row));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_BODY) ?: "", -1);
  names = g_strsplit_set (bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_PLACEHOLDERS) ?: "",
                          "{,}", -1);
  for (guint i = 0; names[i] != NULL; i++)
    if (*names[i] != '\0')
      g_string_append_printf (list, "%s{{%s}}", list->len > 0 ? "  " : "", names[i]);
  text = g_strdup_printf (_("Placeholders: %s"), list->str);
  gtk_label_set_text (self->placeholders_label, text);
  if (!same)
    {
      gtk_label_set_text (self->preview_subject, "");
      gtk_label_set_text (self->preview_body, "");
    }
  set_message (self, bjb_value_row_get_boolean (row, BJB_MESSAGE_TEMPLATE_CUSTOM)
                     ? _("Changed from the built-in text.") : _("The built-in text."), FALSE);
}

/* "{{nama}}" the server refused, named for the admin: the server's own sentence is in
 * Indonesian, the generic one does not say which. */
static char *
refusal (BjbMessageTemplates *self,
         const GError        *error)
{
  g_autofree char *sentence = bjb_error_sentence (error);
  BjbValueRow *row = current (self);
  g_autofree char *body = body_text (self);
  g_autofree char *draft = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (self->subject_entry)),
                                        " ", body, NULL);
  const char *known = row != NULL ? bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_PLACEHOLDERS) : NULL;
  const char *open = draft;

  while (known != NULL && (open = strstr (open, "{{")) != NULL)
    {
      const char *close = strstr (open, "}}");
      g_autofree char *name = close != NULL ? g_strndup (open + 2, close - open - 2) : NULL;
      g_autofree char *quoted = name != NULL ? g_strdup_printf (",%s,", name) : NULL;
      g_autofree char *all = g_strdelimit (g_strdup (known), "{}", ',');

      if (name == NULL)
        break;
      if (strstr (all, quoted) == NULL)
        return g_strdup_printf (_("%s {{%s}} is not a placeholder this message can use."), sentence, name);
      open = close + 2;
    }
  return g_steal_pointer (&sentence);
}

static void
on_templates (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BjbMessageTemplates *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = bjb_message_ops_templates_finish (result, &error);
  guint keep = GTK_INVALID_LIST_POSITION;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      set_message (self, sentence, TRUE);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      BjbValueRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = key_of (row);
      g_autofree char *title = g_strdup_printf ("%s · %s%s",
        bjb_records_kind_label (bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_KIND)),
        bjb_records_channel_label (bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_CHANNEL)),
        bjb_value_row_get_boolean (row, BJB_MESSAGE_TEMPLATE_CUSTOM) ? _(" (changed)") : "");

      bjb_value_row_set_string (row, BJB_MESSAGE_TEMPLATE_TITLE, title);
      if (g_strcmp0 (key, self->chosen) == 0)
        keep = i;
    }
  g_list_store_splice (self->templates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->templates)),
                       rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->selection, keep != GTK_INVALID_LIST_POSITION ? keep : 0);
  on_selected (self);
}

void
bjb_message_templates_reload (BjbMessageTemplates *self)
{
  g_return_if_fail (BJB_IS_MESSAGE_TEMPLATES (self));

  if (self->connection == NULL)
    return;
  bjb_message_ops_templates_async (self->connection,
                                   bjb_ops_restart_cancellable (&self->cancellable, NULL),
                                   on_templates, self);
}

static void
on_preview (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  BjbMessageTemplates *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;

  if (!bjb_message_ops_preview_finish (result, &subject, &body, &error))
    {
      g_autofree char *sentence = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      sentence = refusal (self, error);
      set_message (self, sentence, TRUE);
      return;
    }
  gtk_label_set_text (self->preview_subject, subject);
  gtk_label_set_text (self->preview_body, body);
  set_message (self, _("The preview uses sample values."), FALSE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BjbMessageTemplates *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_message_ops_template_finish (result, &error))
    {
      g_autofree char *sentence = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* What was typed stays in the editor. */
      sentence = refusal (self, error);
      set_message (self, sentence, TRUE);
      return;
    }
  bjb_message_templates_reload (self);
}

/* Preview, save and reset: the chosen template's kind and channel with the draft typed. */
static void
action_template (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbMessageTemplates *self = BJB_MESSAGE_TEMPLATES (widget);
  BjbValueRow *row = current (self);
  g_autofree char *body = body_text (self);
  const char *kind, *channel, *subject;
  GCancellable *cancellable;

  if (row == NULL || self->connection == NULL)
    return;
  kind = bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_KIND);
  channel = bjb_value_row_get_string (row, BJB_MESSAGE_TEMPLATE_CHANNEL);
  /* WhatsApp's subject is not sent (only shown here, greyed), but saving keeps it. */
  subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_entry));
  cancellable = bjb_ops_restart_cancellable (&self->op_cancellable, NULL);
  if (g_str_equal (action_name, "templates.preview"))
    bjb_message_ops_preview_async (self->connection, kind, channel, subject, body, cancellable,
                                   on_preview, self);
  else if (g_str_equal (action_name, "templates.save"))
    bjb_message_ops_save_template_async (self->connection, kind, channel, subject, body,
                                         cancellable, on_saved, self);
  else
    bjb_message_ops_reset_template_async (self->connection, kind, channel, cancellable,
                                          on_saved, self);
}

static void
bjb_message_templates_dispose (GObject *object)
{
  BjbMessageTemplates *self = BJB_MESSAGE_TEMPLATES (object);

  g_cancellable_cancel (self->op_cancellable);
  bjb_connected_dispose (self, BJB_TYPE_MESSAGE_TEMPLATES, &self->cancellable);

  G_OBJECT_CLASS (bjb_message_templates_parent_class)->dispose (object);
}

static void
bjb_message_templates_finalize (GObject *object)
{
  BjbMessageTemplates *self = BJB_MESSAGE_TEMPLATES (object);

  g_clear_object (&self->op_cancellable);
  g_free (self->chosen);

  G_OBJECT_CLASS (bjb_message_templates_parent_class)->finalize (object);
}

static void
bjb_message_templates_class_init (BjbMessageTemplatesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_message_templates_dispose;
  object_class->finalize = bjb_message_templates_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbMessageTemplates, connection),
                               (BjbConnectedSetter) bjb_message_templates_set_connection);

  g_type_ensure (BJB_TYPE_MESSAGE_TEMPLATE);
  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-message-templates.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  /* The direct child too: dispose_template unparents only bound children. */
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, list);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, templates);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, subject_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, body_view);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, placeholders_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, preview_subject);
  gtk_widget_class_bind_template_child (widget_class, BjbMessageTemplates, preview_body);
  gtk_widget_class_bind_template_callback (widget_class, on_selected);

  gtk_widget_class_install_action (widget_class, "templates.preview", NULL, action_template);
  gtk_widget_class_install_action (widget_class, "templates.save", NULL, action_template);
  gtk_widget_class_install_action (widget_class, "templates.reset", NULL, action_template);
}

static void
bjb_message_templates_init (BjbMessageTemplates *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bjb_message_templates_set_connection (BjbMessageTemplates *self,
                                      BjbConnection       *connection)
{
  g_return_if_fail (BJB_IS_MESSAGE_TEMPLATES (self));
  if (bjb_connected_store (self, connection, NULL))
    bjb_message_templates_reload (self);
}
