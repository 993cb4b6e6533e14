/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * What the client tells the server about the signed-in staff member themselves.
 *
 * bjb_staff_ops_record_sign_in_async: bjb.record_sign_in() (0007), once after each
 * successful sign-in, so the admin's staff list shows when each login last signed in.
 * Every staff role may call it (it writes only the caller's own row).
 */
void     bjb_staff_ops_record_sign_in_async  (BjbConnection        *connection,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean bjb_staff_ops_record_sign_in_finish (GAsyncResult         *result,
                                              GError              **error);

/*
 * The admin's staff list and its changes (0001, 0007). Passwords go as SCRAM verifiers
 * (bjb_connection_scram_verifier()), never as typed. Refusals are BJ010 with the server's
 * sentence ("not yourself", "the last active admin", "login already used") and name the
 * rule in CONSTRAINT (0022).
 */

/* Finish: (transfer full): a GPtrArray of BjbStaffMember, active first, by role and login */
void       bjb_staff_ops_list_async              (BjbConnection        *connection,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
GPtrArray *bjb_staff_ops_list_finish             (GAsyncResult         *result,
                                                  GError              **error);

/* bjb.create_staff; @phone: (nullable) +62…; @verifier: the SCRAM verifier */
void       bjb_staff_ops_create_async            (BjbConnection        *connection,
                                                  const char           *login,
                                                  const char           *display_name,
                                                  const char           *phone,
                                                  const char           *role,
                                                  const char           *verifier,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* bjb.set_staff_active: deactivating ends the login's open sessions */
void       bjb_staff_ops_set_active_async        (BjbConnection        *connection,
                                                  const char           *login,
                                                  gboolean              active,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* bjb.set_staff_role: ends the login's open sessions */
void       bjb_staff_ops_set_role_async          (BjbConnection        *connection,
                                                  const char           *login,
                                                  const char           *role,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* bjb.reset_staff_password; @verifier: the SCRAM verifier */
void       bjb_staff_ops_reset_password_async    (BjbConnection        *connection,
                                                  const char           *login,
                                                  const char           *verifier,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
/* The finish of the four changes above. */
gboolean   bjb_staff_ops_change_finish           (GAsyncResult         *result,
                                                  GError              **error);

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
