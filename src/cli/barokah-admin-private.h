/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the barokah-admin commands share: messages, the connection, option parsing,
 * passwords, running the PostgreSQL tools. One file per command holds the rest. No GTK. */

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define BJB_ADMIN_MIN_PASSWORD_LENGTH 8

enum {
  BJB_ADMIN_EXIT_OK = 0,
  BJB_ADMIN_EXIT_FAILED = 1,
  BJB_ADMIN_EXIT_USAGE = 2,
};

/* barokah-admin-common.c */

/* --dbname, accepted before and after the command. */
extern const GOptionEntry bjb_admin_connection_entries[];

void       bjb_admin_error          (const char         *format,
                                     ...) G_GNUC_PRINTF (1, 2);
int        bjb_admin_usage_error    (const char         *command,
                                     const char         *format,
                                     ...) G_GNUC_PRINTF (2, 3);
void       bjb_admin_server_error   (const char         *what,
                                     PGconn             *conn,
                                     const PGresult     *res);
PGresult  *bjb_admin_query          (PGconn             *conn,
                                     const char         *what,
                                     const char         *sql,
                                     int                 n_params,
                                     const char *const  *values);
gboolean   bjb_admin_run            (PGconn             *conn,
                                     const char         *what,
                                     const char         *sql);
gboolean   bjb_admin_query_bool     (PGconn             *conn,
                                     const char         *what,
                                     const char         *sql,
                                     int                 n_params,
                                     const char *const  *values,
                                     gboolean           *out_value);
gboolean   bjb_admin_require_superuser (PGconn          *conn,
                                        const char      *why);
PGconn    *bjb_admin_connect        (void);
gboolean   bjb_admin_has_dbname_option (void);
PGconn    *bjb_admin_connect_params (const char *const  *keywords,
                                     const char *const  *values);
gboolean   bjb_admin_check_schema   (PGconn             *conn);
GStrv      bjb_admin_tool_env       (PGconn             *conn);
gboolean   bjb_admin_spawn          (const char *const  *argv,
                                     const char *const  *envp,
                                     char              **out_stdout,
                                     GError            **error);

/* barokah-admin-password.c */

char      *bjb_admin_read_password_file     (const char  *path,
                                             GError     **error);
char      *bjb_admin_read_password_terminal (const char  *login,
                                             GError     **error);
char      *bjb_admin_read_new_password      (const char  *login,
                                             const char  *path);
void       bjb_admin_free_password          (char        *password);
char      *bjb_admin_scram_verifier         (PGconn      *conn,
                                             const char  *password,
                                             const char  *login);
gboolean   bjb_admin_is_valid_role          (const char  *role);

/* barokah-admin-backup.c: also used by migrate, before it changes anything. The format,
 * shared with barokah-admin-restore.c: */

#define BJB_BACKUP_FORMAT         "barokah-backup"
#define BJB_BACKUP_FORMAT_VERSION 1
#define BJB_BACKUP_MANIFEST       "manifest.json"
#define BJB_BACKUP_DUMP           "database.dump"
#define BJB_BACKUP_SUFFIX         ".bjbbackup"
/* The group roles of migrations/0001_core.sql, in the cluster and so not in a dump. */
#define BJB_BACKUP_GROUPS_ARRAY   "{bjb_admin,bjb_cs,bjb_courier,bjb_worker}"

/* Rows of every table of schema bjb; the server quotes the names (format %s of regclass). */
#define BJB_BACKUP_SQL_COUNTS \
  "SELECT c.oid::regclass::text, " \
  "       (xpath ('/row/n/text()', query_to_xml (pg_catalog.format (" \
  "          'SELECT count(*) AS n FROM %s', c.oid::regclass), false, true, '')))[1]::text " \
  "FROM pg_catalog.pg_class c " \
  "WHERE c.relnamespace = 'bjb'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1"

/* The stock ledger: what the products hold, what the movements add up to, per product. */
#define BJB_BACKUP_SQL_STOCK \
  "SELECT (SELECT coalesce (sum (stock), 0) FROM bjb.product)::text AS product_stock, " \
  "       (SELECT coalesce (sum (delta), 0) FROM bjb.stock_movement)::text AS movement_sum, " \
  "       (SELECT md5 (coalesce (string_agg (p.id || ':' || p.stock || ':' || " \
  "                                          coalesce (m.total, 0), ',' ORDER BY p.id), '')) " \
  "        FROM bjb.product p " \
  "        LEFT JOIN (SELECT product_id, sum (delta) AS total FROM bjb.stock_movement " \
  "                   GROUP BY product_id) m ON m.product_id = p.id) AS per_product"


char      *bjb_admin_backup_default_path    (PGconn      *conn,
                                             const char  *directory,
                                             const char  *reason);
gboolean   bjb_admin_backup_write           (PGconn      *conn,
                                             const char  *path,
                                             gboolean     with_passwords,
                                             GError     **error);

/* The commands. Each says its usage once, in its own file; bjb_admin_command_run() parses
 * the command's options (@entries and the connection's, at most @max_args arguments, --help)
 * and then calls @run, whose argv[0] is the command name and which returns the exit
 * status. */
typedef struct
{
  const char          *name;
  const char          *parameters;
  const char          *summary;    /* marked with N_(), translated when shown */
  const GOptionEntry  *entries;    /* (nullable) */
  int                  max_args;
  int                (*run) (int argc, char **argv);
} BjbAdminCommand;

int        bjb_admin_command_run    (const BjbAdminCommand *command,
                                     int                    argc,
                                     char                 **argv);

extern const BjbAdminCommand bjb_admin_migrate_command;
extern const BjbAdminCommand bjb_admin_create_staff_command;
extern const BjbAdminCommand bjb_admin_set_staff_active_command;
extern const BjbAdminCommand bjb_admin_set_password_command;
extern const BjbAdminCommand bjb_admin_seed_demo_command;
extern const BjbAdminCommand bjb_admin_status_command;
extern const BjbAdminCommand bjb_admin_backup_command;
extern const BjbAdminCommand bjb_admin_restore_command;
extern const BjbAdminCommand bjb_admin_setup_server_command;

G_END_DECLS
