/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-file-chooser"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-file-chooser.h"
#include "bjb-widgets.h"

typedef struct
{
  gpointer               owner;   /* alive while the chooser is: it closes it in dispose */
  GtkFileChooserNative **slot;
  BjbFileChosen          chosen;
} Pending;

static void
on_response (GtkNativeDialog *dialog,
             int              response,
             Pending         *pending)
{
  g_autoptr(GFile) file = NULL;
  gpointer owner = pending->owner;
  BjbFileChosen chosen = pending->chosen;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  /* May free the chooser and @pending with it: neither is used after. */
  g_clear_object (pending->slot);
  if (file != NULL)
    chosen (owner, file);
}

gboolean
bjb_file_chooser_open (GtkWidget              *owner,
                       GtkFileChooserNative  **slot,
                       const char             *title,
                       GtkFileChooserAction    action,
                       const char             *accept_label,
                       GtkFileFilter          *filter,
                       const char             *current_name,
                       BjbFileChosen           chosen)
{
  Pending *pending;

  g_return_val_if_fail (GTK_IS_WIDGET (owner), FALSE);
  g_return_val_if_fail (slot != NULL, FALSE);
  g_return_val_if_fail (chosen != NULL, FALSE);

  if (*slot != NULL)
    return FALSE;
  *slot = gtk_file_chooser_native_new (title, bjb_widgets_window_of (owner),
                                       action, accept_label, _("_Cancel"));
  if (filter != NULL)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (*slot), filter);
  if (current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (*slot), current_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (*slot), TRUE);
  pending = g_new (Pending, 1);
  pending->owner = owner;
  pending->slot = slot;
  pending->chosen = chosen;
  g_object_set_data_full (G_OBJECT (*slot), "bjb-file-chooser-pending", pending, g_free);
  g_signal_connect (*slot, "response", G_CALLBACK (on_response), pending);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (*slot));
  return TRUE;
}

void
bjb_file_chooser_close (GtkFileChooserNative **slot)
{
  g_return_if_fail (slot != NULL);

  if (*slot != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (*slot));
  g_clear_object (slot);
}
