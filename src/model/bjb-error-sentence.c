/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-error-sentence"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "bjb-code-label.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-image.h"

gboolean
bjb_ui_speaks_server_language (void)
{
  /* Translators: the code of the language you translate into ("id" for Indonesian). It
   * tells the program whether the server's own (Indonesian) messages can be shown as they
   * are. */
  return strcmp (C_("ui-language", "en"), "id") == 0;
}

/* 0010, the dashboard and best sellers (BJ040–BJ044): what the admin typed as a range. */
static const char *
sales_sentence (const char *sqlstate)
{
  static const BjbCodeLabel sentences[] = {
    { "BJ040", N_("The start date is after the end date. Swap them or pick another range.") },
    { "BJ041", N_("The date range can be at most ten years long.") },
    { "BJ042", N_("Best sellers can be ranked by quantity or by revenue only.") },
    { "BJ043", N_("The number of best sellers to show must be between 1 and 100.") },
  };

  return bjb_code_label (sentences, G_N_ELEMENTS (sentences), sqlstate, NULL);
}

static char *
rule_sentence (const GError *error)
{
  const char *server = bjb_db_error_get_server_message (error);
  const char *generic = _("This breaks a business rule.");
  const char *sentence;
  gboolean has_server = server != NULL && *server != '\0';

  /* The server's message names the product and the numbers; it is the best sentence
   * whenever the clerk reads its language. */
  if (has_server && bjb_ui_speaks_server_language ())
    return g_strdup (server);

  sentence = sales_sentence (bjb_db_error_get_sqlstate (error));
  if (sentence != NULL)
    return g_strdup (sentence);
  /* Each known code's own sentence lives with the codes, in bjb-db-error.c. */
  sentence = bjb_db_error_get_user_message (error);
  /* A code newer than this program: the server's words beat saying nothing. */
  if (g_strcmp0 (sentence, generic) == 0 && has_server)
    return g_strdup (server);
  return g_strdup (sentence);
}

static char *
not_staff_sentence (const GError *error)
{
  const char *message = bjb_db_error_get_server_message (error);

  /* The server refuses a deactivated account with its own wording (PostgreSQL's "not
   * permitted to log in" for NOLOGIN, bjb's Indonesian "nonaktif"). */
  if (message != NULL && (strstr (message, "deactivated") != NULL ||
                          strstr (message, "inactive") != NULL ||
                          strstr (message, "nonaktif") != NULL ||
                          strstr (message, "not permitted to log in") != NULL))
    return g_strdup (_("This staff account has been deactivated. Ask an administrator "
                       "to activate it again."));

  return g_strdup (_("This login is not a staff account of the back office. Ask an "
                     "administrator to give it the admin, customer service or courier "
                     "role."));
}

static char *
query_sentence (const GError *error)
{
  const char *sqlstate = bjb_db_error_get_sqlstate (error);

  if (sqlstate == NULL)
    return g_strdup (_("The server could not complete the request."));
  /* lock_not_available: a lock_timeout ran out behind another desk's work */
  if (strcmp (sqlstate, "55P03") == 0)
    return g_strdup (_("Another desk is changing the same data. Try again in a moment."));
  /* serialization_failure, deadlock_detected: nothing was saved, a retry works */
  if (strcmp (sqlstate, "40001") == 0 || strcmp (sqlstate, "40P01") == 0)
    return g_strdup (_("The server was busy with the same data and saved nothing. "
                       "Please try again."));
  /* query_canceled: statement_timeout */
  if (strcmp (sqlstate, "57014") == 0)
    return g_strdup (_("The server took too long to answer. Please try again."));
  return g_strdup (_("The server could not complete the request."));
}

static char *
db_sentence (const GError     *error,
             BjbServerProfile *profile)
{
  int found = 0, expected = 0;

  switch ((BjbDbError) error->code)
    {
    case BJB_DB_ERROR_AUTH_FAILED:
      return g_strdup (_("The login or password is wrong. Check both and try again."));

    case BJB_DB_ERROR_CONNECTION_FAILED:
      if (profile != NULL)
        return g_strdup_printf (_("The server %s, port %u, cannot be reached. Check the network "
                                  "and the server address, and that the database server is running."),
                                bjb_server_profile_get_host (profile),
                                bjb_server_profile_get_port (profile));
      return g_strdup (_("The server cannot be reached. Check the network and the server address."));

    case BJB_DB_ERROR_DATABASE_MISSING:
      if (profile != NULL)
        return g_strdup_printf (_("The server has no database called “%s”. Check the database name "
                                  "in the server profile."),
                                bjb_server_profile_get_dbname (profile));
      return g_strdup (_("The database does not exist on this server. Check the server profile."));

    case BJB_DB_ERROR_TLS:
      return g_strdup (_("The secure connection was rejected: the server certificate is not "
                         "trusted, or the server does not use TLS as this profile asks. Check "
                         "the TLS mode and the certificate authority file."));

    case BJB_DB_ERROR_NOT_STAFF:
      return not_staff_sentence (error);

    case BJB_DB_ERROR_SCHEMA_TOO_OLD:
      bjb_db_error_get_schema_versions (error, &found, &expected);
      return g_strdup_printf (_("The database is older (version %d) than this program "
                                "(version %d). An administrator must run “barokah-admin migrate” "
                                "on the server."),
                              found, expected);

    case BJB_DB_ERROR_SCHEMA_TOO_NEW:
      bjb_db_error_get_schema_versions (error, &found, &expected);
      return g_strdup_printf (_("The database (version %d) was upgraded by a newer "
                                "“barokah-admin migrate” than this program knows (version %d). "
                                "Install the new version of Barokah Back Office on this computer."),
                              found, expected);

    case BJB_DB_ERROR_DISCONNECTED:
    case BJB_DB_ERROR_PERMISSION:
      return g_strdup (bjb_db_error_get_user_message (error));

    case BJB_DB_ERROR_BUSINESS:
      return rule_sentence (error);

    case BJB_DB_ERROR_QUERY:
    default:
      return query_sentence (error);
    }
}

/* GIO and GLib's file calls: what a mistyped path or a full disk looks like. */
static char *
file_sentence (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return g_strdup (_("There is no such file. Check the name and the folder."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ROFS))
    return g_strdup (_("This computer does not allow using that file or folder. Choose another."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    return g_strdup (_("That is a folder, not a file. Choose a file."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
    return g_strdup (_("The disk is full. Free some space or choose another place."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME) ||
      g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NAMETOOLONG))
    return g_strdup (_("That file name is not valid here. Choose another name."));
  return g_strdup (_("The file could not be read or written."));
}

char *
bjb_error_sentence_for_server (const GError     *error,
                               BjbServerProfile *profile)
{
  g_return_val_if_fail (profile == NULL || BJB_IS_SERVER_PROFILE (profile), NULL);

  if (error == NULL)
    return g_strdup (_("Something went wrong."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("Cancelled."));

  if (error->domain == BJB_DB_ERROR)
    return db_sentence (error, profile);

  /* bjb-image already words its errors for a clerk, in the UI language. */
  if (error->domain == BJB_IMAGE_ERROR)
    return g_strdup (error->message);

  if (error->domain == GDK_PIXBUF_ERROR)
    return g_strdup (_("That file is not a picture this program can read. "
                       "Choose a JPEG or PNG photo."));

  if (error->domain == G_IO_ERROR || error->domain == G_FILE_ERROR)
    return file_sentence (error);

  if (error->domain == JSON_PARSER_ERROR)
    return g_strdup (_("The server sent data this program does not understand. "
                       "Install the latest version."));

  return g_strdup (_("Something went wrong."));
}

char *
bjb_error_sentence (const GError *error)
{
  return bjb_error_sentence_for_server (error, NULL);
}
