/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-analytics-page.h"
#include "bjb-dashboard-ops.h"
#include "bjb-export-button.h"

G_BEGIN_DECLS

#define BJB_TYPE_BEST_SELLERS_PAGE (bjb_best_sellers_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbBestSellersPage, bjb_best_sellers_page, BJB, BEST_SELLERS_PAGE, BjbAnalyticsPage)

/*
 * BjbBestSellersPage: the admin's best sellers (bjb.best_sellers and
 * bjb.best_seller_categories, 0010): the top ten products of a period by quantity or by
 * revenue with their share of the period's revenue, and the subtotal of every category.
 * A BjbAnalyticsPage: a payment or cancellation event reloads it in place.
 *
 * The header's export button writes the period shown, ranked as shown, to CSV, XLSX or PDF.
 *
 * Actions: best-sellers.refresh.
 */

typedef enum
{
  BJB_PERIOD_THIS_MONTH,
  BJB_PERIOD_LAST_MONTH,
  BJB_PERIOD_LAST_3_MONTHS,
  BJB_PERIOD_THIS_YEAR,
  BJB_PERIOD_CUSTOM,
} BjbPeriod;

/* The period of @preset as of @today (both ends included), for the page and its tests. */
void        bjb_period_range                     (BjbPeriod           preset,
                                                  const GDate        *today,
                                                  GDate              *from,
                                                  GDate              *to);

/* As the user would choose them. @from/@to: "2026-01-31" (for BJB_PERIOD_CUSTOM). */
void        bjb_best_sellers_page_set_period     (BjbBestSellersPage *self,
                                                  BjbPeriod           preset,
                                                  const char         *from,
                                                  const char         *to);
void        bjb_best_sellers_page_set_by         (BjbBestSellersPage *self,
                                                  BjbBestSellersBy    by);

/* For tests and the window. (transfer none) */
GListModel *bjb_best_sellers_page_get_products   (BjbBestSellersPage *self);
GListModel *bjb_best_sellers_page_get_categories (BjbBestSellersPage *self);
BjbExportButton *bjb_best_sellers_page_get_export_button (BjbBestSellersPage *self);
const char *bjb_best_sellers_page_get_total_text (BjbBestSellersPage *self);
/* The range of the last answer shown ("2026-11-01"). */
char       *bjb_best_sellers_page_dup_range      (BjbBestSellersPage *self);

G_END_DECLS
