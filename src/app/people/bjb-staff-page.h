/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-staff-form.h"

G_BEGIN_DECLS

#define BJB_TYPE_STAFF_PAGE (bjb_staff_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbStaffPage, bjb_staff_page, BJB, STAFF_PAGE, GtkWidget)

/*
 * BjbStaffPage: the admin's staff accounts (bjb.list_staff: login, name, phone, role,
 * state, last sign-in, sessions open now). Actions: "staff.new" (the create form),
 * "staff.refresh", and on the picked account "staff.toggle-active" (deactivating ends its
 * sessions), "staff.change-role" (to the role chosen in the detail) and a new password in
 * the detail's form. The server's refusals ("not yourself", "the last active admin") show
 * as sentences in the detail.
 */

GtkWidget     *bjb_staff_page_new            (void);
void           bjb_staff_page_set_connection (BjbStaffPage  *self,
                                              BjbConnection *connection);
void           bjb_staff_page_refresh        (BjbStaffPage  *self);

/* For tests: the rows (BjbStaffMember) (transfer none); picks @login's row (FALSE when it
 * is not listed); the role the detail would change to; the detail's sentences (NULL: none);
 * the two forms; TRUE while a request is out. */
GListModel    *bjb_staff_page_get_staff      (BjbStaffPage  *self);
gboolean       bjb_staff_page_select         (BjbStaffPage  *self,
                                              const char    *login);
void           bjb_staff_page_choose_role    (BjbStaffPage  *self,
                                              const char    *role);
const char    *bjb_staff_page_get_error      (BjbStaffPage  *self);
BjbStaffForm  *bjb_staff_page_get_create_form   (BjbStaffPage *self);
BjbStaffForm  *bjb_staff_page_get_password_form (BjbStaffPage *self);
const char    *bjb_staff_page_get_visible_pane  (BjbStaffPage *self);
gboolean       bjb_staff_page_get_busy       (BjbStaffPage  *self);

G_END_DECLS
