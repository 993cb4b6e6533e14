/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-role-window.h"

G_BEGIN_DECLS

#define BJB_TYPE_CS_WINDOW (bjb_cs_window_get_type ())

G_DECLARE_FINAL_TYPE (BjbCsWindow, bjb_cs_window, BJB, CS_WINDOW, BjbRoleWindow)

void bjb_cs_window_show_order (BjbCsWindow *self,
                               gint64       order_id);

void bjb_cs_window_show_customer (BjbCsWindow *self,
                                  gint64       customer_id);

G_END_DECLS
