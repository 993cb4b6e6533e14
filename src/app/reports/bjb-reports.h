/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Registers the reports library's templates (/id/barokahjaya/BackOffice/reports/). */
void bjb_reports_ensure_resources (void);

G_END_DECLS
