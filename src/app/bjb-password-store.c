/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-password-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "bjb-password-store.h"

/* Remembered passwords live in the desktop keyring (libsecret), never in a file:
 * one item per server profile and login. */
static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Password", SECRET_SCHEMA_NONE,
    {
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, password, (GDestroyNotify)secret_password_free);
}

/**
 * bjb_password_store_lookup_async:
 *
 * Looks up the remembered password of @login on @profile.
 */
void
bjb_password_store_lookup_async (const char          *profile,
                                 const char          *login,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (login != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_password_store_lookup_async);

  secret_password_lookup (get_schema (), cancellable, lookup_cb, g_steal_pointer (&task),
                          "profile", profile,
                          "login", login,
                          NULL);
}

/**
 * bjb_password_store_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the password, or %NULL when none is stored;
 *   free with g_free()
 */
char *
bjb_password_store_lookup_finish (GAsyncResult  *result,
                                  GError       **error)
{
  char *secret;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  secret = g_task_propagate_pointer (G_TASK (result), error);
  if (secret != NULL)
    {
      char *copy = g_strdup (secret);

      secret_password_free (secret);
      return copy;
    }

  return NULL;
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    g_message ("Could not remember the password: %s", error->message);
  else
    g_debug ("Password remembered in the keyring");
}

/* Remembers @password; failures are only logged (the staff member types it next time). */
void
bjb_password_store_save (const char *profile,
                         const char *login,
                         const char *password)
{
  g_autofree char *label = NULL;

  g_return_if_fail (profile != NULL);
  g_return_if_fail (login != NULL);
  g_return_if_fail (password != NULL);

  /* Translators: label of the keyring item; %s are the login and the server profile */
  label = g_strdup_printf (_("Barokah Back Office password for %s on %s"), login, profile);
  secret_password_store (get_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                         NULL, save_cb, NULL,
                         "profile", profile,
                         "login", login,
                         NULL);
}

static void
forget_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!secret_password_clear_finish (result, &error) && error != NULL)
    g_debug ("Could not forget the password: %s", error->message);
}

void
bjb_password_store_forget (const char *profile,
                           const char *login)
{
  g_return_if_fail (profile != NULL);
  g_return_if_fail (login != NULL);

  secret_password_clear (get_schema (), NULL, forget_cb, NULL,
                         "profile", profile,
                         "login", login,
                         NULL);
}
