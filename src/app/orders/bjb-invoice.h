/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BJB_TYPE_INVOICE (bjb_invoice_get_type ())
G_DECLARE_FINAL_TYPE (BjbInvoice, bjb_invoice, BJB, INVOICE, GObject)

/**
 * bjb_invoice_new:
 * @detail: a bjb.order_detail() object
 * @business: {"business_name", "business_address", "business_phone", "bank_accounts"}
 *   from bjb.setting
 *
 * The printable invoice (nota): header, lines with discounts, shipping, total and the total
 * in words. Both objects are referenced.
 */
BjbInvoice        *bjb_invoice_new              (JsonObject  *detail,
                                                 JsonObject  *business);

/* Returns: (transfer full): a print operation that draws the invoice */
GtkPrintOperation *bjb_invoice_create_operation (BjbInvoice  *self);

/* Renders straight to a PDF file, without a dialog (headless; tests, "save as PDF"). */
gboolean           bjb_invoice_export_pdf       (BjbInvoice  *self,
                                                 const char  *filename,
                                                 GError     **error);

G_END_DECLS
