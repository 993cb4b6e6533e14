/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-best-sellers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-best-seller-export.h"
#include "bjb-best-seller.h"
#include "bjb-best-sellers-page.h"
#include "bjb-dashboard-format.h"
#include "bjb-date.h"
#include "bjb-export-button.h"
#include "bjb-money.h"
#include "bjb-page.h"
#include "bjb-widgets.h"

#define TOP_N 10

struct _BjbBestSellersPage
{
  BjbAnalyticsPage parent_instance;

  /* Template widgets */
  GtkToggleButton *by_qty_button;
  GtkToggleButton *by_revenue_button;
  BjbExportButton *export_button;
  GtkLabel        *total_label;
  GListStore      *products;
  GListStore      *categories;

  /* Owned */
  GDate          shown_from;        /* the range of the rows shown */
  GDate          shown_to;
  GDate          asked_from;        /* the range of the load in flight */
  GDate          asked_to;
};

G_DEFINE_FINAL_TYPE (BjbBestSellersPage, bjb_best_sellers_page, BJB_TYPE_ANALYTICS_PAGE)

void
bjb_period_range (BjbPeriod    preset,
                  const GDate *today,
                  GDate       *from,
                  GDate       *to)
{
  g_return_if_fail (today != NULL && g_date_valid (today));

  *to = *today;
  g_date_clear (from, 1);
  g_date_set_dmy (from, 1, g_date_get_month (today), g_date_get_year (today));
  switch (preset)
    {
    case BJB_PERIOD_LAST_MONTH:
      /* The whole of last month: from its first to its last day. */
      g_date_subtract_months (from, 1);
      *to = *from;
      g_date_add_months (to, 1);
      g_date_subtract_days (to, 1);
      break;
    case BJB_PERIOD_LAST_3_MONTHS:
      /* This month and the two before it. */
      g_date_subtract_months (from, 2);
      break;
    case BJB_PERIOD_THIS_YEAR:
      g_date_set_month (from, G_DATE_JANUARY);
      break;
    case BJB_PERIOD_THIS_MONTH:
    case BJB_PERIOD_CUSTOM:
    default:
      break;
    }
}

static gboolean
bjb_best_sellers_page_wanted_range (BjbAnalyticsPage *page,
                                    GDate            *from,
                                    GDate            *to)
{
  BjbPeriodBar *period_bar = bjb_analytics_page_get_period_bar (page);
  BjbPeriod preset = bjb_period_bar_get_preset (period_bar);
  GDate today;

  bjb_dashboard_today (&today);
  if (preset != BJB_PERIOD_CUSTOM)
    {
      bjb_period_range (preset, &today, from, to);
      return TRUE;
    }
  return bjb_period_bar_get_dates (period_bar, from, to, FALSE);
}

/* The period of the rows on screen, "1 Nov 2026 – 30 Nov 2026": above the table and in
 * an export of it. */
static char *
shown_range (BjbBestSellersPage *self)
{
  return g_strdup_printf ("%d %s %d – %d %s %d",
                          g_date_get_day (&self->shown_from),
                          bjb_month_short_name (g_date_get_month (&self->shown_from)),
                          g_date_get_year (&self->shown_from),
                          g_date_get_day (&self->shown_to),
                          bjb_month_short_name (g_date_get_month (&self->shown_to)),
                          g_date_get_year (&self->shown_to));
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbBestSellersPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) products = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GListStore) items = NULL;
  g_autofree char *total_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *range = NULL;
  gint64 total = 0;

  bjb_dashboard_ops_best_sellers_finish (result, &products, &categories, &total, &error);
  if (!bjb_analytics_page_take_answer (BJB_ANALYTICS_PAGE (self), error))
    return;
  self->shown_from = self->asked_from;
  self->shown_to = self->asked_to;

  /* One items-changed per list: the rows swap in place, never an empty table between. */
  items = g_list_store_new (BJB_TYPE_BEST_SELLER);
  g_list_store_splice (items, 0, 0, products->pdata, products->len);
  bjb_widgets_store_replace (self->products, G_LIST_MODEL (items));
  g_list_store_remove_all (items);
  g_list_store_splice (items, 0, 0, categories->pdata, categories->len);
  bjb_widgets_store_replace (self->categories, G_LIST_MODEL (items));

  total_text = bjb_money_format (total);
  /* Translators: above the best sellers, e.g. "Rp 12.500.000 sold, 1 Nov 2026 – 30 Nov 2026";
   * the second %s is the period */
  range = shown_range (self);
  label = g_strdup_printf (_("%s sold, %s"), total_text, range);
  gtk_label_set_text (self->total_label, label);
  bjb_analytics_page_set_status (BJB_ANALYTICS_PAGE (self),
                                 products->len == 0 ? _("Nothing was paid for in this period.") : "");
}

static void
bjb_best_sellers_page_load (BjbAnalyticsPage *page,
                            BjbConnection    *connection,
                            const GDate      *from,
                            const GDate      *to,
                            GCancellable     *cancellable)
{
  BjbBestSellersPage *self = BJB_BEST_SELLERS_PAGE (page);

  bjb_period_bar_show_dates (bjb_analytics_page_get_period_bar (page), from, to);
  self->asked_from = *from;
  self->asked_to = *to;
  bjb_dashboard_ops_best_sellers_async (connection, from, to,
                                        gtk_toggle_button_get_active (self->by_revenue_button)
                                          ? BJB_BEST_SELLERS_BY_REVENUE : BJB_BEST_SELLERS_BY_QTY,
                                        TOP_N, cancellable, on_loaded, self);
}

static void
on_by_toggled (BjbBestSellersPage *self,
               GtkToggleButton    *button)
{
  /* Two buttons of a group toggle at once: reload for the one that became active. */
  if (gtk_toggle_button_get_active (button))
    bjb_analytics_page_load (BJB_ANALYTICS_PAGE (self));
}

/* What the page shows, as a file: the period of the rows on screen, ranked as shown. */
static BjbExportSpec *
build_export_spec (gpointer user_data)
{
  BjbBestSellersPage *self = user_data;
  g_autofree char *period = NULL;
  BjbExportSpec *spec;

  if (!g_date_valid (&self->shown_from) || !g_date_valid (&self->shown_to))
    return NULL;
  spec = bjb_best_seller_export_spec (&self->shown_from, &self->shown_to,
                                      gtk_toggle_button_get_active (self->by_revenue_button)
                                        ? BJB_BEST_SELLERS_BY_REVENUE : BJB_BEST_SELLERS_BY_QTY);
  period = shown_range (self);
  bjb_export_spec_add_filter (spec, _("Period"), period);
  return spec;
}

/* Only money changing hands moves a best seller: a payment, a cancellation (a paid order
 * refunded) — not a new unpaid order or a stock change. */
static gboolean
bjb_best_sellers_page_wants_event (BjbAnalyticsPage *page,
                                   BjbEvent         *event)
{
  const char *kind = bjb_event_get_kind (event);

  return g_strcmp0 (kind, "payment_confirmed") == 0 || g_strcmp0 (kind, "order_cancelled") == 0;
}

static void
bjb_best_sellers_page_connection_changed (BjbAnalyticsPage *page,
                                          BjbConnection    *connection)
{
  bjb_export_button_set_connection (BJB_BEST_SELLERS_PAGE (page)->export_button, connection);
}

/* GObject */

static void
bjb_best_sellers_page_class_init (BjbBestSellersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BjbAnalyticsPageClass *page_class = BJB_ANALYTICS_PAGE_CLASS (klass);

  page_class->wanted_range = bjb_best_sellers_page_wanted_range;
  page_class->load = bjb_best_sellers_page_load;
  page_class->wants_event = bjb_best_sellers_page_wants_event;
  page_class->connection_changed = bjb_best_sellers_page_connection_changed;

  g_type_ensure (BJB_TYPE_BEST_SELLER);
  g_type_ensure (BJB_TYPE_EXPORT_BUTTON);
  bjb_dashboard_ensure_resources ();
  bjb_analytics_page_class_bind_template (widget_class,
                                          "/id/barokahjaya/BackOffice/dashboard/bjb-best-sellers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, by_qty_button);
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, by_revenue_button);
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, total_label);
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, products);
  gtk_widget_class_bind_template_child (widget_class, BjbBestSellersPage, categories);
  gtk_widget_class_bind_template_callback (widget_class, on_by_toggled);

  gtk_widget_class_install_action (widget_class, "best-sellers.refresh", NULL,
                                   bjb_page_refresh_action);
}

static void
bjb_best_sellers_page_init (BjbBestSellersPage *self)
{
  g_date_clear (&self->shown_from, 1);
  g_date_clear (&self->shown_to, 1);
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_export_button_set_spec_func (self->export_button, build_export_spec, self);
}

void
bjb_best_sellers_page_set_period (BjbBestSellersPage *self,
                                  BjbPeriod           preset,
                                  const char         *from,
                                  const char         *to)
{
  BjbPeriodBar *period_bar;

  g_return_if_fail (BJB_IS_BEST_SELLERS_PAGE (self));

  period_bar = bjb_analytics_page_get_period_bar (BJB_ANALYTICS_PAGE (self));
  if (preset == BJB_PERIOD_CUSTOM)
    bjb_period_bar_set (period_bar, preset, from != NULL ? from : "", to);
  else
    bjb_period_bar_set (period_bar, preset, NULL, NULL);
  bjb_analytics_page_load (BJB_ANALYTICS_PAGE (self));
}

void
bjb_best_sellers_page_set_by (BjbBestSellersPage *self,
                              BjbBestSellersBy    by)
{
  g_return_if_fail (BJB_IS_BEST_SELLERS_PAGE (self));

  /* As a click: the toggled handler of the button that becomes active reloads. */
  gtk_toggle_button_set_active (by == BJB_BEST_SELLERS_BY_REVENUE ? self->by_revenue_button
                                                                  : self->by_qty_button, TRUE);
}

GListModel *
bjb_best_sellers_page_get_products (BjbBestSellersPage *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->products);
}

GListModel *
bjb_best_sellers_page_get_categories (BjbBestSellersPage *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->categories);
}

BjbExportButton *
bjb_best_sellers_page_get_export_button (BjbBestSellersPage *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLERS_PAGE (self), NULL);

  return self->export_button;
}

const char *
bjb_best_sellers_page_get_total_text (BjbBestSellersPage *self)
{
  g_return_val_if_fail (BJB_IS_BEST_SELLERS_PAGE (self), NULL);
  return gtk_label_get_text (self->total_label);
}

char *
bjb_best_sellers_page_dup_range (BjbBestSellersPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (BJB_IS_BEST_SELLERS_PAGE (self), NULL);

  from = bjb_date_format_iso (&self->shown_from);
  to = bjb_date_format_iso (&self->shown_to);
  return g_strdup_printf ("%s..%s", from, to);
}
