/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-best-seller.h"
#include "bjb-ops-query.h"
#include "bjb-dashboard.h"

G_BEGIN_DECLS

/*
 * The admin's analytics reads (0010), each one round trip to a function that reads the
 * summary tables (never a scan of the orders). Admin only: anyone else gets BJB_DB_ERROR
 * permission errors. Dates are Jakarta calendar dates, both ends included.
 *
 * bjb_dashboard_ops_load_async: bjb.dashboard(@from, @to); a NULL @to is today, a NULL
 * @from the first day of the month five months before @to's.
 */
/* Returns: (transfer full) (nullable) */
BJB_OPS_DECLARE (BjbDashboard *, bjb_dashboard_ops_load, const GDate *from, const GDate *to);

typedef enum
{
  BJB_BEST_SELLERS_BY_QTY,
  BJB_BEST_SELLERS_BY_REVENUE,
} BjbBestSellersBy;

/*
 * bjb_dashboard_ops_best_sellers_async: the top @limit products of the period by @by
 * (bjb.best_sellers) and every category's subtotal over the whole period
 * (bjb.best_seller_categories), in one statement so both read the same snapshot.
 * A NULL @to is today, a NULL @from the first day of @to's month.
 */
BJB_OPS_ASYNC (bjb_dashboard_ops_best_sellers, const GDate *from, const GDate *to,
               BjbBestSellersBy by, guint limit);
/*
 * @out_products: (out) (transfer full) (element-type BjbBestSeller): ranked
 * @out_categories: (out) (transfer full) (element-type BjbBestSeller): by revenue
 * @out_total: (out) (optional): the period's revenue (every product, not only the top)
 */
BJB_OPS_FINISH (gboolean, bjb_dashboard_ops_best_sellers, GPtrArray **out_products,
                GPtrArray **out_categories, gint64 *out_total);

/* (transfer full) (nullable): "2026-07-01", the parameter form of a date; NULL for NULL */
char         *bjb_dashboard_ops_date_param          (const GDate          *date);

G_END_DECLS
