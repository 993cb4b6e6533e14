/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the catalog library's GResource (its templates and catalog.css) once. */
void bjb_catalog_ensure_resources (void);
/* Loads catalog.css for @widget's display once (the low-stock highlight, field errors). */
void bjb_catalog_ensure_style     (GtkWidget *widget);

G_END_DECLS
