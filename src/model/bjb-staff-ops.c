/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-ops"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"

#include "bjb-ops-query.h"
#include "bjb-staff-member.h"
#include "bjb-staff-ops.h"

static const char RECORD_SIGN_IN_SQL[] = "SELECT bjb.record_sign_in()";
static const char LIST_SQL[] =
  "SELECT login, display_name, phone, role, active, last_sign_in_at, sessions FROM bjb.list_staff()";
static const char CREATE_SQL[] = "SELECT bjb.create_staff($1, $2, $3, $4, $5)";
static const char SET_ACTIVE_SQL[] = "SELECT bjb.set_staff_active($1, $2)";
static const char SET_ROLE_SQL[] = "SELECT bjb.set_staff_role($1, $2)";
static const char RESET_PASSWORD_SQL[] = "SELECT bjb.reset_staff_password($1, $2)";

/* The source tag of every change: they all finish alike. */
static void
change_tag (void)
{
}

BJB_OPS_ASYNC (bjb_staff_ops_record_sign_in)
{
  bjb_ops_query_async (connection, RECORD_SIGN_IN_SQL, 0, NULL, cancellable,
                       bjb_staff_ops_record_sign_in_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_staff_ops_record_sign_in)
{
  return bjb_ops_query_finish_ok (result, bjb_staff_ops_record_sign_in_async, error);
}

BJB_OPS_ASYNC (bjb_staff_ops_list)
{
  bjb_ops_query_async (connection, LIST_SQL, 0, NULL, cancellable,
                       bjb_staff_ops_list_async, callback, user_data);
}

BJB_OPS_FINISH (GPtrArray *, bjb_staff_ops_list)
{
  return bjb_ops_query_finish_array (result, bjb_staff_ops_list_async,
                                     (BjbOpsRowFunc) bjb_staff_member_new_from_result, error);
}

BJB_OPS_ASYNC (bjb_staff_ops_create, const char *login, const char *display_name,
               const char *phone, const char *role, const char *verifier)
{
  /* bjb.create_staff takes the phone last. */
  const char *params[] = { login, display_name, role, verifier, phone };

  g_return_if_fail (verifier != NULL && g_str_has_prefix (verifier, "SCRAM-SHA-256$"));
  bjb_ops_query_async (connection, CREATE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

BJB_OPS_ASYNC (bjb_staff_ops_set_active, const char *login, gboolean active)
{
  const char *params[] = { login, active ? "true" : "false" };

  bjb_ops_query_async (connection, SET_ACTIVE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

BJB_OPS_ASYNC (bjb_staff_ops_set_role, const char *login, const char *role)
{
  const char *params[] = { login, role };

  bjb_ops_query_async (connection, SET_ROLE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

BJB_OPS_ASYNC (bjb_staff_ops_reset_password, const char *login, const char *verifier)
{
  const char *params[] = { login, verifier };

  g_return_if_fail (verifier != NULL && g_str_has_prefix (verifier, "SCRAM-SHA-256$"));
  bjb_ops_query_async (connection, RESET_PASSWORD_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_staff_ops_change)
{
  return bjb_ops_query_finish_ok (result, change_tag, error);
}

char *
bjb_staff_ops_refusal_sentence (const GError  *error,
                                const char   **field)
{
  /* The rules 0022 names in the CONSTRAINT of each BJ010, and their words; the field the
   * refusal concerns comes in COLUMN. */
  static const BjbCodeLabel refusals[] = {
    { "staff_login_taken", N_("This login is already used, or not allowed. Choose another.") },
    { "staff_login_shape", N_("A login is 3 to 63 small letters, digits or “_”, starting with a letter.") },
    { "staff_name", N_("Type the staff member’s name.") },
    { "staff_password_length", N_("The password must have at least 8 characters.") },
    { "staff_role", N_("Choose a role.") },
    { "staff_not_self", N_("You cannot deactivate your own account.") },
    { "staff_not_own_role", N_("You cannot change the role of your own account.") },
    { "staff_last_admin", N_("This is the last active administrator: make another administrator active first.") },
    { "staff_missing", N_("This staff member is no longer there. Refresh the list.") },
  };
  const char *message = bjb_db_error_get_server_message (error);
  const char *sqlstate = bjb_db_error_get_sqlstate (error);
  const char *rule = bjb_db_error_get_constraint (error);
  const char *sentence = bjb_code_label (refusals, G_N_ELEMENTS (refusals), rule, NULL);

  if (field != NULL)
    *field = NULL;
  if (g_strcmp0 (sqlstate, "BJ010") == 0)
    {
      if (field != NULL)
        *field = bjb_db_error_get_column (error);
      if (sentence != NULL)
        return g_strdup (bjb_ui_speaks_server_language () && message != NULL ? message
                                                                              : sentence);
    }
  /* The phone's CHECK of bjb.staff (0001): create_staff does not word it itself. */
  if (g_strcmp0 (sqlstate, "23514") == 0 && g_strcmp0 (rule, "staff_phone_check") == 0)
    {
      if (field != NULL)
        *field = "phone";
      return g_strdup (_("Type a phone number such as 0812 3456 7890."));
    }
  return bjb_error_sentence (error);
}
