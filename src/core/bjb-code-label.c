/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-code-label"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"

const char *
bjb_code_label (const BjbCodeLabel *table,
                gsize               n_entries,
                const char         *code,
                const char         *fallback)
{
  g_return_val_if_fail (table != NULL || n_entries == 0, fallback);

  for (gsize i = 0; code != NULL && i < n_entries; i++)
    if (g_str_equal (table[i].code, code))
      return _(table[i].label);
  return fallback;
}
