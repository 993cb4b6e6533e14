/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"
#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_STAFF_MEMBER (bjb_staff_member_get_type ())
G_DECLARE_FINAL_TYPE (BjbStaffMember, bjb_staff_member, BJB, STAFF_MEMBER, BjbFieldRow)

/*
 * BjbStaffMember: one row of bjb.list_staff() (0007). Read-only properties: "login",
 * "display-name", "phone" (nullable), "role" ('admin', 'cs', 'courier', 'worker'),
 * "active", "sessions" (open now), and for the list, in the UI language: "role-label",
 * "state-label", "last-sign-in-label", "phone-label".
 */

/* (transfer full) */
BjbStaffMember *bjb_staff_member_new_from_result (BjbResult      *result,
                                                  guint           row);

const char     *bjb_staff_member_get_login        (BjbStaffMember *self);
const char     *bjb_staff_member_get_display_name (BjbStaffMember *self);
const char     *bjb_staff_member_get_role         (BjbStaffMember *self);
gboolean        bjb_staff_member_get_active       (BjbStaffMember *self);
int             bjb_staff_member_get_sessions     (BjbStaffMember *self);

/* The word for a role, in the UI language (transfer none) */
const char     *bjb_staff_member_role_label       (const char     *role);

G_END_DECLS
