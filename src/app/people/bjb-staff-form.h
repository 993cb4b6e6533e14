/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_STAFF_FORM (bjb_staff_form_get_type ())
G_DECLARE_FINAL_TYPE (BjbStaffForm, bjb_staff_form, BJB, STAFF_FORM, GtkWidget)

/*
 * BjbStaffForm: creates a staff account (bjb.create_staff: login, name, phone, role,
 * password) or, given a login, sets a new password for it (bjb.reset_staff_password).
 * The password is typed twice or generated ("staff-form.generate") and then shown once
 * with "staff-form.copy"; the server only ever receives its SCRAM verifier. Each field's
 * problem shows under it; nothing typed is lost on a refusal.
 *
 * Signals: "done" (const char *login): the account was created / the password set;
 *   "cancelled": the admin closed the form.
 */

void        bjb_staff_form_set_connection (BjbStaffForm  *self,
                                           BjbConnection *connection);
/* An empty form for a new account. */
void        bjb_staff_form_start_create   (BjbStaffForm  *self);
/* An empty password form for @login. */
void        bjb_staff_form_start_reset    (BjbStaffForm  *self,
                                           const char    *login);

/* For tests: a field's editable ("login", "name", "phone", "password", "again")
 * (transfer none); the reason shown under it or for the whole form ("form") (NULL: none);
 * the role to create (a code); the password generated and shown (nullable); busy. */
GtkEditable *bjb_staff_form_get_field     (BjbStaffForm  *self,
                                           const char    *field);
const char  *bjb_staff_form_get_error     (BjbStaffForm  *self,
                                           const char    *field);
void         bjb_staff_form_set_role      (BjbStaffForm  *self,
                                           const char    *role);
const char  *bjb_staff_form_get_generated (BjbStaffForm  *self);
gboolean     bjb_staff_form_get_busy      (BjbStaffForm  *self);

G_END_DECLS
