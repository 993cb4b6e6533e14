/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* Throwaway database: CREATE DATABASE … TEMPLATE $BJB_TEST_TEMPLATE as the superuser of the
 * PG* environment (the test's setup may block; the code under test never does). */
char          *ct_db_create       (void);
void           ct_db_drop         (const char *dbname);
/* Runs @sql (several statements allowed) as the superuser; returns the first value. */
char          *ct_su_exec         (const char *dbname,
                                   const char *sql);
/* A staff login's connection over TCP, opened (iterating the main loop). */
BjbConnection *ct_connect         (const char *dbname,
                                   const char *login);
gboolean       ct_reopen          (BjbConnection *connection);

typedef gboolean (*CtPredicate) (gpointer data);
/* Iterates the main context until @predicate is TRUE or @timeout_ms passed. */
gboolean       ct_wait_until      (CtPredicate predicate,
                                   gpointer    data,
                                   guint       timeout_ms);
/* Lets @widget draw @n frames. */
void           ct_wait_frames     (GtkWidget *widget,
                                   guint      n);
/* Saves what @widget shows as $BJB_SCREENSHOT_DIR/@name-<lang>.png; returns the path. */
char          *ct_screenshot      (GtkWidget  *widget,
                                   const char *name);

G_END_DECLS
