/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shared by the analytics pages: how figures and periods read. */

/* Registers the templates and style of this library (once; from each class_init). */
void        bjb_dashboard_ensure_resources     (void);

/*
 * bjb_rupiah_short:
 * An axis label: "0", "750", "500 rb", "1,5 jt", "2 M" (ribu, juta, miliar; one decimal at
 * most, with a comma). Rupiah read the Indonesian way in both languages, as
 * bjb_money_format() does. Returns: (transfer full)
 */
char       *bjb_rupiah_short                   (gint64       rupiah);

/* (transfer none): translated "Jan" … "Dec" / "January" … "December" for @month 1–12 */
const char *bjb_month_short_name               (int          month);
const char *bjb_month_name                     (int          month);

/* Today's date in Asia/Jakarta, the business's calendar (into @date). */
void        bjb_dashboard_today                (GDate       *date);

G_END_DECLS
