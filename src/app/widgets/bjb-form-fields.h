/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The field plumbing of an edit form: a sentence under the field it is about (the field
 * marked as wrong, for the eye and for a screen reader), one at the top for the whole form,
 * and the sentence a refused save shows. The product, customer, staff and discount forms
 * and the settings page mark their fields through it.
 *
 * A form whose .ui names its fields "<name>_row" (the entry, for the first @n_entries
 * names), "<name>_error_row" and "<name>_error" describes them once,
 *
 *   static const BjbFormFields fields = {
 *     field_names, N_FIELDS, N_FIELDS,
 *     G_STRUCT_OFFSET (BjbStaffForm, rows), G_STRUCT_OFFSET (BjbStaffForm, error_rows),
 *     G_STRUCT_OFFSET (BjbStaffForm, error_labels), G_STRUCT_OFFSET (BjbStaffForm, form_error),
 *   };
 *
 * binds them with bjb_form_fields_bind() and names a field by its string everywhere else;
 * any name not in the list ("form") is the sentence at the top.
 */
typedef struct
{
  const char *const *names;
  guint n_fields;
  guint n_entries;           /* the first n_entries names have an entry */
  gsize rows_offset;         /* GtkWidget *[n_entries] */
  gsize error_rows_offset;   /* GtkWidget *[n_fields] */
  gsize error_labels_offset; /* GtkLabel *[n_fields] */
  gsize form_error_offset;   /* GtkLabel *: the sentence at the top */
} BjbFormFields;

/* Shows @sentence in @label, under a field, in its hidden @row (which may be the label
 * itself), or hides it for NULL; @field (nullable) is marked wrong meanwhile: the "error"
 * style class and the accessible invalid state. */
void         bjb_form_mark_field      (GtkWidget           *field,
                                       GtkWidget           *row,
                                       GtkLabel            *label,
                                       const char          *sentence);
/* The sentence @row shows (@label), or NULL while it is hidden. */
const char  *bjb_form_shown_error     (GtkWidget           *row,
                                       GtkLabel            *label);
/* Binds "<name>_row" (the first @n_with_rows names), "<name>_error_row" and "<name>_error"
 * of the template to the arrays of widget pointers at the three offsets. */
void         bjb_form_bind_rows       (GtkWidgetClass      *widget_class,
                                       const char *const   *names,
                                       guint                n_names,
                                       guint                n_with_rows,
                                       gsize                rows_offset,
                                       gsize                error_rows_offset,
                                       gsize                error_labels_offset);

/* Binds every field of @fields (the top sentence too, as "form_error"). */
void         bjb_form_fields_bind     (GtkWidgetClass      *widget_class,
                                       const BjbFormFields *fields);
/* The index of @field in @fields, or -1. */
int          bjb_form_fields_index    (const BjbFormFields *fields,
                                       const char          *field);
/* Shows @sentence under @field of the form @self, or at the top for a name not in the list;
 * hides it for NULL. */
void         bjb_form_fields_set_error (gpointer            self,
                                        const BjbFormFields *fields,
                                        const char          *field,
                                        const char          *sentence);
/* Hides every sentence, the top one too. */
void         bjb_form_fields_clear    (gpointer             self,
                                       const BjbFormFields *fields);
/* (transfer none): the entry of field @i (below n_entries) */
GtkEditable *bjb_form_fields_entry    (gpointer             self,
                                       const BjbFormFields *fields,
                                       guint                i);
/* (transfer none): the entry of @field, which must have one (the forms' get_field) */
GtkEditable *bjb_form_fields_lookup   (gpointer             self,
                                       const BjbFormFields *fields,
                                       const char          *field);
/* (nullable): the sentence shown under @field, or at the top for a name not in the list */
const char  *bjb_form_fields_get_error (gpointer            self,
                                        const BjbFormFields *fields,
                                        const char          *field);

/* Where a form with a widget per named field (not arrays) keeps the one for @field. */
typedef struct
{
  const char *field;
  gsize offset;              /* of the widget pointer in the instance struct */
} BjbFormPlace;

/* (transfer none) (nullable): the widget @places puts at @field in @self */
gpointer     bjb_form_place_lookup    (gpointer             self,
                                       const BjbFormPlace  *places,
                                       guint                n_places,
                                       const char          *field);

/* A save or load in flight: stores @busy in *@busy_field, spins @spinner (nullable) and
 * disables the actions named after it (a NULL-terminated list) on @form while it lasts. */
void         bjb_form_set_busy        (GtkWidget           *form,
                                       gboolean            *busy_field,
                                       gboolean             busy,
                                       GtkSpinner          *spinner,
                                       const char          *first_action,
                                       ...) G_GNUC_NULL_TERMINATED;

/* Gives a form's class the "cancelled" signal (no arguments: the user closed the form
 * without saving; the page that shows it hides it) and the action @action_name that emits
 * it, for the Cancel button and Escape. @put_back (nullable), a void (*) (the form), is the
 * signal's class handler: it puts the form back (nothing in flight, fields reset) before
 * the page hears of it. */
void         bjb_form_class_install_cancel (GtkWidgetClass *widget_class,
                                            const char     *action_name,
                                            GCallback       put_back);

/* (transfer full): what a form shows when the server refused or did not answer a save,
 * "Not saved: <the sentence of @error>", saying that nothing typed is lost when the
 * connection was the cause; @sentence (nullable) replaces the sentence of @error. */
char        *bjb_form_not_saved       (const GError        *error,
                                       const char          *sentence);

G_END_DECLS
