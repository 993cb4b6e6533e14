/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include "bjb-file-chooser.h"
#include "bjb-invoice.h"
#include "bjb-order-detail-private.h"
#include "bjb-order-format.h"
#include "bjb-widgets.h"

/* The nota of the loaded order: printed through the print dialog (which also offers
 * "Print to File") or saved straight to a PDF. */

static BjbInvoice *
create_invoice (BjbOrderDetail *self)
{
  if (self->detail == NULL)
    return NULL;
  return bjb_invoice_new (self->detail, self->business);
}

gboolean
bjb_order_detail_export_invoice (BjbOrderDetail  *self,
                                 const char      *filename,
                                 GError         **error)
{
  g_autoptr(BjbInvoice) invoice = NULL;

  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), FALSE);

  invoice = create_invoice (self);
  if (invoice == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No order is loaded."));
      return FALSE;
    }
  return bjb_invoice_export_pdf (invoice, filename, error);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_ORDER, error);
      else
        _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ORDER, _("Printing failed."), TRUE);
    }
  g_object_unref (operation);
}

static void
action_print_invoice (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autoptr(BjbInvoice) invoice = create_invoice (self);
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;

  if (invoice == NULL)
    return;
  operation = bjb_invoice_create_operation (invoice);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  /* "done" drops the reference. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               bjb_widgets_window_of (widget),
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_ORDER, error);
}

static void
on_save_chosen (gpointer  owner,
                GFile    *file)
{
  BjbOrderDetail *self = owner;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ORDER,
                            _("The invoice could not be saved there."), TRUE);
  else if (!bjb_order_detail_export_invoice (self, path, &error))
    _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_ORDER, error);
  else
    _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ORDER, _("Invoice saved."), FALSE);
}

static void
action_save_invoice (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  name = g_strdup_printf ("%s.pdf", bjb_json_string (bjb_json_object (self->detail, "order"), "number"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  bjb_file_chooser_open (widget, &self->chooser, _("Save the Invoice as PDF"),
                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), filter, name, on_save_chosen);
}

void
_bjb_order_detail_dispose_print (BjbOrderDetail *self)
{
  bjb_file_chooser_close (&self->chooser);
}

void
_bjb_order_detail_class_init_print (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "order.print-invoice", NULL, action_print_invoice);
  gtk_widget_class_install_action (widget_class, "order.save-invoice", NULL, action_save_invoice);
}
