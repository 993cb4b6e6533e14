/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-settings-ops"

#include "config.h"

#include "bjb-ops-query.h"
#include "bjb-settings-ops.h"

static const char LIST_SQL[] =
  "SELECT key, label, value, updated_at, updated_by FROM bjb.list_settings()";
static const char SET_SQL[] = "SELECT bjb.set_setting($1, $2::jsonb)";

void
bjb_setting_free (BjbSetting *setting)
{
  if (setting == NULL)
    return;
  g_free (setting->key);
  g_free (setting->label);
  g_clear_pointer (&setting->value, json_node_unref);
  g_clear_pointer (&setting->updated_at, g_date_time_unref);
  g_free (setting->updated_by);
  g_free (setting);
}

BJB_OPS_ASYNC (bjb_settings_ops_list)
{
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, LIST_SQL, 0, NULL, cancellable,
                       bjb_settings_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_settings_ops_list)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_settings_ops_list_async, error);
  GPtrArray *settings;

  if (rows == NULL)
    return NULL;
  settings = g_ptr_array_new_with_free_func ((GDestroyNotify) bjb_setting_free);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      BjbSetting *setting = g_new0 (BjbSetting, 1);

      setting->key = g_strdup (bjb_result_get_string (rows, i, "key"));
      setting->label = g_strdup (bjb_result_get_string (rows, i, "label"));
      setting->value = bjb_result_get_json (rows, i, "value");
      setting->updated_at = bjb_result_get_datetime (rows, i, "updated_at");
      setting->updated_by = g_strdup (bjb_result_get_string (rows, i, "updated_by"));
      g_ptr_array_add (settings, setting);
    }
  return settings;
}

BJB_OPS_ASYNC (bjb_settings_ops_set, const char *key, JsonNode *value)
{
  g_autofree char *json = NULL;
  const char *params[2];

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (key != NULL && value != NULL);

  json = json_to_string (value, FALSE);
  params[0] = key;
  params[1] = json;
  bjb_ops_query_async (connection, SET_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_settings_ops_set_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_settings_ops_set)
{
  return bjb_ops_query_finish_ok (result, bjb_settings_ops_set_async, error);
}
