/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier"

#include "config.h"

#include "bjb-courier.h"
#include "bjb-courier-resources.h"

void
bjb_courier_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      bjb_courier_register_resource ();
      g_once_init_leave (&once, 1);
    }
}
