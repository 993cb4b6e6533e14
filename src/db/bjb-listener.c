/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-listener"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-listener.h"

/*
 * Catch-up and live delivery are one path: fetch_events() reads every event after the
 * cursor (last-event-id). It runs after each (re)connect (behind LISTEN, so no NOTIFY can
 * fall in the gap) and after each NOTIFY. A NOTIFY that arrives during a fetch only marks
 * that another fetch is needed.
 *
 * Event ids are drawn without a lock, so a lower id may commit after a higher one. The
 * server (bjb.events_after) therefore delivers in (transaction id, id) order and only the
 * events of transactions older than every one still running: nothing can later appear
 * before the cursor. Events held back that way may be released by a transaction that ends
 * without an event of its own (no NOTIFY), so while bjb.events_held_back() says some wait,
 * the listener polls with a growing delay.
 *
 * Wake-ups may come from barokahd's event relay instead of each event's own commit
 * (migration 0015). Should the relay die between a transaction's check and its next poll,
 * that event's NOTIFY is never sent; the next event anywhere notifies again, and an idle
 * listener also fetches on its own every IDLE_FETCH_S, so an event can never wait longer.
 */

#define FETCH_LIMIT 500
#define RETRY_MIN_MS 50
#define RETRY_MAX_MS 1000
#define IDLE_FETCH_S 30

/* One row even when there is no event (id NULL), to carry the held-back flag; both
 * functions read the same snapshot, the statement's. */
static const char fetch_sql[] =
  "SELECT e.id, e.kind, e.order_id, e.product_id, e.customer_id, e.audience_role,"
  " e.audience_login, e.created_at, e.details::text AS details, h.held"
  " FROM (SELECT bjb.events_held_back() AS held) h"
  " LEFT JOIN LATERAL bjb.events_after($1, " G_STRINGIFY (FETCH_LIMIT) ") e ON true"
  " ORDER BY e.xact_id, e.id";

struct _BjbListener
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;    /* cancelled by stop / dispose */
  GTask *start_task;

  gint64 last_event_id;
  gint64 fetch_after;           /* the cursor the fetch in flight was sent with */
  guint retry_source;
  guint retry_delay_ms;
  guint idle_source;
  gint64 last_fetch_at;         /* monotonic µs at the last fetch sent */
  gulong connected_id;
  gulong notification_id;
  gboolean fetching;
  gboolean fetch_again;
};

G_DEFINE_FINAL_TYPE (BjbListener, bjb_listener, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_LAST_EVENT_ID,
  N_PROPS
};

enum {
  EVENT_RECEIVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void fetch_events (BjbListener *self);

static void
finish_start (BjbListener *self,
              GError      *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->start_task);

  if (task == NULL)
    {
      g_clear_error (&error);
      return;
    }
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static gboolean
on_retry (gpointer user_data)
{
  BjbListener *self = user_data;

  self->retry_source = 0;
  fetch_events (self);
  return G_SOURCE_REMOVE;
}

/* Polls again later for events an older transaction still holds back; sooner when the
 * last fetch released some (that transaction is ending), slower while nothing moves. */
static void
schedule_retry (BjbListener *self,
                gboolean     progressed)
{
  if (self->retry_source != 0)
    return;
  if (progressed || self->retry_delay_ms == 0)
    self->retry_delay_ms = RETRY_MIN_MS;
  else
    self->retry_delay_ms = MIN (self->retry_delay_ms * 2, RETRY_MAX_MS);
  self->retry_source = g_timeout_add (self->retry_delay_ms, on_retry, self);
}

static void
fetch_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BjbListener) self = user_data;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rows;
  guint n_events = 0;
  gboolean held;

  self->fetching = FALSE;
  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (rows == NULL)
    {
      /* A lost link re-runs the whole path from the "connected" handler. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED))
        g_message ("Could not read events: %s", error->message);
      self->fetch_again = FALSE;
      finish_start (self, g_steal_pointer (&error));
      return;
    }

  /* Somebody moved the cursor while this fetch was out: its rows may not follow it. */
  if (self->fetch_after != self->last_event_id)
    {
      self->fetch_again = FALSE;
      fetch_events (self);
      return;
    }

  n_rows = bjb_result_get_n_rows (rows);
  held = n_rows > 0 && bjb_result_get_boolean (rows, 0, "held");
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(BjbEvent) event = NULL;

      if (bjb_result_is_null (rows, i, "id"))
        continue;
      event = bjb_event_new_from_result (rows, i);
      n_events++;
      /* The server returns only events after the cursor, in delivery order. */
      self->last_event_id = bjb_event_get_id (event);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT_ID]);
      g_signal_emit (self, signals[EVENT_RECEIVED], 0, event);
      if (g_cancellable_is_cancelled (self->cancellable))
        return;
    }

  if (n_events == FETCH_LIMIT || self->fetch_again)
    {
      self->fetch_again = FALSE;
      fetch_events (self);
      return;
    }

  if (held)
    schedule_retry (self, n_events > 0);
  else
    self->retry_delay_ms = 0;

  finish_start (self, NULL);
}

/* The safety net under a relay that died: a fetch when none ran for IDLE_FETCH_S. */
static gboolean
on_idle_fetch (gpointer user_data)
{
  BjbListener *self = user_data;
  gint64 idle_us = g_get_monotonic_time () - self->last_fetch_at;

  if (idle_us >= (IDLE_FETCH_S - 1) * G_USEC_PER_SEC
      && bjb_connection_get_state (self->connection) == BJB_CONNECTION_STATE_CONNECTED)
    fetch_events (self);
  return G_SOURCE_CONTINUE;
}

static void
fetch_events (BjbListener *self)
{
  g_autofree char *last = NULL;
  const char *params[1];

  if (self->fetching)
    {
      self->fetch_again = TRUE;
      return;
    }

  self->fetching = TRUE;
  self->last_fetch_at = g_get_monotonic_time ();
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->fetch_after = self->last_event_id;
  last = g_strdup_printf ("%" G_GINT64_FORMAT, self->last_event_id);
  params[0] = last;
  bjb_connection_query_async (self->connection, fetch_sql, 1, params, self->cancellable,
                              fetch_done, g_object_ref (self));
}

static void
listen_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbListener) self = user_data;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (rows == NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      !g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED))
    g_message ("LISTEN failed: %s", error->message);
}

static void
on_connected (BjbConnection *connection,
              BjbListener   *self)
{
  /* Issued from the "connected" handler, these two go ahead of anything queued and run
   * in this order: LISTEN first, then read what we missed. */
  bjb_connection_query_async (connection, "LISTEN bjb_events", 0, NULL, self->cancellable,
                              listen_done, g_object_ref (self));
  if (self->idle_source == 0)
    self->idle_source = g_timeout_add_seconds (IDLE_FETCH_S, on_idle_fetch, self);
  /* A fetch still queued from the previous link runs after LISTEN too; fetch_again makes
   * sure one more follows it. Either way no event is emitted twice: only one fetch is out
   * at a time, and each asks for the events after the cursor it was sent with. */
  fetch_events (self);
}

static void
on_notification (BjbConnection *connection,
                 const char    *channel,
                 const char    *payload,
                 int            pid,
                 BjbListener   *self)
{
  if (g_strcmp0 (channel, "bjb_events") == 0)
    fetch_events (self);
}

static void
open_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BjbListener) self = user_data;
  g_autoptr(GError) error = NULL;

  /* On success the "connected" handler has already queued LISTEN and the catch-up, whose
   * end completes the start task. */
  if (!bjb_connection_open_finish (BJB_CONNECTION (object), result, &error))
    finish_start (self, g_steal_pointer (&error));
}

static void
bjb_listener_dispose (GObject *object)
{
  BjbListener *self = (BjbListener *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  if (self->connection != NULL)
    {
      g_clear_signal_handler (&self->connected_id, self->connection);
      g_clear_signal_handler (&self->notification_id, self->connection);
      bjb_connection_close (self->connection);
    }
  g_clear_object (&self->connection);
  g_clear_object (&self->start_task);

  G_OBJECT_CLASS (bjb_listener_parent_class)->dispose (object);
}

static void
bjb_listener_finalize (GObject *object)
{
  BjbListener *self = (BjbListener *) object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bjb_listener_parent_class)->finalize (object);
}

static void
bjb_listener_constructed (GObject *object)
{
  BjbListener *self = (BjbListener *) object;

  G_OBJECT_CLASS (bjb_listener_parent_class)->constructed (object);

  g_assert (BJB_IS_CONNECTION (self->connection));
  self->connected_id = g_signal_connect (self->connection, "connected",
                                         G_CALLBACK (on_connected), self);
  self->notification_id = g_signal_connect (self->connection, "notification",
                                            G_CALLBACK (on_notification), self);
}

static void
bjb_listener_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BjbListener *self = BJB_LISTENER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_LAST_EVENT_ID:
      g_value_set_int64 (value, self->last_event_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_listener_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BjbListener *self = BJB_LISTENER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      self->connection = g_value_dup_object (value);
      break;
    case PROP_LAST_EVENT_ID:
      bjb_listener_set_last_event_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_listener_class_init (BjbListenerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = bjb_listener_constructed;
  object_class->dispose = bjb_listener_dispose;
  object_class->finalize = bjb_listener_finalize;
  object_class->get_property = bjb_listener_get_property;
  object_class->set_property = bjb_listener_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_EVENT_ID] =
    g_param_spec_int64 ("last-event-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[EVENT_RECEIVED] =
    g_signal_new ("event-received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BJB_TYPE_EVENT);
}

static void
bjb_listener_init (BjbListener *self)
{
  self->cancellable = g_cancellable_new ();
}

BjbListener *
bjb_listener_new (BjbConnection *connection)
{
  g_return_val_if_fail (BJB_IS_CONNECTION (connection), NULL);

  return g_object_new (BJB_TYPE_LISTENER, "connection", connection, NULL);
}

void
bjb_listener_start_async (BjbListener         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (BJB_IS_LISTENER (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_listener_start_async);

  if (self->start_task != NULL || g_cancellable_is_cancelled (self->cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "the listener is starting or was stopped");
      return;
    }

  self->start_task = g_steal_pointer (&task);

  switch (bjb_connection_get_state (self->connection))
    {
    case BJB_CONNECTION_STATE_DISCONNECTED:
      bjb_connection_open_async (self->connection, cancellable, open_done,
                                 g_object_ref (self));
      break;

    case BJB_CONNECTION_STATE_CONNECTED:
      on_connected (self->connection, self);
      break;

    case BJB_CONNECTION_STATE_CONNECTING:
    case BJB_CONNECTION_STATE_RECONNECTING:
    default:
      /* "connected" will fire and run the catch-up that completes the task. */
      break;
    }
}

gboolean
bjb_listener_start_finish (BjbListener   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (BJB_IS_LISTENER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
bjb_listener_stop (BjbListener *self)
{
  g_return_if_fail (BJB_IS_LISTENER (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_handle_id (&self->idle_source, g_source_remove);
  bjb_connection_close (self->connection);
  finish_start (self, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                           "the listener was stopped"));
}

BjbConnection *
bjb_listener_get_connection (BjbListener *self)
{
  g_return_val_if_fail (BJB_IS_LISTENER (self), NULL);
  return self->connection;
}

gint64
bjb_listener_get_last_event_id (BjbListener *self)
{
  g_return_val_if_fail (BJB_IS_LISTENER (self), 0);
  return self->last_event_id;
}

void
bjb_listener_set_last_event_id (BjbListener *self,
                                gint64       id)
{
  g_return_if_fail (BJB_IS_LISTENER (self));
  g_return_if_fail (id >= 0);

  if (self->last_event_id == id)
    return;
  self->last_event_id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_EVENT_ID]);
}
