/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-people"

#include "config.h"

#include "bjb-people.h"
#include "bjb-people-resources.h"
#include "bjb-widgets.h"

void
bjb_people_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_people_register_resource);
}

void
bjb_people_ensure_style (GtkWidget *widget)
{
  bjb_widgets_add_style (widget, "/id/barokahjaya/BackOffice/people/people.css");
}

void
bjb_people_set_field_error (GtkWidget  *field,
                            GtkWidget  *row,
                            GtkLabel   *label,
                            const char *sentence)
{
  gtk_label_set_text (label, sentence != NULL ? sentence : "");
  gtk_widget_set_visible (row, sentence != NULL);
  if (field == NULL)
    return;
  if (sentence != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
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
bjb_people_bind_fields (GtkWidgetClass    *widget_class,
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

int
bjb_people_field_index (const char *const *names,
                        guint              n_names,
                        const char        *field)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], field) == 0)
      return (int) i;
  return -1;
}

const char *
bjb_people_shown_error (GtkWidget *row,
                        GtkLabel  *label)
{
  return gtk_widget_get_visible (row) ? gtk_label_get_text (label) : NULL;
}

void
bjb_people_show_label (GtkLabel   *label,
                       const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

gboolean
bjb_people_select (GtkSingleSelection *selection,
                   const char         *property,
                   const char         *value)
{
  GListModel *items = G_LIST_MODEL (selection);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      g_autofree char *text = NULL;

      g_object_get (item, property, &text, NULL);
      if (g_strcmp0 (text, value) == 0)
        {
          gtk_single_selection_set_selected (selection, i);
          return TRUE;
        }
    }
  return FALSE;
}
