/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-delivery-ops.h"
#include "bjb-delivery-queue.h"
#include "bjb-error-sentence.h"
#include "bjb-field-props.h"

struct _BjbDeliveryQueue
{
  GObject parent_instance;

  /* Owned */
  BjbDeliverySpool *spool;
  GListStore       *items;
  BjbConnection    *connection;
  GCancellable     *cancellable;   /* the send in flight; cancelled with the connection */
  gulong            connected_id;
  guint             n_waiting;
};

G_DEFINE_FINAL_TYPE (BjbDeliveryQueue, bjb_delivery_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_WAITING,
  N_PROPS
};

enum {
  SENT,
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void flush (BjbDeliveryQueue *self);

static void
count_waiting (BjbDeliveryQueue *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint waiting = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (bjb_delivery_queue_item_get_state (item) != BJB_DELIVERY_QUEUE_ITEM_REFUSED)
        waiting++;
    }
  bjb_field_props_set_uint (self, properties[PROP_N_WAITING], waiting);
}

static gboolean
find_key (BjbDeliveryQueue *self,
          const char       *key,
          guint            *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (g_strcmp0 (bjb_delivery_queue_item_get_key (item), key) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Off the disk once the server has decided; a failure here only means a harmless resend
 * later (the key makes it a no-op). */
static void
forget_on_disk (BjbDeliveryQueue *self,
                const char       *key)
{
  g_autoptr(GError) error = NULL;

  if (!bjb_delivery_spool_remove (self->spool, key, &error) && error != NULL)
    g_warning ("Cannot remove the sent completion %s from the spool: %s", key, error->message);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbDeliveryQueueItem) item = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) done = bjb_delivery_ops_send_finish (result, &error);
  g_autoptr(BjbDeliveryQueue) self = g_object_ref (g_object_get_data (G_OBJECT (item), "bjb-queue"));
  g_autofree char *key = NULL;
  gint64 order_id = bjb_delivery_queue_item_get_order_id (item);
  guint position;

  g_object_set_data (G_OBJECT (item), "bjb-queue", NULL);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      bjb_delivery_queue_item_set_state (item, BJB_DELIVERY_QUEUE_ITEM_WAITING, NULL);
      return;
    }
  key = g_strdup (bjb_delivery_queue_item_get_key (item));

  if (done != NULL)
    {
      forget_on_disk (self, key);
      if (find_key (self, key, &position))
        g_list_store_remove (self->items, position);
      count_waiting (self);
      g_signal_emit (self, signals[SENT], 0, order_id);
    }
  else if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS) ||
           g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_PERMISSION))
    {
      /* The server will not take it, now or later: say why, on the item. */
      g_autofree char *sentence = bjb_error_sentence (error);

      forget_on_disk (self, key);
      bjb_delivery_queue_item_set_state (item, BJB_DELIVERY_QUEUE_ITEM_REFUSED, sentence);
      count_waiting (self);
      g_signal_emit (self, signals[REFUSED], 0, order_id, sentence);
    }
  else
    {
      /* The link went (or the server could not answer): it stays first in line, and goes
       * at the next connect. */
      g_autofree char *sentence = bjb_error_sentence (error);

      g_debug ("Completion %s not sent yet: %s", key, error->message);
      bjb_delivery_queue_item_set_state (item, BJB_DELIVERY_QUEUE_ITEM_WAITING, sentence);
      g_clear_object (&self->cancellable);
      return;
    }
  g_clear_object (&self->cancellable);
  flush (self);
}

/* One at a time, oldest first: the server sees the completions in the order they happened. */
static void
flush (BjbDeliveryQueue *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (self->cancellable != NULL || self->connection == NULL ||
      bjb_connection_get_state (self->connection) != BJB_CONNECTION_STATE_CONNECTED)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (bjb_delivery_queue_item_get_state (item) != BJB_DELIVERY_QUEUE_ITEM_WAITING)
        continue;
      self->cancellable = g_cancellable_new ();
      bjb_delivery_queue_item_set_state (item, BJB_DELIVERY_QUEUE_ITEM_SENDING, NULL);
      /* The item carries the queue back to the callback, which may run after the queue
       * let go of the connection (a cancelled send). */
      g_object_set_data_full (G_OBJECT (item), "bjb-queue", g_object_ref (self), g_object_unref);
      bjb_delivery_ops_send_async (self->connection, bjb_delivery_queue_item_get_completion (item),
                                   self->cancellable, on_sent, g_object_ref (item));
      return;
    }
}

static void
on_connected (BjbDeliveryQueue *self)
{
  flush (self);
}

void
bjb_delivery_queue_set_connection (BjbDeliveryQueue *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_DELIVERY_QUEUE (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));

  if (self->connection == connection)
    return;
  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
    }
  if (self->connection != NULL)
    g_clear_signal_handler (&self->connected_id, self->connection);
  g_set_object (&self->connection, connection);
  if (connection != NULL)
    self->connected_id = g_signal_connect_object (connection, "connected",
                                                  G_CALLBACK (on_connected), self,
                                                  G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  flush (self);
}

static void
bjb_delivery_queue_dispose (GObject *object)
{
  BjbDeliveryQueue *self = BJB_DELIVERY_QUEUE (object);

  bjb_delivery_queue_set_connection (self, NULL);
  G_OBJECT_CLASS (bjb_delivery_queue_parent_class)->dispose (object);
}

static void
bjb_delivery_queue_finalize (GObject *object)
{
  BjbDeliveryQueue *self = BJB_DELIVERY_QUEUE (object);

  g_clear_object (&self->spool);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (bjb_delivery_queue_parent_class)->finalize (object);
}

static void
bjb_delivery_queue_class_init (BjbDeliveryQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_delivery_queue_dispose;
  object_class->finalize = bjb_delivery_queue_finalize;
  object_class->get_property = bjb_field_props_get_property;

  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bjb_field_props_install (object_class, PROP_N_WAITING,
                           G_STRUCT_OFFSET (BjbDeliveryQueue, n_waiting), properties[PROP_N_WAITING]);

  signals[SENT] = g_signal_new ("sent", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[REFUSED] = g_signal_new ("refused", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
bjb_delivery_queue_init (BjbDeliveryQueue *self)
{
  self->items = g_list_store_new (BJB_TYPE_DELIVERY_QUEUE_ITEM);
}

BjbDeliveryQueue *
bjb_delivery_queue_new (BjbDeliverySpool  *spool,
                        GError           **error)
{
  g_autoptr(BjbDeliveryQueue) self = NULL;
  g_autoptr(GPtrArray) queued = NULL;

  g_return_val_if_fail (BJB_IS_DELIVERY_SPOOL (spool), NULL);

  queued = bjb_delivery_spool_list (spool, error);
  if (queued == NULL)
    return NULL;
  self = g_object_new (BJB_TYPE_DELIVERY_QUEUE, NULL);
  self->spool = g_object_ref (spool);
  for (guint i = 0; i < queued->len; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = bjb_delivery_queue_item_new (g_ptr_array_index (queued, i));

      g_list_store_append (self->items, item);
    }
  count_waiting (self);
  return g_steal_pointer (&self);
}

gboolean
bjb_delivery_queue_add (BjbDeliveryQueue             *self,
                        const BjbDeliveryCompletion  *completion,
                        GError                      **error)
{
  g_autoptr(BjbDeliveryQueueItem) item = NULL;
  guint position;

  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE (self), FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);

  if (!bjb_delivery_spool_add (self->spool, completion, error))
    return FALSE;
  /* A double tap queues the same key once. */
  if (find_key (self, completion->key, &position))
    return TRUE;
  item = bjb_delivery_queue_item_new (completion);
  g_list_store_append (self->items, item);
  count_waiting (self);
  flush (self);
  return TRUE;
}

void
bjb_delivery_queue_dismiss (BjbDeliveryQueue *self,
                            const char       *key)
{
  g_autoptr(BjbDeliveryQueueItem) item = NULL;
  guint position;

  g_return_if_fail (BJB_IS_DELIVERY_QUEUE (self));

  if (!find_key (self, key, &position))
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  /* Only what the server refused: a waiting completion is a delivery not yet recorded. */
  if (bjb_delivery_queue_item_get_state (item) == BJB_DELIVERY_QUEUE_ITEM_REFUSED)
    g_list_store_remove (self->items, position);
}

gboolean
bjb_delivery_queue_has_order (BjbDeliveryQueue *self,
                              gint64            order_id)
{
  guint n;

  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (bjb_delivery_queue_item_get_order_id (item) == order_id &&
          bjb_delivery_queue_item_get_state (item) != BJB_DELIVERY_QUEUE_ITEM_REFUSED)
        return TRUE;
    }
  return FALSE;
}

GListModel *
bjb_delivery_queue_get_items (BjbDeliveryQueue *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE (self), NULL);
  return G_LIST_MODEL (self->items);
}

guint
bjb_delivery_queue_get_n_waiting (BjbDeliveryQueue *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE (self), 0);
  return self->n_waiting;
}

gboolean
bjb_delivery_queue_get_sending (BjbDeliveryQueue *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY_QUEUE (self), FALSE);
  return self->cancellable != NULL;
}
