/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-admin-ops"

#include "config.h"

#include "bjb-message-admin-ops.h"
#include "bjb-ops-query.h"

/* All SECURITY DEFINER functions that check for an admin themselves (0006). */
static const char SQL_LIST[] =
  "SELECT id, created_at, status, channel, kind, customer_id, customer_name, recipient,"
  "       order_id, order_number, subject, attempts, last_error, next_attempt_at, sent_at,"
  "       provider_id"
  " FROM bjb.list_messages(string_to_array($1::text, ','), $2::text, nullif($3::bigint, 0),"
  "                        $4::text, $5::bigint, $6::int)";
static const char SQL_COUNTS[] = "SELECT bjb.message_counts() AS counts";
static const char SQL_DETAIL[] = "SELECT bjb.message_detail($1::bigint) AS detail";
static const char SQL_TEMPLATES[] =
  "SELECT row_number() OVER () AS id, kind, channel, subject, body, custom, default_subject,"
  "       default_body, placeholders, updated_at, updated_by"
  " FROM bjb.message_templates()";
static const char SQL_SAVE_TEMPLATE[] =
  "SELECT bjb.save_message_template($1::text, $2::text, $3::text, $4::text)";
static const char SQL_RESET_TEMPLATE[] = "SELECT bjb.reset_message_template($1::text, $2::text)";
static const char SQL_PREVIEW[] =
  "SELECT bjb.preview_message($1::text, $2::text, $3::text, $4::text) AS preview";

static const char *
param (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

BJB_OPS_ASYNC (bjb_message_ops_list, const BjbMessageFilter *filter, BjbOutboxRow *after,
               guint limit)
{
  g_autofree char *customer = bjb_ops_int_param (filter->customer_id);
  g_autofree char *before = bjb_value_row_int_param (after, BJB_OUTBOX_ROW_ID);
  g_autofree char *lim = bjb_ops_int_param (limit);
  const char *params[] = {
    param (filter->statuses), param (filter->channel), customer, param (filter->kind), before, lim,
  };

  bjb_ops_query_async (connection, SQL_LIST, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_message_ops_list)
{
  return bjb_value_row_array_finish (result, bjb_message_ops_list_async,
                                     BJB_TYPE_OUTBOX_ROW, error);
}

BJB_OPS_ASYNC (bjb_message_ops_counts)
{
  bjb_ops_query_async (connection, SQL_COUNTS, 0, NULL, cancellable,
                       bjb_message_ops_counts_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_message_ops_counts, BjbMessageCounts *counts)
{
  g_autoptr(JsonObject) object = bjb_ops_query_finish_object (result, bjb_message_ops_counts_async,
                                                               "counts", error);

  if (object == NULL)
    return FALSE;
  counts->failed = json_object_get_int_member_with_default (object, "failed", 0);
  counts->uncertain = json_object_get_int_member_with_default (object, "uncertain", 0);
  counts->pending = json_object_get_int_member_with_default (object, "pending", 0);
  return TRUE;
}

BJB_OPS_ASYNC (bjb_message_ops_detail, gint64 message_id)
{
  bjb_ops_query_id_async (connection, SQL_DETAIL, message_id, cancellable,
                          bjb_message_ops_detail_async, callback, user_data);
}

BJB_OPS_FINISH (JsonObject *, bjb_message_ops_detail)
{
  return bjb_ops_query_finish_object (result, bjb_message_ops_detail_async, "detail", error);
}

BJB_OPS_ASYNC (bjb_message_ops_templates)
{
  bjb_ops_query_async (connection, SQL_TEMPLATES, 0, NULL, cancellable,
                       bjb_message_ops_templates_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_message_ops_templates)
{
  return bjb_value_row_array_finish (result, bjb_message_ops_templates_async,
                                     BJB_TYPE_MESSAGE_TEMPLATE, error);
}

BJB_OPS_ASYNC (bjb_message_ops_save_template, const char *kind, const char *channel,
               const char *subject, const char *body)
{
  const char *params[] = { kind, channel, subject, body };

  bjb_ops_query_async (connection, SQL_SAVE_TEMPLATE, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_template_finish, callback, user_data);
}

BJB_OPS_ASYNC (bjb_message_ops_reset_template, const char *kind, const char *channel)
{
  const char *params[] = { kind, channel };

  bjb_ops_query_async (connection, SQL_RESET_TEMPLATE, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_template_finish, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_message_ops_template)
{
  return bjb_ops_query_finish_ok (result, bjb_message_ops_template_finish, error);
}

BJB_OPS_ASYNC (bjb_message_ops_preview, const char *kind, const char *channel, const char *subject,
               const char *body)
{
  const char *params[] = { kind, channel, subject, body };

  bjb_ops_query_async (connection, SQL_PREVIEW, G_N_ELEMENTS (params), params, cancellable,
                       bjb_message_ops_preview_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_message_ops_preview, char **subject, char **body)
{
  g_autoptr(JsonObject) object =
    bjb_ops_query_finish_object (result, bjb_message_ops_preview_async, "preview", error);

  if (object == NULL)
    return FALSE;
  *subject = g_strdup (json_object_get_string_member_with_default (object, "subject", ""));
  *body = g_strdup (json_object_get_string_member_with_default (object, "body", ""));
  return TRUE;
}
