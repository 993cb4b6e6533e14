/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-db-error.h"
#include "bjb-result.h"

G_BEGIN_DECLS

/**
 * BjbConnectionState:
 * @BJB_CONNECTION_STATE_DISCONNECTED: never opened, closed, or given up after a permanent
 *   error (see #BjbConnection:error)
 * @BJB_CONNECTION_STATE_CONNECTING: the first open is in progress
 * @BJB_CONNECTION_STATE_CONNECTED: usable; last-success is recent
 * @BJB_CONNECTION_STATE_RECONNECTING: the link was lost; retrying with backoff. Show the
 *   "connection lost — reconnecting…" banner with last-success
 */
typedef enum
{
  BJB_CONNECTION_STATE_DISCONNECTED,
  BJB_CONNECTION_STATE_CONNECTING,
  BJB_CONNECTION_STATE_CONNECTED,
  BJB_CONNECTION_STATE_RECONNECTING,
} BjbConnectionState;

#define BJB_TYPE_CONNECTION_STATE (bjb_connection_state_get_type ())
GType bjb_connection_state_get_type (void);

#define BJB_TYPE_CONNECTION (bjb_connection_get_type ())
G_DECLARE_FINAL_TYPE (BjbConnection, bjb_connection, BJB, CONNECTION, GObject)

/*
 * BjbConnection: ONE non-blocking libpq connection driven by the thread-default main
 * context of the thread that created it (all calls and callbacks happen there).
 *
 * Queries run one at a time in the order issued; each is its own transaction (autocommit,
 * one statement, parameters only).
 *
 * Offline behaviour (documented contract):
 * - While CONNECTING or RECONNECTING, new queries wait in the queue until the connection is
 *   back, or until their GCancellable fires (G_IO_ERROR_CANCELLED).
 * - A query already sent when the link dies fails with BJB_DB_ERROR_DISCONNECTED: it may or
 *   may not have committed, so the caller retries it (place_order with the same
 *   request_id). It is never re-sent automatically.
 * - If a reconnect meets a permanent error (AUTH_FAILED: password changed; NOT_STAFF:
 *   deactivated; DATABASE_MISSING; TLS; SCHEMA_TOO_OLD/NEW) the connection gives up: state
 *   becomes DISCONNECTED, "error" is set, and every queued query fails with that error.
 *   Transient errors (CONNECTION_FAILED, server restarting) keep retrying with backoff
 *   (0.5 s doubling to 30 s, ±20 % jitter).
 * - In DISCONNECTED state (not opened, closed, given up) queries fail at once with
 *   BJB_DB_ERROR_DISCONNECTED.
 *
 * Lifetime: like any GTask-based API, a pending open or query keeps a reference on the
 * connection, so queries waiting for a reconnect keep it alive; call
 * bjb_connection_close() (sign-out) to fail them and let it go.
 *
 * Properties (read-only, notify on change):
 *   "state" (BjbConnectionState), "last-success" (GDateTime, nullable: the last time the
 *   server answered anything, heartbeats included), "error" (GError, nullable: why the
 *   link is down or the last attempt failed; NULL while connected), "login", "role"
 *   ("admin", "cs", "courier", "worker"), "display-name" (from bjb.whoami(), NULL before the first
 *   successful open), "schema-version" (int, the server's).
 *
 * Signals:
 *   "connected" (void): after every successful (re)connect, once whoami and the schema
 *     check passed and before queued queries run. Queries issued from a handler go ahead
 *     of the queued ones (that is how BjbListener re-LISTENs first).
 *   "notification" (const char *channel, const char *payload, int backend_pid):
 *     one per NOTIFY received (only after a LISTEN on this connection).
 *   "notice" (const char *message): a server NOTICE/WARNING.
 */

/**
 * bjb_connection_new:
 * @keywords: (array zero-terminated=1): libpq keywords ("host", "port", "dbname", "user",
 *   "password", "sslmode", "sslrootcert", …)
 * @values: (array zero-terminated=1): their values, same length as @keywords
 *
 * Creates an unopened connection. The program adds application_name=barokah, keepalives,
 * tcp_user_timeout and DateStyle=ISO; a "dbname" value is never expanded as a conninfo.
 * The expected schema version defaults to 0 (= don't check); set it before opening.
 *
 * Returns: (transfer full): a new #BjbConnection
 */
BjbConnection     *bjb_connection_new              (const char *const *keywords,
                                                    const char *const *values);

/**
 * bjb_connection_new_from_conninfo:
 * @conninfo: "host=… port=… dbname=…" or a postgresql:// URI
 *
 * Returns: (transfer full) (nullable): a new connection, or NULL with @error set
 *   (BJB_DB_ERROR_CONNECTION_FAILED) when @conninfo does not parse
 */
BjbConnection     *bjb_connection_new_from_conninfo (const char  *conninfo,
                                                     GError     **error);

/**
 * bjb_connection_dup:
 *
 * Returns: (transfer full): a new, unopened connection with the same parameters and
 *   settings (expected schema, heartbeat, backoff), e.g. for a #BjbListener
 */
BjbConnection     *bjb_connection_dup              (BjbConnection *self);

/* The schema version this program was built for; 0 disables the check. Before open. */
void               bjb_connection_set_expected_schema_version (BjbConnection *self,
                                                               int            version);

/* Idle time after which a `SELECT 1` is sent (default 15000 ms; 0 disables); if that does
 * not answer within the same time the link is declared dead and reconnected. */
void               bjb_connection_set_heartbeat_interval      (BjbConnection *self,
                                                               guint          msec);

/* The reconnect backoff doubles from the first delay up to the cap. The cap keeps a
 * returned server noticed within 5 s: 4 s plus the ±20 % jitter, plus the attempt. */
#define BJB_CONNECTION_RECONNECT_FIRST_MSEC 500
#define BJB_CONNECTION_RECONNECT_CAP_MSEC   4000

/* Reconnect backoff bounds (default the two above); for tests. */
void               bjb_connection_set_reconnect_delays        (BjbConnection *self,
                                                               guint          min_msec,
                                                               guint          max_msec);

/* Time allowed for one connection attempt (default 10000 ms). */
void               bjb_connection_set_connect_timeout         (BjbConnection *self,
                                                               guint          msec);

/**
 * bjb_connection_open_async:
 *
 * Connects, checks bjb.schema_version() and bjb.whoami(). Completes with the first
 * attempt's outcome: there is no automatic retry of a failed FIRST open (the login window
 * shows the error). After success, lost connections are reconnected automatically.
 * Cancelling abandons the attempt and leaves the state DISCONNECTED.
 */
void               bjb_connection_open_async       (BjbConnection       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean           bjb_connection_open_finish      (BjbConnection  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

/**
 * bjb_connection_query_async:
 * @sql: one SQL statement with $1… placeholders
 * @n_params: number of parameters
 * @params: (array length=n_params) (nullable): text-format values; a NULL element is SQL
 *   NULL (bytea as "\\x…" hex). Copied: need not outlive the call.
 *
 * Cancelling a queued query removes it; cancelling one in flight sends a cancel request to
 * the server (off the main thread) and completes with G_IO_ERROR_CANCELLED at once (the
 * statement may still have committed if the cancel arrived too late).
 */
void               bjb_connection_query_async      (BjbConnection       *self,
                                                    const char          *sql,
                                                    guint                n_params,
                                                    const char *const   *params,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);

/**
 * bjb_connection_query_finish:
 * Returns: (transfer full) (nullable): the rows, or NULL with @error set
 */
BjbResult         *bjb_connection_query_finish     (BjbConnection  *self,
                                                    GAsyncResult   *result,
                                                    GError        **error);

/**
 * bjb_connection_reconnect_now:
 *
 * While RECONNECTING, tries again at once ("Try now") and starts the backoff over (an
 * attempt already under way goes on; if it fails the next follows after the first delay).
 * Does nothing in any other state.
 */
void               bjb_connection_reconnect_now    (BjbConnection *self);

/* Closes the link and stops reconnecting; pending queries fail with
 * BJB_DB_ERROR_DISCONNECTED. The object may be opened again. */
void               bjb_connection_close            (BjbConnection *self);

BjbConnectionState bjb_connection_get_state        (BjbConnection *self);
/* (transfer none) (nullable) */
GDateTime         *bjb_connection_get_last_success (BjbConnection *self);
/* (transfer none) (nullable) */
const GError      *bjb_connection_get_error        (BjbConnection *self);
/* (transfer none) (nullable) */
const char        *bjb_connection_get_login        (BjbConnection *self);
/* (transfer none) (nullable) */
const char        *bjb_connection_get_role         (BjbConnection *self);
/* (transfer none) (nullable) */
const char        *bjb_connection_get_display_name (BjbConnection *self);
int                bjb_connection_get_schema_version (BjbConnection *self);

/* (transfer full) (nullable): @password as a SCRAM-SHA-256 verifier for @login, computed
 * here (bjb-connection-scram.c) so the plain password never reaches the server. */
char              *bjb_connection_scram_verifier   (BjbConnection *self, const char *login,
                                                    const char *password, GError **error);

/* The server process id of the current link (0 when not connected); for tests and logs. */
int                bjb_connection_get_backend_pid  (BjbConnection *self);

G_END_DECLS
