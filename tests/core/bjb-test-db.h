/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

gboolean  bjb_test_db_skip_unless_server   (void);
gboolean  bjb_test_db_skip_unless_template (void);
char     *bjb_test_db_create               (const char *template_name);
void      bjb_test_db_drop                 (const char *dbname);
PGconn   *bjb_test_db_connect              (const char *dbname);
char     *bjb_test_db_query_value          (PGconn     *conn,
                                            const char *sql,
                                            int         n_params,
                                            const char *const *values);

G_END_DECLS
