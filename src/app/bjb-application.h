/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-server-profile.h"
#include "bjb-session.h"

G_BEGIN_DECLS

#define BJB_TYPE_APPLICATION (bjb_application_get_type ())

G_DECLARE_FINAL_TYPE (BjbApplication, bjb_application, BJB, APPLICATION, AdwApplication)

BjbApplication *bjb_application_new              (void);
GSettings      *bjb_application_get_settings     (BjbApplication   *self);
BjbSession     *bjb_application_get_session      (BjbApplication   *self);
void            bjb_application_start_session    (BjbApplication   *self,
                                                  BjbServerProfile *profile,
                                                  BjbConnection    *connection);
GtkWindow      *bjb_application_open_role_window (BjbApplication   *self,
                                                  const char       *role);
void            bjb_application_sign_out         (BjbApplication   *self);
GtkWindow      *bjb_application_get_login_window (BjbApplication   *self);

G_END_DECLS
