/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-delivery-queue-item.h"

struct _BjbDeliveryQueueItem
{
  GObject parent_instance;

  /* Owned */
  BjbDeliveryCompletion     *completion;
  char                      *title;
  char                      *captured_text;
  char                      *sentence;
  BjbDeliveryQueueItemState  state;
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
  g_free (self->title);
  g_free (self->captured_text);
  g_free (self->sentence);

  G_OBJECT_CLASS (bjb_delivery_queue_item_parent_class)->finalize (object);
}

static void
bjb_delivery_queue_item_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BjbDeliveryQueueItem *self = BJB_DELIVERY_QUEUE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->completion->order_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, self->completion->recipient);
      break;
    case PROP_CAPTURED_TEXT:
      g_value_set_string (value, self->captured_text);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    case PROP_SENTENCE:
      g_value_set_string (value, self->sentence);
      break;
    case PROP_REFUSED:
      g_value_set_boolean (value, self->state == BJB_DELIVERY_QUEUE_ITEM_REFUSED);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_delivery_queue_item_class_init (BjbDeliveryQueueItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_delivery_queue_item_finalize;
  object_class->get_property = bjb_delivery_queue_item_get_property;

  properties[PROP_ORDER_ID] = g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RECIPIENT] = g_param_spec_string ("recipient", NULL, NULL, NULL, flags);
  properties[PROP_CAPTURED_TEXT] = g_param_spec_string ("captured-text", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, BJB_DELIVERY_QUEUE_ITEM_REFUSED,
                                             0, flags);
  properties[PROP_SENTENCE] = g_param_spec_string ("sentence", NULL, NULL, NULL, flags);
  properties[PROP_REFUSED] = g_param_spec_boolean ("refused", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_delivery_queue_item_init (BjbDeliveryQueueItem *self)
{
}

BjbDeliveryQueueItem *
bjb_delivery_queue_item_new (const BjbDeliveryCompletion *completion)
{
  BjbDeliveryQueueItem *self;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *at = NULL;
  g_autofree char *id_text = NULL;

  g_return_val_if_fail (completion != NULL && completion->captured_at != NULL, NULL);

  self = g_object_new (BJB_TYPE_DELIVERY_QUEUE_ITEM, NULL);
  self->completion = bjb_delivery_completion_copy (completion);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, completion->order_id);
  /* Translators: a queued completion whose order number this device never saw */
  self->title = g_strdup_printf (_("Order %s"), id_text);
  local = g_date_time_to_local (completion->captured_at);
  at = g_date_time_format (local, "%d/%m %H:%M");
  /* Translators: who received the goods and when the courier pressed Complete, e.g.
   * "Pak Budi · completed 01/12 14:05" */
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
  return self->completion->order_id;
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
  gboolean was_refused;

  g_return_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self));

  was_refused = self->state == BJB_DELIVERY_QUEUE_ITEM_REFUSED;
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (g_strcmp0 (self->sentence, sentence) != 0)
    {
      g_free (self->sentence);
      self->sentence = g_strdup (sentence);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SENTENCE]);
    }
  if (was_refused != (state == BJB_DELIVERY_QUEUE_ITEM_REFUSED))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REFUSED]);
}

void
bjb_delivery_queue_item_set_title (BjbDeliveryQueueItem *self,
                                   const char           *title)
{
  g_return_if_fail (BJB_IS_DELIVERY_QUEUE_ITEM (self));

  if (title == NULL || g_strcmp0 (self->title, title) == 0)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}
