/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the people library's templates (/id/barokahjaya/BackOffice/people/) and its
 * style sheet once; every widget class of the library calls it from its class_init. */
void bjb_people_ensure_resources (void);
/* Loads people.css for @widget's display (once). */
void bjb_people_ensure_style     (GtkWidget *widget);

/* Shows @sentence under a field (@label in its hidden error row @row), or hides it for
 * NULL; @field gets the "error" style class while it is wrong. */
void bjb_people_set_field_error  (GtkWidget  *field,
                                  GtkWidget  *row,
                                  GtkLabel   *label,
                                  const char *sentence);

G_END_DECLS
