/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-export-spec.h"

G_BEGIN_DECLS

typedef enum
{
  BJB_EXPORT_FORMAT_CSV,
  BJB_EXPORT_FORMAT_XLSX,
  BJB_EXPORT_FORMAT_PDF,
} BjbExportFormat;

/* "csv", "xlsx", "pdf" */
const char *bjb_export_format_get_extension (BjbExportFormat format);

#define BJB_TYPE_EXPORT_JOB (bjb_export_job_get_type ())
G_DECLARE_FINAL_TYPE (BjbExportJob, bjb_export_job, BJB, EXPORT_JOB, GObject)

/*
 * BjbExportJob: writes one export file. In a GTask thread it opens a connection of its own
 * (the session's parameters: the same login and server), runs the spec's statement through
 * a server-side cursor in a read-only REPEATABLE READ transaction (one snapshot: the row
 * count, the rows and the totals agree), FETCHes 1000 rows at a time into the writer, and
 * renames a temporary file in the target's folder onto @path only when everything was
 * written: a cancelled or failed export leaves no file, a half-written one never replaces
 * an earlier good one.
 *
 * Properties (read-only, notified on the thread-default main context of the caller of
 * run_async): "rows-total" (guint64, known once the cursor is open), "rows-written".
 */

BjbExportJob *bjb_export_job_new              (BjbExportSpec    *spec,
                                               BjbExportFormat   format,
                                               const char       *path);
guint64       bjb_export_job_get_rows_total   (BjbExportJob     *self);
guint64       bjb_export_job_get_rows_written (BjbExportJob     *self);
const char   *bjb_export_job_get_path         (BjbExportJob     *self);

/* @connection: the session's (only its parameters are used; it is not touched by the
 * thread). Cancel @cancellable to stop: the running FETCH is cancelled on the server. */
void          bjb_export_job_run_async        (BjbExportJob        *self,
                                               BjbConnection       *connection,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* FALSE with @error: G_IO_ERROR_CANCELLED, a G_IO_ERROR of the file, a BjbDbError */
gboolean      bjb_export_job_run_finish       (BjbExportJob     *self,
                                               GAsyncResult     *result,
                                               GError          **error);

G_END_DECLS
