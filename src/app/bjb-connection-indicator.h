/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection-watch.h"

G_BEGIN_DECLS

#define BJB_TYPE_CONNECTION_INDICATOR (bjb_connection_indicator_get_type ())

G_DECLARE_FINAL_TYPE (BjbConnectionIndicator, bjb_connection_indicator, BJB, CONNECTION_INDICATOR,
                      BjbConnectionWatch)

G_END_DECLS
