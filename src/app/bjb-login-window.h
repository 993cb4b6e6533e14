/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-application.h"

G_BEGIN_DECLS

#define BJB_TYPE_LOGIN_WINDOW (bjb_login_window_get_type ())

G_DECLARE_FINAL_TYPE (BjbLoginWindow, bjb_login_window, BJB, LOGIN_WINDOW, AdwApplicationWindow)

BjbLoginWindow *bjb_login_window_new               (BjbApplication *application);
gboolean        bjb_login_window_get_busy          (BjbLoginWindow *self);
const char     *bjb_login_window_get_error_message (BjbLoginWindow *self);

G_END_DECLS
