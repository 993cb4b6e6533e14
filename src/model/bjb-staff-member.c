/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-member"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-field-row.h"
#include "bjb-staff-member.h"

struct _BjbStaffMember
{
  BjbFieldRow parent_instance;

  char *login;
  char *display_name;
  char *phone;
  char *role;
  gboolean active;
  int sessions;
  /* The list's words for the values above, in the UI language */
  char *role_label;
  char *state_label;
  char *last_sign_in_label;
  char *phone_label;
};

G_DEFINE_FINAL_TYPE (BjbStaffMember, bjb_staff_member, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbStaffMember, field) }
static const BjbRowField fields[] = {
  F ("login", BJB_ROW_STRING, login),
  F ("display-name", BJB_ROW_STRING, display_name),
  F ("phone", BJB_ROW_STRING, phone),
  F ("role", BJB_ROW_STRING, role),
  F ("active", BJB_ROW_BOOLEAN, active),
  F ("sessions", BJB_ROW_INT, sessions),
  F ("role-label", BJB_ROW_STRING, role_label),
  F ("state-label", BJB_ROW_STRING, state_label),
  F ("last-sign-in-label", BJB_ROW_STRING, last_sign_in_label),
  F ("phone-label", BJB_ROW_STRING, phone_label),
};
#undef F

const char *
bjb_staff_member_role_label (const char *role)
{
  static const BjbCodeLabel labels[] = {
    { "admin", N_("Administrator") },
    { "cs", N_("Customer service") },
    { "courier", N_("Courier") },
    { "worker", N_("Worker (messages)") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), role, "");
}

static char *
last_sign_in_label (GDateTime *last_sign_in)
{
  g_autoptr(GDateTime) local = NULL;

  if (last_sign_in == NULL)
    return g_strdup (_("Never"));
  local = g_date_time_to_local (last_sign_in);
  /* Translators: date and time of a notification, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
bjb_staff_member_class_init (BjbStaffMemberClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_staff_member_init (BjbStaffMember *self)
{
}

BjbStaffMember *
bjb_staff_member_new_from_result (BjbResult *result,
                                  guint      row)
{
  BjbStaffMember *self = bjb_field_row_new_from_result (BJB_TYPE_STAFF_MEMBER, result, row);
  g_autoptr(GDateTime) last_sign_in = bjb_result_get_datetime (result, row, "last_sign_in_at");

  self->role_label = g_strdup (bjb_staff_member_role_label (self->role));
  self->state_label = g_strdup (self->active ? _("Active") : _("Inactive"));
  self->last_sign_in_label = last_sign_in_label (last_sign_in);
  self->phone_label = g_strdup (self->phone != NULL ? self->phone : "—");
  return self;
}

const char *
bjb_staff_member_get_login (BjbStaffMember *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_MEMBER (self), NULL);
  return self->login;
}

const char *
bjb_staff_member_get_display_name (BjbStaffMember *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_MEMBER (self), NULL);
  return self->display_name;
}

const char *
bjb_staff_member_get_role (BjbStaffMember *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_MEMBER (self), NULL);
  return self->role;
}

gboolean
bjb_staff_member_get_active (BjbStaffMember *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_MEMBER (self), FALSE);
  return self->active;
}

int
bjb_staff_member_get_sessions (BjbStaffMember *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_MEMBER (self), 0);
  return self->sessions;
}
