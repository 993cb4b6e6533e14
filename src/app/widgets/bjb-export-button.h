/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-export.h"

G_BEGIN_DECLS

#define BJB_TYPE_EXPORT_BUTTON (bjb_export_button_get_type ())
G_DECLARE_FINAL_TYPE (BjbExportButton, bjb_export_button, BJB, EXPORT_BUTTON, AdwBin)

/* Builds the spec of what the page shows now (its current filters). (transfer full) */
typedef BjbExportSpec *(*BjbExportSpecFunc) (gpointer user_data);

/*
 * BjbExportButton: "Export" with a menu, CSV / Excel / PDF (actions export.csv,
 * export.xlsx, export.pdf). It asks its owner for a spec, offers a save dialog named
 * "<report>-<date>.<ext>", and runs the export with a progress window (rows written of the
 * total, Cancel); an error is said as a sentence in that window. Property "connection":
 * the session's (the export opens its own from it). Signal "finished" (const char *path,
 * gboolean ok) when an export ends (ok FALSE: failed or cancelled, no file written).
 */

void bjb_export_button_set_connection (BjbExportButton   *self,
                                       BjbConnection     *connection);
void bjb_export_button_set_spec_func  (BjbExportButton   *self,
                                       BjbExportSpecFunc  func,
                                       gpointer           user_data);
/* What the save dialog's "Save" does: exports to @path (for tests, without the dialog). */
void bjb_export_button_export_to      (BjbExportButton   *self,
                                       BjbExportFormat    format,
                                       const char        *path);
/* (transfer none) (nullable): the progress window of the running or last export */
GtkWindow *bjb_export_button_get_progress_window (BjbExportButton *self);
/* Cancels the running export (the Cancel button's action). */
void bjb_export_button_cancel         (BjbExportButton   *self);

G_END_DECLS
