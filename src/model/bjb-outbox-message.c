/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-outbox-message"

#include "config.h"

#include "bjb-field-props.h"
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
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_outbox_message_parent_class)->finalize (object);
}

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbOutboxMessage, prop, field, pspec)
#define TEXT(prop, field, name) \
  FIELD (prop, field, g_param_spec_string (name, NULL, NULL, NULL, flags))

static void
bjb_outbox_message_class_init (BjbOutboxMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_outbox_message_finalize;
  object_class->get_property = bjb_field_props_get_property;

  FIELD (PROP_ID, id, g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags));
  TEXT (PROP_KIND, kind, "kind");
  TEXT (PROP_CHANNEL, channel, "channel");
  TEXT (PROP_RECIPIENT, recipient, "recipient");
  TEXT (PROP_RECIPIENT_NAME, recipient_name, "recipient-name");
  TEXT (PROP_SUBJECT, subject, "subject");
  TEXT (PROP_BODY, body, "body");
  FIELD (PROP_ATTEMPTS, attempts, g_param_spec_int ("attempts", NULL, NULL, 0, G_MAXINT, 0, flags));
}

#undef FIELD
#undef TEXT

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
