/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-session.h"

G_BEGIN_DECLS

#define BJB_TYPE_NOTIFICATION_BUTTON (bjb_notification_button_get_type ())

G_DECLARE_FINAL_TYPE (BjbNotificationButton, bjb_notification_button, BJB, NOTIFICATION_BUTTON,
                      GtkWidget)

BjbSession *bjb_notification_button_get_session (BjbNotificationButton *self);
void        bjb_notification_button_set_session (BjbNotificationButton *self,
                                                 BjbSession *session);

G_END_DECLS
