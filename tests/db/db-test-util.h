/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* Helpers for tests that talk to the throwaway cluster of build-aux/test. Setup and
 * verification go through a blocking superuser libpq connection (the test drives the
 * code under test through the main loop; its own checks need not). */

/* TRUE when BJB_TEST_TEMPLATE is set; otherwise marks the test skipped. */
gboolean       db_test_available     (void);

/* CREATE DATABASE <unique> TEMPLATE $BJB_TEST_TEMPLATE; returns the name. */
char          *db_test_create        (void);
void           db_test_drop          (const char *dbname);

/* Runs @sql as the superuser in @dbname; asserts success; returns the first value of the
 * first row (or NULL). */
char          *db_test_su_exec       (const char *dbname,
                                      const char *sql);

/* Connection as a staff login over TCP ($PGHOST/$PGPORT), short timeouts for tests. */
BjbConnection *db_test_connection    (const char *dbname,
                                      const char *user,
                                      const char *password);

/* Iterates the default main context until *flag is TRUE or @timeout_ms passed. */
/* Waits (on the main loop) until only the caller's reference to @object is left, then
 * checks that dropping it finalizes @object: a leaked reference fails the test. */
void           db_test_assert_finalize (gpointer       object);
gboolean       db_test_wait_flag     (const gboolean *flag,
                                      guint           timeout_ms);

/* Waits until the connection reaches @state. */
gboolean       db_test_wait_state    (BjbConnection      *connection,
                                      BjbConnectionState  state,
                                      guint               timeout_ms);

/* Opens @connection and returns the outcome (iterating the main loop). */
gboolean       db_test_open          (BjbConnection *connection,
                                      GError       **error);

/* Runs one query to completion through the main loop. */
BjbResult     *db_test_query         (BjbConnection     *connection,
                                      const char        *sql,
                                      guint              n_params,
                                      const char *const *params,
                                      GError           **error);

/* pg_terminate_backend(@pid) as superuser. */
void           db_test_terminate     (int pid);

G_END_DECLS
