/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BJB_TYPE_PERIOD_BAR (bjb_period_bar_get_type ())
G_DECLARE_FINAL_TYPE (BjbPeriodBar, bjb_period_bar, BJB, PERIOD_BAR, GtkBox)

/*
 * BjbPeriodBar: the period an analytics page shows, as the admin picks it: a drop-down of
 * presets (the page's own, "presets", a GtkStringList in its .ui; the last one is the custom
 * range) and the first and last day, shown and typed as DD-MM-YYYY. Choosing a preset, or
 * typing a date and pressing Enter (which makes the range custom), emits "changed"; the
 * page then reads the preset and the dates and loads. What the page writes into the bar
 * itself never emits "changed".
 *
 * Properties: "presets" (GListModel), "presets-tooltip" (the drop-down's tooltip).
 */

/* The preset chosen (an index into "presets"). */
guint    bjb_period_bar_get_preset (BjbPeriodBar *self);
/* TRUE when the chosen preset is the last one, the custom range. */
gboolean bjb_period_bar_is_custom  (BjbPeriodBar *self);
/* The typed days into @from and @to, an entry that holds no date marked as an error;
 * FALSE when either is not a date. An empty entry is @empty_ok (its date left cleared). */
gboolean bjb_period_bar_get_dates  (BjbPeriodBar *self,
                                    GDate        *from,
                                    GDate        *to,
                                    gboolean      empty_ok);
/* Shows the range loaded for a preset in the entries, ready to be edited into a custom one. */
void     bjb_period_bar_show_dates (BjbPeriodBar *self,
                                    const GDate  *from,
                                    const GDate  *to);
/* Chooses @preset and, when @from or @to is given, types them (NULL: empty), as the admin
 * would; emits nothing (the page loads itself). */
void     bjb_period_bar_set        (BjbPeriodBar *self,
                                    guint         preset,
                                    const char   *from,
                                    const char   *to);

G_END_DECLS
