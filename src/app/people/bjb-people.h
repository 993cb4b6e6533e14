/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the people library's templates (/id/barokahjaya/BackOffice/people/) and its
 * style sheet once; every widget class of the library calls it from its class_init. */
void bjb_people_ensure_resources (void);
/* Loads people.css for @widget's display (once). */
void bjb_people_ensure_style     (GtkWidget *widget);

/* Selects the first item of @selection whose string property @property is @value;
 * FALSE when there is none (what the pages' tests pick an account or a rule by). */
gboolean bjb_people_select         (GtkSingleSelection *selection,
                                    const char         *property,
                                    const char         *value);

G_END_DECLS
