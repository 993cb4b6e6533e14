/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Registers the records pages' templates (/id/barokahjaya/BackOffice/records/) once. */
void        bjb_records_ensure_resources (void);

/* The words the records pages show for the server's names, in the UI's language; an
 * unknown name is shown as it is. (transfer none) */
const char *bjb_records_table_label      (const char *table);
const char *bjb_records_status_label     (const char *status);
const char *bjb_records_channel_label    (const char *channel);
const char *bjb_records_kind_label       (const char *kind);

/* A server time (timestamptz text or ISO 8601) as local time, "1 Dec 2026 14:05";
 * "" for NULL. (transfer full) */
char       *bjb_records_format_time      (const char *server_time);

/**
 * bjb_records_format_changes:
 * @table: (nullable): the audited table the changes are of ("product")
 * @changes: (nullable): bjb.audit_entries' JSON [{"field", "old", "new"}]
 *
 * Returns: (transfer full): one line per field, "Price: Rp 95.000 → Rp 99.000" (an insert
 *   shows only the new value, a delete "old → —"): columns and coded values in the UI's
 *   language (bjb-audit-labels.h), money in Rupiah, times local.
 */
char       *bjb_records_format_changes   (const char *table,
                                          const char *changes);

/**
 * bjb_records_parse_date:
 * @text: what was typed: "", or a day as bjb_date_parse() reads it (year or day first)
 * @ok: (out): FALSE when @text is not empty and not a valid day
 *
 * Returns: (transfer full) (nullable): the day, NULL for "" (no filter) or a bad date
 */
GDate      *bjb_records_parse_date       (const char *text,
                                          gboolean   *ok);

/* (transfer full): the local midnight starting @date, in ISO 8601 with its offset */
char       *bjb_records_local_midnight   (const GDate *date);

G_END_DECLS
