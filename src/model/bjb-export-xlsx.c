/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-xlsx"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <xlsxwriter.h>

#include "bjb-export-writer.h"

/*
 * XLSX through libxlsxwriter in constant_memory mode: each row goes to a temporary file as
 * it is written (strings inline, no shared-string table held in memory), so 100 000 rows
 * cost what one row costs. Numbers are numbers (Rupiah with a "Rp" number format, percent
 * as a fraction with a % format, dates as Excel dates), the header row is bold and frozen,
 * columns have the spec's widths, and a bold totals row with SUM formulas closes the sheet.
 */

typedef struct
{
  BjbExportWriter parent;
  lxw_workbook *workbook;
  lxw_worksheet *sheet;
  lxw_format *bold;
  lxw_format *rupiah;
  lxw_format *rupiah_bold;
  lxw_format *integer;
  lxw_format *percent;
  lxw_format *date;
  lxw_format *timestamp;
  lxw_row_t row;
  lxw_error error;           /* the first write error */
} XlsxWriter;

static gboolean
check (XlsxWriter  *self,
       lxw_error    error,
       GError     **gerror)
{
  if (error == LXW_NO_ERROR)
    return TRUE;
  /* The ones that mean the disk (full, or not ours) carry errno; the rest are ours. */
  if (errno != 0 && (error == LXW_ERROR_CREATING_XLSX_FILE || error == LXW_ERROR_CREATING_TMPFILE
                     || error == LXW_ERROR_ZIP_FILE_OPERATION || error == LXW_ERROR_ZIP_CLOSE))
    bjb_export_set_io_error (gerror, errno, self->parent.path);
  else
    g_set_error (gerror, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", lxw_strerror (error));
  return FALSE;
}

static lxw_format *
format_for (XlsxWriter          *self,
            BjbExportColumnType  type)
{
  switch (type)
    {
    case BJB_EXPORT_RUPIAH: return self->rupiah;
    case BJB_EXPORT_INTEGER: return self->integer;
    case BJB_EXPORT_PERCENT: return self->percent;
    case BJB_EXPORT_DATE: return self->date;
    case BJB_EXPORT_TIMESTAMP: return self->timestamp;
    case BJB_EXPORT_TEXT:
    default: return NULL;
    }
}

static lxw_error
write_cell (XlsxWriter            *self,
            lxw_col_t              col,
            const BjbExportColumn *column,
            const char            *value)
{
  lxw_datetime when = { 0 };

  if (value == NULL)
    return worksheet_write_blank (self->sheet, self->row, col, NULL);
  if (column->labels != NULL && g_hash_table_contains (column->labels, value))
    return worksheet_write_string (self->sheet, self->row, col,
                                   g_hash_table_lookup (column->labels, value), NULL);
  switch (column->type)
    {
    case BJB_EXPORT_RUPIAH:
    case BJB_EXPORT_INTEGER:
      /* A double holds every rupiah amount a shop has exactly (up to 2^53). */
      return worksheet_write_number (self->sheet, self->row, col,
                                     (double) g_ascii_strtoll (value, NULL, 10),
                                     format_for (self, column->type));
    case BJB_EXPORT_PERCENT:
      return worksheet_write_number (self->sheet, self->row, col,
                                     g_ascii_strtod (value, NULL) / 100.0, self->percent);
    case BJB_EXPORT_DATE:
    case BJB_EXPORT_TIMESTAMP:
      {
        int hour, minute, second;

        if (bjb_export_parse_datetime (value, &when.year, &when.month, &when.day,
                                       &hour, &minute, &second))
          {
            if (column->type == BJB_EXPORT_TIMESTAMP)
              {
                when.hour = hour;
                when.min = minute;
                when.sec = second;
              }
            return worksheet_write_datetime (self->sheet, self->row, col, &when,
                                             format_for (self, column->type));
          }
      }
      G_GNUC_FALLTHROUGH;
    case BJB_EXPORT_TEXT:
    default:
      return worksheet_write_string (self->sheet, self->row, col, value, NULL);
    }
}

static gboolean
xlsx_row (BjbExportWriter    *writer,
          const char *const  *values,
          GError            **error)
{
  XlsxWriter *self = (XlsxWriter *) writer;
  guint n = bjb_export_spec_get_n_columns (writer->spec);

  if (self->row >= LXW_ROW_MAX - 2)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                           "more rows than a worksheet holds");
      return FALSE;
    }
  self->row++;
  for (guint i = 0; i < n; i++)
    if (!check (self, write_cell (self, i, bjb_export_spec_get_column (writer->spec, i), values[i]),
                error))
      return FALSE;
  return TRUE;
}

static gboolean
xlsx_finish (BjbExportWriter  *writer,
             const gint64     *totals,
             guint64           n_rows,
             GError          **error)
{
  XlsxWriter *self = (XlsxWriter *) writer;
  guint n = bjb_export_spec_get_n_columns (writer->spec);
  lxw_row_t last = self->row;
  lxw_workbook *workbook;

  self->row++;
  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (writer->spec, i);
      char range[64], formula[80];

      if (!column->total)
        continue;
      lxw_rowcol_to_range (range, 1, i, MAX (last, 1), i);
      g_snprintf (formula, sizeof formula, "=SUM(%s)", range);
      if (!check (self, worksheet_write_formula_num (self->sheet, self->row, i, formula,
                                                      column->type == BJB_EXPORT_RUPIAH
                                                      ? self->rupiah_bold : self->bold,
                                                      (double) totals[i]), error))
        return FALSE;
    }
  if (n > 0 && !bjb_export_spec_get_column (writer->spec, 0)->total
      && !check (self, worksheet_write_string (self->sheet, self->row, 0, _("Total"), self->bold),
                 error))
    return FALSE;

  workbook = g_steal_pointer (&self->workbook);
  errno = 0;
  return check (self, workbook_close (workbook), error);
}

static void
xlsx_clear (BjbExportWriter *writer)
{
  XlsxWriter *self = (XlsxWriter *) writer;

  /* Not finished (an error, a cancel): close what was started; the job deletes the file. */
  if (self->workbook != NULL)
    workbook_close (self->workbook);
}

static const BjbExportWriterFuncs xlsx_funcs = { xlsx_row, xlsx_finish, xlsx_clear };

static lxw_format *
new_format (lxw_workbook *workbook,
            const char   *number_format,
            gboolean      bold)
{
  lxw_format *format = workbook_add_format (workbook);

  if (number_format != NULL)
    format_set_num_format (format, number_format);
  if (bold)
    format_set_bold (format);
  return format;
}

BjbExportWriter *
bjb_export_xlsx_writer_new (BjbExportSpec  *spec,
                            const char     *path,
                            GError        **error)
{
  g_autoptr(BjbExportWriter) writer = NULL;
  g_autofree char *tmpdir = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir, .use_zip64 = LXW_TRUE };
  lxw_doc_properties properties = { 0 };
  XlsxWriter *self;
  guint n = bjb_export_spec_get_n_columns (spec);

  self = bjb_export_writer_alloc (sizeof (XlsxWriter), &xlsx_funcs, spec, path);
  writer = &self->parent;

  errno = 0;
  self->workbook = workbook_new_opt (path, &options);
  if (self->workbook == NULL)
    {
      bjb_export_set_io_error (error, errno != 0 ? errno : EIO, path);
      return NULL;
    }
  properties.title = (char *) bjb_export_spec_get_title (spec);
  properties.company = (char *) "UD. Barokah Jaya Beton";
  workbook_set_properties (self->workbook, &properties);
  self->sheet = workbook_add_worksheet (self->workbook, NULL);
  self->bold = new_format (self->workbook, NULL, TRUE);
  self->rupiah = new_format (self->workbook, "\"Rp\" #,##0", FALSE);
  self->rupiah_bold = new_format (self->workbook, "\"Rp\" #,##0", TRUE);
  self->integer = new_format (self->workbook, "#,##0", FALSE);
  self->percent = new_format (self->workbook, "0.0%", FALSE);
  self->date = new_format (self->workbook, "dd-mm-yyyy", FALSE);
  self->timestamp = new_format (self->workbook, "dd-mm-yyyy hh:mm", FALSE);

  for (guint i = 0; i < n; i++)
    {
      const BjbExportColumn *column = bjb_export_spec_get_column (spec, i);

      worksheet_set_column (self->sheet, i, i, column->width + 2, NULL);
      if (!check (self, worksheet_write_string (self->sheet, 0, i, column->heading, self->bold),
                  error))
        return NULL;
    }
  worksheet_freeze_panes (self->sheet, 1, 0);
  return g_steal_pointer (&writer);
}
