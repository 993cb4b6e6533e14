/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-ops"

#include "config.h"

#include "bjb-courier.h"
#include "bjb-ops-query.h"
#include "bjb-order-ops.h"

static const char QUOTE_SQL[] =
  "SELECT bjb.quote($1, $2::jsonb) AS q";

static const char PLACE_ORDER_SQL[] =
  "SELECT bjb.place_order($1, $2::jsonb, $3, $4, $5, $6::uuid) AS id";

static const char ORDER_DETAIL_SQL[] =
  "SELECT bjb.order_detail($1) AS d";

/* The settings the nota prints, as one JSON object. */
static const char BUSINESS_SQL[] =
  "SELECT bjb.nota_header() AS s";

/* bjb.ship_order checks again that the login is an active courier (BJ008). */
static const char LIST_COURIERS_SQL[] =
  "SELECT * FROM bjb.active_couriers()";

static const char CONFIRM_PAYMENT_SQL[] = "SELECT bjb.confirm_payment($1)";
static const char CANCEL_ORDER_SQL[] = "SELECT bjb.cancel_order($1, $2)";
static const char SHIP_ORDER_SQL[] = "SELECT bjb.ship_order($1, $2)";
static const char COMPLETE_ORDER_SQL[] = "SELECT bjb.complete_order($1)";
static const char RECORD_FEEDBACK_SQL[] = "SELECT bjb.record_feedback($1, $2)";

/* One tag for every step, so they share one _finish. */
static const char step_tag[] = "bjb-order-ops-step";

static char *
items_json (GArray *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const BjbOrderItem *item = &g_array_index (items, BjbOrderItem, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "product_id");
      json_builder_add_int_value (builder, item->product_id);
      json_builder_set_member_name (builder, "qty");
      json_builder_add_int_value (builder, item->qty);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

BJB_OPS_ASYNC (bjb_order_ops_quote, gint64 customer_id, GArray *items)
{
  g_autofree char *customer = bjb_ops_int_param (customer_id);
  g_autofree char *lines = items_json (items);
  const char *params[] = { customer, lines };

  bjb_ops_query_async (connection, QUOTE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_order_ops_quote_async, callback, user_data);
}

BJB_OPS_FINISH (JsonObject *, bjb_order_ops_quote)
{
  return bjb_ops_query_finish_object (result, bjb_order_ops_quote_async, "q", error);
}

BJB_OPS_ASYNC (bjb_order_ops_place, gint64 customer_id, GArray *items, gboolean delivery,
               const char *address, gint64 shipping_cost, const char *request_id)
{
  g_autofree char *customer = bjb_ops_int_param (customer_id);
  g_autofree char *lines = items_json (items);
  g_autofree char *shipping = bjb_ops_int_param (shipping_cost);
  const char *params[] = { customer, lines, delivery ? "delivery" : "pickup",
                           delivery ? address : NULL, shipping, request_id };

  g_return_if_fail (request_id != NULL);

  bjb_ops_query_async (connection, PLACE_ORDER_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_order_ops_place_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_order_ops_place)
{
  return bjb_ops_query_finish_id (result, bjb_order_ops_place_async, error);
}

BJB_OPS_ASYNC (bjb_order_ops_get_detail, gint64 order_id)
{
  bjb_ops_query_id_async (connection, ORDER_DETAIL_SQL, order_id, cancellable,
                          bjb_order_ops_get_detail_async, callback, user_data);
}

BJB_OPS_FINISH (JsonObject *, bjb_order_ops_get_detail)
{
  return bjb_ops_query_finish_object (result, bjb_order_ops_get_detail_async, "d", error);
}

BJB_OPS_ASYNC (bjb_order_ops_get_business)
{
  bjb_ops_query_async (connection, BUSINESS_SQL, 0, NULL, cancellable,
                       bjb_order_ops_get_business_async, callback, user_data);
}

BJB_OPS_FINISH (JsonObject *, bjb_order_ops_get_business)
{
  return bjb_ops_query_finish_object (result, bjb_order_ops_get_business_async, "s", error);
}

BJB_OPS_ASYNC (bjb_order_ops_list_couriers)
{
  bjb_ops_query_async (connection, LIST_COURIERS_SQL, 0, NULL, cancellable,
                       bjb_order_ops_list_couriers_async, callback, user_data);
}

static BjbCourier *
courier_from_result (BjbResult *rows,
                     guint      i)
{
  return bjb_courier_new (bjb_result_get_string (rows, i, "login"),
                          bjb_result_get_string (rows, i, "display_name"));
}

BJB_OPS_FINISH (GListModel *, bjb_order_ops_list_couriers)
{
  return bjb_ops_query_finish_store (result, bjb_order_ops_list_couriers_async, BJB_TYPE_COURIER,
                                     (BjbOpsRowFunc) courier_from_result, error);
}

static void
run_step (BjbConnection       *connection,
          const char          *sql,
          gint64               order_id,
          const char          *text,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  const char *params[] = { order, text };

  bjb_ops_query_async (connection, sql, text != NULL ? 2 : 1, params, cancellable,
                       (gpointer) step_tag, callback, user_data);
}

BJB_OPS_ASYNC (bjb_order_ops_confirm_payment, gint64 order_id)
{
  run_step (connection, CONFIRM_PAYMENT_SQL, order_id, NULL, cancellable, callback, user_data);
}

BJB_OPS_ASYNC (bjb_order_ops_cancel, gint64 order_id, const char *reason)
{
  g_return_if_fail (reason != NULL);
  run_step (connection, CANCEL_ORDER_SQL, order_id, reason, cancellable, callback, user_data);
}

BJB_OPS_ASYNC (bjb_order_ops_ship, gint64 order_id, const char *courier_login)
{
  g_return_if_fail (courier_login != NULL);
  run_step (connection, SHIP_ORDER_SQL, order_id, courier_login, cancellable, callback, user_data);
}

BJB_OPS_ASYNC (bjb_order_ops_complete, gint64 order_id)
{
  run_step (connection, COMPLETE_ORDER_SQL, order_id, NULL, cancellable, callback, user_data);
}

BJB_OPS_ASYNC (bjb_order_ops_record_feedback, gint64 order_id, const char *feedback)
{
  g_return_if_fail (feedback != NULL);
  run_step (connection, RECORD_FEEDBACK_SQL, order_id, feedback, cancellable, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_order_ops_step)
{
  return bjb_ops_query_finish_ok (result, (gpointer) step_tag, error);
}
