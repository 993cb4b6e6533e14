/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the program's catalogues are: the build tree's own when it runs from there (the
 * demo, a developer), else the install prefix's. (transfer none) */
const char *bjb_locale_dir        (void);

/* Dates and month names in the language the UI speaks (as the catalogue in use says), so
 * an English UI on an Indonesian desktop shows "August", an Indonesian one "Agustus":
 * never a mix. Call after textdomain(). */
void        bjb_locale_follow_ui  (void);

G_END_DECLS
