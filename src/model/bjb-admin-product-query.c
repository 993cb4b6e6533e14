/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-admin-product-query"

#include "config.h"

#include "bjb-admin-product-query.h"
#include "bjb-filter-query.h"
#include "bjb-product-ops.h"
#include "bjb-result-rows.h"

struct _BjbAdminProductQuery
{
  BjbFilterQuery parent_instance;

  /* Owned */
  char *search;
  gint64 category_id;
  int active;
  BjbResultRows *cache;  /* the last whole answer (BjbAdminProduct, made on demand) */
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbAdminProductQuery, bjb_admin_product_query,
                               BJB_TYPE_FILTER_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

/* (transfer full): rows [start, start + limit) of the cache, as new references */
static GPtrArray *
slice (BjbAdminProductQuery *self,
       guint                 start,
       guint                 limit)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = self->cache != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->cache)) : 0;

  for (guint i = start; i < n && i - start < limit; i++)
    g_ptr_array_add (rows, g_list_model_get_item (G_LIST_MODEL (self->cache), i));
  return rows;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BjbAdminProductQuery *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  GListModel *rows = bjb_product_ops_list_products_finish (result, &error);

  if (rows == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&self->cache);
  self->cache = BJB_RESULT_ROWS (rows);
  g_task_return_pointer (task, slice (self, 0, GPOINTER_TO_UINT (g_task_get_task_data (task))),
                         (GDestroyNotify) g_ptr_array_unref);
}

static void
bjb_admin_product_query_fetch_async (BjbPagedQuery       *query,
                                     BjbPagedRow         *after,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  BjbAdminProductQuery *self = BJB_ADMIN_PRODUCT_QUERY (query);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  int position;

  g_task_set_source_tag (task, bjb_admin_product_query_fetch_async);
  g_task_set_task_data (task, GUINT_TO_POINTER (limit), NULL);

  if (after == NULL)
    {
      bjb_product_ops_list_products_async (bjb_filter_query_get_connection (BJB_FILTER_QUERY (self)),
                                           self->search, self->category_id, self->active,
                                           cancellable, list_cb,
                                           g_steal_pointer (&task));
      return;
    }

  /* The next page continues the answer the first page read, after the row with @after's id
   * (the model's row objects outlive the answers they were updated from). */
  position = self->cache != NULL
             ? bjb_result_rows_find (self->cache, "id", bjb_paged_row_get_id (after)) : -1;
  g_task_return_pointer (task, position >= 0 ? slice (self, position + 1, limit) : slice (self, 0, 0),
                         (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
bjb_admin_product_query_fetch_finish (BjbPagedQuery  *query,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, query), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_filter_query_can_fetch;
  iface->fetch_async = bjb_admin_product_query_fetch_async;
  iface->fetch_finish = bjb_admin_product_query_fetch_finish;
}

/* GObject */

static void
bjb_admin_product_query_dispose (GObject *object)
{
  BjbAdminProductQuery *self = (BjbAdminProductQuery *)object;

  g_clear_object (&self->cache);

  G_OBJECT_CLASS (bjb_admin_product_query_parent_class)->dispose (object);
}

#define FILTER(field, pspec) \
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbAdminProductQuery, field), pspec)

static void
bjb_admin_product_query_class_init (BjbAdminProductQueryClass *klass)
{
  GParamFlags rw = BJB_FILTER_QUERY_PARAM_FLAGS;

  G_OBJECT_CLASS (klass)->dispose = bjb_admin_product_query_dispose;

  FILTER (search, g_param_spec_string ("search", NULL, NULL, NULL, rw));
  FILTER (category_id, g_param_spec_int64 ("category-id", NULL, NULL, 0, G_MAXINT64, 0, rw));
  FILTER (active, g_param_spec_int ("active", NULL, NULL, -1, 1, -1, rw));
}

#undef FILTER

static void
bjb_admin_product_query_init (BjbAdminProductQuery *self)
{
  self->active = -1;
}

/**
 * bjb_admin_product_query_new:
 * @connection: (nullable): the connection the list reads through
 *
 * Returns: (transfer full): a query with no filters
 */
BjbAdminProductQuery *
bjb_admin_product_query_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_ADMIN_PRODUCT_QUERY, "connection", connection, NULL);
}
