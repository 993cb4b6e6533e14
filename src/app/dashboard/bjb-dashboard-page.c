/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-dashboard-format.h"
#include "bjb-dashboard-ops.h"
#include "bjb-dashboard-page.h"
#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-page.h"

enum { RANGE_6_MONTHS, RANGE_12_MONTHS, RANGE_THIS_YEAR, RANGE_CUSTOM };

struct _BjbDashboardPage
{
  BjbAnalyticsPage parent_instance;

  /* Template widgets */
  GtkLabel        *figure_labels[BJB_DASHBOARD_N_FIGURES];
  BjbRevenueChart *chart;
  GtkLabel        *chart_caption;
  GtkListBox      *latest_list;
  GtkListBox      *low_stock_list;
  GtkLabel        *low_stock_caption;

  /* Owned */
  BjbDashboard  *dashboard;         /* the last answer shown */
};

G_DEFINE_FINAL_TYPE (BjbDashboardPage, bjb_dashboard_page, BJB_TYPE_ANALYTICS_PAGE)

enum {
  ORDER_ACTIVATED,
  PRODUCT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The range the chosen preset or the entries ask for; NULL dates are the server's
 * defaults. FALSE when the entries hold something that is not a date. */
static gboolean
bjb_dashboard_page_wanted_range (BjbAnalyticsPage *page,
                                 GDate            *from,
                                 GDate            *to)
{
  BjbPeriodBar *period_bar = bjb_analytics_page_get_period_bar (page);
  guint preset = bjb_period_bar_get_preset (period_bar);
  GDate today;

  bjb_dashboard_today (&today);
  switch (preset)
    {
    case RANGE_12_MONTHS:
      *to = today;
      g_date_set_dmy (from, 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_subtract_months (from, 11);
      return TRUE;
    case RANGE_THIS_YEAR:
      *to = today;
      g_date_set_dmy (from, 1, G_DATE_JANUARY, g_date_get_year (&today));
      return TRUE;
    case RANGE_CUSTOM:
      /* An empty end is today, as on the server; an empty start is its default. */
      return bjb_period_bar_get_dates (period_bar, from, to, TRUE);
    case RANGE_6_MONTHS:
    default:
      return TRUE;
    }
}

/* One row per item, reused across reloads: a refresh changes texts, never blanks the list. */
static AdwActionRow *
row_at (GtkListBox *list,
        guint       index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);
  GtkWidget *suffix;

  if (row != NULL)
    return ADW_ACTION_ROW (row);
  row = GTK_LIST_BOX_ROW (adw_action_row_new ());
  /* Names are text, not markup: "Toko Maju & Jaya" must show as typed. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_list_box_row_set_activatable (row, TRUE);
  suffix = gtk_label_new (NULL);
  gtk_widget_add_css_class (suffix, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  g_object_set_data (G_OBJECT (row), "bjb-suffix", suffix);
  gtk_list_box_append (list, GTK_WIDGET (row));
  return ADW_ACTION_ROW (row);
}

static void
trim_rows (GtkListBox *list,
           guint       n)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, n)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
fill_row (AdwActionRow *row,
          gint64        id,
          const char   *title,
          const char   *subtitle,
          const char   *suffix)
{
  g_object_set_data_full (G_OBJECT (row), "bjb-id", g_memdup2 (&id, sizeof id), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "bjb-suffix"), suffix);
}

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "bjb-id");

  return id != NULL ? *id : 0;
}

static void
show_figures (BjbDashboardPage *self,
              BjbDashboard     *dashboard)
{
  for (guint i = 0; i < BJB_DASHBOARD_N_FIGURES; i++)
    {
      gint64 value = bjb_dashboard_get_figure (dashboard, i);
      g_autofree char *text = NULL;

      if (i == BJB_DASHBOARD_REVENUE_TODAY || i == BJB_DASHBOARD_REVENUE_MONTH)
        text = bjb_money_format (value);
      else
        text = bjb_money_format_plain (value);
      gtk_label_set_text (self->figure_labels[i], text);
    }
  /* What someone has to act on stands out. */
  if (bjb_dashboard_get_figure (dashboard, BJB_DASHBOARD_AWAITING_CONFIRMATION) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->figure_labels[BJB_DASHBOARD_AWAITING_CONFIRMATION]), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figure_labels[BJB_DASHBOARD_AWAITING_CONFIRMATION]), "warning");
  if (bjb_dashboard_get_figure (dashboard, BJB_DASHBOARD_OVERDUE_UNPAID) > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->figure_labels[BJB_DASHBOARD_OVERDUE_UNPAID]), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->figure_labels[BJB_DASHBOARD_OVERDUE_UNPAID]), "error");
}

static void
show_lists (BjbDashboardPage *self,
            BjbDashboard     *dashboard)
{
  GPtrArray *orders = bjb_dashboard_get_latest_orders (dashboard);
  GPtrArray *low = bjb_dashboard_get_low_stock (dashboard);
  g_autofree char *threshold = bjb_money_format_plain (bjb_dashboard_get_low_stock_threshold (dashboard));
  g_autofree char *caption = NULL;

  for (guint i = 0; i < orders->len; i++)
    {
      BjbDashboardOrder *order = g_ptr_array_index (orders, i);
      g_autofree char *title = g_strdup_printf ("%s · %s", order->number, order->customer);
      /* As the desk's order list writes the same order's moment. */
      g_autofree char *when = bjb_order_format_time (order->placed_at);
      g_autofree char *subtitle = NULL;
      g_autofree char *total = bjb_money_format (order->total);

      subtitle = g_strdup_printf ("%s · %s", bjb_order_status_label (order->status), when);
      fill_row (row_at (self->latest_list, i), order->id, title, subtitle, total);
    }
  trim_rows (self->latest_list, orders->len);

  for (guint i = 0; i < low->len; i++)
    {
      BjbLowStock *product = g_ptr_array_index (low, i);
      g_autofree char *stock = bjb_money_format_plain (product->stock);
      g_autofree char *suffix = g_strdup_printf ("%s %s", stock, product->unit);

      fill_row (row_at (self->low_stock_list, i), product->id, product->name,
                product->stock == 0 ? _("Out of stock") : NULL, suffix);
    }
  trim_rows (self->low_stock_list, low->len);

  /* Translators: above the low-stock list; %s is the threshold setting */
  caption = g_strdup_printf (_("At or below %s"), threshold);
  gtk_label_set_text (self->low_stock_caption, caption);
}

static void
show_dashboard (BjbDashboardPage *self,
                BjbDashboard     *dashboard)
{
  guint n_months;
  const BjbRevenueMonth *months = bjb_dashboard_get_months (dashboard, &n_months);
  const GDate *from = bjb_dashboard_get_from (dashboard);
  const GDate *to = bjb_dashboard_get_to (dashboard);
  g_autofree char *caption = NULL;

  g_set_object (&self->dashboard, dashboard);
  show_figures (self, dashboard);
  bjb_revenue_chart_set_months (self->chart, months, n_months);
  /* Translators: the chart's range, e.g. "1 Jul 2026 – 1 Dec 2026" */
  caption = g_strdup_printf (_("%d %s %d – %d %s %d"),
                             g_date_get_day (from), bjb_month_short_name (g_date_get_month (from)),
                             g_date_get_year (from),
                             g_date_get_day (to), bjb_month_short_name (g_date_get_month (to)),
                             g_date_get_year (to));
  gtk_label_set_text (self->chart_caption, caption);
  show_lists (self, dashboard);

  /* A preset's range shows in the entries, ready to be edited into a custom one. */
  bjb_period_bar_show_dates (bjb_analytics_page_get_period_bar (BJB_ANALYTICS_PAGE (self)),
                             from, to);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbDashboardPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDashboard) dashboard = bjb_dashboard_ops_load_finish (result, &error);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  g_autofree char *text = NULL;

  if (!bjb_analytics_page_take_answer (BJB_ANALYTICS_PAGE (self), error))
    return;
  show_dashboard (self, dashboard);
  now = g_date_time_new_now_local ();
  /* Translators: a time of day, see g_date_time_format() */
  time = g_date_time_format (now, _("%H:%M"));
  text = g_strdup_printf (_("Updated at %s"), time);
  bjb_analytics_page_set_status (BJB_ANALYTICS_PAGE (self), text);
}

static void
bjb_dashboard_page_load (BjbAnalyticsPage *page,
                         BjbConnection    *connection,
                         const GDate      *from,
                         const GDate      *to,
                         GCancellable     *cancellable)
{
  bjb_dashboard_ops_load_async (connection, g_date_valid (from) ? from : NULL,
                                g_date_valid (to) ? to : NULL, cancellable, on_loaded, page);
}

static void
on_latest_activated (BjbDashboardPage *self,
                     GtkListBoxRow    *row)
{
  gint64 id = row_id (row);

  if (id <= 0)
    return;
  g_signal_emit (self, signals[ORDER_ACTIVATED], 0, id);
  /* Orders are opened at the customer-service desk, which admins may use too. */
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-order", "x", id);
}

static void
on_low_stock_activated (BjbDashboardPage *self,
                        GtkListBoxRow    *row)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);

  g_signal_emit (self, signals[PRODUCT_ACTIVATED], 0, row_id (row));
  if (stack != NULL && adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "stock") != NULL)
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "stock");
}

/* Orders placed, paid, shipped, cancelled or expired and stock changes all move a figure. */
static gboolean
bjb_dashboard_page_wants_event (BjbAnalyticsPage *page,
                                BjbEvent         *event)
{
  return bjb_event_get_order_id (event) > 0 || bjb_event_get_product_id (event) > 0;
}

/* GObject */

static void
bjb_dashboard_page_dispose (GObject *object)
{
  BjbDashboardPage *self = BJB_DASHBOARD_PAGE (object);

  g_clear_object (&self->dashboard);

  G_OBJECT_CLASS (bjb_dashboard_page_parent_class)->dispose (object);
}

static void
bjb_dashboard_page_class_init (BjbDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BjbAnalyticsPageClass *page_class = BJB_ANALYTICS_PAGE_CLASS (klass);

  object_class->dispose = bjb_dashboard_page_dispose;
  page_class->wanted_range = bjb_dashboard_page_wanted_range;
  page_class->load = bjb_dashboard_page_load;
  page_class->wants_event = bjb_dashboard_page_wants_event;

  signals[ORDER_ACTIVATED] = g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[PRODUCT_ACTIVATED] = g_signal_new ("product-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BJB_TYPE_REVENUE_CHART);
  bjb_dashboard_ensure_resources ();
  bjb_analytics_page_class_bind_template (widget_class,
                                          "/id/barokahjaya/BackOffice/dashboard/bjb-dashboard-page.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "revenue_today_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_REVENUE_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "revenue_month_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_REVENUE_MONTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "orders_today_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_ORDERS_TODAY]));
  gtk_widget_class_bind_template_child_full (widget_class, "orders_month_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_ORDERS_MONTH]));
  gtk_widget_class_bind_template_child_full (widget_class, "awaiting_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_AWAITING_CONFIRMATION]));
  gtk_widget_class_bind_template_child_full (widget_class, "overdue_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_OVERDUE_UNPAID]));
  gtk_widget_class_bind_template_child_full (widget_class, "deliveries_label", FALSE,
    G_STRUCT_OFFSET (BjbDashboardPage, figure_labels[BJB_DASHBOARD_DELIVERIES_UNDER_WAY]));
  gtk_widget_class_bind_template_child (widget_class, BjbDashboardPage, chart);
  gtk_widget_class_bind_template_child (widget_class, BjbDashboardPage, chart_caption);
  gtk_widget_class_bind_template_child (widget_class, BjbDashboardPage, latest_list);
  gtk_widget_class_bind_template_child (widget_class, BjbDashboardPage, low_stock_list);
  gtk_widget_class_bind_template_child (widget_class, BjbDashboardPage, low_stock_caption);
  gtk_widget_class_bind_template_callback (widget_class, on_latest_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_low_stock_activated);

  gtk_widget_class_install_action (widget_class, "dashboard.refresh", NULL,
                                   bjb_page_refresh_action);
}

static void
bjb_dashboard_page_init (BjbDashboardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BjbDashboard *
bjb_dashboard_page_get_dashboard (BjbDashboardPage *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD_PAGE (self), NULL);
  return self->dashboard;
}

const char *
bjb_dashboard_page_get_figure_text (BjbDashboardPage   *self,
                                    BjbDashboardFigure  figure)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD_PAGE (self), NULL);
  g_return_val_if_fail (figure < BJB_DASHBOARD_N_FIGURES, NULL);
  return gtk_label_get_text (self->figure_labels[figure]);
}

BjbRevenueChart *
bjb_dashboard_page_get_chart (BjbDashboardPage *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD_PAGE (self), NULL);
  return self->chart;
}

GtkListBox *
bjb_dashboard_page_get_latest_list (BjbDashboardPage *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD_PAGE (self), NULL);
  return self->latest_list;
}

GtkListBox *
bjb_dashboard_page_get_low_stock_list (BjbDashboardPage *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD_PAGE (self), NULL);
  return self->low_stock_list;
}

void
bjb_dashboard_page_set_range (BjbDashboardPage *self,
                              guint             preset,
                              const char       *from,
                              const char       *to)
{
  g_return_if_fail (BJB_IS_DASHBOARD_PAGE (self));

  /* Typed dates make the range custom, as Enter in an entry does. */
  bjb_period_bar_set (bjb_analytics_page_get_period_bar (BJB_ANALYTICS_PAGE (self)),
                      from != NULL || to != NULL ? RANGE_CUSTOM : preset, from, to);
  bjb_analytics_page_load (BJB_ANALYTICS_PAGE (self));
}
