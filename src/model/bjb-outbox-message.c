/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-outbox-message"

#include "config.h"

#include "bjb-outbox-message.h"

struct _BjbOutboxMessage
{
  GObject parent_instance;

  gint64 id;
  int attempts;
  char *kind;
  char *channel;
  char *recipient;
  char *recipient_name;
  char *subject;
  char *body;
};

G_DEFINE_FINAL_TYPE (BjbOutboxMessage, bjb_outbox_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_CHANNEL,
  PROP_RECIPIENT,
  PROP_RECIPIENT_NAME,
  PROP_SUBJECT,
  PROP_BODY,
  PROP_ATTEMPTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_outbox_message_finalize (GObject *object)
{
  BjbOutboxMessage *self = BJB_OUTBOX_MESSAGE (object);

  g_free (self->kind);
  g_free (self->channel);
  g_free (self->recipient);
  g_free (self->recipient_name);
  g_free (self->subject);
  g_free (self->body);

  G_OBJECT_CLASS (bjb_outbox_message_parent_class)->finalize (object);
}

static void
bjb_outbox_message_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbOutboxMessage *self = BJB_OUTBOX_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, self->channel);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, self->recipient);
      break;
    case PROP_RECIPIENT_NAME:
      g_value_set_string (value, self->recipient_name);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;
    case PROP_ATTEMPTS:
      g_value_set_int (value, self->attempts);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_outbox_message_class_init (BjbOutboxMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_outbox_message_finalize;
  object_class->get_property = bjb_outbox_message_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_CHANNEL] = g_param_spec_string ("channel", NULL, NULL, NULL, flags);
  properties[PROP_RECIPIENT] = g_param_spec_string ("recipient", NULL, NULL, NULL, flags);
  properties[PROP_RECIPIENT_NAME] = g_param_spec_string ("recipient-name", NULL, NULL, NULL, flags);
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, flags);
  properties[PROP_ATTEMPTS] = g_param_spec_int ("attempts", NULL, NULL, 0, G_MAXINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_outbox_message_init (BjbOutboxMessage *self)
{
}

BjbOutboxMessage *
bjb_outbox_message_new_from_row (BjbResult *result,
                                 guint      row)
{
  BjbOutboxMessage *self;

  g_return_val_if_fail (BJB_IS_RESULT (result), NULL);
  g_return_val_if_fail (row < bjb_result_get_n_rows (result), NULL);

  self = g_object_new (BJB_TYPE_OUTBOX_MESSAGE, NULL);
  self->id = bjb_result_get_int64 (result, row, "id");
  self->attempts = (int) bjb_result_get_int64 (result, row, "attempts");
  self->kind = g_strdup (bjb_result_get_string (result, row, "kind"));
  self->channel = g_strdup (bjb_result_get_string (result, row, "channel"));
  self->recipient = g_strdup (bjb_result_get_string (result, row, "recipient"));
  self->recipient_name = g_strdup (bjb_result_get_string (result, row, "recipient_name"));
  self->subject = g_strdup (bjb_result_get_string (result, row, "subject"));
  self->body = g_strdup (bjb_result_get_string (result, row, "body"));
  return self;
}

gint64
bjb_outbox_message_get_id (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), 0);
  return self->id;
}

const char *
bjb_outbox_message_get_kind (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->kind;
}

const char *
bjb_outbox_message_get_channel (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->channel;
}

const char *
bjb_outbox_message_get_recipient (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->recipient;
}

const char *
bjb_outbox_message_get_recipient_name (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->recipient_name;
}

const char *
bjb_outbox_message_get_subject (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->subject;
}

const char *
bjb_outbox_message_get_body (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), NULL);
  return self->body;
}

int
bjb_outbox_message_get_attempts (BjbOutboxMessage *self)
{
  g_return_val_if_fail (BJB_IS_OUTBOX_MESSAGE (self), 0);
  return self->attempts;
}
