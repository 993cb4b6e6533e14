/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd"

#include "config.h"

#include "bjb-event-relay.h"

/*
 * One state machine on one connection: open → (connected) set synchronous_commit and
 * lock_timeout, wait for the lock → (held) relay_events(NULL) → poll relay_events(cursor)
 * every interval. A lost link
 * fails the query in flight with DISCONNECTED; the connection reconnects by itself and
 * "connected" starts the machine over (the lock and the cursor went with the old session).
 * "generation" tells the answers of an old session from the current one's.
 */

#define LOCK_RETRY_FIRST_MS 200
#define LOCK_RETRY_CAP_MS   5000
#define OPEN_RETRY_CAP_S    60

/* The lock is WAITED for, at most lock_timeout: on a busy server some checkout nearly
 * always holds the shared side for an instant, so a try-lock could starve, while a waiting
 * request gets in as soon as the holders present finish (new shared try-locks fail behind
 * it). While it waits those checkouts do not notify; hence after a wait that timed out the
 * relay sends one NOTIFY itself (miss_sql), so a session holding the key (another relay, or
 * a superuser: since 0024 no staff login may take it) slows wake-ups to the retry rate,
 * never stops them.
 * synchronous_commit off: a wake-up holds no data, a lost one is a delay. */
static const char setup_sql[] =
  "SELECT pg_catalog.set_config('synchronous_commit', 'off', false),"
  " pg_catalog.set_config('lock_timeout', '1s', false)";
static const char lock_sql[] =
  "SELECT pg_catalog.pg_advisory_lock(" G_STRINGIFY (BJB_EVENT_RELAY_LOCK_KEY1) ", "
  G_STRINGIFY (BJB_EVENT_RELAY_LOCK_KEY2) ") IS NULL AS nothing";
static const char miss_sql[] =
  "SELECT pg_catalog.pg_notify('bjb_events', '{\"relay\": \"waiting for the lock\"}')";
static const char relay_sql[] = "SELECT bjb.relay_events($1::bigint) AS cursor";

struct _BjbEventRelay
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;     /* cancelled by stop: answers after it are ignored */

  guint interval_ms;
  guint generation;              /* bumped on every (re)connect */
  guint timer_id;                /* the one pending step: a poll, a lock or open retry */
  void (*timer_step) (BjbEventRelay *self);
  guint lock_retry_ms;
  guint open_attempt;
  guint n_wakeups;
  gint64 cursor;                 /* the last event announced; -1 before the first call */
  gulong connected_id;
  gboolean active;
  gboolean waiting_logged;       /* "the lock is held elsewhere" said once per wait */
};

G_DEFINE_FINAL_TYPE (BjbEventRelay, bjb_event_relay, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a query's step does with its answer: @rows, or NULL with @error set. */
typedef void (*AnswerFunc) (BjbEventRelay *self,
                            BjbResult     *rows,
                            const GError  *error);

/* What a query's callback needs to know whether its answer still counts, and its step. */
typedef struct
{
  BjbEventRelay *self;           /* owned */
  guint generation;
  AnswerFunc answer;
} Call;

static Call *
call_new (BjbEventRelay *self,
          AnswerFunc     answer)
{
  Call *call = g_new0 (Call, 1);

  call->self = g_object_ref (self);
  call->generation = self->generation;
  call->answer = answer;
  return call;
}

static void
call_free (Call *call)
{
  g_object_unref (call->self);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static void
set_active (BjbEventRelay *self,
            gboolean       active)
{
  if (self->active == active)
    return;
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* Whether a query's answer belongs to the current session of a running relay. */
static gboolean
call_is_current (Call *call)
{
  return !g_cancellable_is_cancelled (call->self->cancellable)
         && call->generation == call->self->generation;
}

/* Every query's callback: the answer goes to the call's step, unless there is nothing to
 * do: the relay stopped or moved to a new session meanwhile, or the link was lost
 * ("connected" starts over). */
static void
call_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), res, &error);

  if (!call_is_current (call))
    return;
  if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED))
    {
      set_active (call->self, FALSE);
      return;
    }
  call->answer (call->self, rows, error);
}

static void poll_events (BjbEventRelay *self);
static void wait_for_lock (BjbEventRelay *self);
static void notify_missed (BjbEventRelay *self);
static void open_connection (BjbEventRelay *self);

/* Every query of the relay: on its connection, cancelled by stop, its answer handed to
 * @answer by a Call that knows the session it was sent in. */
static void
send (BjbEventRelay     *self,
      const char        *sql,
      guint              n_params,
      const char *const *params,
      AnswerFunc         answer)
{
  bjb_connection_query_async (self->connection, sql, n_params, params, self->cancellable,
                              call_done, call_new (self, answer));
}

static gboolean
on_timer (gpointer user_data)
{
  BjbEventRelay *self = user_data;

  self->timer_id = 0;
  self->timer_step (self);
  return G_SOURCE_REMOVE;
}

/* The machine waits for one thing at a time, so one timer serves every wait. */
static void
schedule (BjbEventRelay  *self,
          guint           msec,
          void          (*step) (BjbEventRelay *self))
{
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->timer_step = step;
  self->timer_id = g_timeout_add (msec, on_timer, self);
}

static void
poll_done (BjbEventRelay *self,
           BjbResult     *rows,
           const GError  *error)
{
  gint64 cursor;

  if (rows == NULL)
    {
      /* The schema changing under us, a statement timeout: worth a line and a slower
       * retry. */
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                        "event relay: bjb.relay_events failed: %s", error->message);
      schedule (self, MAX (self->interval_ms, 1000), poll_events);
      return;
    }

  cursor = bjb_result_get_int64 (rows, 0, "cursor");
  if (self->cursor < 0 || cursor != self->cursor)
    self->n_wakeups++;        /* the function sent one NOTIFY for this batch */
  self->cursor = cursor;
  set_active (self, TRUE);
  schedule (self, self->interval_ms, poll_events);
}

static void
poll_events (BjbEventRelay *self)
{
  g_autofree char *after = NULL;
  const char *params[1] = { NULL };   /* NULL: the start call, which always NOTIFYs */

  if (self->cursor >= 0)
    params[0] = after = g_strdup_printf ("%" G_GINT64_FORMAT, self->cursor);
  send (self, relay_sql, 1, params, poll_done);
}

static void
lock_done (BjbEventRelay *self,
           BjbResult     *rows,
           const GError  *error)
{
  if (rows == NULL)
    {
      /* 55P03: the wait timed out; another barokahd relays, or a session holds the key.
       * Wake the desks whose commits fell in the wait, then wait again, less often. */
      if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "55P03") != 0 || !self->waiting_logged)
        g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                          "event relay: the relay lock is held elsewhere; waiting for it (%s)",
                          error->message);
      self->waiting_logged = TRUE;
      schedule (self, self->lock_retry_ms, notify_missed);
      self->lock_retry_ms = MIN (self->lock_retry_ms * 2, LOCK_RETRY_CAP_MS);
      return;
    }
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                    "event relay: relaying bjb_events every %u ms (backend %d)",
                    self->interval_ms, bjb_connection_get_backend_pid (self->connection));
  self->waiting_logged = FALSE;
  self->lock_retry_ms = LOCK_RETRY_FIRST_MS;
  self->cursor = -1;
  poll_events (self);
}

static void
wait_for_lock (BjbEventRelay *self)
{
  send (self, lock_sql, 0, NULL, lock_done);
}

static void
miss_done (BjbEventRelay *self,
           BjbResult     *rows,
           const GError  *error)
{
  if (rows != NULL)
    self->n_wakeups++;
}

/* After a wait that timed out (see miss_sql), a moment later so that the transactions that
 * checked during the wait have committed; then the next wait. */
static void
notify_missed (BjbEventRelay *self)
{
  send (self, miss_sql, 0, NULL, miss_done);
  wait_for_lock (self);
}

static void
setup_done (BjbEventRelay *self,
            BjbResult     *rows,
            const GError  *error)
{
  if (rows == NULL)
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                      "event relay: %s failed: %s", setup_sql, error->message);
}

static void
on_connected (BjbConnection *connection,
              BjbEventRelay *self)
{
  self->generation++;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  set_active (self, FALSE);
  self->lock_retry_ms = LOCK_RETRY_FIRST_MS;
  /* Issued from "connected", these run first, in this order. */
  send (self, setup_sql, 0, NULL, setup_done);
  wait_for_lock (self);
}

static void
open_done (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(BjbEventRelay) self = user_data;
  g_autoptr(GError) error = NULL;
  guint delay;

  /* On success "connected" has already started the machine. */
  if (bjb_connection_open_finish (BJB_CONNECTION (source), res, &error)
      || g_cancellable_is_cancelled (self->cancellable))
    return;
  /* The worker's own connection opened a moment ago, so this is a passing failure (or a
   * server going away): the desks notify by themselves meanwhile. */
  delay = MIN (1u << MIN (self->open_attempt, 6u), (guint) OPEN_RETRY_CAP_S);
  self->open_attempt++;
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                    "event relay: cannot connect (%s); retrying in %u s", error->message, delay);
  schedule (self, delay * 1000, open_connection);
}

static void
open_connection (BjbEventRelay *self)
{
  bjb_connection_open_async (self->connection, self->cancellable, open_done,
                             g_object_ref (self));
}

static void
bjb_event_relay_dispose (GObject *object)
{
  BjbEventRelay *self = BJB_EVENT_RELAY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->connection != NULL)
    {
      g_clear_signal_handler (&self->connected_id, self->connection);
      bjb_connection_close (self->connection);
    }
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_event_relay_parent_class)->dispose (object);
}

static void
bjb_event_relay_finalize (GObject *object)
{
  BjbEventRelay *self = BJB_EVENT_RELAY (object);

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bjb_event_relay_parent_class)->finalize (object);
}

static void
bjb_event_relay_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbEventRelay *self = BJB_EVENT_RELAY (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_event_relay_class_init (BjbEventRelayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_event_relay_dispose;
  object_class->finalize = bjb_event_relay_finalize;
  object_class->get_property = bjb_event_relay_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_event_relay_init (BjbEventRelay *self)
{
  self->cancellable = g_cancellable_new ();
  self->cursor = -1;
  self->lock_retry_ms = LOCK_RETRY_FIRST_MS;
}

BjbEventRelay *
bjb_event_relay_new (BjbConnection *connection,
                     guint          interval_ms)
{
  BjbEventRelay *self;

  g_return_val_if_fail (BJB_IS_CONNECTION (connection), NULL);
  g_return_val_if_fail (interval_ms > 0, NULL);

  self = g_object_new (BJB_TYPE_EVENT_RELAY, NULL);
  self->connection = g_object_ref (connection);
  self->interval_ms = interval_ms;
  self->connected_id = g_signal_connect (connection, "connected", G_CALLBACK (on_connected), self);
  return self;
}

void
bjb_event_relay_start (BjbEventRelay *self)
{
  g_return_if_fail (BJB_IS_EVENT_RELAY (self));

  if (bjb_connection_get_state (self->connection) == BJB_CONNECTION_STATE_DISCONNECTED)
    open_connection (self);
}

void
bjb_event_relay_stop (BjbEventRelay *self)
{
  g_return_if_fail (BJB_IS_EVENT_RELAY (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timer_id, g_source_remove);
  bjb_connection_close (self->connection);
  set_active (self, FALSE);
}

gboolean
bjb_event_relay_is_active (BjbEventRelay *self)
{
  g_return_val_if_fail (BJB_IS_EVENT_RELAY (self), FALSE);
  return self->active;
}

int
bjb_event_relay_get_backend_pid (BjbEventRelay *self)
{
  g_return_val_if_fail (BJB_IS_EVENT_RELAY (self), 0);
  return bjb_connection_get_backend_pid (self->connection);
}

guint
bjb_event_relay_get_n_wakeups (BjbEventRelay *self)
{
  g_return_val_if_fail (BJB_IS_EVENT_RELAY (self), 0);
  return self->n_wakeups;
}
