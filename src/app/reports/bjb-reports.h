/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the reports library's templates (/id/barokahjaya/BackOffice/reports/). */
void bjb_reports_ensure_resources (void);

/* An ISO date typed in @text ("2026-12-01"), or NULL when empty; *@valid is FALSE when
 * something is typed that is not a date. (transfer full) */
char *bjb_reports_parse_date (const char *text,
                              gboolean   *valid);

/* The date typed in @entry, read as bjb_reports_parse_date() reads it; the entry is marked
 * as an error while it holds something that is not a date. (transfer full) */
char *bjb_reports_entry_date (GtkEditable *entry,
                              gboolean    *valid);

G_END_DECLS
