/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-ops"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

void
bjb_staff_ops_record_sign_in_async (BjbConnection       *connection,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, RECORD_SIGN_IN_SQL, 0, NULL, cancellable,
                       bjb_staff_ops_record_sign_in_async, callback, user_data);
}

gboolean
bjb_staff_ops_record_sign_in_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_staff_ops_record_sign_in_async,
                                                    error);

  return rows != NULL;
}

void
bjb_staff_ops_list_async (BjbConnection       *connection,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, LIST_SQL, 0, NULL, cancellable,
                       bjb_staff_ops_list_async, callback, user_data);
}

GPtrArray *
bjb_staff_ops_list_finish (GAsyncResult  *result,
                           GError       **error)
{
  return bjb_ops_query_finish_array (result, bjb_staff_ops_list_async,
                                     (BjbOpsRowFunc) bjb_staff_member_new_from_result, error);
}

void
bjb_staff_ops_create_async (BjbConnection       *connection,
                            const char          *login,
                            const char          *display_name,
                            const char          *phone,
                            const char          *role,
                            const char          *verifier,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  /* bjb.create_staff takes the phone last. */
  const char *params[] = { login, display_name, role, verifier, phone };

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (verifier != NULL && g_str_has_prefix (verifier, "SCRAM-SHA-256$"));

  bjb_ops_query_async (connection, CREATE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

void
bjb_staff_ops_set_active_async (BjbConnection       *connection,
                                const char          *login,
                                gboolean             active,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  const char *params[] = { login, active ? "true" : "false" };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, SET_ACTIVE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

void
bjb_staff_ops_set_role_async (BjbConnection       *connection,
                              const char          *login,
                              const char          *role,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *params[] = { login, role };

  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, SET_ROLE_SQL, G_N_ELEMENTS (params), params, cancellable,
                       change_tag, callback, user_data);
}

void
bjb_staff_ops_reset_password_async (BjbConnection       *connection,
                                    const char          *login,
                                    const char          *verifier,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  const char *params[] = { login, verifier };

  g_return_if_fail (BJB_IS_CONNECTION (connection));
  g_return_if_fail (verifier != NULL && g_str_has_prefix (verifier, "SCRAM-SHA-256$"));

  bjb_ops_query_async (connection, RESET_PASSWORD_SQL, G_N_ELEMENTS (params), params,
                       cancellable, change_tag, callback, user_data);
}

gboolean
bjb_staff_ops_change_finish (GAsyncResult  *result,
                             GError       **error)
{
  return bjb_ops_query_finish_ok (result, change_tag, error);
}

char *
bjb_staff_ops_refusal_sentence (const GError  *error,
                                const char   **field)
{
  /* The start of each message 0001 and 0007 raise, the field it concerns and its words. */
  static const struct { const char *prefix, *field, *sentence; } refusals[] = {
    { "Login", "login", N_("This login is already used, or not allowed. Choose another.") },
    { "Nama staf", "name", N_("Type the staff member’s name.") },
    { "Kata sandi", "password", N_("The password must have at least 8 characters.") },
    { "Peran", "role", N_("Choose a role.") },
    { "Anda tidak dapat menonaktifkan akun sendiri", NULL,
      N_("You cannot deactivate your own account.") },
    { "Anda tidak dapat mengubah peran akun sendiri", NULL,
      N_("You cannot change the role of your own account.") },
    { "Admin aktif terakhir tidak dapat dinonaktifkan", NULL,
      N_("This is the last active administrator: make another administrator active first.") },
    { "Admin aktif terakhir tidak dapat diubah perannya", NULL,
      N_("This is the last active administrator: its role stays until another administrator is active.") },
    { "Staf", NULL, N_("This staff member is no longer there. Refresh the list.") },
  };
  const char *message = bjb_db_error_get_server_message (error);
  const char *sqlstate = bjb_db_error_get_sqlstate (error);

  if (field != NULL)
    *field = NULL;
  if (g_strcmp0 (sqlstate, "BJ010") == 0 && message != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
      if (g_str_has_prefix (message, refusals[i].prefix))
        {
          if (field != NULL)
            *field = refusals[i].field;
          if (bjb_ui_speaks_server_language ())
            return g_strdup (message);
          return g_strdup (_(refusals[i].sentence));
        }
  /* The phone's CHECK of bjb.staff (0001): create_staff does not word it itself. */
  if (g_strcmp0 (sqlstate, "23514") == 0 && message != NULL && strstr (message, "phone") != NULL)
    {
      if (field != NULL)
        *field = "phone";
      return g_strdup (_("Type a phone number such as 0812 3456 7890."));
    }
  return bjb_error_sentence (error);
}
