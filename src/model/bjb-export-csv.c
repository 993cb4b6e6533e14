/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-csv"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "bjb-export-writer.h"

/*
 * RFC 4180 CSV as Excel opens it: UTF-8 with a byte-order mark (without it Excel reads
 * ANSI and mangles "×" and names), commas, CRLF line ends, a field quoted when it holds a
 * comma, a quote or a line break. Numbers stay plain digits so a spreadsheet can sum them;
 * dates are ISO (every spreadsheet parses them). Data only: no totals row, so the file
 * sorts and pivots cleanly.
 */

typedef struct
{
  BjbExportWriter parent;
  FILE *file;
  GString *line;
} CsvWriter;

static void
append_field (GString    *line,
              const char *text)
{
  if (line->len > 0)
    g_string_append_c (line, ',');
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (line, text);
      return;
    }
  g_string_append_c (line, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

static gboolean
write_line (CsvWriter  *self,
            GError    **error)
{
  g_string_append (self->line, "\r\n");
  if (fwrite (self->line->str, 1, self->line->len, self->file) != self->line->len)
    {
      bjb_export_set_io_error (error, errno, self->parent.path);
      return FALSE;
    }
  g_string_truncate (self->line, 0);
  return TRUE;
}

static gboolean
csv_row (BjbExportWriter    *writer,
         const char *const  *values,
         GError            **error)
{
  CsvWriter *self = (CsvWriter *) writer;
  guint n = bjb_export_spec_get_n_columns (writer->spec);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = bjb_export_format_plain (bjb_export_spec_get_column (writer->spec, i),
                                                       values[i]);
      append_field (self->line, text);
    }
  return write_line (self, error);
}

static gboolean
csv_finish (BjbExportWriter  *writer,
            const gint64     *totals,
            guint64           n_rows,
            GError          **error)
{
  CsvWriter *self = (CsvWriter *) writer;
  FILE *file = g_steal_pointer (&self->file);

  if (fflush (file) != 0 || fsync (fileno (file)) != 0)
    {
      int saved = errno;
      fclose (file);
      bjb_export_set_io_error (error, saved, self->parent.path);
      return FALSE;
    }
  if (fclose (file) != 0)
    {
      bjb_export_set_io_error (error, errno, self->parent.path);
      return FALSE;
    }
  return TRUE;
}

static void
csv_clear (BjbExportWriter *writer)
{
  CsvWriter *self = (CsvWriter *) writer;

  if (self->file != NULL)
    fclose (self->file);
  g_string_free (self->line, TRUE);
}

static const BjbExportWriterFuncs csv_funcs = { csv_row, csv_finish, csv_clear };

BjbExportWriter *
bjb_export_csv_writer_new (BjbExportSpec  *spec,
                           const char     *path,
                           GError        **error)
{
  g_autoptr(BjbExportWriter) writer = NULL;
  CsvWriter *self;
  guint n = bjb_export_spec_get_n_columns (spec);

  self = bjb_export_writer_alloc (sizeof (CsvWriter), &csv_funcs, spec, path);
  writer = &self->parent;
  self->line = g_string_new (NULL);
  self->file = g_fopen (path, "wb");
  if (self->file == NULL || fwrite ("\xEF\xBB\xBF", 1, 3, self->file) != 3)
    {
      bjb_export_set_io_error (error, errno, path);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    append_field (self->line, bjb_export_spec_get_column (spec, i)->heading);
  if (!write_line (self, error))
    return NULL;
  return g_steal_pointer (&writer);
}
