/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd"

#include "config.h"

#include <math.h>

#include "bjb-deliverer.h"
#include "bjb-gateway.h"
#include "bjb-message-ops.h"
#include "bjb-worker-log.h"

struct _BjbDeliverer
{
  GObject parent_instance;

  /* Borrowed */
  const BjbWorkerConfig *config;

  /* Owned */
  BjbConnection *connection;
  BjbGateway *whatsapp;
  BjbGateway *email;
  const char **channels;

  guint in_flight;         /* messages claimed and not yet marked */
  gboolean claiming;       /* a claim query is out */
  gboolean again;          /* a kick arrived during a claim: claim once more after it */
  gboolean drained;        /* the last claim found nothing due */
  gboolean stopping;
  guint n_sent;
  guint n_db_errors;       /* claims and marks the database refused or lost */
};

G_DEFINE_FINAL_TYPE (BjbDeliverer, bjb_deliverer, G_TYPE_OBJECT)

enum {
  SIGNAL_IDLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* One message on its way: what it is, which attempt, how the send ended. */
typedef struct
{
  BjbDeliverer *self;      /* strong */
  BjbOutboxMessage *message;
  BjbSendResult *result;
  int attempt;
  gboolean mark_retried;
} Delivery;

static void claim (BjbDeliverer *self);

static void
delivery_free (Delivery *d)
{
  g_object_unref (d->self);
  g_object_unref (d->message);
  bjb_send_result_free (d->result);
  g_free (d);
}

static void
check_idle (BjbDeliverer *self)
{
  if (bjb_deliverer_is_idle (self))
    g_signal_emit (self, signals[SIGNAL_IDLE], 0);
}

/* A message is done: free its slot and fill it. */
static void
delivery_done (Delivery *d)
{
  BjbDeliverer *self = g_object_ref (d->self);

  g_assert (self->in_flight > 0);
  self->in_flight--;
  delivery_free (d);
  if (!self->stopping)
    claim (self);
  check_idle (self);
  g_object_unref (self);
}

static void mark (Delivery *d);

static void
on_marked (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  Delivery *d = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = bjb_outbox_message_get_id (d->message);
  const char *channel = bjb_outbox_message_get_channel (d->message);

  if (!bjb_message_ops_mark_finish (BJB_CONNECTION (source), res, &error))
    {
      /* The link died with the mark in flight: it may or may not have committed. Send the
       * same mark again once reconnected; if the first one did commit, the second is
       * refused (BJ002: no longer held) and nothing changes. */
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED) && !d->mark_retried)
        {
          d->mark_retried = TRUE;
          mark (d);
          return;
        }
      d->self->n_db_errors++;
      bjb_worker_log_message (G_LOG_LEVEL_MESSAGE, id, channel, "mark-failed", d->attempt,
                              d->result->http_status,
                              "could not record the outcome (%s): %s; the lease sweep will "
                              "make it uncertain if it is still leased",
                              bjb_send_outcome_to_string (d->result->outcome), error->message);
    }
  else if (d->result->outcome == BJB_SEND_SENT)
    d->self->n_sent++;
  delivery_done (d);
}

static void
mark (Delivery *d)
{
  BjbDeliverer *self = d->self;
  BjbSendResult *r = d->result;
  gint64 id = bjb_outbox_message_get_id (d->message);
  const char *channel = bjb_outbox_message_get_channel (d->message);

  switch (r->outcome)
    {
    case BJB_SEND_SENT:
      bjb_worker_log_message (G_LOG_LEVEL_INFO, id, channel, "sent", d->attempt, r->http_status,
                              "sent (provider id %s)", r->provider_id != NULL ? r->provider_id : "none");
      bjb_message_ops_mark_sent_async (self->connection, id, r->provider_id, r->http_status,
                                       NULL, on_marked, d);
      break;

    case BJB_SEND_UNCERTAIN:
      bjb_worker_log_message (G_LOG_LEVEL_MESSAGE, id, channel, "uncertain", d->attempt,
                              r->http_status, "%s; not sent again automatically", r->error);
      bjb_message_ops_mark_uncertain_async (self->connection, id, r->error, NULL, on_marked, d);
      break;

    case BJB_SEND_RETRY:
    case BJB_SEND_PERMANENT:
    default:
      {
        gboolean parked = r->outcome == BJB_SEND_PERMANENT
                          || d->attempt >= (int) self->config->max_attempts;
        double delay = r->retry_after >= 0 ? (double) MIN (MAX (r->retry_after, 1), 86400)
                                           : bjb_deliverer_backoff (self->config, d->attempt);
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
        g_autoptr(GDateTime) retry_at = g_date_time_add (now, (GTimeSpan) (delay * G_TIME_SPAN_SECOND));

        bjb_worker_log_message (G_LOG_LEVEL_MESSAGE, id, channel, parked ? "failed" : "retry",
                                d->attempt, r->http_status,
                                parked ? "%s; parked as failed after attempt %d"
                                       : "%s; attempt %d, next in %.0f s",
                                r->error, d->attempt, delay);
        bjb_message_ops_mark_failed_async (self->connection, id, r->error, parked ? NULL : retry_at,
                                           parked, r->http_status, NULL, on_marked, d);
      }
      break;
    }
}

static void
on_sent (GObject      *source,
         GAsyncResult *res,
         gpointer      user_data)
{
  Delivery *d = user_data;

  d->result = bjb_gateway_send_finish (BJB_GATEWAY (source), res);
  mark (d);
}

static void
on_attempt_begun (GObject      *source,
                  GAsyncResult *res,
                  gpointer      user_data)
{
  Delivery *d = user_data;
  g_autoptr(GError) error = NULL;
  BjbGateway *gateway;

  d->attempt = bjb_message_ops_begin_attempt_finish (BJB_CONNECTION (source), res, &error);
  if (d->attempt == 0)
    {
      /* Not begun: nothing went out. A lost lease or link is the sweep's to tidy. */
      bjb_worker_log_message (G_LOG_LEVEL_MESSAGE, bjb_outbox_message_get_id (d->message),
                              bjb_outbox_message_get_channel (d->message), "not-begun", 0, 0,
                              "not sent: %s", error->message);
      delivery_done (d);
      return;
    }
  gateway = g_str_equal (bjb_outbox_message_get_channel (d->message), "whatsapp")
              ? d->self->whatsapp : d->self->email;
  bjb_gateway_send_async (gateway, d->message, on_sent, d);
}

static void
start (BjbDeliverer     *self,
       BjbOutboxMessage *message)
{
  Delivery *d = g_new0 (Delivery, 1);

  d->self = g_object_ref (self);
  d->message = g_object_ref (message);
  self->in_flight++;
  if (self->stopping)
    {
      /* Claimed but not begun: its lease runs out and the sweep puts it back. */
      delivery_done (d);
      return;
    }
  bjb_message_ops_begin_attempt_async (self->connection, bjb_outbox_message_get_id (message), NULL,
                                       on_attempt_begun, d);
}

static void
on_claimed (GObject      *source,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(BjbDeliverer) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = bjb_message_ops_claim_finish (BJB_CONNECTION (source), res, &error);

  self->claiming = FALSE;
  if (messages == NULL)
    {
      self->n_db_errors++;
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                        "cannot claim messages: %s", error->message);
      self->drained = TRUE;
      self->again = FALSE;
      check_idle (self);
      return;
    }
  /* Fewer than asked is not "nothing more due": the claim skips opted-out customers within
   * its limit. Only an empty claim means drained. */
  self->drained = messages->len == 0;
  for (guint i = 0; i < messages->len; i++)
    start (self, g_ptr_array_index (messages, i));
  if (self->again || !self->drained)
    {
      self->again = FALSE;
      claim (self);
    }
  check_idle (self);
}

static void
claim (BjbDeliverer *self)
{
  guint free_slots;

  if (self->stopping)
    return;
  if (self->claiming)
    {
      self->again = TRUE;
      return;
    }
  free_slots = self->config->concurrency > self->in_flight ? self->config->concurrency - self->in_flight : 0;
  if (free_slots == 0)
    return;
  self->claiming = TRUE;
  bjb_message_ops_claim_async (self->connection, free_slots, self->config->lease, self->channels,
                               NULL, on_claimed, g_object_ref (self));
}

static void
bjb_deliverer_dispose (GObject *object)
{
  BjbDeliverer *self = BJB_DELIVERER (object);

  g_clear_object (&self->whatsapp);
  g_clear_object (&self->email);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_deliverer_parent_class)->dispose (object);
}

static void
bjb_deliverer_finalize (GObject *object)
{
  BjbDeliverer *self = BJB_DELIVERER (object);

  g_free (self->channels);

  G_OBJECT_CLASS (bjb_deliverer_parent_class)->finalize (object);
}

static void
bjb_deliverer_class_init (BjbDelivererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_deliverer_dispose;
  object_class->finalize = bjb_deliverer_finalize;

  signals[SIGNAL_IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bjb_deliverer_init (BjbDeliverer *self)
{
  self->drained = TRUE;
}

BjbDeliverer *
bjb_deliverer_new (BjbConnection         *connection,
                   const BjbWorkerConfig *config)
{
  BjbDeliverer *self;

  g_return_val_if_fail (BJB_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (BJB_TYPE_DELIVERER, NULL);
  self->connection = g_object_ref (connection);
  self->config = config;
  self->channels = bjb_worker_config_channels (config);
  if (config->whatsapp != NULL)
    self->whatsapp = bjb_gateway_new (config->whatsapp, config->request_timeout);
  if (config->email != NULL)
    self->email = bjb_gateway_new (config->email, config->request_timeout);
  return self;
}

void
bjb_deliverer_kick (BjbDeliverer *self)
{
  g_return_if_fail (BJB_IS_DELIVERER (self));

  claim (self);
}

void
bjb_deliverer_stop (BjbDeliverer *self)
{
  g_return_if_fail (BJB_IS_DELIVERER (self));

  self->stopping = TRUE;
  self->again = FALSE;
  check_idle (self);
}

gboolean
bjb_deliverer_is_idle (BjbDeliverer *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERER (self), TRUE);

  return self->in_flight == 0 && !self->claiming && (self->drained || self->stopping);
}

double
bjb_deliverer_backoff (const BjbWorkerConfig *config,
                       int                    attempt)
{
  double base = config->backoff_initial * pow (2.0, MAX (attempt, 1) - 1);
  double capped = MIN (base, (double) config->backoff_max);
  double spread = config->jitter > 0 ? g_random_double_range (-config->jitter, config->jitter) : 0;

  return MAX (capped * (1.0 + spread), 1.0);
}

guint
bjb_deliverer_get_n_sent (BjbDeliverer *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERER (self), 0);

  return self->n_sent;
}

guint
bjb_deliverer_get_n_db_errors (BjbDeliverer *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERER (self), 0);

  return self->n_db_errors;
}
