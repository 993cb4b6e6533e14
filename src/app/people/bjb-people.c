/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-people"

#include "config.h"

#include "bjb-people.h"
#include "bjb-people-resources.h"

void
bjb_people_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      bjb_people_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

void
bjb_people_ensure_style (GtkWidget *widget)
{
  static GtkCssProvider *provider = NULL;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/id/barokahjaya/BackOffice/people/people.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
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
