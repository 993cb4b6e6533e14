/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-dashboard"

#include "config.h"

#include <gio/gio.h>
#include <stdio.h>

#include "bjb-dashboard.h"

struct _BjbDashboard
{
  GObject parent_instance;

  gint64     figures[BJB_DASHBOARD_N_FIGURES];
  gint64     low_stock_threshold;
  GDate      from;
  GDate      to;
  GDate      today;
  GArray    *months;     /* BjbRevenueMonth */
  GPtrArray *latest;     /* BjbDashboardOrder */
  GPtrArray *low_stock;  /* BjbLowStock */
};

G_DEFINE_FINAL_TYPE (BjbDashboard, bjb_dashboard, G_TYPE_OBJECT)

/* The jsonb keys of each figure, in BjbDashboardFigure order. */
static const char *figure_keys[BJB_DASHBOARD_N_FIGURES] = {
  "revenue_today", "revenue_month", "orders_today", "orders_month",
  "awaiting_confirmation", "overdue_unpaid", "deliveries_under_way",
};

static void
order_free (gpointer data)
{
  BjbDashboardOrder *order = data;

  g_free (order->number);
  g_free (order->customer);
  g_free (order->status);
  g_clear_pointer (&order->placed_at, g_date_time_unref);
  g_free (order);
}

static void
low_stock_free (gpointer data)
{
  BjbLowStock *product = data;

  g_free (product->name);
  g_free (product->unit);
  g_free (product);
}

static void
bjb_dashboard_finalize (GObject *object)
{
  BjbDashboard *self = BJB_DASHBOARD (object);

  g_clear_pointer (&self->months, g_array_unref);
  g_clear_pointer (&self->latest, g_ptr_array_unref);
  g_clear_pointer (&self->low_stock, g_ptr_array_unref);

  G_OBJECT_CLASS (bjb_dashboard_parent_class)->finalize (object);
}

static void
bjb_dashboard_class_init (BjbDashboardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_dashboard_finalize;
}

static void
bjb_dashboard_init (BjbDashboard *self)
{
  self->months = g_array_new (FALSE, TRUE, sizeof (BjbRevenueMonth));
  self->latest = g_ptr_array_new_with_free_func (order_free);
  self->low_stock = g_ptr_array_new_with_free_func (low_stock_free);
}

/* JSON null and a missing member read as 0 / NULL: the server's jsonb is the contract. */
static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* "2026-07-01" (a jsonb date) into @date; FALSE when it is not one. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

BjbDashboard *
bjb_dashboard_new_from_json (JsonObject  *object,
                             GError     **error)
{
  g_autoptr(BjbDashboard) self = NULL;
  JsonArray *array;

  g_return_val_if_fail (object != NULL, NULL);

  self = g_object_new (BJB_TYPE_DASHBOARD, NULL);
  if (!parse_date (member_string (object, "from"), &self->from) ||
      !parse_date (member_string (object, "to"), &self->to) ||
      !parse_date (member_string (object, "today"), &self->today))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "bjb.dashboard answered without its dates");
      return NULL;
    }
  for (guint i = 0; i < BJB_DASHBOARD_N_FIGURES; i++)
    self->figures[i] = member_int (object, figure_keys[i]);
  self->low_stock_threshold = member_int (object, "low_stock_threshold");

  array = member_array (object, "months");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);
      BjbRevenueMonth month = { 0 };
      GDate first;

      if (m == NULL || !parse_date (member_string (m, "month"), &first))
        continue;
      month.year = g_date_get_year (&first);
      month.month = g_date_get_month (&first);
      month.revenue = member_int (m, "revenue");
      month.orders = member_int (m, "orders");
      g_array_append_val (self->months, month);
    }

  array = member_array (object, "latest_orders");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      BjbDashboardOrder *order;
      const char *placed;

      if (o == NULL)
        continue;
      order = g_new0 (BjbDashboardOrder, 1);
      order->id = member_int (o, "id");
      order->number = g_strdup (member_string (o, "number"));
      order->customer = g_strdup (member_string (o, "customer"));
      order->status = g_strdup (member_string (o, "status"));
      order->total = member_int (o, "total");
      placed = member_string (o, "placed_at");
      order->placed_at = placed != NULL ? g_date_time_new_from_iso8601 (placed, NULL) : NULL;
      g_ptr_array_add (self->latest, order);
    }

  array = member_array (object, "low_stock");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *p = json_array_get_object_element (array, i);
      BjbLowStock *product;

      if (p == NULL)
        continue;
      product = g_new0 (BjbLowStock, 1);
      product->id = member_int (p, "id");
      product->name = g_strdup (member_string (p, "name"));
      product->unit = g_strdup (member_string (p, "unit"));
      product->stock = member_int (p, "stock");
      g_ptr_array_add (self->low_stock, product);
    }

  return g_steal_pointer (&self);
}

gint64
bjb_dashboard_get_figure (BjbDashboard       *self,
                          BjbDashboardFigure  figure)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), 0);
  g_return_val_if_fail (figure < BJB_DASHBOARD_N_FIGURES, 0);
  return self->figures[figure];
}

const GDate *
bjb_dashboard_get_from (BjbDashboard *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), NULL);
  return &self->from;
}

const GDate *
bjb_dashboard_get_to (BjbDashboard *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), NULL);
  return &self->to;
}

gint64
bjb_dashboard_get_low_stock_threshold (BjbDashboard *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), 0);
  return self->low_stock_threshold;
}

const BjbRevenueMonth *
bjb_dashboard_get_months (BjbDashboard *self,
                          guint        *n_months)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), NULL);
  if (n_months != NULL)
    *n_months = self->months->len;
  return (const BjbRevenueMonth *) (gpointer) self->months->data;
}

GPtrArray *
bjb_dashboard_get_latest_orders (BjbDashboard *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), NULL);
  return self->latest;
}

GPtrArray *
bjb_dashboard_get_low_stock (BjbDashboard *self)
{
  g_return_val_if_fail (BJB_IS_DASHBOARD (self), NULL);
  return self->low_stock;
}
