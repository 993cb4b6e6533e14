/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * BjbExportColumnType:
 * @BJB_EXPORT_TEXT: as the server wrote it
 * @BJB_EXPORT_INTEGER: a whole number (a count, a quantity)
 * @BJB_EXPORT_RUPIAH: whole rupiah (bigint): a number in CSV and XLSX, "Rp 1.250.000" in PDF
 * @BJB_EXPORT_PERCENT: a percentage as the server gives it (12.5 is 12,5 %)
 * @BJB_EXPORT_DATE: a date (YYYY-MM-DD from the server)
 * @BJB_EXPORT_TIMESTAMP: a timestamptz, shown in Jakarta time to the minute
 */
typedef enum
{
  BJB_EXPORT_TEXT,
  BJB_EXPORT_INTEGER,
  BJB_EXPORT_RUPIAH,
  BJB_EXPORT_PERCENT,
  BJB_EXPORT_DATE,
  BJB_EXPORT_TIMESTAMP,
} BjbExportColumnType;

typedef struct
{
  char *name;                 /* the result column it reads */
  char *heading;              /* what the header row says, in the UI's language */
  BjbExportColumnType type;
  guint width;                /* in characters, for XLSX column widths and PDF layout */
  gboolean total;             /* summed into the totals row (integer and rupiah columns) */
  GHashTable *labels;         /* (nullable): server value → what the file says ("paid" → "Dibayar") */
  gboolean printed;           /* in the PDF too (FALSE: spreadsheets only, for a page's width) */
} BjbExportColumn;

#define BJB_TYPE_EXPORT_SPEC (bjb_export_spec_get_type ())
G_DECLARE_FINAL_TYPE (BjbExportSpec, bjb_export_spec, BJB, EXPORT_SPEC, GObject)

/*
 * BjbExportSpec: what an export writes. A title (also the file's default name), one SQL
 * statement calling one bjb.* function with parameters $1.. (run through a server-side
 * cursor), the typed columns to write from its result, and the filters as lines the PDF
 * prints under the title. Built by a page from its current filters; immutable once handed
 * to bjb_export_job_new().
 */

/* @basename: the file name's stem, e.g. "transactions" (ASCII, no extension) */
BjbExportSpec         *bjb_export_spec_new         (const char          *basename,
                                                    const char          *title,
                                                    const char          *sql);
/* @value: (nullable): NULL is SQL NULL */
void                   bjb_export_spec_add_param   (BjbExportSpec       *self,
                                                    const char          *value);
void                   bjb_export_spec_add_column  (BjbExportSpec       *self,
                                                    const char          *name,
                                                    const char          *heading,
                                                    BjbExportColumnType  type,
                                                    guint                width,
                                                    gboolean             total);
/* @labels: (array zero-terminated=1): value, label, value, label, …: a text column whose
 * values are codes (a status) is written as their labels, in the UI's language */
void                   bjb_export_spec_set_labels  (BjbExportSpec       *self,
                                                    const char          *name,
                                                    const char *const   *labels);
/* Leaves column @name out of the PDF (an A4 page holds about 180 characters across). */
void                   bjb_export_spec_set_not_printed (BjbExportSpec   *self,
                                                        const char      *name);
/* A line under the title, e.g. "Status: Dibayar". */
void                   bjb_export_spec_add_filter  (BjbExportSpec       *self,
                                                    const char          *label,
                                                    const char          *value);

const char            *bjb_export_spec_get_title   (BjbExportSpec       *self);
const char            *bjb_export_spec_get_sql     (BjbExportSpec       *self);
guint                  bjb_export_spec_get_n_params (BjbExportSpec      *self);
/* (array length=n_params): NULL entries are SQL NULL */
const char *const     *bjb_export_spec_get_params  (BjbExportSpec       *self);
guint                  bjb_export_spec_get_n_columns (BjbExportSpec     *self);
const BjbExportColumn *bjb_export_spec_get_column  (BjbExportSpec       *self,
                                                    guint                index);
/* (transfer none): "label: value" lines */
const char *const     *bjb_export_spec_get_filters (BjbExportSpec       *self);
/* (transfer full): "<basename>-<YYYY-MM-DD>.<extension>", the Jakarta date of @now */
char                  *bjb_export_spec_dup_file_name (BjbExportSpec     *self,
                                                      GDateTime         *now,
                                                      const char        *extension);

G_END_DECLS
