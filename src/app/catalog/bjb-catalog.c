/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-catalog"

#include "config.h"

#include "bjb-catalog.h"
#include "bjb-catalog-resources.h"

void
bjb_catalog_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      bjb_catalog_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

void
bjb_catalog_ensure_style (GtkWidget *widget)
{
  static GtkCssProvider *provider = NULL;

  if (provider != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/id/barokahjaya/BackOffice/catalog/catalog.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
bjb_catalog_set_error_label (GtkLabel   *label,
                             const char *message)
{
  gboolean shown = message != NULL && *message != '\0';

  gtk_label_set_label (label, shown ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}
