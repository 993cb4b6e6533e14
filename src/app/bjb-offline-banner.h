/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection-watch.h"

G_BEGIN_DECLS

#define BJB_TYPE_OFFLINE_BANNER (bjb_offline_banner_get_type ())

G_DECLARE_FINAL_TYPE (BjbOfflineBanner, bjb_offline_banner, BJB, OFFLINE_BANNER, BjbConnectionWatch)

G_END_DECLS
