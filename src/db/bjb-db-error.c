/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-db-error"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bjb-db-error-private.h"

typedef struct
{
  char *sqlstate;
  char *server_message;
  char *detail;
  char *hint;
  char *column;         /* PG_DIAG_COLUMN_NAME: the form field a BJ011 names */
  char *constraint;     /* PG_DIAG_CONSTRAINT_NAME: the rule a BJ010 names (0022) */
  int   schema_found;
  int   schema_expected;
} BjbDbErrorPrivate;

static void
bjb_db_error_private_init (BjbDbErrorPrivate *priv)
{
}

static void
bjb_db_error_private_copy (const BjbDbErrorPrivate *src,
                           BjbDbErrorPrivate       *dest)
{
  dest->sqlstate = g_strdup (src->sqlstate);
  dest->server_message = g_strdup (src->server_message);
  dest->detail = g_strdup (src->detail);
  dest->hint = g_strdup (src->hint);
  dest->column = g_strdup (src->column);
  dest->constraint = g_strdup (src->constraint);
  dest->schema_found = src->schema_found;
  dest->schema_expected = src->schema_expected;
}

static void
bjb_db_error_private_clear (BjbDbErrorPrivate *priv)
{
  g_clear_pointer (&priv->sqlstate, g_free);
  g_clear_pointer (&priv->server_message, g_free);
  g_clear_pointer (&priv->detail, g_free);
  g_clear_pointer (&priv->hint, g_free);
  g_clear_pointer (&priv->column, g_free);
  g_clear_pointer (&priv->constraint, g_free);
}

G_DEFINE_EXTENDED_ERROR (BjbDbError, bjb_db_error)

static const BjbDbErrorPrivate *
get_private (const GError *error)
{
  if (error == NULL || error->domain != BJB_DB_ERROR)
    return NULL;
  return bjb_db_error_get_private (error);
}

const char *
bjb_db_error_get_sqlstate (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->sqlstate : NULL;
}

const char *
bjb_db_error_get_server_message (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->server_message : NULL;
}

const char *
bjb_db_error_get_detail (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->detail : NULL;
}

const char *
bjb_db_error_get_hint (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->hint : NULL;
}

const char *
bjb_db_error_get_column (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->column : NULL;
}

const char *
bjb_db_error_get_constraint (const GError *error)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  return priv ? priv->constraint : NULL;
}

gboolean
bjb_db_error_get_schema_versions (const GError *error,
                                  int          *found,
                                  int          *expected)
{
  const BjbDbErrorPrivate *priv = get_private (error);

  if (priv == NULL ||
      (error->code != BJB_DB_ERROR_SCHEMA_TOO_OLD && error->code != BJB_DB_ERROR_SCHEMA_TOO_NEW))
    return FALSE;
  if (found != NULL)
    *found = priv->schema_found;
  if (expected != NULL)
    *expected = priv->schema_expected;
  return TRUE;
}

static const struct {
  const char *sqlstate;
  const char *message;
} business_messages[] = {
  { "BJ001", N_("Not enough stock for this order.") },
  { "BJ002", N_("The order cannot change to that status now.") },
  { "BJ003", N_("A required photo is missing.") },
  { "BJ004", N_("You are not allowed to do this.") },
  { "BJ005", N_("The order is not valid. Check the products, quantities and delivery.") },
  { "BJ006", N_("The customer does not exist or is inactive.") },
  { "BJ007", N_("The order does not exist.") },
  { "BJ008", N_("That login is not an active courier.") },
  { "BJ009", N_("The photo is not valid.") },
  { "BJ010", N_("The staff data is not valid.") },
  { "BJ011", N_("A value is missing or not valid.") },
  { "BJ012", N_("Someone else must confirm this payment: you attached its proof.") },
  { "BJ013", N_("Another desk is still working on this order or its products. Try again in a moment.") },
  { "BJ020", N_("Someone else changed this since you opened it. Check their change, then save again.") },
  { "BJ021", N_("This is still in use and cannot be removed.") },
  { "BJ030", N_("Write down who received the goods.") },
  { "BJ031", N_("This order was cancelled or given to another courier; the photo was kept for customer service.") },
  { "BJ032", N_("The photo’s time is not possible. Check the device’s clock.") },
  { "BJ033", N_("This delivery was already sent for another order.") },
  /* 0011 reports */
  { "BJ045", N_("The start date is after the end date. Choose a start on or before the end.") },
  { "BJ046", N_("The report cannot use this filter. Check the dates, status, delivery and number of days.") },
  /* 0015 event relay: only barokahd meets it, in its log */
  { "BJ047", N_("The event relay does not hold its lock, so it cannot relay events.") },
};

const char *
bjb_db_error_get_user_message (const GError *error)
{
  if (error == NULL)
    return _("Something went wrong.");

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return _("Cancelled.");

  if (error->domain != BJB_DB_ERROR)
    return _("Something went wrong.");

  switch ((BjbDbError) error->code)
    {
    case BJB_DB_ERROR_CONNECTION_FAILED:
      return _("The server cannot be reached. Check the network and the server address.");
    case BJB_DB_ERROR_AUTH_FAILED:
      return _("Wrong login name or password.");
    case BJB_DB_ERROR_DATABASE_MISSING:
      return _("The database does not exist on this server. Check the server profile.");
    case BJB_DB_ERROR_TLS:
      return _("The secure connection was refused. Check the TLS mode and CA certificate.");
    case BJB_DB_ERROR_NOT_STAFF:
      return _("This login is not an active staff member.");
    case BJB_DB_ERROR_SCHEMA_TOO_OLD:
      return _("The database is older than this program. "
                "Ask the administrator to run “barokah-admin migrate”.");
    case BJB_DB_ERROR_SCHEMA_TOO_NEW:
      return _("The database is newer than this program. Install the latest version.");
    case BJB_DB_ERROR_DISCONNECTED:
      return _("The connection to the server was lost. Please try again.");
    case BJB_DB_ERROR_PERMISSION:
      return _("You are not allowed to do this.");
    case BJB_DB_ERROR_BUSINESS:
      {
        const char *sqlstate = bjb_db_error_get_sqlstate (error);

        for (guint i = 0; sqlstate != NULL && i < G_N_ELEMENTS (business_messages); i++)
          if (strcmp (business_messages[i].sqlstate, sqlstate) == 0)
            return _(business_messages[i].message);
        return _("This breaks a business rule.");
      }
    case BJB_DB_ERROR_QUERY:
    default:
      return _("The server could not complete the request.");
    }
}

GError *
bjb_db_error_new_full (BjbDbError  code,
                       const char *sqlstate,
                       const char *message,
                       const char *detail,
                       const char *hint)
{
  GError *error;
  BjbDbErrorPrivate *priv;

  if (message == NULL || *message == '\0')
    message = "unknown error";

  error = g_error_new_literal (BJB_DB_ERROR, code, message);
  priv = bjb_db_error_get_private (error);
  priv->sqlstate = g_strdup (sqlstate);
  priv->server_message = g_strdup (message);
  priv->detail = g_strdup (detail);
  priv->hint = g_strdup (hint);
  return error;
}

BjbDbError
bjb_db_error_code_for_sqlstate (const char *sqlstate)
{
  if (sqlstate == NULL)
    return BJB_DB_ERROR_QUERY;
  if (g_str_has_prefix (sqlstate, "BJ"))
    return BJB_DB_ERROR_BUSINESS;
  if (strcmp (sqlstate, "42501") == 0)
    return BJB_DB_ERROR_PERMISSION;
  /* Class 08 and the shutdown codes mean the link is going away under the query. */
  if (g_str_has_prefix (sqlstate, "08") ||
      strcmp (sqlstate, "57P01") == 0 ||
      strcmp (sqlstate, "57P02") == 0 ||
      strcmp (sqlstate, "57P03") == 0)
    return BJB_DB_ERROR_DISCONNECTED;
  return BJB_DB_ERROR_QUERY;
}

GError *
bjb_db_error_new_from_result (const PGresult *result)
{
  const char *sqlstate = PQresultErrorField (result, PG_DIAG_SQLSTATE);
  const char *message = PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY);
  const char *column = PQresultErrorField (result, PG_DIAG_COLUMN_NAME);
  GError *error;

  if (message == NULL)
    message = PQresultErrorMessage (result);

  error = bjb_db_error_new_full (bjb_db_error_code_for_sqlstate (sqlstate),
                                 sqlstate,
                                 message,
                                 PQresultErrorField (result, PG_DIAG_MESSAGE_DETAIL),
                                 PQresultErrorField (result, PG_DIAG_MESSAGE_HINT));
  bjb_db_error_get_private (error)->column = g_strdup (column);
  bjb_db_error_get_private (error)->constraint =
    g_strdup (PQresultErrorField (result, PG_DIAG_CONSTRAINT_NAME));
  return error;
}

/* A failed connection has no PGresult, only PQerrorMessage(). The connection runs with
 * PQERRORS_VERBOSE while connecting, so server errors read "FATAL:  28P01: password …",
 * which gives the SQLSTATE whatever language the server speaks. Errors libpq makes itself
 * (refused, timeout, TLS) have no SQLSTATE and are recognised by their text. */
GError *
bjb_db_error_new_from_connection (const char *libpq_message)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *sqlstate = NULL;
  g_autofree char *message = NULL;
  g_autofree char *text = g_strstrip (g_strdup (libpq_message ? libpq_message : ""));
  BjbDbError code = BJB_DB_ERROR_CONNECTION_FAILED;

  /* "<severity>:  <SQLSTATE>: <message>"; the severity word may be translated. */
  regex = g_regex_new (":  ([0-9A-Z]{5}): ([^\\n]*)", G_REGEX_OPTIMIZE, 0, NULL);
  if (g_regex_match (regex, text, 0, &match))
    {
      sqlstate = g_match_info_fetch (match, 1);
      message = g_match_info_fetch (match, 2);
    }
  else
    {
      const char *nl = strchr (text, '\n');

      message = nl ? g_strndup (text, nl - text) : g_strdup (text);
    }

  if (sqlstate != NULL)
    {
      if (strcmp (sqlstate, "28P01") == 0)
        code = BJB_DB_ERROR_AUTH_FAILED;
      else if (strcmp (sqlstate, "3D000") == 0)
        code = BJB_DB_ERROR_DATABASE_MISSING;
      else if (strcmp (sqlstate, "28000") == 0)
        {
          /* invalid_authorization_specification covers NOLOGIN roles (deactivated
           * staff), pg_hba rejections and a missing role under trust auth. */
          if (strstr (message, "not permitted to log in") != NULL)
            code = BJB_DB_ERROR_NOT_STAFF;
          else if (strstr (message, "encryption") != NULL || strstr (message, "SSL") != NULL)
            code = BJB_DB_ERROR_TLS;
          else
            code = BJB_DB_ERROR_AUTH_FAILED;
        }
      else if (g_str_has_prefix (sqlstate, "28"))
        code = BJB_DB_ERROR_AUTH_FAILED;
      else
        code = BJB_DB_ERROR_CONNECTION_FAILED;
    }
  else if (strstr (text, "SSL") != NULL ||
           strstr (text, "certificate") != NULL ||
           strstr (text, "GSSAPI") != NULL)
    code = BJB_DB_ERROR_TLS;
  else if (strstr (text, "no password supplied") != NULL ||
           strstr (text, "password authentication failed") != NULL)
    code = BJB_DB_ERROR_AUTH_FAILED;

  return bjb_db_error_new_full (code, sqlstate, message, NULL, NULL);
}

GError *
bjb_db_error_new_schema (int found,
                         int expected)
{
  BjbDbError code = found < expected ? BJB_DB_ERROR_SCHEMA_TOO_OLD : BJB_DB_ERROR_SCHEMA_TOO_NEW;
  g_autofree char *message = g_strdup_printf ("database schema version %d, program expects %d",
                                              found, expected);
  GError *error = bjb_db_error_new_full (code, NULL, message, NULL, NULL);
  BjbDbErrorPrivate *priv = bjb_db_error_get_private (error);

  priv->schema_found = found;
  priv->schema_expected = expected;
  return error;
}
