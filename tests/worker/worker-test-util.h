/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/*
 * The worker tests: a real SoupServer on 127.0.0.1 stands in for both gateways (WhatsApp at
 * /wa, email at /email), answering from a script; barokahd itself runs as a subprocess
 * against a fresh copy of the template database, as the real t_worker login.
 */

typedef enum
{
  REPLY_OK,             /* 200 {"status": true, "id": ["…"]} (email: 201 {"messageId"}) */
  REPLY_STATUS_FALSE,   /* 200 {"status": false, "reason": "…"} */
  REPLY_500,
  REPLY_429,            /* arg: Retry-After seconds */
  REPLY_SLOW,           /* arg: milliseconds, then REPLY_OK */
  REPLY_DROP,           /* status line and half a body, then the connection closes */
  REPLY_KILL_WORKER,    /* SIGKILL the worker on receipt; no answer */
  REPLY_TERM_WORKER,    /* SIGTERM the worker on receipt, reply after arg ms */
} ReplyKind;

typedef struct
{
  gint64 at;            /* g_get_monotonic_time () on receipt */
  char *path;           /* "/wa" or "/email" */
  char *auth;           /* the auth header's value */
  char *target;         /* WhatsApp target / email "to" address */
  char *message;        /* WhatsApp message / email textContent */
  char *body;           /* the raw request body */
} GatewayRequest;

typedef struct
{
  char *db;
  char *dir;
  char *config_path;
  char *secrets_path;
  GKeyFile *config;     /* written by worker_test_write_config () */
  SoupServer *server;
  guint port;
  GArray *script;       /* of Reply, consumed in order; when empty: REPLY_OK */
  GPtrArray *requests;  /* of GatewayRequest */
  GSubprocess *victim;  /* the worker REPLY_KILL/TERM_WORKER signals */
  char *fail_target;    /* requests for this target always get a 500 */
  guint next_id;
} WorkerTest;

/* NULL (and the test skipped) without the test database. */
WorkerTest   *worker_test_new            (void);
void          worker_test_free           (WorkerTest *t);

void          worker_test_script         (WorkerTest *t,
                                          ReplyKind   kind,
                                          guint       arg);

/* Sets [group] key=value in the configuration (written at the next spawn). */
void          worker_test_set            (WorkerTest *t,
                                          const char *group,
                                          const char *key,
                                          const char *value);
void          worker_test_write_config   (WorkerTest *t);

/* barokahd --config … --secrets … @extra_args; stderr to @dir/stderr-N. */
GSubprocess  *worker_test_spawn          (WorkerTest *t,
                                          const char *const *extra_args);
/* Iterates the main loop until @proc exits; returns its exit status (signal: 128+n). */
int           worker_test_wait           (WorkerTest  *t,
                                          GSubprocess *proc,
                                          guint        timeout_ms);
/* barokahd --once to the end. */
int           worker_test_run_once       (WorkerTest *t);
/* The stderr of the last spawned worker. (transfer full) */
char         *worker_test_last_stderr    (WorkerTest *t);

/* Superuser SQL in the test database; the first value or NULL. (transfer full) */
char         *worker_test_sql            (WorkerTest *t,
                                          const char *sql);
gint64        worker_test_sql_int        (WorkerTest *t,
                                          const char *sql);

/* A customer with this phone (+62…) and/or email; birthday today in Jakarta if asked. */
gint64        worker_test_add_customer   (WorkerTest *t,
                                          const char *phone,
                                          const char *email,
                                          gboolean    birthday_today);
/* Queues a 'new_product' message through bjb.queue_customer_message (both channels). */
void          worker_test_queue          (WorkerTest *t,
                                          gint64      customer);

/* Requests the gateway received for @target. */
guint         worker_test_count_requests (WorkerTest *t,
                                          const char *target);

/* Iterates the main loop until @done (t, data) is TRUE or @timeout_ms passed. */
gboolean      worker_test_wait_until     (WorkerTest  *t,
                                          gboolean   (*done) (WorkerTest *t, gpointer data),
                                          gpointer     data,
                                          guint        timeout_ms);

/* Polls @sql (superuser) until its first value is @expected, iterating the main loop. */
gboolean      worker_test_wait_sql       (WorkerTest *t,
                                          const char *sql,
                                          const char *expected,
                                          guint       timeout_ms);

G_END_DECLS
