/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-session.h"

G_BEGIN_DECLS

#define BJB_TYPE_CONNECTION_WATCH (bjb_connection_watch_get_type ())

G_DECLARE_DERIVABLE_TYPE (BjbConnectionWatch, bjb_connection_watch, BJB, CONNECTION_WATCH, GtkWidget)

struct _BjbConnectionWatchClass
{
  GtkWidgetClass parent_class;

  /* Show the connection as it is now: after a new session and on each followed signal. */
  void (*update) (BjbConnectionWatch *self);
};

BjbSession    *bjb_connection_watch_get_session    (BjbConnectionWatch *self);
void           bjb_connection_watch_set_session    (BjbConnectionWatch *self,
                                                    BjbSession         *session);
BjbConnection *bjb_connection_watch_get_connection (BjbConnectionWatch *self);
void           bjb_connection_watch_follow         (BjbConnectionWatch *self,
                                                    const char         *detailed_signal);

G_END_DECLS
