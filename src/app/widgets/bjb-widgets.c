/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-widgets"

#include "config.h"

#include "bjb-widgets.h"
#include "bjb-widgets-resources.h"

void
bjb_widgets_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      bjb_widgets_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

void
bjb_widgets_store_replace (GListStore *store,
                           GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) copy = g_ptr_array_new_full (n, g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       copy->pdata, copy->len);
}

GParamSpec *
bjb_widgets_connection_property (void)
{
  return g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}
