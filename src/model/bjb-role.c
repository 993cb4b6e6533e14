/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-role"

#include "config.h"

#include <glib/gi18n.h>

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
  if (g_strcmp0 (role, "admin") == 0)
    return _("Administrator");
  if (g_strcmp0 (role, "cs") == 0)
    return _("Customer Service");
  if (g_strcmp0 (role, "courier") == 0)
    return _("Courier");
  if (g_strcmp0 (role, "worker") == 0)
    return _("Background Worker");
  return _("Unknown role");
}
