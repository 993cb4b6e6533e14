/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-catalog-ops"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog-ops.h"
#include "bjb-category.h"
#include "bjb-ops-query.h"
#include "bjb-product-hit.h"

static const char LIST_CATEGORIES_SQL[] =
  "SELECT * FROM bjb.list_categories()";

static const char SEARCH_PRODUCTS_SQL[] =
  "SELECT * FROM bjb.search_products($1, $2::bigint, $3::int)";

BJB_OPS_ASYNC (bjb_catalog_ops_list_categories)
{
  bjb_ops_query_async (connection, LIST_CATEGORIES_SQL, 0, NULL, cancellable,
                       bjb_catalog_ops_list_categories_async, callback, user_data);
}

static BjbCategory *
category_from_result (BjbResult *rows,
                      guint      i)
{
  return bjb_category_new (bjb_result_get_int64 (rows, i, "id"),
                           bjb_result_get_string (rows, i, "name"));
}

BJB_OPS_FINISH (GListModel *, bjb_catalog_ops_list_categories)
{
  g_autoptr(GListModel) categories =
    bjb_ops_query_finish_store (result, bjb_catalog_ops_list_categories_async, BJB_TYPE_CATEGORY,
                                (BjbOpsRowFunc) category_from_result, error);
  g_autoptr(BjbCategory) all = NULL;

  if (categories == NULL)
    return NULL;
  /* The filter's first choice: every category. */
  all = bjb_category_new (0, _("All categories"));
  g_list_store_insert (G_LIST_STORE (categories), 0, all);
  return g_steal_pointer (&categories);
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

BJB_OPS_ASYNC (bjb_catalog_ops_search_products, const char *text, gint64 category_id, guint limit)
{
  g_autofree char *pattern = like_pattern (text);
  g_autofree char *category = category_id > 0 ? bjb_ops_int_param (category_id) : NULL;
  g_autofree char *limit_text = bjb_ops_int_param (limit);
  const char *params[] = { pattern, category, limit_text };

  bjb_ops_query_async (connection, SEARCH_PRODUCTS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_catalog_ops_search_products_async, callback, user_data);
}

BJB_OPS_FINISH (GListModel *, bjb_catalog_ops_search_products)
{
  return bjb_ops_query_finish_store (result, bjb_catalog_ops_search_products_async,
                                     BJB_TYPE_PRODUCT_HIT,
                                     (BjbOpsRowFunc) bjb_product_hit_new_from_result, error);
}
