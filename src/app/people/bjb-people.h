/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-form-fields.h"

G_BEGIN_DECLS

/* Registers the people library's templates (/id/barokahjaya/BackOffice/people/) and its
 * style sheet once; every widget class of the library calls it from its class_init. */
void bjb_people_ensure_resources (void);
/* Loads people.css for @widget's display (once). */
void bjb_people_ensure_style     (GtkWidget *widget);

/* The settings page's and the staff and discounts pages' names for the field plumbing all
 * edit forms share (bjb-form-fields.h). */
#define bjb_people_set_field_error bjb_form_mark_field
#define bjb_people_bind_fields     bjb_form_bind_rows
#define bjb_people_shown_error     bjb_form_shown_error

/* Shows @text in @label, or hides the label for NULL. */
void     bjb_people_show_label     (GtkLabel           *label,
                                    const char         *text);
/* Selects the first item of @selection whose string property @property is @value;
 * FALSE when there is none (what the pages' tests pick an account or a rule by). */
gboolean bjb_people_select         (GtkSingleSelection *selection,
                                    const char         *property,
                                    const char         *value);

G_END_DECLS
