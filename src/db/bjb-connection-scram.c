/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection"

#include "config.h"

#include <string.h>

#include "bjb-connection-private.h"
#include "bjb-db-error-private.h"

/* A staff password as the server stores it, computed here so the plain password never
 * travels: the statement that sets it (bjb.create_staff, bjb.reset_staff_password) carries
 * only the verifier, so neither the server log nor pg_stat_activity ever holds it. With the
 * algorithm named, libpq computes it locally and asks the server nothing, so this does not
 * block; it only needs a PGconn, for its error message. */
char *
bjb_connection_scram_verifier (BjbConnection  *self,
                               const char     *login,
                               const char     *password,
                               GError        **error)
{
  char *encrypted;
  char *copy;

  g_return_val_if_fail (BJB_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (login != NULL && password != NULL, NULL);

  if (self->conn == NULL)
    {
      g_propagate_error (error, bjb_db_error_new_full (BJB_DB_ERROR_DISCONNECTED, NULL,
                                                       "not connected", NULL, NULL));
      return NULL;
    }
  encrypted = PQencryptPasswordConn (self->conn, password, login, "scram-sha-256");
  if (encrypted == NULL)
    {
      g_propagate_error (error, bjb_db_error_new_full (BJB_DB_ERROR_QUERY, NULL,
                                                       PQerrorMessage (self->conn), NULL, NULL));
      return NULL;
    }
  copy = g_strdup (encrypted);
  explicit_bzero (encrypted, strlen (encrypted));
  PQfreemem (encrypted);
  return copy;
}
