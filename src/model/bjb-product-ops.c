/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-ops"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-product-ops.h"
#include "bjb-result-rows.h"

/* Every statement of the admin's products and stock pages. */

static const char LIST_PRODUCTS_SQL[] =
  "SELECT * FROM bjb.list_products($1, $2::bigint, $3::boolean)";

static const char SAVE_PRODUCT_SQL[] =
  "SELECT bjb.save_product($1::bigint, $2::int, $3::bigint, $4, $5, $6::bigint, $7, "
  "$8::boolean) AS saved";

static const char SET_PHOTO_SQL[] =
  "SELECT bjb.set_product_photo($1::bigint, $2, $3::bytea, $4::bytea, $5::int, $6::int)";

static const char GET_PHOTO_SQL[] =
  "SELECT data FROM bjb.product_photo($1::bigint)";

static const char PRICE_HISTORY_SQL[] =
  "SELECT * FROM bjb.price_history($1::bigint)";

static const char LIST_CATEGORIES_SQL[] =
  "SELECT * FROM bjb.admin_categories()";

static const char SAVE_CATEGORY_SQL[] =
  "SELECT bjb.save_category($1::bigint, $2::int, $3) AS saved";

static const char DELETE_CATEGORY_SQL[] =
  "SELECT bjb.delete_category($1::bigint, $2::int)";

static const char ADJUST_STOCK_SQL[] =
  "SELECT bjb.adjust_stock($1::bigint, $2::int, $3, $4) AS stock";

static const char APPLY_STOCKTAKE_SQL[] =
  "SELECT bjb.apply_stocktake($1::jsonb, $2) AS result";

static const char STOCK_LEDGER_SQL[] =
  "SELECT * FROM bjb.stock_ledger($1::bigint, $2::bigint, $3::int)";

BJB_OPS_ASYNC (bjb_product_ops_list_products, const char *search, gint64 category_id, int active)
{
  g_autofree char *category = category_id > 0 ? bjb_ops_int_param (category_id) : NULL;
  const char *params[] = {
    search != NULL && *search != '\0' ? search : NULL,
    category,
    active < 0 ? NULL : active ? "true" : "false",
  };

  bjb_ops_query_async (connection, LIST_PRODUCTS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_list_products_async, callback, user_data);
}

BJB_OPS_FINISH (GListModel *, bjb_product_ops_list_products)
{
  g_autoptr(BjbResult) rows =
    bjb_ops_query_finish (result, bjb_product_ops_list_products_async, error);

  if (rows == NULL)
    return NULL;
  /* A keystroke reads the whole catalogue; only the rows a page shows become objects. */
  return G_LIST_MODEL (bjb_result_rows_new (rows, BJB_TYPE_ADMIN_PRODUCT,
                                            (BjbResultRowFunc) bjb_admin_product_new_from_result));
}

BJB_OPS_ASYNC (bjb_product_ops_save_product, const BjbProductEdit *edit)
{
  g_autofree char *id = NULL;
  g_autofree char *version = NULL;
  g_autofree char *category = NULL;
  g_autofree char *price = NULL;
  const char *params[8];

  g_return_if_fail (edit != NULL);

  id = edit->id > 0 ? bjb_ops_int_param (edit->id) : NULL;
  version = edit->id > 0 ? bjb_ops_int_param (edit->version) : NULL;
  category = edit->category_id > 0 ? bjb_ops_int_param (edit->category_id) : NULL;
  price = bjb_ops_int_param (edit->price);
  params[0] = id;
  params[1] = version;
  params[2] = category;
  params[3] = edit->name;
  params[4] = edit->unit;
  params[5] = price;
  params[6] = edit->description != NULL ? edit->description : "";
  params[7] = edit->active ? "true" : "false";
  bjb_ops_query_async (connection, SAVE_PRODUCT_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_save_product_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_product_ops_save_product, int *version)
{
  return bjb_ops_query_finish_saved (result, bjb_product_ops_save_product_async, version, error);
}

BJB_OPS_ASYNC (bjb_product_ops_set_photo, gint64 product_id, BjbImage *image)
{
  g_autofree char *id = bjb_ops_int_param (product_id);
  g_autofree char *data = image != NULL ? bjb_bytes_to_bytea_hex (bjb_image_get_jpeg (image)) : NULL;
  g_autofree char *thumb =
    image != NULL ? bjb_bytes_to_bytea_hex (bjb_image_get_thumbnail (image)) : NULL;
  g_autofree char *width = image != NULL ? bjb_ops_int_param (bjb_image_get_width (image)) : NULL;
  g_autofree char *height = image != NULL ? bjb_ops_int_param (bjb_image_get_height (image)) : NULL;
  const char *params[] = { id, image != NULL ? "image/jpeg" : NULL, data, thumb, width, height };

  bjb_ops_query_async (connection, SET_PHOTO_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_set_photo_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_product_ops_set_photo)
{
  return bjb_ops_query_finish_ok (result, bjb_product_ops_set_photo_async, error);
}

BJB_OPS_ASYNC (bjb_product_ops_get_photo, gint64 product_id)
{
  bjb_ops_query_id_async (connection, GET_PHOTO_SQL, product_id, cancellable,
                          bjb_product_ops_get_photo_async, callback, user_data);
}

BJB_OPS_FINISH (GBytes *, bjb_product_ops_get_photo)
{
  return bjb_ops_query_finish_bytes (result, bjb_product_ops_get_photo_async, "data", error);
}

BJB_OPS_ASYNC (bjb_product_ops_price_history, gint64 product_id)
{
  bjb_ops_query_id_async (connection, PRICE_HISTORY_SQL, product_id, cancellable,
                          bjb_product_ops_price_history_async, callback, user_data);
}

BJB_OPS_FINISH (GListModel *, bjb_product_ops_price_history)
{
  return bjb_ops_query_finish_store (result, bjb_product_ops_price_history_async,
                                     BJB_TYPE_PRICE_CHANGE,
                                     (BjbOpsRowFunc) bjb_price_change_new_from_result, error);
}

BJB_OPS_ASYNC (bjb_product_ops_list_categories)
{
  bjb_ops_query_async (connection, LIST_CATEGORIES_SQL, 0, NULL, cancellable,
                       bjb_product_ops_list_categories_async, callback, user_data);
}

BJB_OPS_FINISH (GListModel *, bjb_product_ops_list_categories)
{
  return bjb_ops_query_finish_store (result, bjb_product_ops_list_categories_async,
                                     BJB_TYPE_ADMIN_CATEGORY,
                                     (BjbOpsRowFunc) bjb_admin_category_new_from_result, error);
}

BJB_OPS_ASYNC (bjb_product_ops_save_category, gint64 id, int version, const char *name)
{
  g_autofree char *id_text = id > 0 ? bjb_ops_int_param (id) : NULL;
  g_autofree char *version_text = id > 0 ? bjb_ops_int_param (version) : NULL;
  const char *params[] = { id_text, version_text, name };

  bjb_ops_query_async (connection, SAVE_CATEGORY_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_save_category_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_product_ops_save_category)
{
  return bjb_ops_query_finish_saved (result, bjb_product_ops_save_category_async, NULL, error);
}

BJB_OPS_ASYNC (bjb_product_ops_delete_category, gint64 id, int version)
{
  g_autofree char *id_text = bjb_ops_int_param (id);
  g_autofree char *version_text = bjb_ops_int_param (version);
  const char *params[] = { id_text, version_text };

  bjb_ops_query_async (connection, DELETE_CATEGORY_SQL, G_N_ELEMENTS (params), params,
                       cancellable, bjb_product_ops_delete_category_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_product_ops_delete_category)
{
  return bjb_ops_query_finish_ok (result, bjb_product_ops_delete_category_async, error);
}

BJB_OPS_ASYNC (bjb_product_ops_adjust_stock, gint64 product_id, gint64 delta, const char *reason,
               const char *note)
{
  g_autofree char *id = bjb_ops_int_param (product_id);
  g_autofree char *delta_text = bjb_ops_int_param (delta);
  const char *params[] = { id, delta_text, reason, note };

  bjb_ops_query_async (connection, ADJUST_STOCK_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_adjust_stock_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_product_ops_adjust_stock)
{
  return bjb_ops_query_finish_int (result, bjb_product_ops_adjust_stock_async, "stock", -1, error);
}

/* [{"product_id": 12, "counted": 40}, …] */
static char *
counts_json (GPtrArray *counts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < counts->len; i++)
    {
      BjbStockCount *count = g_ptr_array_index (counts, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "product_id");
      json_builder_add_int_value (builder, bjb_stock_count_get_product_id (count));
      json_builder_set_member_name (builder, "counted");
      json_builder_add_int_value (builder, bjb_stock_count_get_counted (count));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

BJB_OPS_ASYNC (bjb_product_ops_apply_stocktake, GPtrArray *counts, const char *note)
{
  g_autofree char *json = NULL;
  const char *params[2];

  g_return_if_fail (counts != NULL);

  json = counts_json (counts);
  params[0] = json;
  params[1] = note;
  bjb_ops_query_async (connection, APPLY_STOCKTAKE_SQL, G_N_ELEMENTS (params), params,
                       cancellable, bjb_product_ops_apply_stocktake_async, callback, user_data);
}

BJB_OPS_FINISH (int, bjb_product_ops_apply_stocktake)
{
  g_autoptr(JsonObject) applied =
    bjb_ops_query_finish_object (result, bjb_product_ops_apply_stocktake_async, "result", error);

  if (applied == NULL)
    return -1;
  return (int) json_object_get_int_member_with_default (applied, "changed", 0);
}

BJB_OPS_ASYNC (bjb_product_ops_stock_ledger, gint64 product_id, gint64 before_id, guint limit)
{
  g_autofree char *product = product_id > 0 ? bjb_ops_int_param (product_id) : NULL;
  g_autofree char *before = before_id > 0 ? bjb_ops_int_param (before_id) : NULL;
  g_autofree char *limit_text = bjb_ops_int_param (limit);
  const char *params[] = { product, before, limit_text };

  bjb_ops_query_async (connection, STOCK_LEDGER_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_product_ops_stock_ledger_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_product_ops_stock_ledger)
{
  return bjb_ops_query_finish_array (result, bjb_product_ops_stock_ledger_async,
                                     (BjbOpsRowFunc) bjb_stock_movement_new_from_result, error);
}

char *
bjb_product_ops_stale_edit_sentence (const GError *error)
{
  const char *detail = bjb_db_error_get_detail (error);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  JsonObject *object;
  const char *by;

  if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "BJ020") != 0)
    return NULL;
  /* The server's sentence names the staff member by their display name. */
  if (bjb_ui_speaks_server_language () && bjb_db_error_get_server_message (error) != NULL)
    return g_strdup (bjb_db_error_get_server_message (error));

  parser = json_parser_new ();
  if (detail == NULL || !json_parser_load_from_data (parser, detail, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bjb_error_sentence (error);
  object = json_node_get_object (json_parser_get_root (parser));
  by = json_object_get_string_member_with_default (object, "updated_by", NULL);
  at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "updated_at", ""),
                                     NULL);
  if (by == NULL || at == NULL)
    return bjb_error_sentence (error);
  local = g_date_time_to_local (at);
  when = g_date_time_format (local, _("%-d %b %Y %H:%M"));
  /* Translators: %s is a staff login, then a date and time */
  return g_strdup_printf (_("Changed by %s at %s since you opened it. What you typed is "
                            "still here: press Reload to see their change, then save again."),
                          by, when);
}
