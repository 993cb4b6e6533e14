/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"

G_BEGIN_DECLS

/*
 * What the client tells the server about the signed-in staff member themselves.
 *
 * bjb_staff_ops_record_sign_in: bjb.record_sign_in() (0007), once after each successful
 * sign-in, so the admin's staff list shows when each login last signed in. Every staff
 * role may call it (it writes only the caller's own row).
 */
BJB_OPS_DECLARE (gboolean, bjb_staff_ops_record_sign_in);

/*
 * The admin's staff list and its changes (0001, 0007). Passwords go as SCRAM verifiers
 * (bjb_connection_scram_verifier()), never as typed. Refusals are BJ010 with the server's
 * sentence ("not yourself", "the last active admin", "login already used") and name the
 * rule in CONSTRAINT (0022).
 */

/* Returns: (transfer full): a GPtrArray of BjbStaffMember, active first, by role and login */
BJB_OPS_DECLARE (GPtrArray *, bjb_staff_ops_list);

/* bjb.create_staff; @phone: (nullable) +62…; @verifier: the SCRAM verifier */
BJB_OPS_ASYNC (bjb_staff_ops_create, const char *login, const char *display_name,
               const char *phone, const char *role, const char *verifier);
/* bjb.set_staff_active: deactivating ends the login's open sessions */
BJB_OPS_ASYNC (bjb_staff_ops_set_active, const char *login, gboolean active);
/* bjb.set_staff_role: ends the login's open sessions */
BJB_OPS_ASYNC (bjb_staff_ops_set_role, const char *login, const char *role);
/* bjb.reset_staff_password; @verifier: the SCRAM verifier */
BJB_OPS_ASYNC (bjb_staff_ops_reset_password, const char *login, const char *verifier);
/* The finish of the four changes above. */
BJB_OPS_FINISH (gboolean, bjb_staff_ops_change);

/**
 * bjb_staff_ops_refusal_sentence:
 * @field: (out) (optional): the form field the refusal concerns ("login", "name", "phone",
 *   "role", "password") or NULL for the whole form
 *
 * The sentence for a refusal of the calls above in the UI language: the server's own in
 * Indonesian; in English one per rule ("not yourself", "the last active admin", "login
 * already used"), chosen by the rule the server names in the error's CONSTRAINT field
 * and marked on the field it names in COLUMN (0022), never by the server's wording.
 * @field points into @error: use it before freeing the error.
 *
 * Returns: (transfer full)
 */
char      *bjb_staff_ops_refusal_sentence        (const GError         *error,
                                                  const char          **field);

G_END_DECLS
