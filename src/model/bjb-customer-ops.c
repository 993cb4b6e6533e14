/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-ops"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "bjb-customer-ops.h"
#include "bjb-ops-query.h"

/* Every customer statement of the client. */

static const char SEARCH_SQL[] =
  "SELECT * FROM bjb.search_customers($1, $2, $3::boolean, $4::bigint, $5::int, $6, "
  "$7::jsonb, $8::int)";

static const char COUNT_SQL[] =
  "SELECT bjb.count_customers_upto($1, $2, $3::boolean, $4::bigint, $5::int, "
  G_STRINGIFY (BJB_CUSTOMER_OPS_COUNT_CAP) ") AS n";

/* Everything the detail shows and the form edits, in one round trip. */
static const char CARD_SQL[] =
  "SELECT * FROM bjb.customer_card($1::bigint, $2::int)";

static const char SAVE_SQL[] =
  "SELECT bjb.save_customer($1::bigint, $2, $3, $4, $5, $6::date, $7, $8, $9::bigint[]) AS id";

static const char DUPLICATES_SQL[] =
  "SELECT * FROM bjb.customer_duplicates($1, $2)";

static const char PREFERENCE_PRODUCTS_SQL[] =
  "SELECT * FROM bjb.preference_products()";

/* The five filter parameters shared by search and count ($1…$5). */
typedef struct
{
  const char *values[5];
  char *product;
  char *days;
} FilterParams;

static void
filter_params_init (FilterParams            *params,
                    const BjbCustomerFilter *filter)
{
  const char *q = filter->text;

  while (q != NULL && g_ascii_isspace (*q))
    q++;
  params->values[0] = (q != NULL && *q != '\0') ? filter->text : NULL;
  params->values[1] = (filter->status != NULL && *filter->status != '\0') ? filter->status : NULL;
  params->values[2] = filter->loyal_only ? "true" : NULL;
  params->product = filter->product_id > 0 ? bjb_ops_int_param (filter->product_id) : NULL;
  params->values[3] = params->product;
  params->days = filter->birthday_days > 0 ? g_strdup_printf ("%d", filter->birthday_days) : NULL;
  params->values[4] = params->days;
}

static void
filter_params_clear (FilterParams *params)
{
  g_clear_pointer (&params->product, g_free);
  g_clear_pointer (&params->days, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FilterParams, filter_params_clear)

/* {"key": the sort column's text, "id": …}: where bjb.search_customers continues. */
static char *
after_json (BjbCustomer *last)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  if (bjb_customer_get_sort_key (last) != NULL)
    json_builder_add_string_value (builder, bjb_customer_get_sort_key (last));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, bjb_customer_get_id (last));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

BJB_OPS_ASYNC (bjb_customer_ops_search, const BjbCustomerFilter *filter, const char *sort,
               BjbCustomer *after, guint limit)
{
  g_auto(FilterParams) filters = { 0 };
  g_autofree char *after_text = NULL;
  g_autofree char *limit_text = NULL;
  const char *params[8];

  g_return_if_fail (filter != NULL);
  g_return_if_fail (after == NULL || BJB_IS_CUSTOMER (after));

  filter_params_init (&filters, filter);
  memcpy (params, filters.values, sizeof filters.values);
  params[5] = sort != NULL ? sort : "name";
  after_text = after != NULL ? after_json (after) : NULL;
  params[6] = after_text;
  limit_text = bjb_ops_int_param (limit);
  params[7] = limit_text;
  bjb_ops_query_async (connection, SEARCH_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_customer_ops_search_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_customer_ops_search)
{
  return bjb_ops_query_finish_array (result, bjb_customer_ops_search_async,
                                     (BjbOpsRowFunc) bjb_customer_new_from_result, error);
}

BJB_OPS_ASYNC (bjb_customer_ops_count, const BjbCustomerFilter *filter)
{
  g_auto(FilterParams) filters = { 0 };

  g_return_if_fail (filter != NULL);

  filter_params_init (&filters, filter);
  bjb_ops_query_async (connection, COUNT_SQL, G_N_ELEMENTS (filters.values), filters.values,
                       cancellable, bjb_customer_ops_count_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_customer_ops_count)
{
  return bjb_ops_query_finish_int (result, bjb_customer_ops_count_async, "n", -1, error);
}

BJB_OPS_ASYNC (bjb_customer_ops_get_card, gint64 customer_id, guint history_limit)
{
  g_autofree char *id = bjb_ops_int_param (customer_id);
  g_autofree char *limit = bjb_ops_int_param (history_limit);
  const char *params[] = { id, limit };

  bjb_ops_query_async (connection, CARD_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_customer_ops_get_card_async, callback, user_data);
}

BJB_OPS_FINISH (BjbCustomerCard *, bjb_customer_ops_get_card)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_customer_ops_get_card_async, error);

  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    return NULL;
  return bjb_customer_card_new_from_result (rows, 0);
}

BJB_OPS_ASYNC (bjb_customer_ops_save, const BjbCustomerEdit *edit)
{
  g_autofree char *id = NULL;
  g_autofree char *products = NULL;
  const char *params[9];

  g_return_if_fail (edit != NULL);

  id = edit->id > 0 ? bjb_ops_int_param (edit->id) : NULL;
  products = edit->product_ids != NULL
             ? bjb_ops_int_array_param ((const gint64 *) edit->product_ids->data,
                                        edit->product_ids->len)
             : g_strdup ("{}");
  params[0] = id;
  params[1] = edit->name;
  params[2] = edit->address;
  params[3] = edit->phone;
  params[4] = edit->email;
  params[5] = edit->birth_date;
  params[6] = edit->status;
  params[7] = edit->notes;
  params[8] = products;
  bjb_ops_query_async (connection, SAVE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_customer_ops_save_async, callback, user_data);
}

BJB_OPS_FINISH (gint64, bjb_customer_ops_save)
{
  return bjb_ops_query_finish_id (result, bjb_customer_ops_save_async, error);
}

BJB_OPS_ASYNC (bjb_customer_ops_find_duplicates, const char *phone, const char *email)
{
  const char *params[] = { phone, email };

  bjb_ops_query_async (connection, DUPLICATES_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_customer_ops_find_duplicates_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_customer_ops_find_duplicates, gint64 *phone_id, char **phone_name,
                gint64 *email_id, char **email_name)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_customer_ops_find_duplicates_async,
                                                    error);

  g_return_val_if_fail (phone_id != NULL && phone_name != NULL, FALSE);
  g_return_val_if_fail (email_id != NULL && email_name != NULL, FALSE);

  *phone_id = *email_id = 0;
  *phone_name = *email_name = NULL;
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      gboolean phone = g_strcmp0 (bjb_result_get_string (rows, i, "field"), "phone") == 0;
      gint64 *id = phone ? phone_id : email_id;
      char **name = phone ? phone_name : email_name;

      if (*id != 0)
        continue;
      *id = bjb_result_get_int64 (rows, i, "id");
      *name = g_strdup (bjb_result_get_string (rows, i, "name"));
    }
  return TRUE;
}

BJB_OPS_ASYNC (bjb_customer_ops_list_preference_products)
{
  bjb_ops_query_async (connection, PREFERENCE_PRODUCTS_SQL, 0, NULL, cancellable,
                       bjb_customer_ops_list_preference_products_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_customer_ops_list_preference_products, GArray **ids, GStrv *names)
{
  g_autoptr(BjbResult) rows =
    bjb_ops_query_finish (result, bjb_customer_ops_list_preference_products_async, error);
  g_autoptr(GStrvBuilder) builder = NULL;
  guint n;

  g_return_val_if_fail (ids != NULL && names != NULL, FALSE);

  *ids = NULL;
  *names = NULL;
  if (rows == NULL)
    return FALSE;
  n = bjb_result_get_n_rows (rows);
  builder = g_strv_builder_new ();
  *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = bjb_result_get_int64 (rows, i, "id");

      g_array_append_val (*ids, id);
      g_strv_builder_add (builder, bjb_result_get_string (rows, i, "name"));
    }
  *names = g_strv_builder_end (builder);
  return TRUE;
}
