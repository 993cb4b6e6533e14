/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd-gateway"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "bjb-gateway.h"

/* One HTTP gateway of one channel. The only question that matters for a message is whether
 * it may have reached the customer: a request is "out" once its body was written, and from
 * then on a lost answer is uncertain, never a retry (these gateways have no idempotency
 * key, so a retry could send it twice). */
struct _BjbGateway
{
  GObject parent_instance;

  /* Borrowed */
  const BjbGatewayConfig *config;

  /* Owned */
  SoupSession *session;
  guint timeout_seconds;
};

G_DEFINE_FINAL_TYPE (BjbGateway, bjb_gateway, G_TYPE_OBJECT)

typedef struct
{
  SoupMessage *msg;
  GCancellable *cancellable;
  guint timeout_id;
  gboolean wrote_body;
  gboolean timed_out;
  gboolean restarted_after_write;
} SendData;

static void
send_data_free (SendData *sd)
{
  g_clear_handle_id (&sd->timeout_id, g_source_remove);
  if (sd->msg != NULL)
    g_signal_handlers_disconnect_by_data (sd->msg, sd);
  g_clear_object (&sd->msg);
  g_clear_object (&sd->cancellable);
  g_free (sd);
}

void
bjb_send_result_free (BjbSendResult *result)
{
  if (result == NULL)
    return;
  g_free (result->provider_id);
  g_free (result->error);
  g_free (result);
}

const char *
bjb_send_outcome_to_string (BjbSendOutcome outcome)
{
  switch (outcome)
    {
    case BJB_SEND_SENT:
      return "sent";
    case BJB_SEND_RETRY:
      return "retry";
    case BJB_SEND_PERMANENT:
      return "permanent";
    case BJB_SEND_UNCERTAIN:
    default:
      return "uncertain";
    }
}

static BjbSendResult *
send_result_new (BjbSendOutcome  outcome,
                 guint           http_status,
                 char           *error)
{
  BjbSendResult *result = g_new0 (BjbSendResult, 1);

  result->outcome = outcome;
  result->http_status = http_status;
  result->error = error;
  result->retry_after = -1;
  return result;
}

static void
bjb_gateway_finalize (GObject *object)
{
  BjbGateway *self = BJB_GATEWAY (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (bjb_gateway_parent_class)->finalize (object);
}

static void
bjb_gateway_class_init (BjbGatewayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_gateway_finalize;
}

static void
bjb_gateway_init (BjbGateway *self)
{
}

BjbGateway *
bjb_gateway_new (const BjbGatewayConfig *config,
                 guint                   timeout_seconds)
{
  BjbGateway *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (BJB_TYPE_GATEWAY, NULL);
  self->config = config;
  self->timeout_seconds = MAX (timeout_seconds, 1);
  self->session = soup_session_new_with_options ("timeout", self->timeout_seconds,
                                                 "idle-timeout", 60,
                                                 "max-conns", 64,
                                                 "max-conns-per-host", 64,
                                                 "user-agent", "barokahd/" PACKAGE_VERSION,
                                                 NULL);
  return self;
}

char *
bjb_gateway_whatsapp_target (const char *recipient)
{
  g_return_val_if_fail (recipient != NULL, NULL);

  return g_strdup (recipient[0] == '+' ? recipient + 1 : recipient);
}

char *
bjb_gateway_text_to_html (const char *text)
{
  g_auto(GStrv) paragraphs = g_regex_split_simple ("\\n[ \\t]*\\n", text != NULL ? text : "", 0, 0);
  GString *html = g_string_new ("<html><body>");

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_strstrip (paragraphs[i]), -1);
      g_auto(GStrv) lines = g_strsplit (escaped, "\n", -1);
      g_autofree char *joined = g_strjoinv ("<br>", lines);

      if (*joined != '\0')
        g_string_append_printf (html, "<p>%s</p>", joined);
    }
  g_string_append (html, "</body></html>");
  return g_string_free (html, FALSE);
}

gint64
bjb_gateway_parse_retry_after (const char *value,
                               GDateTime  *now)
{
  g_autoptr(GDateTime) when = NULL;
  guint64 seconds;

  if (value == NULL)
    return -1;
  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;
  when = soup_date_time_new_from_http_string (value);
  if (when == NULL || now == NULL)
    return -1;
  return MAX (g_date_time_difference (when, now) / G_TIME_SPAN_SECOND, 0);
}

static SoupMessage *
build_whatsapp (BjbGateway       *self,
                BjbOutboxMessage *message)
{
  const BjbGatewayConfig *c = self->config;
  g_autofree char *target = bjb_gateway_whatsapp_target (bjb_outbox_message_get_recipient (message));
  g_autoptr(GHashTable) form = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (form, c->field_target, target);
  g_hash_table_insert (form, c->field_message, (char *) bjb_outbox_message_get_body (message));
  if (*c->field_country_code != '\0')
    g_hash_table_insert (form, c->field_country_code, c->country_code);
  return soup_message_new_from_encoded_form (SOUP_METHOD_POST, c->url, soup_form_encode_hash (form));
}

static SoupMessage *
build_email (BjbGateway       *self,
             BjbOutboxMessage *message)
{
  const BjbGatewayConfig *c = self->config;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *html = bjb_gateway_text_to_html (bjb_outbox_message_get_body (message));
  g_autofree char *json = NULL;
  g_autoptr(GBytes) body = NULL;
  SoupMessage *msg;
  gsize length;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, c->field_sender);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, c->sender_name);
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, c->sender_email);
  json_builder_end_object (b);
  json_builder_set_member_name (b, c->field_to);
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "email");
  json_builder_add_string_value (b, bjb_outbox_message_get_recipient (message));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, bjb_outbox_message_get_recipient_name (message));
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_set_member_name (b, c->field_subject);
  json_builder_add_string_value (b, bjb_outbox_message_get_subject (message));
  json_builder_set_member_name (b, c->field_html);
  json_builder_add_string_value (b, html);
  json_builder_set_member_name (b, c->field_text);
  json_builder_add_string_value (b, bjb_outbox_message_get_body (message));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);
  length = strlen (json);
  body = g_bytes_new_take (g_steal_pointer (&json), length);
  msg = soup_message_new (SOUP_METHOD_POST, c->url);
  if (msg != NULL)
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
  return msg;
}

/* The reason a gateway gives in its JSON reply ("reason" for Fonnte, "message" for Brevo). */
static char *
reply_reason (JsonObject *obj)
{
  const char *keys[] = { "reason", "message", "detail", "error" };

  for (guint i = 0; obj != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *node = json_object_get_member (obj, keys[i]);
      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
    }
  return NULL;
}

/* "id": "123", 123 or ["123", …] (Fonnte), "messageId": "<…>" (Brevo). */
static char *
reply_id (JsonObject *obj)
{
  const char *keys[] = { "id", "messageId", "message_id" };

  for (guint i = 0; obj != NULL && i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *node = json_object_get_member (obj, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
        node = json_array_get_element (json_node_get_array (node), 0);
      if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
        continue;
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (node));
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    }
  return NULL;
}

static JsonObject *
parse_reply (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  JsonNode *root;

  if (data == NULL || size == 0 || !json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return json_object_ref (json_node_get_object (root));
}

static BjbSendResult *
classify_reply (BjbGateway  *self,
                SoupMessage *msg,
                GBytes      *bytes)
{
  guint status = soup_message_get_status (msg);
  g_autoptr(JsonObject) obj = parse_reply (bytes);
  g_autofree char *reason = reply_reason (obj);
  BjbSendResult *result;

  if (status >= 200 && status < 300)
    {
      if (g_str_equal (self->config->channel, "whatsapp"))
        {
          /* Fonnte answers 200 either way; only "status" says whether it took the message. */
          JsonNode *ok = obj != NULL ? json_object_get_member (obj, "status") : NULL;

          if (ok == NULL || !JSON_NODE_HOLDS_VALUE (ok) || json_node_get_value_type (ok) != G_TYPE_BOOLEAN)
            return send_result_new (BJB_SEND_UNCERTAIN, status,
                                    g_strdup_printf ("HTTP %u without a readable status in the reply", status));
          if (!json_node_get_boolean (ok))
            return send_result_new (BJB_SEND_RETRY, status,
                                    g_strdup_printf ("gateway refused: %s", reason != NULL ? reason : "no reason given"));
        }
      result = send_result_new (BJB_SEND_SENT, status, NULL);
      result->provider_id = reply_id (obj);
      return result;
    }

  if (status == 429)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      result = send_result_new (BJB_SEND_RETRY, status,
                                g_strdup_printf ("HTTP 429 too many requests%s%s",
                                                 reason != NULL ? ": " : "", reason != NULL ? reason : ""));
      result->retry_after = bjb_gateway_parse_retry_after (
        soup_message_headers_get_one (soup_message_get_response_headers (msg), "Retry-After"), now);
      return result;
    }

  result = send_result_new (status == 400 || status == 404 || status == 413 || status == 422
                              ? BJB_SEND_PERMANENT : BJB_SEND_RETRY,
                            status,
                            g_strdup_printf ("HTTP %u %s%s%s", status,
                                             soup_message_get_reason_phrase (msg) != NULL
                                               ? soup_message_get_reason_phrase (msg) : "",
                                             reason != NULL ? ": " : "", reason != NULL ? reason : ""));
  return result;
}

static void
on_wrote_body (SoupMessage *msg,
               SendData    *sd)
{
  sd->wrote_body = TRUE;
}

/* libsoup re-sends a message whose kept-alive connection closed before any reply. If the
 * body had been written, the gateway may have acted on it: stop instead of sending twice. */
static void
on_restarted (SoupMessage *msg,
              SendData    *sd)
{
  if (sd->wrote_body)
    {
      sd->restarted_after_write = TRUE;
      g_cancellable_cancel (sd->cancellable);
    }
}

static gboolean
on_timeout (gpointer user_data)
{
  SendData *sd = user_data;

  sd->timeout_id = 0;
  sd->timed_out = TRUE;
  g_cancellable_cancel (sd->cancellable);
  return G_SOURCE_REMOVE;
}

static void
on_read (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  BjbGateway *self = g_task_get_source_object (task);
  SendData *sd = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (source), res, &error);
  BjbSendResult *result;

  g_clear_handle_id (&sd->timeout_id, g_source_remove);
  if (error == NULL)
    result = classify_reply (self, sd->msg, bytes);
  else
    {
      const char *what = sd->restarted_after_write ? "connection closed after the request was sent"
                         : sd->timed_out ? "no complete reply in time"
                         : error->message;
      /* Out, and no complete answer: it may have been delivered. */
      gboolean out = sd->wrote_body || soup_message_get_status (sd->msg) != 0;

      result = send_result_new (out ? BJB_SEND_UNCERTAIN : BJB_SEND_RETRY,
                                soup_message_get_status (sd->msg),
                                g_strdup_printf ("%s: %s", out ? "request sent, answer lost" : "not sent", what));
    }
  g_task_return_pointer (task, result, (GDestroyNotify) bjb_send_result_free);
}

void
bjb_gateway_send_async (BjbGateway          *self,
                        BjbOutboxMessage    *message,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *auth = NULL;
  SendData *sd;

  g_return_if_fail (BJB_IS_GATEWAY (self));
  g_return_if_fail (BJB_IS_OUTBOX_MESSAGE (message));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, bjb_gateway_send_async);
  sd = g_new0 (SendData, 1);
  g_task_set_task_data (task, sd, (GDestroyNotify) send_data_free);

  sd->msg = g_str_equal (self->config->channel, "whatsapp") ? build_whatsapp (self, message)
                                                            : build_email (self, message);
  if (sd->msg == NULL)
    {
      g_task_return_pointer (task, send_result_new (BJB_SEND_PERMANENT, 0, g_strdup ("bad gateway URL")),
                             (GDestroyNotify) bjb_send_result_free);
      return;
    }
  auth = *self->config->auth_prefix != '\0'
           ? g_strdup_printf ("%s %s", self->config->auth_prefix, self->config->secret)
           : g_strdup (self->config->secret);
  soup_message_headers_replace (soup_message_get_request_headers (sd->msg),
                                self->config->auth_header, auth);
  soup_message_headers_replace (soup_message_get_request_headers (sd->msg), "Accept", "application/json");
  g_signal_connect (sd->msg, "wrote-body", G_CALLBACK (on_wrote_body), sd);
  g_signal_connect (sd->msg, "restarted", G_CALLBACK (on_restarted), sd);
  sd->cancellable = g_cancellable_new ();
  sd->timeout_id = g_timeout_add_seconds (self->timeout_seconds, on_timeout, sd);

  soup_session_send_and_read_async (self->session, sd->msg, G_PRIORITY_DEFAULT, sd->cancellable,
                                    on_read, g_steal_pointer (&task));
}

BjbSendResult *
bjb_gateway_send_finish (BjbGateway   *self,
                         GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_gateway_send_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), NULL);
}
