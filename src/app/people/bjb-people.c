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
