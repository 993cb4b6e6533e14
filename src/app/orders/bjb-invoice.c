/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-invoice"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-invoice.h"
#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-terbilang.h"

struct _BjbInvoice
{
  GObject parent_instance;

  /* Owned */
  JsonObject *detail;
  JsonObject *business;
};

G_DEFINE_FINAL_TYPE (BjbInvoice, bjb_invoice, G_TYPE_OBJECT)

/* Lines per page after the header; the totals go on the last page. */
#define LINES_FIRST_PAGE 18
#define LINES_PER_PAGE   30

static void
bjb_invoice_finalize (GObject *object)
{
  BjbInvoice *self = BJB_INVOICE (object);

  g_clear_pointer (&self->detail, json_object_unref);
  g_clear_pointer (&self->business, json_object_unref);

  G_OBJECT_CLASS (bjb_invoice_parent_class)->finalize (object);
}

static void
bjb_invoice_class_init (BjbInvoiceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_invoice_finalize;
}

static void
bjb_invoice_init (BjbInvoice *self)
{
}

BjbInvoice *
bjb_invoice_new (JsonObject *detail,
                 JsonObject *business)
{
  BjbInvoice *self;

  g_return_val_if_fail (detail != NULL, NULL);

  self = g_object_new (BJB_TYPE_INVOICE, NULL);
  self->detail = json_object_ref (detail);
  self->business = business ? json_object_ref (business) : json_object_new ();
  return self;
}

static guint
n_lines (BjbInvoice *self)
{
  JsonArray *lines = bjb_json_array (self->detail, "lines");

  return lines ? json_array_get_length (lines) : 0;
}

static int
count_pages (BjbInvoice *self)
{
  guint n = n_lines (self);

  if (n <= LINES_FIRST_PAGE)
    return 1;
  return 1 + (int) ((n - LINES_FIRST_PAGE + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
}

/* Draws @text at (@x, *@y) in a column @width wide and moves *@y below it. */
static void
put (GtkPrintContext *context,
     cairo_t         *cr,
     const char      *text,
     const char      *font,
     double           x,
     double          *y,
     double           width,
     PangoAlignment   align,
     gboolean         advance)
{
  g_autoptr(PangoLayout) layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);
  int h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_move_to (cr, x, *y);
  pango_cairo_show_layout (cr, layout);
  pango_layout_get_size (layout, NULL, &h);
  if (advance)
    *y += (double) h / PANGO_SCALE;
}

static void
rule (cairo_t *cr,
      double   x,
      double   y,
      double   width)
{
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

static void
draw_header (BjbInvoice      *self,
             GtkPrintContext *context,
             cairo_t         *cr,
             double           width,
             double          *y)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  JsonObject *customer = bjb_json_object (self->detail, "customer");
  g_autoptr(GDateTime) placed = bjb_json_time (order, "placed_at");
  g_autofree char *placed_text = bjb_order_format_time (placed);
  g_autofree char *number = g_strdup_printf (_("Invoice %s"), bjb_json_string (order, "number"));
  g_autofree char *date = g_strdup_printf (_("Date: %s"), placed_text);
  g_autofree char *phone = g_strdup_printf (_("Phone: %s"),
                                            bjb_json_string (self->business, "business_phone"));
  g_autofree char *to = g_strdup_printf (_("Customer: %s"), bjb_json_string (customer, "name"));
  const char *delivery = bjb_json_string (order, "delivery");
  g_autofree char *where = NULL;
  double top = *y;
  double right_y = *y;

  put (context, cr, bjb_json_string (self->business, "business_name"), "Sans Bold 16", 0, y, width * 0.6,
       PANGO_ALIGN_LEFT, TRUE);
  put (context, cr, bjb_json_string (self->business, "business_address"), "Sans 9", 0, y, width * 0.6,
       PANGO_ALIGN_LEFT, TRUE);
  put (context, cr, phone, "Sans 9", 0, y, width * 0.6, PANGO_ALIGN_LEFT, TRUE);

  put (context, cr, _("INVOICE (NOTA)"), "Sans Bold 14", width * 0.6, &right_y, width * 0.4,
       PANGO_ALIGN_RIGHT, TRUE);
  put (context, cr, number, "Sans 9", width * 0.6, &right_y, width * 0.4, PANGO_ALIGN_RIGHT, TRUE);
  put (context, cr, date, "Sans 9", width * 0.6, &right_y, width * 0.4, PANGO_ALIGN_RIGHT, TRUE);
  *y = MAX (*y, right_y) + 8;
  (void) top;
  rule (cr, 0, *y, width);
  *y += 8;

  put (context, cr, to, "Sans Bold 10", 0, y, width, PANGO_ALIGN_LEFT, TRUE);
  if (g_strcmp0 (delivery, "delivery") == 0)
    where = g_strdup_printf (_("Delivery to: %s"), bjb_json_string (order, "address"));
  else
    where = g_strdup (_("Pickup at the depot"));
  put (context, cr, where, "Sans 9", 0, y, width, PANGO_ALIGN_LEFT, TRUE);
  *y += 10;
}

/* Column x positions as fractions of the width. */
static const double col_x[] = { 0.0, 0.44, 0.54, 0.70, 0.84 };
static const double col_w[] = { 0.43, 0.09, 0.15, 0.13, 0.16 };

static void
draw_row (GtkPrintContext *context,
          cairo_t         *cr,
          double           width,
          double          *y,
          const char      *font,
          const char      *cells[5])
{
  double row_y = *y;
  double max_y = *y;

  for (guint i = 0; i < 5; i++)
    {
      double cy = row_y;

      put (context, cr, cells[i], font, col_x[i] * width, &cy, col_w[i] * width,
           i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, TRUE);
      max_y = MAX (max_y, cy);
    }
  *y = max_y + 3;
}

/* Paid, shipped or completed: the money is in, and the nota must say so plainly. */
static gboolean
is_paid (JsonObject *order)
{
  const char *status = bjb_json_string (order, "status");

  return g_strcmp0 (status, "paid") == 0 || g_strcmp0 (status, "shipped") == 0 ||
         g_strcmp0 (status, "completed") == 0;
}

/* A framed PAID (LUNAS) stamp where the transfer details of an unpaid nota would be. */
static void
draw_paid_mark (GtkPrintContext *context,
                cairo_t         *cr,
                double           width,
                double          *y)
{
  double top = *y;
  double box_width = width * 0.3;
  double x = (width - box_width) / 2;

  *y += 6;
  put (context, cr, _("PAID"), "Sans Bold 22", x, y, box_width, PANGO_ALIGN_CENTER, TRUE);
  *y += 6;
  cairo_save (cr);
  cairo_set_line_width (cr, 2.0);
  cairo_rectangle (cr, x, top, box_width, *y - top);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_totals (BjbInvoice      *self,
             GtkPrintContext *context,
             cairo_t         *cr,
             double           width,
             double          *y)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  gint64 total = bjb_json_int (order, "total");
  struct { const char *label; gint64 amount; gboolean negative; } rows[] = {
    { _("Subtotal"), bjb_json_int (order, "subtotal"), FALSE },
    { _("Discount"), bjb_json_int (order, "discount_total"), TRUE },
    { _("Shipping"), bjb_json_int (order, "shipping_cost"), FALSE },
  };
  g_autofree char *total_text = bjb_money_format (total);
  g_autofree char *words = bjb_terbilang_rupiah (total);
  g_autofree char *words_line = g_strdup_printf (_("In words: %s"), words);
  JsonArray *banks = bjb_json_array (self->business, "bank_accounts");

  rule (cr, 0, *y, width);
  *y += 6;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *amount = bjb_money_format (rows[i].negative ? -rows[i].amount : rows[i].amount);
      double ly = *y;

      if (rows[i].negative && rows[i].amount == 0)
        continue;
      put (context, cr, rows[i].label, "Sans 10", width * 0.5, &ly, width * 0.3, PANGO_ALIGN_RIGHT, FALSE);
      put (context, cr, amount, "Sans 10", width * 0.8, y, width * 0.2, PANGO_ALIGN_RIGHT, TRUE);
    }
  {
    double ly = *y + 2;

    *y += 2;
    put (context, cr, _("Total"), "Sans Bold 12", width * 0.5, &ly, width * 0.3, PANGO_ALIGN_RIGHT, FALSE);
    put (context, cr, total_text, "Sans Bold 12", width * 0.8, y, width * 0.2, PANGO_ALIGN_RIGHT, TRUE);
  }
  *y += 8;
  put (context, cr, words_line, "Sans Italic 10", 0, y, width, PANGO_ALIGN_LEFT, TRUE);
  *y += 12;

  if (is_paid (order))
    draw_paid_mark (context, cr, width, y);
  else if (g_strcmp0 (bjb_json_string (order, "status"), "pending_payment") == 0 &&
           banks != NULL && json_array_get_length (banks) > 0)
    {
      put (context, cr, _("Pay by bank transfer to:"), "Sans Bold 9", 0, y, width, PANGO_ALIGN_LEFT, TRUE);
      for (guint i = 0; i < json_array_get_length (banks); i++)
        put (context, cr, json_array_get_string_element (banks, i), "Sans 9", 0, y, width,
             PANGO_ALIGN_LEFT, TRUE);
    }
  *y += 12;
  put (context, cr, _("Thank you for your order."), "Sans 9", 0, y, width, PANGO_ALIGN_CENTER, TRUE);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              BjbInvoice        *self)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  JsonArray *lines = bjb_json_array (self->detail, "lines");
  int pages = count_pages (self);
  guint first, last;
  double y = 0;
  const char *heading[5] = { _("Product"), _("Qty"), _("Unit price"), _("Discount"), _("Total") };

  cairo_set_source_rgb (cr, 0, 0, 0);
  if (page_nr == 0)
    {
      draw_header (self, context, cr, width, &y);
      first = 0;
      last = MIN (n_lines (self), LINES_FIRST_PAGE);
    }
  else
    {
      first = LINES_FIRST_PAGE + (guint) (page_nr - 1) * LINES_PER_PAGE;
      last = MIN (n_lines (self), first + LINES_PER_PAGE);
    }

  draw_row (context, cr, width, &y, "Sans Bold 9", heading);
  rule (cr, 0, y, width);
  y += 4;
  for (guint i = first; i < last; i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      g_autofree char *qty = g_strdup_printf ("%" G_GINT64_FORMAT " %s", bjb_json_int (line, "qty"),
                                              bjb_json_string (line, "unit") ?: "");
      g_autofree char *price = bjb_money_format (bjb_json_int (line, "unit_price"));
      g_autofree char *discount = bjb_json_int (line, "discount_amount") > 0
        ? bjb_money_format (-bjb_json_int (line, "discount_amount")) : g_strdup ("");
      g_autofree char *total = bjb_money_format (bjb_json_int (line, "total"));
      const char *reason = bjb_json_string (line, "reason");
      g_autofree char *percent = bjb_order_format_percent (bjb_json_int (line, "discount_percent"));
      g_autofree char *name = reason
        ? g_strdup_printf ("%s\n  %s %s", bjb_json_string (line, "name"), percent, reason)
        : g_strdup (bjb_json_string (line, "name"));
      const char *cells[5] = { name, qty, price, discount, total };

      draw_row (context, cr, width, &y, "Sans 9", cells);
    }

  if (page_nr == pages - 1)
    draw_totals (self, context, cr, width, &y);
}

GtkPrintOperation *
bjb_invoice_create_operation (BjbInvoice *self)
{
  GtkPrintOperation *operation;
  JsonObject *order;
  g_autofree char *job = NULL;

  g_return_val_if_fail (BJB_IS_INVOICE (self), NULL);

  order = bjb_json_object (self->detail, "order");
  job = g_strdup_printf (_("Invoice %s"), bjb_json_string (order, "number"));
  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, count_pages (self));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page), self, 0);
  return operation;
}

gboolean
bjb_invoice_export_pdf (BjbInvoice  *self,
                        const char  *filename,
                        GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (BJB_IS_INVOICE (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  operation = bjb_invoice_create_operation (self);
  gtk_print_operation_set_export_filename (operation, filename);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
