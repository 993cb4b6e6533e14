/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-admin-window"

#include "config.h"

#include "bjb-admin-window.h"
#include "bjb-best-sellers-page.h"
#include "bjb-dashboard-page.h"
#include "bjb-reports-page.h"
#include "bjb-discounts-page.h"
#include "bjb-settings-page.h"
#include "bjb-staff-page.h"
#include "bjb-audit-page.h"
#include "bjb-feedback-page.h"
#include "bjb-messages-page.h"
#include "bjb-products-page.h"
#include "bjb-stock-page.h"

/* The administrator's window: its pages (products, stock, discounts, staff, dashboard,
 * reports, audit) are in its template; everything around them is BjbRoleWindow's. */
struct _BjbAdminWindow
{
  BjbRoleWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbAdminWindow, bjb_admin_window, BJB_TYPE_ROLE_WINDOW)

static void
bjb_admin_window_class_init (BjbAdminWindowClass *klass)
{
  g_type_ensure (BJB_TYPE_DASHBOARD_PAGE);
  g_type_ensure (BJB_TYPE_BEST_SELLERS_PAGE);
  g_type_ensure (BJB_TYPE_DISCOUNTS_PAGE);
  g_type_ensure (BJB_TYPE_STAFF_PAGE);
  g_type_ensure (BJB_TYPE_SETTINGS_PAGE);
  g_type_ensure (BJB_TYPE_AUDIT_PAGE);
  g_type_ensure (BJB_TYPE_FEEDBACK_PAGE);
  g_type_ensure (BJB_TYPE_MESSAGES_PAGE);
  g_type_ensure (BJB_TYPE_REPORTS_PAGE);
  g_type_ensure (BJB_TYPE_PRODUCTS_PAGE);
  g_type_ensure (BJB_TYPE_STOCK_PAGE);
  bjb_role_window_class_set_template (BJB_ROLE_WINDOW_CLASS (klass),
                                      "/id/barokahjaya/BackOffice/ui/bjb-admin-window.ui",
                                      "admin-window");
}

static void
bjb_admin_window_init (BjbAdminWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
