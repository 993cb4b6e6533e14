/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-export-spec.h"

G_BEGIN_DECLS

/*
 * The three file writers behind BjbExportJob (bjb-export.c), private to it and to the
 * tests. A writer gets the rows one at a time, in order, as the server's text (NULL is
 * SQL NULL), one value per column of the spec; it keeps nothing of a row once written, so
 * memory stays flat however many rows come. @path is the temporary file the job renames.
 */

typedef struct _BjbExportWriter BjbExportWriter;

/* What the PDF prints above the title: the nota settings (bjb.nota_header()). */
typedef struct
{
  const char *business_name;
  const char *business_address;
  const char *business_phone;
  GDateTime *printed_at;
} BjbExportHeader;

/* What a kind of file does with the rows. */
typedef struct
{
  gboolean (*row)    (BjbExportWriter    *self,
                      const char *const  *values,
                      GError            **error);
  /* @totals: one per column, the sum of the total columns (0 for the others) */
  gboolean (*finish) (BjbExportWriter    *self,
                      const gint64       *totals,
                      guint64             n_rows,
                      GError            **error);
  /* Frees what the writer holds besides the base's spec and path (not the struct). */
  void     (*clear)  (BjbExportWriter    *self);
} BjbExportWriterFuncs;

struct _BjbExportWriter
{
  const BjbExportWriterFuncs *funcs;
  BjbExportSpec              *spec;      /* owned */
  char                       *path;      /* owned */
};

BjbExportWriter *bjb_export_csv_writer_new  (BjbExportSpec          *spec,
                                             const char             *path,
                                             GError                **error);
BjbExportWriter *bjb_export_xlsx_writer_new (BjbExportSpec          *spec,
                                             const char             *path,
                                             GError                **error);
/* @n_rows: how many rows will come (the page count is printed on every page) */
BjbExportWriter *bjb_export_pdf_writer_new  (BjbExportSpec          *spec,
                                             const char             *path,
                                             const BjbExportHeader  *header,
                                             guint64                 n_rows,
                                             GError                **error);
/* For a writer's _new: @size zeroed bytes, the writer's struct, which starts with a
 * BjbExportWriter holding @funcs, @spec and @path. (transfer full) */
gpointer         bjb_export_writer_alloc    (gsize                   size,
                                             const BjbExportWriterFuncs *funcs,
                                             BjbExportSpec          *spec,
                                             const char             *path);
void             bjb_export_writer_free     (BjbExportWriter        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbExportWriter, bjb_export_writer_free)

/* Values as people read them (the PDF): "Rp 1.250.000", "12,5 %", "01-12-2026",
 * "01-12-2026 14:30". (transfer full) */
char            *bjb_export_format_display  (const BjbExportColumn  *column,
                                             const char             *value);
/* A timestamptz in the export session's time zone (Jakarta) to the minute,
 * "YYYY-MM-DD HH:MM"; a date as it is. (transfer full) */
char            *bjb_export_format_plain    (const BjbExportColumn  *column,
                                             const char             *value);
/* Parses "YYYY-MM-DD[ HH:MM[:SS]]" into its fields; FALSE when it is not one. */
gboolean         bjb_export_parse_datetime  (const char             *value,
                                             int                    *year,
                                             int                    *month,
                                             int                    *day,
                                             int                    *hour,
                                             int                    *minute,
                                             int                    *second);
/* A GError in G_IO_ERROR for the errno of a failed write (ENOSPC: "no space"). */
void             bjb_export_set_io_error    (GError                **error,
                                             int                     saved_errno,
                                             const char             *path);

G_END_DECLS
