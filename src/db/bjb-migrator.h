/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

#define BJB_MIGRATOR_ERROR (bjb_migrator_error_quark ())

/**
 * BjbMigratorError:
 * @BJB_MIGRATOR_ERROR_BAD_MIGRATION: an embedded migration is malformed (name, numbering,
 *   missing BEGIN;/COMMIT;), a bug in this build
 * @BJB_MIGRATOR_ERROR_QUERY: a query of the runner itself failed (lock, reading the version)
 * @BJB_MIGRATOR_ERROR_TOO_NEW: the database has a newer schema than this program knows
 * @BJB_MIGRATOR_ERROR_FAILED: a migration file failed and was rolled back
 * @BJB_MIGRATOR_ERROR_NOT_RECORDED: a migration ran but did not record its version
 */
typedef enum
{
  BJB_MIGRATOR_ERROR_BAD_MIGRATION,
  BJB_MIGRATOR_ERROR_QUERY,
  BJB_MIGRATOR_ERROR_TOO_NEW,
  BJB_MIGRATOR_ERROR_FAILED,
  BJB_MIGRATOR_ERROR_NOT_RECORDED,
} BjbMigratorError;

/* The built-in migrations, as embedded from migrations/migrations.gresource.xml. */
#define BJB_MIGRATOR_RESOURCE_PATH "/id/barokahjaya/BackOffice/migrations"

#define BJB_TYPE_MIGRATOR (bjb_migrator_get_type ())

G_DECLARE_FINAL_TYPE (BjbMigrator, bjb_migrator, BJB, MIGRATOR, GObject)

GQuark       bjb_migrator_error_quark          (void);

BjbMigrator *bjb_migrator_new                  (void);
BjbMigrator *bjb_migrator_new_for_resource     (const char   *resource_path);
gboolean     bjb_migrator_load                 (BjbMigrator  *self,
                                                GError      **error);
int          bjb_migrator_get_latest_version   (BjbMigrator  *self);
GStrv        bjb_migrator_list                 (BjbMigrator  *self);
gboolean     bjb_migrator_get_current_version  (BjbMigrator  *self,
                                                PGconn       *conn,
                                                int          *out_version,
                                                GError      **error);
GStrv        bjb_migrator_migrate              (BjbMigrator  *self,
                                                PGconn       *conn,
                                                GError      **error);
const char  *bjb_migrator_error_get_sqlstate   (const GError *error);

G_END_DECLS
