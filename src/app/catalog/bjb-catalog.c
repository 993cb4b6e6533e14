/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-catalog"

#include "config.h"

#include "bjb-catalog.h"
#include "bjb-catalog-resources.h"
#include "bjb-widgets.h"

void
bjb_catalog_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_catalog_register_resource);
}

void
bjb_catalog_ensure_style (GtkWidget *widget)
{
  bjb_widgets_add_style (widget, "/id/barokahjaya/BackOffice/catalog/catalog.css");
}
