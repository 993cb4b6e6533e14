/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BJB_TYPE_AUDIT_PAGE (bjb_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbAuditPage, bjb_audit_page, BJB, AUDIT_PAGE, AdwBin)

/*
 * BjbAuditPage: the admin's audit log, newest first, a BjbPagedQueryModel over
 * BjbAuditQuery (keyset pages as the list scrolls). Filters: table, login, a date range
 * (typed or picked; "to" is inclusive, and a range ending before it starts is refused with
 * a sentence) and a row id. Each entry shows when, who (display name, the login on hover),
 * the table, the row, the action and the changed fields as "field: old → new" lines.
 * A BjbPage: every event refreshes the rows in place, since every change is audited.
 * Action: "audit.refresh" (F5).
 */

G_END_DECLS
