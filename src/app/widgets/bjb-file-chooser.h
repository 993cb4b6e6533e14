/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The one file chooser a widget may have open: modal, over the widget's window, kept in a
 * GtkFileChooserNative * field of the widget (the slot) while it is open, so a second
 * click does not open a second one, and destroyed with the widget.
 */

/* What the user picked (never called on Cancel). */
typedef void (*BjbFileChosen) (gpointer  owner,
                               GFile    *file);

/* Opens the chooser, with @filter (nullable) as its only filter and @current_name
 * (nullable) as the name a save starts with; @chosen gets the file picked, with @owner.
 * FALSE (and nothing opens) while *@slot holds one. */
gboolean bjb_file_chooser_open  (GtkWidget              *owner,
                                 GtkFileChooserNative  **slot,
                                 const char             *title,
                                 GtkFileChooserAction    action,
                                 const char             *accept_label,
                                 GtkFileFilter          *filter,
                                 const char             *current_name,
                                 BjbFileChosen           chosen);

/* For the owner's dispose: closes the chooser in *@slot, if any, unanswered. */
void     bjb_file_chooser_close (GtkFileChooserNative  **slot);

G_END_DECLS
