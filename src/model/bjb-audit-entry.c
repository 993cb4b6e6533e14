/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-audit-entry.h"
#include "bjb-code-label.h"

struct _BjbAuditEntry
{
  BjbValueRow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbAuditEntry, bjb_audit_entry, BJB_TYPE_VALUE_ROW)

static void
bjb_audit_entry_class_init (BjbAuditEntryClass *klass)
{
  /* In the order of BjbAuditEntryProperty. */
  static const BjbValueRowField fields[] = {
    { "id", G_TYPE_INT64 },
    { "at", G_TYPE_STRING },
    { "actor", G_TYPE_STRING },
    { "actor-name", G_TYPE_STRING },
    { "table-name", G_TYPE_STRING },
    { "row-key", G_TYPE_STRING },
    { "action", G_TYPE_STRING },
    { "changes", G_TYPE_STRING },
    { "at-text", G_TYPE_STRING },
    { "who-text", G_TYPE_STRING },
    { "table-label", G_TYPE_STRING },
    { "action-label", G_TYPE_STRING },
    { "changes-text", G_TYPE_STRING },
    { "row-text", G_TYPE_STRING },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == BJB_AUDIT_ENTRY_N_PROPS - 1);
  bjb_value_row_class_install (BJB_VALUE_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
bjb_audit_entry_init (BjbAuditEntry *self)
{
}

const char *
bjb_audit_entry_action_label (const char *action)
{
  /* The values of bjb.audit_log.action (0001): the trigger's TG_OP. */
  static const BjbCodeLabel labels[] = {
    { "INSERT", N_("Created") },
    { "UPDATE", N_("Changed") },
    { "DELETE", N_("Deleted") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), action, action != NULL ? action : "");
}

