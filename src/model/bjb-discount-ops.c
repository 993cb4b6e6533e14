/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-ops"

#include "config.h"

#include "bjb-discount-ops.h"
#include "bjb-ops-query.h"

static const char LIST_SQL[] =
  "SELECT id, name, percent, audience, customer_id, customer_name, scope, product_id,"
  " product_name, min_cart_total, valid_until, active, state, orders_used, version"
  " FROM bjb.list_discount_rules()";

static const char SAVE_SQL[] =
  "SELECT bjb.save_discount_rule($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS saved";

static const char SET_ACTIVE_SQL[] =
  "SELECT bjb.set_discount_rule_active($1, $2, $3) AS saved";

BJB_OPS_ASYNC (bjb_discount_ops_list)
{
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, LIST_SQL, 0, NULL, cancellable,
                       bjb_discount_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_discount_ops_list)
{
  return bjb_ops_query_finish_array (result, bjb_discount_ops_list_async,
                                     (BjbOpsRowFunc) bjb_discount_rule_new_from_result, error);
}

static char *
id_or_null (gint64 value)
{
  return value > 0 ? bjb_ops_int_param (value) : NULL;
}

BJB_OPS_ASYNC (bjb_discount_ops_save, const BjbDiscountRuleEdit *edit)
{
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *product = NULL;
  g_autofree char *min_cart = NULL;

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (edit != NULL);

  id = id_or_null (edit->id);
  version = edit->id > 0 ? g_strdup_printf ("%d", edit->version) : NULL;
  percent = g_strdup_printf ("%d", edit->percent);
  customer = id_or_null (edit->customer_id);
  product = id_or_null (edit->product_id);
  min_cart = edit->min_cart_total >= 0 ? bjb_ops_int_param (edit->min_cart_total) : NULL;
  {
    const char *params[] = {
      id, version, edit->name, percent, edit->audience, customer, edit->scope, product,
      min_cart, edit->valid_until, edit->active ? "true" : "false",
    };

    bjb_ops_query_async (connection, SAVE_SQL, G_N_ELEMENTS (params), params, cancellable,
                         bjb_discount_ops_save_async, callback, user_data);
  }
}

BJB_OPS_FINISH (gint64, bjb_discount_ops_save, int *version)
{
  return bjb_ops_query_finish_saved (result, bjb_discount_ops_save_async, version, error);
}

BJB_OPS_ASYNC (bjb_discount_ops_set_active, gint64 id, int version, gboolean active)
{
  g_autofree char *id_text = bjb_ops_int_param (id);
  g_autofree char *version_text = g_strdup_printf ("%d", version);
  const char *params[] = { id_text, version_text, active ? "true" : "false" };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, SET_ACTIVE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_discount_ops_set_active_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_discount_ops_set_active)
{
  return bjb_ops_query_finish_saved (result, bjb_discount_ops_set_active_async, NULL, error) > 0;
}
