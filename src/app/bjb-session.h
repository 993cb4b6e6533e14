/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-listener.h"
#include "bjb-notification.h"
#include "bjb-role.h"
#include "bjb-server-profile.h"

G_BEGIN_DECLS

#define BJB_TYPE_SESSION (bjb_session_get_type ())

G_DECLARE_FINAL_TYPE (BjbSession, bjb_session, BJB, SESSION, GObject)

BjbSession       *bjb_session_new                  (BjbServerProfile  *profile,
                                                    BjbConnection     *connection,
                                                    GSettings         *settings);
void              bjb_session_start                (BjbSession        *self);
void              bjb_session_close                (BjbSession        *self);
void              bjb_session_reconnect_now        (BjbSession        *self);
BjbConnection    *bjb_session_get_connection       (BjbSession        *self);
BjbServerProfile *bjb_session_get_profile          (BjbSession        *self);
const char       *bjb_session_get_login            (BjbSession        *self);
const char       *bjb_session_get_display_name     (BjbSession        *self);
const char       *bjb_session_get_role             (BjbSession        *self);
const char       *bjb_session_get_role_label       (BjbSession        *self);
GListModel       *bjb_session_get_notifications    (BjbSession        *self);
guint             bjb_session_get_unread_count     (BjbSession        *self);
gboolean          bjb_session_get_listening        (BjbSession        *self);
BjbListener      *bjb_session_get_listener         (BjbSession        *self);
int               bjb_session_get_last_desktop_notification_id (BjbSession *self);
void              bjb_session_mark_read            (BjbSession        *self,
                                                    BjbNotification   *notification);
void              bjb_session_mark_all_read_async  (BjbSession        *self,
                                                    GCancellable      *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer           user_data);
gboolean          bjb_session_mark_all_read_finish (BjbSession        *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);

G_END_DECLS
