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

/* A form's fields as its .ui names them: "<name>_row" (the field, for the first
 * @n_with_rows names), "<name>_error_row", "<name>_error"; bound to the arrays of widget
 * pointers at the three offsets of the instance struct. */
void bjb_people_bind_fields      (GtkWidgetClass     *widget_class,
                                  const char *const  *names,
                                  guint               n_names,
                                  guint               n_with_rows,
                                  gsize               rows_offset,
                                  gsize               error_rows_offset,
                                  gsize               error_labels_offset);
/* The index of @field in @names, or -1. */
int  bjb_people_field_index      (const char *const  *names,
                                  guint               n_names,
                                  const char         *field);
/* The sentence @row shows (@label), or NULL while it is hidden. */
const char *bjb_people_shown_error (GtkWidget *row,
                                    GtkLabel  *label);
/* Shows @text in @label, or hides the label for NULL. */
void     bjb_people_show_label     (GtkLabel           *label,
                                    const char         *text);
/* Selects the first item of @selection whose string property @property is @value;
 * FALSE when there is none (what the pages' tests pick an account or a rule by). */
gboolean bjb_people_select         (GtkSingleSelection *selection,
                                    const char         *property,
                                    const char         *value);

G_END_DECLS
