/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "bjb-export-writer.h"

/*
 * A4 PDF with cairo and pango: the business header (nota settings), the title and the
 * filters on the first page, then the table with its header row repeated on every page,
 * "Page 1 of N" at the foot of each (N is known before the first page: the job counts the
 * rows first, and every row has the same height, one line, ellipsized), and the totals
 * after the last row. Landscape when the columns are too wide for portrait. Each page is
 * drawn and emitted as its rows arrive; nothing but the current row is kept.
 */

#define MARGIN      36.0     /* half an inch */
#define FOOTER      24.0
#define CELL_PAD    3.0
#define FONT_SIZE   7.5      /* points; smaller (down to MIN_FONT_SIZE) when the columns need it */
#define MIN_FONT_SIZE 5.5

typedef struct
{
  BjbExportWriter parent;
  cairo_surface_t *surface;
  cairo_t *cr;
  PangoLayout *layout;
  PangoFontDescription *font;
  PangoFontDescription *bold;
  double page_width;
  double page_height;
  double row_height;
  double *x;                   /* left edge of each column */
  double *w;                   /* width of each column */
  double y;
  guint page;
  guint n_pages;
  guint64 n_rows;
  guint64 rows_done;
  BjbExportHeader header;
  char *business_name;
  char *business_address;
  char *business_phone;
} PdfWriter;

static double
header_block_height (PdfWriter *self)
{
  const char *const *filters = bjb_export_spec_get_filters (self->parent.spec);

  /* name, address and phone, title, printed-at line, each filter, a gap */
  return 18.0 + 2 * 11.0 + 20.0 + 11.0 + g_strv_length ((char **) filters) * 11.0 + 8.0;
}

/* The texts of the header block, in points on paper. */
#define HEADER_FONT "Sans 8"

/* Rows that fit on a page below its table header. */
static guint
rows_on_page (PdfWriter *self,
              gboolean   first)
{
  double top = MARGIN + (first ? header_block_height (self) : 0.0) + self->row_height;
  double bottom = self->page_height - MARGIN - FOOTER;

  return (guint) MAX ((bottom - top) / self->row_height, 1.0);
}

/* The totals need two rows under the last one. */
static guint
count_pages (PdfWriter *self,
             guint64    n_rows)
{
  guint64 left = n_rows + 2;
  guint pages = 1;
  guint first = rows_on_page (self, TRUE);
  guint other = rows_on_page (self, FALSE);

  if (left <= first)
    return 1;
  left -= first;
  pages += (guint) ((left + other - 1) / other);
  return pages;
}

static void
text_at (PdfWriter                  *self,
         const char                 *text,
         const PangoFontDescription *font,
         double                      x,
         double                      y,
         double                      width,
         PangoAlignment              align)
{
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_alignment (self->layout, align);
  pango_layout_set_text (self->layout, text, -1);
  cairo_move_to (self->cr, x, y);
  pango_cairo_show_layout (self->cr, self->layout);
}

static gboolean
is_number (BjbExportColumnType type)
{
  return type == BJB_EXPORT_RUPIAH || type == BJB_EXPORT_INTEGER || type == BJB_EXPORT_PERCENT;
}

static void
draw_cells (PdfWriter                  *self,
            const char *const          *texts,
            const PangoFontDescription *font)
{
  guint n = bjb_export_spec_get_n_columns (self->parent.spec);

  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (self->parent.spec, i);

      if (texts[i] == NULL || !column->printed)
        continue;
      text_at (self, texts[i], font, self->x[i] + CELL_PAD, self->y + 2.0,
               self->w[i] - 2 * CELL_PAD,
               is_number (column->type) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
    }
  self->y += self->row_height;
}

static void
draw_table_header (PdfWriter *self)
{
  guint n = bjb_export_spec_get_n_columns (self->parent.spec);
  g_autofree const char **headings = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    headings[i] = bjb_export_spec_get_column (self->parent.spec, i)->heading;
  cairo_save (self->cr);
  cairo_set_source_rgb (self->cr, 0.90, 0.90, 0.90);
  cairo_rectangle (self->cr, MARGIN, self->y, self->page_width - 2 * MARGIN, self->row_height);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
  draw_cells (self, headings, self->bold);
}

static void
draw_footer (PdfWriter *self)
{
  /* Translators: the foot of every page of a PDF report */
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), self->page, self->n_pages);

  text_at (self, text, self->font, MARGIN, self->page_height - MARGIN - 10.0,
           self->page_width - 2 * MARGIN, PANGO_ALIGN_RIGHT);
  text_at (self, bjb_export_spec_get_title (self->parent.spec), self->font,
           MARGIN, self->page_height - MARGIN - 10.0, 0, PANGO_ALIGN_LEFT);
}

static void
start_page (PdfWriter *self)
{
  self->page++;
  self->y = MARGIN;
  cairo_set_source_rgb (self->cr, 0, 0, 0);
  if (self->page == 1)
    {
      g_autoptr(PangoFontDescription) big = pango_font_description_from_string ("Sans Bold 14");
      g_autoptr(PangoFontDescription) title = pango_font_description_from_string ("Sans Bold 12");
      g_autoptr(PangoFontDescription) small = pango_font_description_from_string (HEADER_FONT);
      g_autofree char *printed = g_date_time_format (self->header.printed_at, "%d-%m-%Y %H:%M");
      /* Translators: under a report's title; %s is a date and time */
      g_autofree char *printed_line = g_strdup_printf (_("Printed %s"), printed);
      const char *const *filters = bjb_export_spec_get_filters (self->parent.spec);

      text_at (self, self->business_name, big, MARGIN, self->y, 0, PANGO_ALIGN_LEFT);
      self->y += 18.0;
      text_at (self, self->business_address, small, MARGIN, self->y, 0, PANGO_ALIGN_LEFT);
      self->y += 11.0;
      text_at (self, self->business_phone, small, MARGIN, self->y, 0, PANGO_ALIGN_LEFT);
      self->y += 11.0;
      text_at (self, bjb_export_spec_get_title (self->parent.spec), title, MARGIN, self->y + 4.0,
               0, PANGO_ALIGN_LEFT);
      self->y += 20.0;
      text_at (self, printed_line, small, MARGIN, self->y, 0, PANGO_ALIGN_LEFT);
      self->y += 11.0;
      for (guint i = 0; filters[i] != NULL; i++, self->y += 11.0)
        text_at (self, filters[i], small, MARGIN, self->y, 0, PANGO_ALIGN_LEFT);
      self->y += 8.0;
    }
  draw_table_header (self);
}

static gboolean
surface_ok (PdfWriter  *self,
            GError    **error)
{
  cairo_status_t status = cairo_surface_status (self->surface);

  if (status == CAIRO_STATUS_SUCCESS && self->cr != NULL)
    status = cairo_status (self->cr);
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", self->parent.path,
                 cairo_status_to_string (status));
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", cairo_status_to_string (status));
  return FALSE;
}

static void
end_page (PdfWriter *self)
{
  draw_footer (self);
  cairo_show_page (self->cr);
}

static gboolean
pdf_row (BjbExportWriter    *writer,
         const char *const  *values,
         GError            **error)
{
  PdfWriter *self = (PdfWriter *) writer;
  guint n = bjb_export_spec_get_n_columns (writer->spec);
  g_auto(GStrv) texts = g_new0 (char *, n + 1);

  if (self->y + self->row_height > self->page_height - MARGIN - FOOTER)
    {
      end_page (self);
      start_page (self);
    }
  for (guint i = 0; i < n; i++)
    texts[i] = bjb_export_format_display (bjb_export_spec_get_column (writer->spec, i), values[i]);
  draw_cells (self, (const char *const *) texts, self->font);
  self->rows_done++;
  /* A cairo error (disk full) sticks to the surface: see it at once, not 900 pages later. */
  return (self->rows_done % 256) != 0 || surface_ok (self, error);
}

static gboolean
pdf_finish (BjbExportWriter  *writer,
            const gint64     *totals,
            guint64           n_rows,
            GError          **error)
{
  PdfWriter *self = (PdfWriter *) writer;
  guint n = bjb_export_spec_get_n_columns (writer->spec);
  g_auto(GStrv) texts = g_new0 (char *, n + 1);
  g_autofree char *count = NULL;
  g_autofree char *rows = g_strdup_printf ("%" G_GUINT64_FORMAT, n_rows);

  if (self->y + 2 * self->row_height > self->page_height - MARGIN - FOOTER)
    {
      end_page (self);
      start_page (self);
    }
  cairo_move_to (self->cr, MARGIN, self->y + 2.0);
  cairo_line_to (self->cr, self->page_width - MARGIN, self->y + 2.0);
  cairo_set_line_width (self->cr, 0.8);
  cairo_stroke (self->cr);
  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (writer->spec, i);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, totals[i]);

      if (column->total)
        texts[i] = bjb_export_format_display (column, number);
    }
  if (n > 0 && texts[0] == NULL)
    texts[0] = g_strdup (_("Total"));
  draw_cells (self, (const char *const *) texts, self->bold);
  /* Translators: under a report's totals; %s is the number of rows */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row", "%s rows", (gulong) n_rows), rows);
  text_at (self, count, self->font, MARGIN + CELL_PAD, self->y + 2.0, 0, PANGO_ALIGN_LEFT);
  end_page (self);
  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  return surface_ok (self, error);
}

static void
pdf_clear (BjbExportWriter *writer)
{
  PdfWriter *self = (PdfWriter *) writer;

  g_clear_object (&self->layout);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_pointer (&self->font, pango_font_description_free);
  g_clear_pointer (&self->bold, pango_font_description_free);
  g_clear_pointer (&self->header.printed_at, g_date_time_unref);
  g_free (self->x);
  g_free (self->w);
  g_free (self->business_name);
  g_free (self->business_address);
  g_free (self->business_phone);
}

static const BjbExportWriterFuncs pdf_funcs = { pdf_row, pdf_finish, pdf_clear };

/* The width of a digit at @size points, as the page's own layouts will measure it (a
 * layout on a cairo context, so the same resolution as the PDF's). */
static double
digit_width (double size)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72.0);
  pango_layout_context_changed (layout);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, "0123456789", -1);
  pango_layout_get_size (layout, &width, &height);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return (double) width / PANGO_SCALE / 10.0;
}

/* Portrait when the printed columns fit it at FONT_SIZE, else landscape; a smaller font
 * when they fit neither, so no column is cut below the characters it asked for. */
static void
measure_columns (PdfWriter *self,
                 guint      n)
{
  /* A column's characters are digit-wide: dashes, colons and spaces are narrower, which
   * leaves room for the bold totals. */
  double digit = digit_width (FONT_SIZE);
  double needed = 0, available, size = FONT_SIZE, x = MARGIN;

  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (self->parent.spec, i);

      if (column->printed)
        needed += column->width * digit + 2 * CELL_PAD;
    }
  self->page_width = needed > 595.28 - 2 * MARGIN ? 841.89 : 595.28;
  self->page_height = self->page_width > 600 ? 595.28 : 841.89;
  available = self->page_width - 2 * MARGIN;
  if (needed > available)
    size = MAX (FONT_SIZE * available / needed, MIN_FONT_SIZE);
  self->row_height = size * 1.9;
  self->font = pango_font_description_from_string ("Sans");
  pango_font_description_set_size (self->font, (int) (size * PANGO_SCALE));
  self->bold = pango_font_description_copy (self->font);
  pango_font_description_set_weight (self->bold, PANGO_WEIGHT_BOLD);

  self->x = g_new0 (double, MAX (n, 1));
  self->w = g_new0 (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (self->parent.spec, i);

      self->x[i] = x;
      /* Shares of the width available: the columns fill the page. */
      self->w[i] = column->printed ? (column->width * digit + 2 * CELL_PAD) * available / needed : 0;
      x += self->w[i];
    }
}

BjbExportWriter *
bjb_export_pdf_writer_new (BjbExportSpec          *spec,
                           const char             *path,
                           const BjbExportHeader  *header,
                           guint64                 n_rows,
                           GError                **error)
{
  g_autoptr(BjbExportWriter) writer = NULL;
  PdfWriter *self;
  guint n = bjb_export_spec_get_n_columns (spec);

  self = bjb_export_writer_alloc (sizeof (PdfWriter), &pdf_funcs, spec, path);
  writer = &self->parent;
  self->business_name = g_strdup (header->business_name != NULL ? header->business_name : "");
  self->business_address = g_strdup (header->business_address != NULL ? header->business_address : "");
  self->business_phone = g_strdup (header->business_phone != NULL ? header->business_phone : "");
  self->header.printed_at = g_date_time_ref (header->printed_at);
  self->n_rows = n_rows;

  measure_columns (self, n);
  self->surface = cairo_pdf_surface_create (path, self->page_width, self->page_height);
  if (!surface_ok (self, error))
    return NULL;
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE,
                                  bjb_export_spec_get_title (spec));
  self->cr = cairo_create (self->surface);
  self->layout = pango_cairo_create_layout (self->cr);
  /* Points are points: a 7.5 pt font is 7.5 pt on paper (pango-cairo assumes 96 dpi). */
  pango_cairo_context_set_resolution (pango_layout_get_context (self->layout), 72.0);
  pango_layout_context_changed (self->layout);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  self->n_pages = count_pages (self, n_rows);
  start_page (self);
  return g_steal_pointer (&writer);
}
