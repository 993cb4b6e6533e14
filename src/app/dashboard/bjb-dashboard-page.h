/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-analytics-page.h"
#include "bjb-dashboard.h"
#include "bjb-revenue-chart.h"

G_BEGIN_DECLS

#define BJB_TYPE_DASHBOARD_PAGE (bjb_dashboard_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbDashboardPage, bjb_dashboard_page, BJB, DASHBOARD_PAGE, BjbAnalyticsPage)

/*
 * BjbDashboardPage: the admin window's first page (bjb.dashboard, 0010). A
 * BjbAnalyticsPage: it reads through the session's connection, and every order, payment or
 * stock event reloads it (debounced), swapping the figures, bars and rows in place.
 *
 * Clicking one of the latest orders emits "order-activated" (gint64 id) and opens it at the
 * customer-service desk (`app.open-order`); clicking a product low on stock emits
 * "product-activated" (gint64 id) and shows the `stock` page of the enclosing view stack.
 *
 * Actions: dashboard.refresh.
 */

/* For tests: what the page shows. (transfer none) */
BjbDashboard    *bjb_dashboard_page_get_dashboard  (BjbDashboardPage *self);
const char      *bjb_dashboard_page_get_figure_text (BjbDashboardPage  *self,
                                                     BjbDashboardFigure figure);
BjbRevenueChart *bjb_dashboard_page_get_chart      (BjbDashboardPage *self);
GtkListBox      *bjb_dashboard_page_get_latest_list (BjbDashboardPage *self);
GtkListBox      *bjb_dashboard_page_get_low_stock_list (BjbDashboardPage *self);
/* Chooses a preset (0 last 6 months, 1 last 12, 2 this year) or, with from/to, a custom
 * range as the user types it ("2026-01-31"). */
void             bjb_dashboard_page_set_range      (BjbDashboardPage *self,
                                                    guint             preset,
                                                    const char       *from,
                                                    const char       *to);

G_END_DECLS
