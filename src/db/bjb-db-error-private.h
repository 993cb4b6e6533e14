/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "bjb-db-error.h"

G_BEGIN_DECLS

/* Builders used inside src/db only; they keep libpq out of the public headers. */

GError *bjb_db_error_new_full            (BjbDbError  code,
                                          const char *sqlstate,
                                          const char *message,
                                          const char *detail,
                                          const char *hint);
GError *bjb_db_error_new_from_result     (const PGresult *result);
GError *bjb_db_error_new_from_connection (const char     *libpq_message);
GError *bjb_db_error_new_schema          (int             found,
                                          int             expected);
BjbDbError bjb_db_error_code_for_sqlstate (const char    *sqlstate);

G_END_DECLS
