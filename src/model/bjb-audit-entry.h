/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-value-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_AUDIT_ENTRY (bjb_audit_entry_get_type ())
G_DECLARE_FINAL_TYPE (BjbAuditEntry, bjb_audit_entry, BJB, AUDIT_ENTRY, BjbValueRow)

/*
 * BjbAuditEntry: one row of bjb.audit_entries(). "at" is the server's text of the time, kept
 * as it came because the next page starts strictly before it (microseconds count);
 * "changes" is the JSON array [{"field", "old", "new"}]. The *-text and *-label properties
 * are what the audit page shows, filled in by its query in the UI's language.
 */
typedef enum
{
  BJB_AUDIT_ENTRY_ID = 1,
  BJB_AUDIT_ENTRY_AT,
  BJB_AUDIT_ENTRY_ACTOR,
  BJB_AUDIT_ENTRY_ACTOR_NAME,
  BJB_AUDIT_ENTRY_TABLE_NAME,
  BJB_AUDIT_ENTRY_ROW_KEY,
  BJB_AUDIT_ENTRY_ACTION,
  BJB_AUDIT_ENTRY_CHANGES,
  BJB_AUDIT_ENTRY_AT_TEXT,
  BJB_AUDIT_ENTRY_WHO_TEXT,
  BJB_AUDIT_ENTRY_TABLE_LABEL,
  BJB_AUDIT_ENTRY_ACTION_LABEL,
  BJB_AUDIT_ENTRY_CHANGES_TEXT,
  BJB_AUDIT_ENTRY_ROW_TEXT,
  BJB_AUDIT_ENTRY_N_PROPS
} BjbAuditEntryProperty;

/* The word for an audit_log action ("INSERT", "UPDATE", "DELETE") in the UI's language:
 * "Created", "Changed", "Deleted"; an unknown action as it came. */
const char *bjb_audit_entry_action_label (const char *action);

G_END_DECLS
