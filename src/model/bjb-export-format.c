/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-format"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bjb-export-writer.h"
#include "bjb-money.h"

gpointer
bjb_export_writer_alloc (gsize                       size,
                         const BjbExportWriterFuncs *funcs,
                         BjbExportSpec              *spec,
                         const char                 *path)
{
  BjbExportWriter *self;

  g_return_val_if_fail (size >= sizeof (BjbExportWriter), NULL);

  self = g_malloc0 (size);
  self->funcs = funcs;
  self->spec = g_object_ref (spec);
  self->path = g_strdup (path);
  return self;
}

void
bjb_export_writer_free (BjbExportWriter *self)
{
  if (self == NULL)
    return;
  self->funcs->clear (self);
  g_clear_object (&self->spec);
  g_free (self->path);
  g_free (self);
}

/* Up to @width decimal digits at *p, at least one; advances *p past them. */
static gboolean
parse_digits (const char **p,
              int          width,
              int         *out)
{
  int n = 0, i;

  for (i = 0; i < width && g_ascii_isdigit ((*p)[i]); i++)
    n = n * 10 + ((*p)[i] - '0');
  *p += i;
  *out = n;
  return i > 0;
}

gboolean
bjb_export_parse_datetime (const char *value,
                           int        *year,
                           int        *month,
                           int        *day,
                           int        *hour,
                           int        *minute,
                           int        *second)
{
  /* "YYYY-MM-DD[ HH:MM:SS…]" as the session's DateStyle ISO writes it, read by hand: an
   * export parses two of these per row, and sscanf was a tenth of the XLSX writer's CPU. */
  const char *p = value;

  *hour = *minute = *second = 0;
  if (value == NULL || !parse_digits (&p, 4, year) || *p++ != '-'
      || !parse_digits (&p, 2, month) || *p++ != '-' || !parse_digits (&p, 2, day))
    return FALSE;
  if (*month < 1 || *month > 12 || *day < 1 || *day > 31)
    return FALSE;
  /* The time is optional, and so is each of its parts (as sscanf stopped at the first). */
  if (*p++ == ' ' && parse_digits (&p, 2, hour) && *p++ == ':' && parse_digits (&p, 2, minute)
      && *p++ == ':')
    parse_digits (&p, 2, second);
  return TRUE;
}

char *
bjb_export_format_plain (const BjbExportColumn *column,
                         const char            *value)
{
  if (value == NULL)
    return g_strdup ("");
  if (column->labels != NULL && g_hash_table_contains (column->labels, value))
    return g_strdup (g_hash_table_lookup (column->labels, value));
  /* The session runs in Asia/Jakarta with DateStyle ISO: "2026-12-01 14:30:05.12+07". */
  if (column->type == BJB_EXPORT_TIMESTAMP && strlen (value) >= 16)
    return g_strndup (value, 16);
  return g_strdup (value);
}

char *
bjb_export_format_display (const BjbExportColumn *column,
                           const char            *value)
{
  int y, m, d, hh, mm, ss;

  if (value == NULL)
    return g_strdup ("");
  if (column->labels != NULL && g_hash_table_contains (column->labels, value))
    return g_strdup (g_hash_table_lookup (column->labels, value));
  switch (column->type)
    {
    case BJB_EXPORT_RUPIAH:
      return bjb_money_format (g_ascii_strtoll (value, NULL, 10));
    case BJB_EXPORT_INTEGER:
      return bjb_money_format_plain (g_ascii_strtoll (value, NULL, 10));
    case BJB_EXPORT_PERCENT:
      {
        g_autofree char *number = g_strdup_printf ("%.1f", g_ascii_strtod (value, NULL));
        g_strdelimit (number, ".", ',');
        /* Translators: a percentage in a report, %s is the number ("12,5") */
        return g_strdup_printf (_("%s %%"), number);
      }
    case BJB_EXPORT_DATE:
      if (bjb_export_parse_datetime (value, &y, &m, &d, &hh, &mm, &ss))
        return g_strdup_printf ("%02d-%02d-%04d", d, m, y);
      return g_strdup (value);
    case BJB_EXPORT_TIMESTAMP:
      if (bjb_export_parse_datetime (value, &y, &m, &d, &hh, &mm, &ss))
        return g_strdup_printf ("%02d-%02d-%04d %02d:%02d", d, m, y, hh, mm);
      return g_strdup (value);
    case BJB_EXPORT_TEXT:
    default:
      return g_strdup (value);
    }
}

void
bjb_export_set_io_error (GError     **error,
                         int          saved_errno,
                         const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", display, g_strerror (saved_errno));
}
