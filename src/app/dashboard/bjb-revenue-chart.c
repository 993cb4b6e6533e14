/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-revenue-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-dashboard-format.h"
#include "bjb-money.h"
#include "bjb-revenue-chart.h"

#define N_TICKS 4
#define PAD 8.0
#define LABEL_GAP 6.0
#define MAX_BAR_WIDTH 72.0

struct _BjbRevenueChart
{
  GtkWidget parent_instance;

  GArray *months;      /* BjbRevenueMonth */
  gint64  axis_max;
  int     hover;       /* bar under the pointer, -1 for none */
};

G_DEFINE_FINAL_TYPE (BjbRevenueChart, bjb_revenue_chart, GTK_TYPE_WIDGET)

/* Where things go at one size; computed the same way for drawing and for hit tests. */
typedef struct
{
  graphene_rect_t plot;  /* the area of the bars, above the month labels */
  double          slot;  /* width of one month's column */
  double          bar;   /* width of a bar inside it */
} Layout;

/* N_TICKS round steps (1, 2, 2.5 or 5 × 10^k rupiah) that reach @max. */
static gint64
axis_max_for (gint64 max)
{
  /* Steps in tenths of the magnitude: 2.5 is only whole from 10 up. */
  static const gint64 tenths[] = { 10, 20, 25, 50 };
  gint64 raw;

  if (max <= 0)
    return 1000000;             /* an empty chart still reads as money: 0 … 1 jt */
  raw = (max + N_TICKS - 1) / N_TICKS;
  for (gint64 mag = 1; mag <= G_MAXINT64 / 100; mag *= 10)
    for (guint i = 0; i < G_N_ELEMENTS (tenths); i++)
      {
        gint64 step = mag * tenths[i] / 10;

        if (mag * tenths[i] % 10 == 0 && step >= raw)
          return step * N_TICKS;
      }
  return max;
}

static PangoLayout *
make_layout (BjbRevenueChart *self,
             const char      *text,
             int             *width,
             int             *height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_get_pixel_size (layout, width, height);
  return layout;
}

static void
compute_layout (BjbRevenueChart *self,
                Layout          *layout)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  int label_w = 0, label_h = 0;

  /* The widest axis label is the top one or "0". */
  for (int k = 0; k <= N_TICKS; k++)
    {
      g_autofree char *text = bjb_rupiah_short (self->axis_max / N_TICKS * k);
      g_autoptr(PangoLayout) pl = NULL;
      int w, h;

      pl = make_layout (self, text, &w, &h);
      label_w = MAX (label_w, w);
      label_h = MAX (label_h, h);
    }
  layout->plot.origin.x = PAD + label_w + LABEL_GAP;
  layout->plot.origin.y = PAD + label_h / 2.0;
  layout->plot.size.width = MAX (width - layout->plot.origin.x - PAD, 1);
  layout->plot.size.height = MAX (height - layout->plot.origin.y - PAD - LABEL_GAP - label_h, 1);
  layout->slot = self->months->len > 0 ? layout->plot.size.width / self->months->len : 0;
  layout->bar = MIN (layout->slot * 0.62, MAX_BAR_WIDTH);
}

static void
bar_rect (BjbRevenueChart *self,
          const Layout    *layout,
          guint            index,
          graphene_rect_t *rect)
{
  const BjbRevenueMonth *month = &g_array_index (self->months, BjbRevenueMonth, index);
  double fraction = self->axis_max > 0 ? CLAMP ((double) month->revenue / self->axis_max, 0, 1) : 0;
  double h = layout->plot.size.height * fraction;

  graphene_rect_init (rect,
                      layout->plot.origin.x + layout->slot * index + (layout->slot - layout->bar) / 2,
                      layout->plot.origin.y + layout->plot.size.height - h,
                      layout->bar, h);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
bjb_revenue_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  BjbRevenueChart *self = BJB_REVENUE_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg, dim, grid, accent, bar_color;
  Layout layout;
  guint every = 1;
  double label_room = 0;

  /* The theme's colours, looked up at every draw: dark mode and the accent follow. */
  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
  dim = fg;
  dim.alpha *= 0.7;
  grid = fg;
  grid.alpha *= 0.12;

  compute_layout (self, &layout);

  for (int k = 0; k <= N_TICKS; k++)
    {
      double y = layout.plot.origin.y + layout.plot.size.height * (N_TICKS - k) / N_TICKS;
      g_autofree char *text = bjb_rupiah_short (self->axis_max / N_TICKS * k);
      g_autoptr(PangoLayout) pl = NULL;
      int w, h;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (layout.plot.origin.x, y,
                                                      layout.plot.size.width, 1));
      pl = make_layout (self, text, &w, &h);
      append_text (snapshot, pl, layout.plot.origin.x - LABEL_GAP - w, y - h / 2.0, &dim);
    }

  /* Month labels: skip some when the columns are narrower than a label. */
  if (self->months->len > 0)
    {
      g_autoptr(PangoLayout) pl = NULL;
      int w, h;

      pl = make_layout (self, "Sep 2026", &w, &h);
      label_room = w + LABEL_GAP;
    }
  if (layout.slot > 0 && label_room > layout.slot)
    every = (guint) (label_room / layout.slot) + 1;

  for (guint i = 0; i < self->months->len; i++)
    {
      const BjbRevenueMonth *month = &g_array_index (self->months, BjbRevenueMonth, i);
      graphene_rect_t rect;
      GskRoundedRect rounded;
      graphene_size_t corner = GRAPHENE_SIZE_INIT (4, 4);
      graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);

      bar_rect (self, &layout, i, &rect);
      bar_color = accent;
      if ((int) i != self->hover)
        bar_color.alpha *= self->hover >= 0 ? 0.55 : 0.85;
      if (rect.size.height >= 1)
        {
          /* Rounded top corners, a flat foot on the axis. */
          gsk_rounded_rect_init (&rounded, &rect, &corner, &corner, &square, &square);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &bar_color, &rect);
          gtk_snapshot_pop (snapshot);
        }

      if (i % every == 0)
        {
          g_autofree char *text = NULL;
          g_autoptr(PangoLayout) pl = NULL;
          int w, h;

          /* The year where it changes, and under the first bar. */
          if (i == 0 || month->month == 1)
            text = g_strdup_printf ("%s %d", bjb_month_short_name (month->month), month->year);
          else
            text = g_strdup (bjb_month_short_name (month->month));
          pl = make_layout (self, text, &w, &h);
          append_text (snapshot, pl,
                       layout.plot.origin.x + layout.slot * i + (layout.slot - w) / 2,
                       layout.plot.origin.y + layout.plot.size.height + LABEL_GAP,
                       (int) i == self->hover ? &fg : &dim);
        }
    }
}

static void
bjb_revenue_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 640 : 260;
}

static gboolean
bjb_revenue_chart_query_tooltip (GtkWidget  *widget,
                                 int         x,
                                 int         y,
                                 gboolean    keyboard,
                                 GtkTooltip *tooltip)
{
  BjbRevenueChart *self = BJB_REVENUE_CHART (widget);
  int index = bjb_revenue_chart_get_bar_at (self, x, y);
  g_autofree char *text = NULL;
  graphene_rect_t bounds;
  Layout layout;

  if (index < 0)
    return FALSE;
  text = bjb_revenue_chart_dup_bar_tooltip (self, index);
  gtk_tooltip_set_text (tooltip, text);
  /* The whole column: moving to the next bar asks again. */
  compute_layout (self, &layout);
  bjb_revenue_chart_get_bar_bounds (self, index, &bounds);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                              (int) (layout.plot.origin.x + layout.slot * index),
                              (int) layout.plot.origin.y, (int) layout.slot,
                              (int) layout.plot.size.height });
  return TRUE;
}

static void
set_hover (BjbRevenueChart *self,
           int              hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           BjbRevenueChart          *self)
{
  set_hover (self, bjb_revenue_chart_get_bar_at (self, x, y));
}

static void
on_leave (GtkEventControllerMotion *controller,
          BjbRevenueChart          *self)
{
  set_hover (self, -1);
}

static void
bjb_revenue_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (bjb_revenue_chart_parent_class)->css_changed (widget, change);
  /* Named colours (the accent) are not part of this widget's own style. */
  gtk_widget_queue_draw (widget);
}

static void
bjb_revenue_chart_finalize (GObject *object)
{
  BjbRevenueChart *self = BJB_REVENUE_CHART (object);

  g_clear_pointer (&self->months, g_array_unref);

  G_OBJECT_CLASS (bjb_revenue_chart_parent_class)->finalize (object);
}

static void
bjb_revenue_chart_class_init (BjbRevenueChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = bjb_revenue_chart_finalize;
  widget_class->snapshot = bjb_revenue_chart_snapshot;
  widget_class->measure = bjb_revenue_chart_measure;
  widget_class->query_tooltip = bjb_revenue_chart_query_tooltip;
  widget_class->css_changed = bjb_revenue_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "revenue-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
bjb_revenue_chart_init (BjbRevenueChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->months = g_array_new (FALSE, TRUE, sizeof (BjbRevenueMonth));
  self->axis_max = axis_max_for (0);
  self->hover = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Revenue per month"), -1);
}

void
bjb_revenue_chart_set_months (BjbRevenueChart       *self,
                              const BjbRevenueMonth *months,
                              guint                  n_months)
{
  gint64 max = 0;

  g_return_if_fail (BJB_IS_REVENUE_CHART (self));
  g_return_if_fail (months != NULL || n_months == 0);

  g_array_set_size (self->months, 0);
  if (n_months > 0)
    g_array_append_vals (self->months, months, n_months);
  for (guint i = 0; i < n_months; i++)
    max = MAX (max, months[i].revenue);
  self->axis_max = axis_max_for (max);
  if (self->hover >= (int) n_months)
    self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* A tooltip on screen shows the old figure until asked again. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

guint
bjb_revenue_chart_get_n_bars (BjbRevenueChart *self)
{
  g_return_val_if_fail (BJB_IS_REVENUE_CHART (self), 0);
  return self->months->len;
}

gint64
bjb_revenue_chart_get_axis_max (BjbRevenueChart *self)
{
  g_return_val_if_fail (BJB_IS_REVENUE_CHART (self), 0);
  return self->axis_max;
}

int
bjb_revenue_chart_get_bar_at (BjbRevenueChart *self,
                              double           x,
                              double           y)
{
  Layout layout;
  int index;

  g_return_val_if_fail (BJB_IS_REVENUE_CHART (self), -1);

  if (self->months->len == 0)
    return -1;
  compute_layout (self, &layout);
  /* The whole column answers, so a small bar is easy to point at. */
  if (x < layout.plot.origin.x || y < layout.plot.origin.y ||
      y > layout.plot.origin.y + layout.plot.size.height || layout.slot <= 0)
    return -1;
  index = (int) ((x - layout.plot.origin.x) / layout.slot);
  return index < (int) self->months->len ? index : -1;
}

gboolean
bjb_revenue_chart_get_bar_bounds (BjbRevenueChart *self,
                                  guint            index,
                                  graphene_rect_t *bounds)
{
  Layout layout;

  g_return_val_if_fail (BJB_IS_REVENUE_CHART (self), FALSE);

  if (index >= self->months->len)
    return FALSE;
  compute_layout (self, &layout);
  bar_rect (self, &layout, index, bounds);
  return TRUE;
}

char *
bjb_revenue_chart_dup_bar_tooltip (BjbRevenueChart *self,
                                   guint            index)
{
  const BjbRevenueMonth *month;
  g_autofree char *money = NULL;
  g_autofree char *orders = NULL;
  int n_orders;

  g_return_val_if_fail (BJB_IS_REVENUE_CHART (self), NULL);

  if (index >= self->months->len)
    return NULL;
  month = &g_array_index (self->months, BjbRevenueMonth, index);
  money = bjb_money_format (month->revenue);
  n_orders = (int) CLAMP (month->orders, 0, G_MAXINT);
  orders = g_strdup_printf (ngettext ("%d paid order", "%d paid orders", n_orders), n_orders);
  /* Translators: the chart's tooltip: month, year, then the exact revenue and order count */
  return g_strdup_printf (_("%s %d\n%s from %s"), bjb_month_name (month->month), month->year,
                          money, orders);
}
