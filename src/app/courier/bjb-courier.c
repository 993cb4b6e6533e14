/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier"

#include "config.h"

#include "bjb-courier.h"
#include "bjb-courier-resources.h"
#include "bjb-widgets.h"

void
bjb_courier_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_courier_register_resource);
}
