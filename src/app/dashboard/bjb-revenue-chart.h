/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-dashboard.h"

G_BEGIN_DECLS

#define BJB_TYPE_REVENUE_CHART (bjb_revenue_chart_get_type ())
G_DECLARE_FINAL_TYPE (BjbRevenueChart, bjb_revenue_chart, BJB, REVENUE_CHART, GtkWidget)

/*
 * BjbRevenueChart: revenue per month as bars, drawn with GtkSnapshot. The axis is in
 * Rupiah with rb / jt / M, the bars take the accent colour and the text the widget's
 * colour (so dark mode and an accent change redraw it), and hovering a bar shows its
 * month, exact figure and paid orders as a tooltip. Setting new months swaps them in
 * place (no empty frame in between).
 */

void       bjb_revenue_chart_set_months      (BjbRevenueChart       *self,
                                              const BjbRevenueMonth *months,
                                              guint                  n_months);
guint      bjb_revenue_chart_get_n_bars      (BjbRevenueChart       *self);
/* The top of the axis (a round figure at or above the highest bar). */
gint64     bjb_revenue_chart_get_axis_max    (BjbRevenueChart       *self);
/* The bar whose column holds (@x, @y) in widget coordinates, or -1. */
int        bjb_revenue_chart_get_bar_at      (BjbRevenueChart       *self,
                                              double                 x,
                                              double                 y);
/* Where bar @index is drawn at the widget's current size; FALSE for no such bar. */
gboolean   bjb_revenue_chart_get_bar_bounds  (BjbRevenueChart       *self,
                                              guint                  index,
                                              graphene_rect_t       *bounds);
/* Returns: (transfer full) (nullable): the tooltip of bar @index ("July 2026\nRp …") */
char      *bjb_revenue_chart_dup_bar_tooltip (BjbRevenueChart       *self,
                                              guint                  index);

G_END_DECLS
