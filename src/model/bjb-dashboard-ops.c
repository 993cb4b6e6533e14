/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-dashboard-ops"

#include "config.h"

#include "bjb-dashboard-ops.h"
#include "bjb-ops-query.h"

static const char DASHBOARD_SQL[] =
  "SELECT bjb.dashboard($1::date, $2::date) AS dashboard";

/* Both reads as one jsonb, so the table and its subtotals come from one snapshot. */
static const char BEST_SELLERS_SQL[] =
  "SELECT jsonb_build_object("
  "  'products', (SELECT coalesce(jsonb_agg(to_jsonb(b) ORDER BY b.rank), '[]'::jsonb)"
  "                 FROM bjb.best_sellers($1::date, $2::date, $3, $4::int) b),"
  "  'categories', (SELECT coalesce(jsonb_agg(to_jsonb(c)"
  "                                 ORDER BY c.revenue DESC, c.category, c.category_id),"
  "                                 '[]'::jsonb)"
  "                   FROM bjb.best_seller_categories($1::date, $2::date) c)) AS best";

char *
bjb_dashboard_ops_date_param (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

BJB_OPS_ASYNC (bjb_dashboard_ops_load, const GDate *from, const GDate *to)
{
  g_autofree char *from_param = bjb_dashboard_ops_date_param (from);
  g_autofree char *to_param = bjb_dashboard_ops_date_param (to);
  const char *params[] = { from_param, to_param };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, DASHBOARD_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_dashboard_ops_load_async, callback, user_data);
}

BJB_OPS_FINISH (BjbDashboard *, bjb_dashboard_ops_load)
{
  g_autoptr(JsonObject) dashboard =
    bjb_ops_query_finish_object (result, bjb_dashboard_ops_load_async, "dashboard", error);

  return dashboard != NULL ? bjb_dashboard_new_from_json (dashboard, error) : NULL;
}

BJB_OPS_ASYNC (bjb_dashboard_ops_best_sellers, const GDate *from, const GDate *to,
               BjbBestSellersBy by, guint limit)
{
  g_autofree char *from_param = bjb_dashboard_ops_date_param (from);
  g_autofree char *to_param = bjb_dashboard_ops_date_param (to);
  g_autofree char *limit_param = bjb_ops_int_param (limit);
  const char *params[] = {
    from_param, to_param, by == BJB_BEST_SELLERS_BY_REVENUE ? "revenue" : "qty", limit_param,
  };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, BEST_SELLERS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_dashboard_ops_best_sellers_async, callback, user_data);
}

static GPtrArray *
rows_of (JsonObject *object,
         const char *member,
         gboolean    is_category,
         gint64     *out_total)
{
  JsonArray *array = json_object_get_array_member (object, member);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *row = json_array_get_object_element (array, i);
      BjbBestSeller *seller;

      if (row == NULL)
        continue;
      seller = bjb_best_seller_new_from_json (row, is_category);
      if (out_total != NULL)
        *out_total += bjb_best_seller_get_revenue (seller);
      g_ptr_array_add (rows, seller);
    }
  return rows;
}

BJB_OPS_FINISH (gboolean, bjb_dashboard_ops_best_sellers, GPtrArray **out_products,
                GPtrArray **out_categories, gint64 *out_total)
{
  g_autoptr(JsonObject) object =
    bjb_ops_query_finish_object (result, bjb_dashboard_ops_best_sellers_async, "best", error);
  gint64 total = 0;

  g_return_val_if_fail (out_products != NULL && out_categories != NULL, FALSE);

  if (object == NULL)
    return FALSE;
  if (!json_object_has_member (object, "products") || !json_object_has_member (object, "categories"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "bjb.best_sellers answered without its rows");
      return FALSE;
    }
  *out_products = rows_of (object, "products", FALSE, NULL);
  /* Every category that sold, so their revenue is the period's. */
  *out_categories = rows_of (object, "categories", TRUE, &total);
  if (out_total != NULL)
    *out_total = total;
  return TRUE;
}
