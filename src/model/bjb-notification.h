/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-event.h"

G_BEGIN_DECLS

#define BJB_TYPE_NOTIFICATION (bjb_notification_get_type ())

G_DECLARE_FINAL_TYPE (BjbNotification, bjb_notification, BJB, NOTIFICATION, GObject)

BjbNotification *bjb_notification_new            (gint64           id,
                                                  const char      *kind,
                                                  gint64           order_id,
                                                  const char      *title,
                                                  const char      *body,
                                                  GDateTime       *created_at,
                                                  gboolean         read);
BjbNotification *bjb_notification_new_from_event (BjbEvent        *event,
                                                  const char      *role,
                                                  gboolean         read);
gint64           bjb_notification_get_id         (BjbNotification *self);
const char      *bjb_notification_get_kind       (BjbNotification *self);
gint64           bjb_notification_get_order_id   (BjbNotification *self);
const char      *bjb_notification_get_title      (BjbNotification *self);
const char      *bjb_notification_get_body       (BjbNotification *self);
GDateTime       *bjb_notification_get_created_at (BjbNotification *self);
gboolean         bjb_notification_get_read       (BjbNotification *self);
void             bjb_notification_set_read       (BjbNotification *self,
                                                  gboolean         read);

G_END_DECLS
