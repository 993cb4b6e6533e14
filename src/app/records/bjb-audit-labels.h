/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * bjb_audit_field_label:
 * @table: (nullable): the audited table, as bjb.audit_log names it ("product")
 * @field: a column of that table ("updated_by")
 *
 * The column's name in the UI's language ("Changed by"), for the audit log's change lines: an
 * owner reading Indonesian should not have to know the schema. A column without a label is
 * shown as it is.
 *
 * Returns: (transfer none): the label
 */
const char *bjb_audit_field_label (const char *table,
                                   const char *field);

/**
 * bjb_audit_field_rank:
 * @table: (nullable): the audited table
 * @field: a column of that table
 *
 * Where the column's line goes among a change's lines (lower first): what the row is (name,
 * price, status) before its bookkeeping (who and when, version, id). An unknown column goes
 * just before the bookkeeping.
 *
 * Returns: the rank
 */
guint       bjb_audit_field_rank  (const char *table,
                                   const char *field);

/**
 * bjb_audit_value_label:
 * @table: (nullable): the audited table
 * @field: the column
 * @value: (nullable): the column's text value ("pending_payment")
 *
 * The words the rest of the UI uses for a coded value ("Awaiting payment"): order and
 * message statuses, roles, discount audiences and scopes, photo kinds, delivery outcomes.
 *
 * Returns: (transfer full) (nullable): the label, or %NULL when @value is not a code of
 *   @table.@field (show it as it is)
 */
char       *bjb_audit_value_label (const char *table,
                                   const char *field,
                                   const char *value);

/**
 * bjb_audit_row_label:
 * @table: (nullable): the audited table
 * @row_key: (nullable): the audited row's key, as bjb.audit_log keeps it
 *
 * The row as a person names it: a setting by its title on the settings page ("Low-stock
 * threshold", not low_stock_threshold); any other row by its key.
 *
 * Returns: (transfer none) (nullable): the label, or @row_key
 */
const char *bjb_audit_row_label   (const char *table,
                                   const char *row_key);

G_END_DECLS
