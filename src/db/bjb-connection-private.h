/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * One libpq connection on the GLib main loop. Nothing here blocks: PQconnectStartParams
 * (which may resolve a host name) runs in a worker thread, PQconnectPoll / PQconsumeInput /
 * PQflush are driven by a GSource on PQsocket(), and PQcancel runs in a worker thread.
 *
 * The link goes through phases: STARTING (thread) → POLLING (PQconnectPoll) → HANDSHAKE
 * (schema_version, whoami as internal queries) → READY (user queries, heartbeat). Any
 * failure tears the link down; "generation" is bumped on every teardown so callbacks of
 * an older link (the start thread, a late timer) recognise themselves as stale.
 */

/*
 * BjbConnection is split by concern, as GNOME Text Editor splits its window:
 *   bjb-connection.c            GObject, properties and signals, state setters, public API
 *   bjb-connection-open.c       opening: the start thread, PQconnectPoll, connection parameters
 *                               (keepalives, DateStyle), the handshake (schema_version, whoami)
 *   bjb-connection-query.c      the query queue, sending, reading results on the main loop
 *   bjb-connection-cancel.c     cancelling a query: dequeue, or PQcancel in a worker thread
 *   bjb-connection-reconnect.c  teardown, link failure, backoff and the heartbeat
 */

typedef enum {
  PHASE_NONE,
  PHASE_STARTING,
  PHASE_POLLING,
  PHASE_HANDSHAKE,
  PHASE_READY,
} Phase;

typedef struct _Query Query;
typedef void (*InternalDone) (BjbConnection *self,
                              PGresult      *result,
                              GError        *error);

struct _Query
{
  BjbConnection *self;          /* borrowed */
  GTask *task;                  /* NULL for internal queries and orphans */
  InternalDone internal_done;   /* for internal queries */
  char *sql;
  char **params;
  guint n_params;
  GSource *cancel_source;
  PGresult *result;
  GError *error;
};

struct _BjbConnection
{
  GObject parent_instance;

  /* Owned */
  GMainContext *context;
  char **keywords;
  char **values;
  PGconn *conn;
  GSource *socket_source;
  GSource *connect_timeout_source;
  GSource *reconnect_source;
  GSource *heartbeat_source;
  GSource *heartbeat_deadline_source;
  GQueue queue;                 /* Query*, waiting to be sent */
  Query *in_flight;
  Query *handshake;             /* internal query waiting during HANDSHAKE */
  guint cancels_in_flight;      /* PQcancel calls not yet returned … */
  int cancel_backend_pid;       /* … aimed at this backend */
  GTask *open_task;
  GSource *open_cancel_source;
  GDateTime *last_success;
  GError *error;
  char *login;
  char *role;
  char *display_name;

  int socket_fd;
  GIOCondition socket_condition;
  Phase phase;
  BjbConnectionState state;
  guint generation;
  int schema_version;
  int expected_schema_version;
  guint heartbeat_msec;
  guint min_delay_msec;
  guint max_delay_msec;
  guint backoff_msec;
  guint connect_timeout_msec;
  int front_insert;             /* >= 0 while "connected" is being emitted */
};

/* bjb-connection.c */
GSource       *_bjb_connection_add_timeout         (BjbConnection       *self,
                                                    guint                msec,
                                                    GSourceFunc          func);
void           _bjb_connection_clear_source        (GSource            **source);
GWeakRef      *_bjb_connection_weak_ref_new        (BjbConnection       *self);
BjbConnection *_bjb_connection_weak_ref_take       (GWeakRef            *weak);
void           _bjb_connection_set_state           (BjbConnection       *self,
                                                    BjbConnectionState   state);
void           _bjb_connection_set_error           (BjbConnection       *self,
                                                    const GError        *error);
void           _bjb_connection_set_identity        (BjbConnection       *self,
                                                    const char          *login,
                                                    const char          *role,
                                                    const char          *display_name);
void           _bjb_connection_set_schema_version  (BjbConnection       *self,
                                                    int                  version);
void           _bjb_connection_touch_last_success  (BjbConnection       *self);
void           _bjb_connection_notice_processor    (void                *arg,
                                                    const char          *message);
void           _bjb_connection_emit_notifications  (BjbConnection       *self);
void           _bjb_connection_emit_connected      (BjbConnection       *self);

/* bjb-connection-open.c */
void           _bjb_connection_start_link          (BjbConnection       *self);
void           _bjb_connection_poll_connect        (BjbConnection       *self);
void           _bjb_connection_finish_open         (BjbConnection       *self,
                                                    GError              *error);

/* bjb-connection-query.c */
Query         *_bjb_connection_query_new           (BjbConnection       *self,
                                                    const char          *sql,
                                                    guint                n_params,
                                                    const char *const   *params);
void           _bjb_connection_query_free          (Query               *query);
void           _bjb_connection_query_complete      (Query               *query,
                                                    PGresult            *result,
                                                    GError              *error);
void           _bjb_connection_fail_all_queued     (BjbConnection       *self,
                                                    const GError        *error);
void           _bjb_connection_maybe_send_next     (BjbConnection       *self);
void           _bjb_connection_watch_socket        (BjbConnection       *self,
                                                    GIOCondition         condition);

/* bjb-connection-cancel.c */
gboolean        _bjb_connection_query_cancelled_cb  (GCancellable        *cancellable,
                                                    gpointer             user_data);

/* bjb-connection-reconnect.c */
void           _bjb_connection_teardown_link       (BjbConnection       *self,
                                                    const GError        *error);
void           _bjb_connection_link_failed         (BjbConnection       *self,
                                                    GError              *error);
void           _bjb_connection_link_lost_from_conn (BjbConnection       *self);
void           _bjb_connection_arm_heartbeat       (BjbConnection       *self);

G_END_DECLS
