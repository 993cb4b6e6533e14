/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One bar of the revenue chart: a calendar month (only its days inside the range count). */
typedef struct
{
  int    year;
  int    month;       /* 1–12 */
  gint64 revenue;     /* whole rupiah, orders paid that month */
  gint64 orders;      /* paid orders */
} BjbRevenueMonth;

/* One of the latest orders. */
typedef struct
{
  gint64     id;
  char      *number;
  char      *customer;
  char      *status;  /* a bjb.order_status value */
  gint64     total;
  GDateTime *placed_at;
} BjbDashboardOrder;

/* A product at or below the low-stock threshold. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *unit;
  gint64  stock;
} BjbLowStock;

#define BJB_TYPE_DASHBOARD (bjb_dashboard_get_type ())
G_DECLARE_FINAL_TYPE (BjbDashboard, bjb_dashboard, BJB, DASHBOARD, GObject)

/*
 * BjbDashboard: one answer of bjb.dashboard(from, to) (0010), immutable. Revenue counts
 * orders paid, shipped or completed on the Jakarta date of their payment; "orders" counts
 * every order placed.
 */

/* Returns: (transfer full) (nullable): NULL with @error set when @object is not a dashboard */
BjbDashboard *bjb_dashboard_new_from_json (JsonObject    *object,
                                           GError       **error);

typedef enum
{
  BJB_DASHBOARD_REVENUE_TODAY,
  BJB_DASHBOARD_REVENUE_MONTH,
  BJB_DASHBOARD_ORDERS_TODAY,
  BJB_DASHBOARD_ORDERS_MONTH,
  BJB_DASHBOARD_AWAITING_CONFIRMATION,
  BJB_DASHBOARD_OVERDUE_UNPAID,
  BJB_DASHBOARD_DELIVERIES_UNDER_WAY,
  BJB_DASHBOARD_N_FIGURES
} BjbDashboardFigure;

gint64                   bjb_dashboard_get_figure      (BjbDashboard       *self,
                                                        BjbDashboardFigure  figure);
/* (transfer none): the range the server used (its defaults filled in) */
const GDate             *bjb_dashboard_get_from        (BjbDashboard       *self);
const GDate             *bjb_dashboard_get_to          (BjbDashboard       *self);
gint64                   bjb_dashboard_get_low_stock_threshold (BjbDashboard *self);
/* (transfer none): months in order, every one of the range */
const BjbRevenueMonth   *bjb_dashboard_get_months      (BjbDashboard       *self,
                                                        guint              *n_months);
/* (transfer none) (element-type BjbDashboardOrder): newest first, at most 5 */
GPtrArray               *bjb_dashboard_get_latest_orders (BjbDashboard     *self);
/* (transfer none) (element-type BjbLowStock): emptiest first */
GPtrArray               *bjb_dashboard_get_low_stock   (BjbDashboard       *self);

G_END_DECLS
