/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-role"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-role.h"

/* The staff roles of the database (its group roles bjb_admin, bjb_cs, …) as a person reads
 * them. */

/**
 * bjb_role_get_label:
 * @role: (nullable): "admin", "cs", "courier" or "worker"
 *
 * Returns: (transfer none): the translated name of the role
 */
const char *
bjb_role_get_label (const char *role)
{
  static const BjbCodeLabel labels[] = {
    { "admin", N_("Administrator") },
    { "cs", N_("Customer Service") },
    { "courier", N_("Courier") },
    { "worker", N_("Background Worker") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), role, _("Unknown role"));
}
