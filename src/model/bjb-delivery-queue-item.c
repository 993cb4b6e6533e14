/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-delivery-queue-item.h"
#include "bjb-delivery.h"
#include "bjb-field-props.h"

struct _BjbDeliveryQueueItem
{
  GObject parent_instance;

  /* Owned */
  BjbDeliveryCompletion *completion;

  /* The properties (field props): what a row of the queue shows */
  gint64    order_id;
  char     *title;
  char     *recipient;
  char     *captured_text;
  int       state;           /* BjbDeliveryQueueItemState */
  char     *sentence;
  gboolean  refused;
};

G_DEFINE_FINAL_TYPE (BjbDeliveryQueueItem, bjb_delivery_queue_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORDER_ID,
  PROP_TITLE,
  PROP_RECIPIENT,
  PROP_CAPTURED_TEXT,
  PROP_STATE,
  PROP_SENTENCE,
  PROP_REFUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_delivery_queue_item_finalize (GObject *object)
{
  BjbDeliveryQueueItem *self = BJB_DELIVERY_QUEUE_ITEM (object);

  g_clear_pointer (&self->completion, bjb_delivery_completion_free);
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_delivery_queue_item_parent_class)->finalize (object);
}

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbDeliveryQueueItem, prop, field, pspec)
#define TEXT(prop, field, name) \
  FIELD (prop, field, g_param_spec_string (name, NULL, NULL, NULL, flags))

static void
bjb_delivery_queue_item_class_init (BjbDeliveryQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_delivery_queue_item_finalize;
  object_class->get_property = bjb_field_props_get_property;

  FIELD (PROP_ORDER_ID, order_id,
         g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, flags));
  TEXT (PROP_TITLE, title, "title");
  TEXT (PROP_RECIPIENT, recipient, "recipient");
  TEXT (PROP_CAPTURED_TEXT, captured_text, "captured-text");
  FIELD (PROP_STATE, state,
         g_param_spec_int ("state", NULL, NULL, 0, BJB_DELIVERY_QUEUE_ITEM_REFUSED, 0, flags));
  TEXT (PROP_SENTENCE, sentence, "sentence");
  FIELD (PROP_REFUSED, refused, g_param_spec_boolean ("refused", NULL, NULL, FALSE, flags));
}

#undef FIELD
#undef TEXT

static void
bjb_delivery_queue_item_init (BjbDeliveryQueueItem *self)
{
}

BjbDeliveryQueueItem *
bjb_delivery_queue_item_new (const BjbDeliveryCompletion *completion)
{
  BjbDeliveryQueueItem *self;
  g_autofree char *at = NULL;
  g_autofree char *id_text = NULL;

  g_return_val_if_fail (completion != NULL && completion->captured_at != NULL, NULL);

  self = g_object_new (BJB_TYPE_DELIVERY_QUEUE_ITEM, NULL);
  self->completion = bjb_delivery_completion_copy (completion);
  self->order_id = completion->order_id;
  self->recipient = g_strdup (completion->recipient);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, completion->order_id);
  /* Translators: a queued completion whose order number this device never saw */
  self->title = g_strdup_printf (_("Order %s"), id_text);
  at = bjb_delivery_format_moment (completion->captured_at);
  /* Translators: who received the goods and when the courier pressed Complete, e.g.
   * "Pak Budi · completed 1 Dec 14:05" */
  self->captured_text = g_strdup_printf (_("%s · completed %s"), completion->recipient, at);
  return self;
}

const BjbDeliveryCompletion *
bjb_delivery_queue_item_get_completion (BjbDeliveryQueueItem *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self), NULL);
  return self->completion;
}

gint64
bjb_delivery_queue_item_get_order_id (BjbDeliveryQueueItem *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self), 0);
  return self->order_id;
}

const char *
bjb_delivery_queue_item_get_key (BjbDeliveryQueueItem *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self), NULL);
  return self->completion->key;
}

BjbDeliveryQueueItemState
bjb_delivery_queue_item_get_state (BjbDeliveryQueueItem *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self), 0);
  return self->state;
}

const char *
bjb_delivery_queue_item_get_sentence (BjbDeliveryQueueItem *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self), NULL);
  return self->sentence;
}

void
bjb_delivery_queue_item_set_state (BjbDeliveryQueueItem      *self,
                                   BjbDeliveryQueueItemState  state,
                                   const char                *sentence)
{
  g_return_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self));

  bjb_field_props_set_int (self, properties[PROP_STATE], state);
  bjb_field_props_set_string (self, properties[PROP_SENTENCE], sentence);
  bjb_field_props_set_boolean (self, properties[PROP_REFUSED],
                               state == BJB_DELIVERY_QUEUE_ITEM_REFUSED);
}

void
bjb_delivery_queue_item_set_title (BjbDeliveryQueueItem *self,
                                   const char           *title)
{
  g_return_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self));

  if (title != NULL)
    bjb_field_props_set_string (self, properties[PROP_TITLE], title);
}
