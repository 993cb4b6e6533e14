/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bjb_terbilang        (gint64 number);
char *bjb_terbilang_rupiah (gint64 rupiah);

G_END_DECLS
