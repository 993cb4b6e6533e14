/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-form-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"

void
bjb_form_mark_field (GtkWidget  *field,
                     GtkWidget  *row,
                     GtkLabel   *label,
                     const char *sentence)
{
  gtk_label_set_label (label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (row, sentence != NULL);
  if (field == NULL)
    return;
  if (sentence != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               sentence != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

const char *
bjb_form_shown_error (GtkWidget *row,
                      GtkLabel  *label)
{
  return gtk_widget_get_visible (row) ? gtk_label_get_label (label) : NULL;
}

static void
bind_one (GtkWidgetClass *widget_class,
          const char     *name,
          const char     *suffix,
          gsize           offset)
{
  g_autofree char *id = g_strconcat (name, suffix, NULL);

  gtk_widget_class_bind_template_child_full (widget_class, g_intern_string (id), FALSE, offset);
}

void
bjb_form_bind_rows (GtkWidgetClass    *widget_class,
                    const char *const *names,
                    guint              n_names,
                    guint              n_with_rows,
                    gsize              rows_offset,
                    gsize              error_rows_offset,
                    gsize              error_labels_offset)
{
  for (guint i = 0; i < n_names; i++)
    {
      if (i < n_with_rows)
        bind_one (widget_class, names[i], "_row", rows_offset + i * sizeof (gpointer));
      bind_one (widget_class, names[i], "_error_row", error_rows_offset + i * sizeof (gpointer));
      bind_one (widget_class, names[i], "_error", error_labels_offset + i * sizeof (gpointer));
    }
}

void
bjb_form_fields_bind (GtkWidgetClass      *widget_class,
                      const BjbFormFields *fields)
{
  bjb_form_bind_rows (widget_class, fields->names, fields->n_fields, fields->n_entries,
                      fields->rows_offset, fields->error_rows_offset, fields->error_labels_offset);
  gtk_widget_class_bind_template_child_full (widget_class, "form_error", FALSE,
                                             fields->form_error_offset);
}

int
bjb_form_fields_index (const BjbFormFields *fields,
                       const char          *field)
{
  for (guint i = 0; i < fields->n_fields; i++)
    if (g_strcmp0 (fields->names[i], field) == 0)
      return (int) i;
  return -1;
}

/* The widget pointer @i of the array at @offset of the instance @self. */
#define MEMBER(self, offset, i) \
  (G_STRUCT_MEMBER (GtkWidget *, (self), (offset) + (i) * sizeof (gpointer)))

GtkEditable *
bjb_form_fields_entry (gpointer             self,
                       const BjbFormFields *fields,
                       guint                i)
{
  g_return_val_if_fail (i < fields->n_entries, NULL);
  return GTK_EDITABLE (MEMBER (self, fields->rows_offset, i));
}

void
bjb_form_fields_set_error (gpointer             self,
                           const BjbFormFields *fields,
                           const char          *field,
                           const char          *sentence)
{
  int i = bjb_form_fields_index (fields, field);

  if (i < 0)
    {
      GtkLabel *top = G_STRUCT_MEMBER (GtkLabel *, self, fields->form_error_offset);

      bjb_form_mark_field (NULL, GTK_WIDGET (top), top, sentence);
      return;
    }
  bjb_form_mark_field ((guint) i < fields->n_entries ? MEMBER (self, fields->rows_offset, i) : NULL,
                       MEMBER (self, fields->error_rows_offset, i),
                       GTK_LABEL (MEMBER (self, fields->error_labels_offset, i)), sentence);
}

void
bjb_form_fields_clear (gpointer             self,
                       const BjbFormFields *fields)
{
  for (guint i = 0; i < fields->n_fields; i++)
    bjb_form_fields_set_error (self, fields, fields->names[i], NULL);
  bjb_form_fields_set_error (self, fields, "form", NULL);
}

GtkEditable *
bjb_form_fields_lookup (gpointer             self,
                        const BjbFormFields *fields,
                        const char          *field)
{
  int i = bjb_form_fields_index (fields, field);

  g_return_val_if_fail (i >= 0 && (guint) i < fields->n_entries, NULL);
  return bjb_form_fields_entry (self, fields, i);
}

const char *
bjb_form_fields_get_error (gpointer             self,
                           const BjbFormFields *fields,
                           const char          *field)
{
  int i = bjb_form_fields_index (fields, field);
  GtkLabel *top;

  if (i >= 0)
    return bjb_form_shown_error (MEMBER (self, fields->error_rows_offset, i),
                                 GTK_LABEL (MEMBER (self, fields->error_labels_offset, i)));
  top = G_STRUCT_MEMBER (GtkLabel *, self, fields->form_error_offset);
  return bjb_form_shown_error (GTK_WIDGET (top), top);
}

gpointer
bjb_form_place_lookup (gpointer            self,
                       const BjbFormPlace *places,
                       guint               n_places,
                       const char         *field)
{
  for (guint i = 0; i < n_places; i++)
    if (g_strcmp0 (field, places[i].field) == 0)
      return G_STRUCT_MEMBER (gpointer, self, places[i].offset);
  return NULL;
}

void
bjb_form_set_busy (GtkWidget  *form,
                   gboolean   *busy_field,
                   gboolean    busy,
                   GtkSpinner *spinner,
                   const char *first_action,
                   ...)
{
  va_list actions;

  g_return_if_fail (GTK_IS_WIDGET (form));
  g_return_if_fail (busy_field != NULL);

  *busy_field = busy;
  if (spinner != NULL)
    gtk_spinner_set_spinning (spinner, busy);
  va_start (actions, first_action);
  for (const char *action = first_action; action != NULL; action = va_arg (actions, const char *))
    gtk_widget_action_set_enabled (form, action, !busy);
  va_end (actions);
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_signal_emit_by_name (widget, "cancelled");
}

void
bjb_form_class_install_cancel (GtkWidgetClass *widget_class,
                               const char     *action_name,
                               GCallback       put_back)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (widget_class));
  g_return_if_fail (action_name != NULL);

  g_signal_new_class_handler ("cancelled", G_TYPE_FROM_CLASS (widget_class), G_SIGNAL_RUN_FIRST,
                              put_back, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (widget_class, action_name, NULL, cancel_activated);
}

char *
bjb_form_not_saved (const GError *error,
                    const char   *sentence)
{
  g_autofree char *own = sentence == NULL ? bjb_error_sentence (error) : NULL;

  if (sentence == NULL)
    sentence = own;
  /* Lost connection: the clerk must know that pressing Save again is all it takes. */
  if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED) ||
      g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED))
    return g_strdup_printf (_("Not saved: %s Everything you typed is still here; press Save to try again."),
                            sentence);
  return g_strdup_printf (_("Not saved: %s"), sentence);
}
