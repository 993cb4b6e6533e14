/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-member"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-staff-member.h"

struct _BjbStaffMember
{
  GObject parent_instance;

  char *login;
  char *display_name;
  char *phone;
  char *role;
  gboolean active;
  GDateTime *last_sign_in;
  int sessions;
};

G_DEFINE_FINAL_TYPE (BjbStaffMember, bjb_staff_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_PHONE,
  PROP_ROLE,
  PROP_ACTIVE,
  PROP_SESSIONS,
  PROP_ROLE_LABEL,
  PROP_STATE_LABEL,
  PROP_LAST_SIGN_IN_LABEL,
  PROP_PHONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
bjb_staff_member_role_label (const char *role)
{
  if (g_strcmp0 (role, "admin") == 0)
    return _("Administrator");
  if (g_strcmp0 (role, "cs") == 0)
    return _("Customer service");
  if (g_strcmp0 (role, "courier") == 0)
    return _("Courier");
  if (g_strcmp0 (role, "worker") == 0)
    return _("Worker (messages)");
  return "";
}

static char *
last_sign_in_label (BjbStaffMember *self)
{
  g_autoptr(GDateTime) local = NULL;

  if (self->last_sign_in == NULL)
    return g_strdup (_("Never"));
  local = g_date_time_to_local (self->last_sign_in);
  /* Translators: date and time of a notification, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
bjb_staff_member_finalize (GObject *object)
{
  BjbStaffMember *self = BJB_STAFF_MEMBER (object);

  g_free (self->login);
  g_free (self->display_name);
  g_free (self->phone);
  g_free (self->role);
  g_clear_pointer (&self->last_sign_in, g_date_time_unref);

  G_OBJECT_CLASS (bjb_staff_member_parent_class)->finalize (object);
}

static void
bjb_staff_member_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbStaffMember *self = BJB_STAFF_MEMBER (object);

  switch (prop_id)
    {
    case PROP_LOGIN: g_value_set_string (value, self->login); break;
    case PROP_DISPLAY_NAME: g_value_set_string (value, self->display_name); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_SESSIONS: g_value_set_int (value, self->sessions); break;
    case PROP_ROLE_LABEL: g_value_set_string (value, bjb_staff_member_role_label (self->role)); break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, self->active ? _("Active") : _("Inactive"));
      break;
    case PROP_LAST_SIGN_IN_LABEL: g_value_take_string (value, last_sign_in_label (self)); break;
    case PROP_PHONE_LABEL: g_value_set_string (value, self->phone != NULL ? self->phone : "—"); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
bjb_staff_member_class_init (BjbStaffMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_staff_member_finalize;
  object_class->get_property = bjb_staff_member_get_property;

  properties[PROP_LOGIN] = string_property ("login");
  properties[PROP_DISPLAY_NAME] = string_property ("display-name");
  properties[PROP_PHONE] = string_property ("phone");
  properties[PROP_ROLE] = string_property ("role");
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSIONS] =
    g_param_spec_int ("sessions", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE_LABEL] = string_property ("role-label");
  properties[PROP_STATE_LABEL] = string_property ("state-label");
  properties[PROP_LAST_SIGN_IN_LABEL] = string_property ("last-sign-in-label");
  properties[PROP_PHONE_LABEL] = string_property ("phone-label");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_staff_member_init (BjbStaffMember *self)
{
}

BjbStaffMember *
bjb_staff_member_new_from_result (BjbResult *result,
                                  guint      row)
{
  BjbStaffMember *self = g_object_new (BJB_TYPE_STAFF_MEMBER, NULL);

  self->login = g_strdup (bjb_result_get_string (result, row, "login"));
  self->display_name = g_strdup (bjb_result_get_string (result, row, "display_name"));
  self->phone = g_strdup (bjb_result_get_string (result, row, "phone"));
  self->role = g_strdup (bjb_result_get_string (result, row, "role"));
  self->active = bjb_result_get_boolean (result, row, "active");
  self->last_sign_in = bjb_result_get_datetime (result, row, "last_sign_in_at");
  self->sessions = (int) bjb_result_get_int64 (result, row, "sessions");
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
