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
