/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BJB_DB_ERROR (bjb_db_error_quark ())

/**
 * BjbDbError:
 * @BJB_DB_ERROR_CONNECTION_FAILED: the server cannot be reached (down, wrong host/port,
 *   timeout, too many connections, starting up)
 * @BJB_DB_ERROR_AUTH_FAILED: wrong password or no such login
 * @BJB_DB_ERROR_DATABASE_MISSING: the database named in the profile does not exist
 * @BJB_DB_ERROR_TLS: the server certificate was rejected, or the server requires /
 *   refuses TLS
 * @BJB_DB_ERROR_NOT_STAFF: the login is in no staff group or is deactivated
 * @BJB_DB_ERROR_SCHEMA_TOO_OLD: the database needs `barokah-admin migrate`
 * @BJB_DB_ERROR_SCHEMA_TOO_NEW: this program is older than the database
 * @BJB_DB_ERROR_DISCONNECTED: the connection was lost while the query was in flight (it may
 *   or may not have committed: retry with the same request_id), or the connection is closed
 * @BJB_DB_ERROR_BUSINESS: the server raised a rule error (SQLSTATE class `BJ`)
 * @BJB_DB_ERROR_PERMISSION: insufficient privilege (SQLSTATE 42501)
 * @BJB_DB_ERROR_QUERY: any other server error
 *
 * Cancellation is reported as %G_IO_ERROR_CANCELLED, not in this domain.
 */
typedef enum
{
  BJB_DB_ERROR_CONNECTION_FAILED,
  BJB_DB_ERROR_AUTH_FAILED,
  BJB_DB_ERROR_DATABASE_MISSING,
  BJB_DB_ERROR_TLS,
  BJB_DB_ERROR_NOT_STAFF,
  BJB_DB_ERROR_SCHEMA_TOO_OLD,
  BJB_DB_ERROR_SCHEMA_TOO_NEW,
  BJB_DB_ERROR_DISCONNECTED,
  BJB_DB_ERROR_BUSINESS,
  BJB_DB_ERROR_PERMISSION,
  BJB_DB_ERROR_QUERY,
} BjbDbError;

GQuark      bjb_db_error_quark              (void);

/* The getters below accept any GError (or NULL) and return NULL when the error is not a
 * BJB_DB_ERROR or the field is unknown. Strings are owned by the error. */

/**
 * bjb_db_error_get_sqlstate:
 * Returns: (nullable) (transfer none): the five-character SQLSTATE, e.g. "BJ001", "42501",
 *   "28P01"; NULL when the error did not come from the server
 */
const char *bjb_db_error_get_sqlstate       (const GError *error);

/**
 * bjb_db_error_get_server_message:
 * Returns: (nullable) (transfer none): the server's primary message (Indonesian for BJ
 *   codes), without severity or SQLSTATE; for connection failures libpq's message
 */
const char *bjb_db_error_get_server_message (const GError *error);

/**
 * bjb_db_error_get_detail: Returns: (nullable) (transfer none): the server's DETAIL field
 */
const char *bjb_db_error_get_detail         (const GError *error);

/**
 * bjb_db_error_get_hint: Returns: (nullable) (transfer none): the server's HINT field
 */
const char *bjb_db_error_get_hint           (const GError *error);

/**
 * bjb_db_error_get_column: Returns: (nullable) (transfer none): the server's COLUMN field
 *   (PG_DIAG_COLUMN_NAME); a BJ011 validation error names the form field there
 */
const char *bjb_db_error_get_column         (const GError *error);

/**
 * bjb_db_error_get_constraint: Returns: (nullable) (transfer none): the server's CONSTRAINT
 *   field (PG_DIAG_CONSTRAINT_NAME): the violated constraint, or the rule a BJ010 staff
 *   refusal names ("staff_last_admin", …: docs/database.md, 0022)
 */
const char *bjb_db_error_get_constraint     (const GError *error);

/**
 * bjb_db_error_get_schema_versions:
 * @found: (out) (optional): the database's bjb.schema_version(), 0 if it has none
 * @expected: (out) (optional): the version this program was built for
 *
 * Returns: %TRUE for SCHEMA_TOO_OLD / SCHEMA_TOO_NEW errors (the only ones that carry them)
 */
gboolean    bjb_db_error_get_schema_versions (const GError *error,
                                              int          *found,
                                              int          *expected);

/**
 * bjb_db_error_get_user_message:
 *
 * A translated sentence a shop clerk understands, for any error (BJB_DB_ERROR,
 * G_IO_ERROR_CANCELLED, anything else gets a generic sentence). BJ codes map to their own
 * sentence ("Not enough stock for this order."); show bjb_db_error_get_server_message()
 * as the detail.
 *
 * Returns: (transfer none): a translated static string
 */
const char *bjb_db_error_get_user_message   (const GError *error);

G_END_DECLS
