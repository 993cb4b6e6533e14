/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-reports"

#include "config.h"

#include "bjb-reports.h"
#include "bjb-reports-resources.h"
#include "bjb-widgets.h"

void
bjb_reports_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_reports_register_resource);
}
