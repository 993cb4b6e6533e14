/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-catalog-ops"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog-ops.h"
#include "bjb-category.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-product-hit.h"

static const char LIST_CATEGORIES_SQL[] =
  "SELECT * FROM bjb.list_categories()";

static const char SEARCH_PRODUCTS_SQL[] =
  "SELECT * FROM bjb.search_products($1, $2::bigint, $3::int)";

void
bjb_catalog_ops_list_categories_async (BjbConnection       *connection,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  bjb_ops_query_async (connection, LIST_CATEGORIES_SQL, 0, NULL, cancellable,
                       bjb_catalog_ops_list_categories_async, callback, user_data);
}

GListModel *
bjb_catalog_ops_list_categories_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_catalog_ops_list_categories_async, error);
  g_autoptr(GListStore) store = NULL;
  g_autoptr(BjbCategory) all = NULL;

  if (rows == NULL)
    return NULL;
  store = g_list_store_new (BJB_TYPE_CATEGORY);
  all = bjb_category_new (0, _("All categories"));
  g_list_store_append (store, all);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      g_autoptr(BjbCategory) category = bjb_category_new (bjb_result_get_int64 (rows, i, "id"),
                                                          bjb_result_get_string (rows, i, "name"));

      g_list_store_append (store, category);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/* What the clerk types is literal text, not LIKE syntax. */
static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  for (const char *p = text ? text : ""; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

void
bjb_catalog_ops_search_products_async (BjbConnection       *connection,
                                       const char          *text,
                                       gint64               category_id,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autofree char *pattern = like_pattern (text);
  g_autofree char *category = category_id > 0 ? bjb_ops_int_param (category_id) : NULL;
  g_autofree char *limit_text = bjb_ops_int_param (limit);
  const char *params[] = { pattern, category, limit_text };

  bjb_ops_query_async (connection, SEARCH_PRODUCTS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_catalog_ops_search_products_async, callback, user_data);
}

GListModel *
bjb_catalog_ops_search_products_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_catalog_ops_search_products_async, error);
  g_autoptr(GListStore) store = NULL;

  if (rows == NULL)
    return NULL;
  store = g_list_store_new (BJB_TYPE_PRODUCT_HIT);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      g_autoptr(BjbProductHit) hit = bjb_product_hit_new ();
      const char *unit = bjb_result_get_string (rows, i, "unit");
      gint64 stock = bjb_result_get_int64 (rows, i, "stock");
      g_autofree char *price = bjb_money_format (bjb_result_get_int64 (rows, i, "price"));
      g_autofree char *price_text = g_strdup_printf ("%s / %s", price, unit);
      g_autofree char *stock_text = stock > 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", stock, unit)
        : g_strdup (_("Out of stock"));

      bjb_product_hit_set_id (hit, bjb_result_get_int64 (rows, i, "id"));
      bjb_product_hit_set_name (hit, bjb_result_get_string (rows, i, "name"));
      bjb_product_hit_set_category (hit, bjb_result_get_string (rows, i, "category"));
      bjb_product_hit_set_unit (hit, unit);
      bjb_product_hit_set_price (hit, bjb_result_get_int64 (rows, i, "price"));
      bjb_product_hit_set_price_text (hit, price_text);
      bjb_product_hit_set_stock (hit, stock);
      bjb_product_hit_set_stock_text (hit, stock_text);
      g_list_store_append (store, hit);
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}
