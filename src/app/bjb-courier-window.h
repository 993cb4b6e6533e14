/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-role-window.h"

G_BEGIN_DECLS

#define BJB_TYPE_COURIER_WINDOW (bjb_courier_window_get_type ())

G_DECLARE_FINAL_TYPE (BjbCourierWindow, bjb_courier_window, BJB, COURIER_WINDOW, BjbRoleWindow)

G_END_DECLS
