/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-widgets"

#include "config.h"

#include "bjb-widgets.h"
#include "bjb-widgets-resources.h"

void
bjb_widgets_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      bjb_widgets_register_resource ();
      g_once_init_leave (&once, 1);
    }
}
