/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* The database side (throwaway database, superuser SQL, staff connections) is
 * tests/db/db-test-util.h; these are the widget side. */
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
