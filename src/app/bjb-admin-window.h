/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-role-window.h"

G_BEGIN_DECLS

#define BJB_TYPE_ADMIN_WINDOW (bjb_admin_window_get_type ())

G_DECLARE_FINAL_TYPE (BjbAdminWindow, bjb_admin_window, BJB, ADMIN_WINDOW, BjbRoleWindow)

G_END_DECLS
