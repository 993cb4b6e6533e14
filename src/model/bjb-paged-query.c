/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-paged-query"

#include "config.h"

#include "bjb-paged-query.h"

G_DEFINE_INTERFACE (BjbPagedRow, bjb_paged_row, G_TYPE_OBJECT)

static void
bjb_paged_row_default_init (BjbPagedRowInterface *iface)
{
  g_object_interface_install_property (iface,
                                       g_param_spec_boolean ("placeholder", NULL, NULL, FALSE,
                                                             G_PARAM_READWRITE |
                                                             G_PARAM_CONSTRUCT_ONLY |
                                                             G_PARAM_STATIC_STRINGS));
}

gint64
bjb_paged_row_get_id (BjbPagedRow *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_ROW (self), 0);
  return BJB_PAGED_ROW_GET_IFACE (self)->get_id (self);
}

void
bjb_paged_row_update (BjbPagedRow *self,
                      BjbPagedRow *from)
{
  g_return_if_fail (BJB_IS_PAGED_ROW (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (from, G_OBJECT_TYPE (self)));
  BJB_PAGED_ROW_GET_IFACE (self)->update (self, from);
}

gboolean
bjb_paged_row_get_placeholder (BjbPagedRow *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_ROW (self), FALSE);
  return BJB_PAGED_ROW_GET_IFACE (self)->get_placeholder (self);
}

enum {
  CHANGED,
  N_SIGNALS
};

static guint query_signals[N_SIGNALS];

G_DEFINE_INTERFACE (BjbPagedQuery, bjb_paged_query, G_TYPE_OBJECT)

static void
bjb_paged_query_default_init (BjbPagedQueryInterface *iface)
{
  query_signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_INTERFACE (iface),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
}

gboolean
bjb_paged_query_can_fetch (BjbPagedQuery *self)
{
  BjbPagedQueryInterface *iface;

  g_return_val_if_fail (BJB_IS_PAGED_QUERY (self), FALSE);

  iface = BJB_PAGED_QUERY_GET_IFACE (self);
  return iface->can_fetch == NULL || iface->can_fetch (self);
}

gboolean
bjb_paged_query_can_count (BjbPagedQuery *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY (self), FALSE);
  return BJB_PAGED_QUERY_GET_IFACE (self)->count_async != NULL;
}

/**
 * bjb_paged_query_fetch_async:
 * @after: (nullable): the last row already loaded; NULL for the first page
 */
void
bjb_paged_query_fetch_async (BjbPagedQuery       *self,
                             BjbPagedRow         *after,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY (self));
  g_return_if_fail (after == NULL || BJB_IS_PAGED_ROW (after));
  g_return_if_fail (limit > 0);

  BJB_PAGED_QUERY_GET_IFACE (self)->fetch_async (self, after, limit, cancellable, callback,
                                                 user_data);
}

GPtrArray *
bjb_paged_query_fetch_finish (BjbPagedQuery  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY (self), NULL);
  return BJB_PAGED_QUERY_GET_IFACE (self)->fetch_finish (self, result, error);
}

void
bjb_paged_query_count_async (BjbPagedQuery       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY (self));
  g_return_if_fail (bjb_paged_query_can_count (self));

  BJB_PAGED_QUERY_GET_IFACE (self)->count_async (self, cancellable, callback, user_data);
}

gint64
bjb_paged_query_count_finish (BjbPagedQuery  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY (self), -1);
  return BJB_PAGED_QUERY_GET_IFACE (self)->count_finish (self, result, error);
}

void
bjb_paged_query_changed (BjbPagedQuery *self)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY (self));
  g_signal_emit (self, query_signals[CHANGED], 0);
}

void
bjb_paged_query_dispatch_properties_changed (GObject     *object,
                                             guint        n_pspecs,
                                             GParamSpec **pspecs)
{
  GObjectClass *parent = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));

  g_return_if_fail (BJB_IS_PAGED_QUERY (object));

  parent->dispatch_properties_changed (object, n_pspecs, pspecs);
  if (n_pspecs > 0)
    bjb_paged_query_changed (BJB_PAGED_QUERY (object));
}

gboolean
bjb_paged_query_set_string (char       **field,
                            const char  *value)
{
  g_return_val_if_fail (field != NULL, FALSE);

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

GPtrArray *
bjb_paged_query_decorate (GPtrArray *rows,
                          GFunc      func,
                          gpointer   user_data)
{
  if (rows != NULL)
    g_ptr_array_foreach (rows, func, user_data);
  return rows;
}
