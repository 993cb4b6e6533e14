/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd"

#include "config.h"

#include <glib-unix.h>
#include <libpq-fe.h>

#include "bjb-connection.h"
#include "bjb-deliverer.h"
#include "bjb-event-relay.h"
#include "bjb-message-ops.h"
#include "bjb-migrator.h"
#include "bjb-worker.h"
#include "bjb-worker-log.h"

struct _BjbWorker
{
  GObject parent_instance;

  /* Owned */
  BjbWorkerConfig *config;
  BjbConnection *connection;
  BjbDeliverer *deliverer;
  BjbEventRelay *relay;
  GMainLoop *loop;

  gboolean once;
  gboolean relay_only;
  gboolean stopping;
  gboolean quitting;
  int exit_status;
  guint jobs_running;
  guint open_attempt;
  guint expire_id;
  guint sweep_id;
  guint birthday_id;
  guint wake_id;
  guint sigterm_id;
  guint sigint_id;
};

G_DEFINE_FINAL_TYPE (BjbWorker, bjb_worker, G_TYPE_OBJECT)

static const char *const job_names[] = {
  [BJB_MESSAGE_JOB_SWEEP_LEASES] = "sweep",
  [BJB_MESSAGE_JOB_EXPIRE_ORDERS] = "expire",
  [BJB_MESSAGE_JOB_BIRTHDAYS] = "birthdays",
};

static void run_once_step (BjbWorker *self, int step);

static void
clear_timers (BjbWorker *self)
{
  g_clear_handle_id (&self->expire_id, g_source_remove);
  g_clear_handle_id (&self->sweep_id, g_source_remove);
  g_clear_handle_id (&self->birthday_id, g_source_remove);
  g_clear_handle_id (&self->wake_id, g_source_remove);
}

static void
maybe_quit (BjbWorker *self)
{
  if (!self->quitting && (self->stopping || self->once) && self->jobs_running == 0
      && (self->deliverer == NULL || bjb_deliverer_is_idle (self->deliverer)))
    {
      self->quitting = TRUE;
      if (self->once && self->deliverer != NULL)
        {
          g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_INFO, "MESSAGE", "one pass done: %u sent",
                            bjb_deliverer_get_n_sent (self->deliverer));
          if (bjb_deliverer_get_n_db_errors (self->deliverer) > 0 && self->exit_status == BJB_WORKER_EXIT_OK)
            self->exit_status = BJB_WORKER_EXIT_FAILURE;
        }
      g_main_loop_quit (self->loop);
    }
}

static void
finish (BjbWorker *self,
        int        status)
{
  if (self->exit_status == BJB_WORKER_EXIT_OK)
    self->exit_status = status;
  self->stopping = TRUE;
  clear_timers (self);
  if (self->deliverer != NULL)
    bjb_deliverer_stop (self->deliverer);
  if (self->relay != NULL)
    bjb_event_relay_stop (self->relay);
  maybe_quit (self);
}

static gboolean
on_signal (gpointer user_data)
{
  BjbWorker *self = user_data;

  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                    "stopping: finishing the requests in flight");
  finish (self, BJB_WORKER_EXIT_OK);
  return G_SOURCE_CONTINUE;
}

/* Jobs ------------------------------------------------------------------------------------ */

typedef struct
{
  BjbWorker *self;
  BjbMessageJob job;
  int next_step;            /* --once: the step after this one; -1 in daemon mode */
} JobRun;

static void
on_job_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  JobRun *run = user_data;
  g_autoptr(BjbWorker) self = run->self;
  g_autoptr(GError) error = NULL;
  gint64 n = bjb_message_ops_run_job_finish (BJB_CONNECTION (source), res, &error);
  const char *name = job_names[run->job];

  self->jobs_running--;
  if (n < 0 && self->once && self->exit_status == BJB_WORKER_EXIT_OK)
    self->exit_status = BJB_WORKER_EXIT_FAILURE;   /* cron should hear of it */
  if (n < 0)
    bjb_worker_log_job (G_LOG_LEVEL_MESSAGE, name, 0, "failed: %s", error->message);
  else if (n > 0 || self->once)
    bjb_worker_log_job (G_LOG_LEVEL_INFO, name, n, "%" G_GINT64_FORMAT " handled", n);

  if (run->next_step >= 0)
    run_once_step (self, run->next_step);
  else if (n > 0 && run->job != BJB_MESSAGE_JOB_EXPIRE_ORDERS && self->deliverer != NULL)
    bjb_deliverer_kick (self->deliverer);   /* new or returned messages */
  g_free (run);
  maybe_quit (self);
}

static void
run_job (BjbWorker     *self,
         BjbMessageJob  job,
         int            next_step)
{
  JobRun *run = g_new0 (JobRun, 1);

  run->self = g_object_ref (self);
  run->job = job;
  run->next_step = next_step;
  self->jobs_running++;
  bjb_message_ops_run_job_async (self->connection, job, NULL, on_job_done, run);
}

static gboolean
on_expire_timer (gpointer user_data)
{
  run_job (user_data, BJB_MESSAGE_JOB_EXPIRE_ORDERS, -1);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_sweep_timer (gpointer user_data)
{
  run_job (user_data, BJB_MESSAGE_JOB_SWEEP_LEASES, -1);
  return G_SOURCE_CONTINUE;
}

/* Seconds until the next midnight in Jakarta (UTC+7 all year: no daylight saving), plus a
 * second so "today" is already the new day there. */
static guint
seconds_to_jakarta_midnight (void)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) midnight = NULL;

  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);
  now = g_date_time_new_now (tz);
  midnight = g_date_time_new (tz, g_date_time_get_year (now), g_date_time_get_month (now),
                              g_date_time_get_day_of_month (now), 0, 0, 0);
  return (guint) (86400 - g_date_time_difference (now, midnight) / G_TIME_SPAN_SECOND) + 1;
}

static gboolean
on_birthday_timer (gpointer user_data)
{
  BjbWorker *self = user_data;

  self->birthday_id = g_timeout_add_seconds (seconds_to_jakarta_midnight (), on_birthday_timer, self);
  run_job (self, BJB_MESSAGE_JOB_BIRTHDAYS, -1);
  return G_SOURCE_REMOVE;
}

/* Delivery wake-ups -------------------------------------------------------------------------- */

static gboolean
on_wake (gpointer user_data)
{
  BjbWorker *self = user_data;

  self->wake_id = 0;
  bjb_deliverer_kick (self->deliverer);
  return G_SOURCE_REMOVE;
}

static void
on_next_due (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(BjbWorker) self = user_data;
  g_autoptr(GDateTime) due = bjb_message_ops_next_due_finish (BJB_CONNECTION (source), res, NULL);
  guint msec = self->config->poll_interval * 1000;

  if (self->stopping)
    return;
  if (due != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      GTimeSpan wait = g_date_time_difference (due, now) / 1000;
      msec = (guint) CLAMP (wait + 50, 0, (GTimeSpan) msec);
    }
  g_clear_handle_id (&self->wake_id, g_source_remove);
  self->wake_id = g_timeout_add (msec, on_wake, self);
}

/* The deliverer has nothing more due: --once is done; the daemon sleeps until the next
 * retry is due, a NOTIFY, or poll_interval (a safety net under LISTEN). */
static void
on_deliverer_idle (BjbDeliverer *deliverer,
                   BjbWorker    *self)
{
  if (!self->once && !self->stopping)
    bjb_message_ops_next_due_async (self->connection, NULL, on_next_due, g_object_ref (self));
  maybe_quit (self);
}

static void
on_notification (BjbConnection *connection,
                 const char    *channel,
                 const char    *payload,
                 int            pid,
                 BjbWorker     *self)
{
  if (g_strcmp0 (channel, "bjb_outbox") == 0 && !self->stopping && self->deliverer != NULL)
    bjb_deliverer_kick (self->deliverer);
}

static void
on_listen_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), res, &error);

  if (rows == NULL && !g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED))
    g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "MESSAGE",
                      "LISTEN bjb_outbox failed: %s", error->message);
}

/* Every (re)connect: LISTEN first (ahead of queued queries), then catch up on what came in
 * while the link was down. */
static void
on_connected (BjbConnection *connection,
              BjbWorker     *self)
{
  bjb_connection_query_async (connection, "LISTEN bjb_outbox", 0, NULL, NULL, on_listen_done, NULL);
  if (self->deliverer != NULL && !self->once && !self->stopping)
    bjb_deliverer_kick (self->deliverer);
}

/* Start ------------------------------------------------------------------------------------ */

/* --once: sweep, expiry, birthdays, then every due message; quit when idle. */
static void
run_once_step (BjbWorker *self,
               int        step)
{
  if (self->stopping)
    return;
  switch (step)
    {
    case 0:
      run_job (self, BJB_MESSAGE_JOB_SWEEP_LEASES, 1);
      break;
    case 1:
      run_job (self, BJB_MESSAGE_JOB_EXPIRE_ORDERS, self->config->birthdays ? 2 : 3);
      break;
    case 2:
      run_job (self, BJB_MESSAGE_JOB_BIRTHDAYS, 3);
      break;
    default:
      bjb_deliverer_kick (self->deliverer);
      break;
    }
}

static void
start_service (BjbWorker *self)
{
  g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                    "connected as %s (schema %d)%s", bjb_connection_get_login (self->connection),
                    bjb_connection_get_schema_version (self->connection),
                    self->once ? ", one pass" : "");
  /* Its own connection: the relay's session holds the advisory lock, and its polls must
   * not queue behind a slow outbox claim. */
  if (!self->once && self->config->relay)
    {
      g_autoptr(BjbConnection) relay_connection = bjb_connection_dup (self->connection);

      self->relay = bjb_event_relay_new (relay_connection, self->config->relay_interval_ms);
      bjb_event_relay_start (self->relay);
    }
  if (self->relay_only)
    return;
  self->deliverer = bjb_deliverer_new (self->connection, self->config);
  g_signal_connect (self->deliverer, "idle", G_CALLBACK (on_deliverer_idle), self);

  if (self->once)
    {
      run_once_step (self, 0);
      return;
    }
  run_job (self, BJB_MESSAGE_JOB_SWEEP_LEASES, -1);
  run_job (self, BJB_MESSAGE_JOB_EXPIRE_ORDERS, -1);
  if (self->config->birthdays)
    {
      /* At start too: a worker that was down at midnight catches up (the unique key makes a
       * second greeting impossible). */
      run_job (self, BJB_MESSAGE_JOB_BIRTHDAYS, -1);
      self->birthday_id = g_timeout_add_seconds (seconds_to_jakarta_midnight (), on_birthday_timer, self);
    }
  self->expire_id = g_timeout_add_seconds (self->config->expire_interval, on_expire_timer, self);
  self->sweep_id = g_timeout_add_seconds (self->config->sweep_interval, on_sweep_timer, self);
  bjb_deliverer_kick (self->deliverer);
}

static void open_connection (BjbWorker *self);

static gboolean
on_retry_open (gpointer user_data)
{
  BjbWorker *self = user_data;

  self->wake_id = 0;
  open_connection (self);
  return G_SOURCE_REMOVE;
}

static void
on_opened (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  g_autoptr(BjbWorker) self = user_data;
  g_autoptr(GError) error = NULL;
  int found = 0, expected = 0;

  if (bjb_connection_open_finish (BJB_CONNECTION (source), res, &error))
    {
      if (g_strcmp0 (bjb_connection_get_role (self->connection), "worker") != 0)
        {
          g_printerr ("barokahd: the login %s is a %s, not a worker. Create a worker login "
                      "(barokah-admin create-staff barokahd --role worker) and put it in the "
                      "[database] conninfo of %s.\n",
                      bjb_connection_get_login (self->connection),
                      bjb_connection_get_role (self->connection), self->config->config_path);
          finish (self, BJB_WORKER_EXIT_CONFIG);
          return;
        }
      start_service (self);
      return;
    }
  if (self->stopping)
    return;

  if (bjb_db_error_get_schema_versions (error, &found, &expected))
    {
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_SCHEMA_TOO_OLD))
        g_printerr ("barokahd: the database has schema version %d; this barokahd needs %d.\n"
                    "Run `barokah-admin migrate` against that database (as a superuser), "
                    "then start barokahd again.\n", found, expected);
      else
        g_printerr ("barokahd: the database has schema version %d, newer than this barokahd "
                    "(%d). Upgrade barokahd to the version that matches the database, then "
                    "start it again.\n", found, expected);
      finish (self, BJB_WORKER_EXIT_CONFIG);
      return;
    }
  if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED) && !self->once)
    {
      /* The database is not up yet (boot order, restart): keep trying, capped at a minute. */
      guint delay = MIN (1u << MIN (self->open_attempt, 6u), 60u);
      self->open_attempt++;
      g_log_structured (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "MESSAGE",
                        "cannot reach the database (%s); retrying in %u s", error->message, delay);
      self->wake_id = g_timeout_add_seconds (delay, on_retry_open, self);
      return;
    }
  g_printerr ("barokahd: cannot connect to the database: %s\n", error->message);
  finish (self, g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED)
                  ? BJB_WORKER_EXIT_FAILURE : BJB_WORKER_EXIT_CONFIG);
}

static void
open_connection (BjbWorker *self)
{
  bjb_connection_open_async (self->connection, NULL, on_opened, g_object_ref (self));
}

/* conninfo + the password from the secrets file (never from the configuration). */
static BjbConnection *
make_connection (BjbWorkerConfig  *config,
                 GError          **error)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  char *parse_error = NULL;
  PQconninfoOption *options = PQconninfoParse (config->conninfo, &parse_error);
  BjbConnection *connection;

  if (options == NULL)
    {
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_INVALID,
                   "%s: [database] conninfo: %s", config->config_path,
                   parse_error != NULL ? g_strstrip (parse_error) : "does not parse");
      PQfreemem (parse_error);
      return NULL;
    }
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (o->val != NULL && strcmp (o->keyword, "password") != 0)
      {
        g_ptr_array_add (keys, o->keyword);
        g_ptr_array_add (values, o->val);
      }
  if (config->db_password != NULL)
    {
      g_ptr_array_add (keys, (char *) "password");
      g_ptr_array_add (values, config->db_password);
    }
  g_ptr_array_add (keys, NULL);
  g_ptr_array_add (values, NULL);
  connection = bjb_connection_new ((const char *const *) keys->pdata, (const char *const *) values->pdata);
  PQconninfoFree (options);
  return connection;
}

static void
bjb_worker_dispose (GObject *object)
{
  BjbWorker *self = BJB_WORKER (object);

  clear_timers (self);
  g_clear_handle_id (&self->sigterm_id, g_source_remove);
  g_clear_handle_id (&self->sigint_id, g_source_remove);
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  if (self->deliverer != NULL)
    g_signal_handlers_disconnect_by_data (self->deliverer, self);
  g_clear_object (&self->deliverer);
  g_clear_object (&self->relay);
  if (self->connection != NULL)
    bjb_connection_close (self->connection);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_worker_parent_class)->dispose (object);
}

static void
bjb_worker_finalize (GObject *object)
{
  BjbWorker *self = BJB_WORKER (object);

  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_pointer (&self->config, bjb_worker_config_free);

  G_OBJECT_CLASS (bjb_worker_parent_class)->finalize (object);
}

static void
bjb_worker_class_init (BjbWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_worker_dispose;
  object_class->finalize = bjb_worker_finalize;
}

static void
bjb_worker_init (BjbWorker *self)
{
  self->loop = g_main_loop_new (NULL, FALSE);
}

BjbWorker *
bjb_worker_new (BjbWorkerConfig *config,
                gboolean         once)
{
  BjbWorker *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (BJB_TYPE_WORKER, NULL);
  self->config = config;
  self->once = once;
  return self;
}

void
bjb_worker_set_relay_only (BjbWorker *self,
                           gboolean   relay_only)
{
  g_return_if_fail (BJB_IS_WORKER (self));
  self->relay_only = relay_only;
}

int
bjb_worker_run (BjbWorker *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();

  g_return_val_if_fail (BJB_IS_WORKER (self), BJB_WORKER_EXIT_FAILURE);

  if (!bjb_migrator_load (migrator, &error))
    {
      g_printerr ("barokahd: %s\n", error->message);
      return BJB_WORKER_EXIT_FAILURE;
    }
  self->connection = make_connection (self->config, &error);
  if (self->connection == NULL)
    {
      g_printerr ("barokahd: %s\n", error->message);
      return BJB_WORKER_EXIT_CONFIG;
    }
  bjb_connection_set_expected_schema_version (self->connection,
                                              bjb_migrator_get_latest_version (migrator));
  g_signal_connect (self->connection, "connected", G_CALLBACK (on_connected), self);
  g_signal_connect (self->connection, "notification", G_CALLBACK (on_notification), self);
  self->sigterm_id = g_unix_signal_add (SIGTERM, on_signal, self);
  self->sigint_id = g_unix_signal_add (SIGINT, on_signal, self);

  open_connection (self);
  g_main_loop_run (self->loop);
  return self->exit_status;
}
