/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-migrator"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "bjb-migrator.h"
#include "bjb-migrations-resources.h"

/* pg_advisory_lock key shared by every program that migrates ("bjb mig"). */
#define MIGRATE_LOCK_KEY "27691742564034919"

typedef struct
{
  int     version;
  char   *name;     /* "0001_core" */
  GBytes *sql;
} Migration;

struct _BjbMigrator
{
  GObject    parent_instance;

  /* Owned */
  char      *resource_path;
  GResource *resource;       /* NULL: look the path up in every registered resource */
  GPtrArray *migrations;     /* Migration*, by version; NULL until loaded */
};

G_DEFINE_FINAL_TYPE (BjbMigrator, bjb_migrator, G_TYPE_OBJECT)

typedef struct
{
  char *sqlstate;
} BjbMigratorErrorPrivate;

static void
bjb_migrator_error_private_init (BjbMigratorErrorPrivate *priv)
{
}

static void
bjb_migrator_error_private_copy (const BjbMigratorErrorPrivate *src,
                                 BjbMigratorErrorPrivate       *dest)
{
  dest->sqlstate = g_strdup (src->sqlstate);
}

static void
bjb_migrator_error_private_clear (BjbMigratorErrorPrivate *priv)
{
  g_clear_pointer (&priv->sqlstate, g_free);
}

G_DEFINE_EXTENDED_ERROR (BjbMigratorError, bjb_migrator_error)

/**
 * bjb_migrator_error_get_sqlstate:
 * @error: (nullable): any error
 *
 * Returns: (nullable) (transfer none): the server's SQLSTATE when @error is a
 *   #BJB_MIGRATOR_ERROR that came from the server
 */
const char *
bjb_migrator_error_get_sqlstate (const GError *error)
{
  BjbMigratorErrorPrivate *priv;

  if (error == NULL || error->domain != BJB_MIGRATOR_ERROR)
    return NULL;
  priv = bjb_migrator_error_get_private (error);
  return priv != NULL ? priv->sqlstate : NULL;
}

static void
migration_free (Migration *m)
{
  g_free (m->name);
  g_bytes_unref (m->sql);
  g_free (m);
}

static void
bjb_migrator_finalize (GObject *object)
{
  BjbMigrator *self = (BjbMigrator *) object;

  g_clear_pointer (&self->resource_path, g_free);
  g_clear_pointer (&self->resource, g_resource_unref);
  g_clear_pointer (&self->migrations, g_ptr_array_unref);

  G_OBJECT_CLASS (bjb_migrator_parent_class)->finalize (object);
}

static void
bjb_migrator_class_init (BjbMigratorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_migrator_finalize;
}

static void
bjb_migrator_init (BjbMigrator *self)
{
}

/**
 * bjb_migrator_new:
 *
 * A migrator for the migrations built into this program.
 *
 * Returns: (transfer full): a new #BjbMigrator
 */
BjbMigrator *
bjb_migrator_new (void)
{
  BjbMigrator *self = g_object_new (BJB_TYPE_MIGRATOR, NULL);

  /* Referencing the resource also makes the linker keep it out of the static library. */
  self->resource = g_resource_ref (bjb_migrations_get_resource ());
  self->resource_path = g_strdup (BJB_MIGRATOR_RESOURCE_PATH);
  return self;
}

/**
 * bjb_migrator_new_for_resource:
 * @resource_path: a directory in the registered GResources holding NNNN_name.sql files
 *
 * For tests: a migrator for another set of migration files.
 *
 * Returns: (transfer full): a new #BjbMigrator
 */
BjbMigrator *
bjb_migrator_new_for_resource (const char *resource_path)
{
  BjbMigrator *self;

  g_return_val_if_fail (resource_path != NULL, NULL);

  self = g_object_new (BJB_TYPE_MIGRATOR, NULL);
  self->resource_path = g_strdup (resource_path);
  return self;
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const Migration *ma = *(const Migration * const *) a;
  const Migration *mb = *(const Migration * const *) b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

/* Skips whitespace and SQL comments. */
static const char *
skip_blank (const char *p,
            const char *end)
{
  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (p + 1 < end && p[0] == '-' && p[1] == '-')
        {
          while (p < end && *p != '\n')
            p++;
        }
      else if (p + 1 < end && p[0] == '/' && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, end - p - 2, "*/");

          p = close != NULL ? close + 2 : end;
        }
      else
        break;
    }
  return p;
}

/* A file must be one transaction, or a failure halfway leaves half a schema behind.
 * Checked before anything runs: the first statement is BEGIN, the last line of SQL
 * is COMMIT. */
static gboolean
check_transaction_wrapped (const char *text,
                           gsize       len)
{
  const char *end = text + len;
  const char *p = skip_blank (text, end);
  g_auto(GStrv) lines = NULL;
  int last;

  if (end - p < 6 || g_ascii_strncasecmp (p, "BEGIN", 5) != 0
      || !(p[5] == ';' || g_ascii_isspace (p[5])))
    return FALSE;

  lines = g_strsplit (text, "\n", -1);
  for (last = (int) g_strv_length (lines) - 1; last >= 0; last--)
    {
      g_strstrip (lines[last]);
      if (lines[last][0] != '\0' && !g_str_has_prefix (lines[last], "--"))
        break;
    }
  return last >= 0 && g_ascii_strcasecmp (lines[last], "COMMIT;") == 0;
}

static char **
enumerate (BjbMigrator  *self,
           GError      **error)
{
  if (self->resource != NULL)
    return g_resource_enumerate_children (self->resource, self->resource_path,
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  return g_resources_enumerate_children (self->resource_path,
                                         G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

static GBytes *
lookup (BjbMigrator  *self,
        const char   *path,
        GError      **error)
{
  if (self->resource != NULL)
    return g_resource_lookup_data (self->resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

/**
 * bjb_migrator_load:
 * @self: a #BjbMigrator
 * @error: return location for a #BjbMigratorError
 *
 * Reads and checks the migration files: named NNNN_name.sql, numbered 1, 2, 3 …
 * without gaps, each wrapped in BEGIN; … COMMIT;. Called by the other functions
 * when needed; call it yourself to report a broken build early.
 *
 * Returns: %TRUE if the migrations are usable
 */
gboolean
bjb_migrator_load (BjbMigrator  *self,
                   GError      **error)
{
  g_autoptr(GPtrArray) migrations = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) children = NULL;

  g_return_val_if_fail (BJB_IS_MIGRATOR (self), FALSE);

  if (self->migrations != NULL)
    return TRUE;

  children = enumerate (self, &local_error);
  if (children == NULL)
    {
      g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                   _("No migrations found at %s: %s"), self->resource_path,
                   local_error->message);
      return FALSE;
    }

  migrations = g_ptr_array_new_with_free_func ((GDestroyNotify) migration_free);
  for (guint i = 0; children[i] != NULL; i++)
    {
      const char *file = children[i];
      g_autofree char *path = NULL;
      g_autoptr(GBytes) sql = NULL;
      Migration *m;
      gsize n = 0;
      const char *data;
      gsize len;

      if (!g_str_has_suffix (file, ".sql"))
        continue;

      while (g_ascii_isdigit (file[n]))
        n++;
      if (n != 4 || file[n] != '_' || strlen (file) <= n + 1 + strlen (".sql"))
        {
          g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                       _("Migration %s is not named NNNN_name.sql"), file);
          return FALSE;
        }

      path = g_build_path ("/", self->resource_path, file, NULL);
      sql = lookup (self, path, &local_error);
      if (sql == NULL)
        {
          g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                       _("Cannot read migration %s: %s"), file, local_error->message);
          return FALSE;
        }

      data = g_bytes_get_data (sql, &len);
      if (!check_transaction_wrapped (data, len))
        {
          g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                       _("Migration %s must start with BEGIN; and end with COMMIT;"), file);
          return FALSE;
        }

      m = g_new0 (Migration, 1);
      m->version = atoi (file);
      m->name = g_strndup (file, strlen (file) - strlen (".sql"));
      m->sql = g_steal_pointer (&sql);
      g_ptr_array_add (migrations, m);
    }

  g_ptr_array_sort (migrations, compare_migrations);
  for (guint i = 0; i < migrations->len; i++)
    {
      const Migration *m = g_ptr_array_index (migrations, i);

      if (m->version != (int) i + 1)
        {
          g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                       _("Migration %s.sql is out of sequence: expected number %04u"),
                       m->name, i + 1);
          return FALSE;
        }
    }

  if (migrations->len == 0)
    {
      g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_BAD_MIGRATION,
                   _("No migrations found at %s"), self->resource_path);
      return FALSE;
    }

  self->migrations = g_steal_pointer (&migrations);
  return TRUE;
}

/**
 * bjb_migrator_get_latest_version:
 * @self: a #BjbMigrator
 *
 * Returns: the newest migration's number, 0 if the migrations cannot be loaded
 */
int
bjb_migrator_get_latest_version (BjbMigrator *self)
{
  g_return_val_if_fail (BJB_IS_MIGRATOR (self), 0);

  if (!bjb_migrator_load (self, NULL))
    return 0;
  return ((Migration *) g_ptr_array_index (self->migrations, self->migrations->len - 1))->version;
}

/**
 * bjb_migrator_list:
 * @self: a #BjbMigrator
 *
 * Returns: (transfer full): the migration names in order ("0001_core", …); empty if
 *   they cannot be loaded
 */
GStrv
bjb_migrator_list (BjbMigrator *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BJB_IS_MIGRATOR (self), NULL);

  if (bjb_migrator_load (self, NULL))
    for (guint i = 0; i < self->migrations->len; i++)
      g_strv_builder_add (builder, ((Migration *) g_ptr_array_index (self->migrations, i))->name);
  return g_strv_builder_end (builder);
}

/* Sets @error from a failed result: "<context>: <message> (SQLSTATE xxxxx)" plus the
 * server's detail and hint, and the line in @sql when the server gave a position. */
static void
set_server_error (GError           **error,
                  BjbMigratorError   code,
                  const PGresult    *res,
                  PGconn            *conn,
                  const char        *sql,
                  const char        *context)
{
  const char *sqlstate = res != NULL ? PQresultErrorField (res, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_DETAIL) : NULL;
  const char *hint = res != NULL ? PQresultErrorField (res, PG_DIAG_MESSAGE_HINT) : NULL;
  const char *where = res != NULL ? PQresultErrorField (res, PG_DIAG_CONTEXT) : NULL;
  const char *position = res != NULL ? PQresultErrorField (res, PG_DIAG_STATEMENT_POSITION) : NULL;
  g_autoptr(GString) message = g_string_new (context);
  g_autofree char *fallback = NULL;
  BjbMigratorErrorPrivate *priv;
  GError *e;

  if (primary == NULL)
    {
      fallback = g_strdup (PQerrorMessage (conn));
      g_strstrip (fallback);
      primary = fallback[0] != '\0' ? fallback : _("unknown error");
    }

  g_string_append_printf (message, ": %s", primary);
  if (sqlstate != NULL)
    g_string_append_printf (message, " (SQLSTATE %s)", sqlstate);
  if (position != NULL && sql != NULL)
    {
      long offset = strtol (position, NULL, 10);
      glong chars = g_utf8_strlen (sql, -1);

      if (offset > 0 && offset <= chars)
        {
          const char *at = g_utf8_offset_to_pointer (sql, offset - 1);
          guint line = 1;

          for (const char *p = sql; p < at; p++)
            line += *p == '\n';
          g_string_append_printf (message, _(" at line %u"), line);
        }
    }
  if (detail != NULL)
    g_string_append_printf (message, "\n%s %s", _("Detail:"), detail);
  if (hint != NULL)
    g_string_append_printf (message, "\n%s %s", _("Hint:"), hint);
  if (where != NULL)
    g_string_append_printf (message, "\n%s %s", _("Where:"), where);

  e = g_error_new_literal (BJB_MIGRATOR_ERROR, code, message->str);
  priv = bjb_migrator_error_get_private (e);
  priv->sqlstate = g_strdup (sqlstate);
  g_propagate_error (error, e);
}

static PGresult *
exec_params (PGconn      *conn,
             const char  *sql,
             int          n_params,
             const char  *const *values,
             const char  *context,
             GError     **error)
{
  PGresult *res = PQexecParams (conn, sql, n_params, NULL, values, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (res);

  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_server_error (error, BJB_MIGRATOR_ERROR_QUERY, res, conn, NULL, context);
      PQclear (res);
      return NULL;
    }
  return res;
}

static gboolean
read_version (PGconn  *conn,
              int     *out_version,
              GError **error)
{
  PGresult *res;
  gboolean exists;

  /* A database nobody has migrated yet has no schema bjb: that is version 0. */
  res = exec_params (conn, "SELECT to_regclass('bjb.schema_migration') IS NOT NULL",
                     0, NULL, _("Cannot read the schema version"), error);
  if (res == NULL)
    return FALSE;
  exists = g_str_equal (PQgetvalue (res, 0, 0), "t");
  PQclear (res);

  if (!exists)
    {
      *out_version = 0;
      return TRUE;
    }

  res = exec_params (conn, "SELECT coalesce(max(version), 0) FROM bjb.schema_migration",
                     0, NULL, _("Cannot read the schema version"), error);
  if (res == NULL)
    return FALSE;
  *out_version = atoi (PQgetvalue (res, 0, 0));
  PQclear (res);
  return TRUE;
}

/**
 * bjb_migrator_get_current_version:
 * @self: a #BjbMigrator
 * @conn: an open connection
 * @out_version: (out): the highest version in bjb.schema_migration, 0 when the
 *   database has never been migrated
 * @error: return location for a #BjbMigratorError
 *
 * Returns: %TRUE if the version could be read
 */
gboolean
bjb_migrator_get_current_version (BjbMigrator  *self,
                                  PGconn       *conn,
                                  int          *out_version,
                                  GError      **error)
{
  g_return_val_if_fail (BJB_IS_MIGRATOR (self), FALSE);
  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (out_version != NULL, FALSE);

  return read_version (conn, out_version, error);
}

static gboolean
apply (PGconn          *conn,
       const Migration *m,
       GError         **error)
{
  g_autofree char *sql = g_strndup (g_bytes_get_data (m->sql, NULL), g_bytes_get_size (m->sql));
  g_autofree char *context = g_strdup_printf (_("Migration %s.sql failed"), m->name);
  g_autofree char *version = g_strdup_printf ("%d", m->version);
  const char *values[1] = { version };
  PGresult *res;
  ExecStatusType status;
  gboolean recorded;

  /* The one PQexec without parameters: our own embedded SQL, run whole so the file
   * means the same here as with psql -f. */
  res = PQexec (conn, sql);

  status = PQresultStatus (res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      set_server_error (error, BJB_MIGRATOR_ERROR_FAILED, res, conn, sql, context);
      PQclear (res);
      if (PQtransactionStatus (conn) != PQTRANS_IDLE)
        PQclear (PQexec (conn, "ROLLBACK"));
      return FALSE;
    }
  PQclear (res);

  if (PQtransactionStatus (conn) != PQTRANS_IDLE)
    {
      PQclear (PQexec (conn, "ROLLBACK"));
      g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_FAILED,
                   _("Migration %s.sql left its transaction open; it was rolled back"),
                   m->name);
      return FALSE;
    }

  res = exec_params (conn, "SELECT EXISTS (SELECT 1 FROM bjb.schema_migration WHERE version = $1)",
                     1, values, context, error);
  if (res == NULL)
    return FALSE;
  recorded = g_str_equal (PQgetvalue (res, 0, 0), "t");
  PQclear (res);

  if (!recorded)
    {
      g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_NOT_RECORDED,
                   _("Migration %s.sql ran but did not record version %d in "
                     "bjb.schema_migration; fix the file"),
                   m->name, m->version);
      return FALSE;
    }

  return TRUE;
}

/**
 * bjb_migrator_migrate:
 * @self: a #BjbMigrator
 * @conn: an open connection as a superuser
 * @error: return location for a #BjbMigratorError
 *
 * Applies the pending migrations in order, each in its own transaction, holding a
 * session advisory lock so concurrent runs wait for each other instead of racing.
 * Refuses a database whose schema is newer than the newest migration known here.
 * Stops at the first failing migration (it is rolled back; earlier ones stay).
 *
 * Returns: (transfer full) (nullable): the names of the applied migrations, empty
 *   when the database was up to date; %NULL on error
 */
GStrv
bjb_migrator_migrate (BjbMigrator  *self,
                      PGconn       *conn,
                      GError      **error)
{
  g_autoptr(GStrvBuilder) applied = g_strv_builder_new ();
  const char *lock_values[1] = { MIGRATE_LOCK_KEY };
  PGresult *res;
  gboolean ok = TRUE;
  int current = 0;
  int latest;

  g_return_val_if_fail (BJB_IS_MIGRATOR (self), NULL);
  g_return_val_if_fail (conn != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!bjb_migrator_load (self, error))
    return NULL;
  latest = bjb_migrator_get_latest_version (self);

  res = exec_params (conn, "SELECT pg_advisory_lock($1::bigint)", 1, lock_values,
                     _("Cannot take the migration lock"), error);
  if (res == NULL)
    return NULL;
  PQclear (res);

  if (!read_version (conn, &current, error))
    ok = FALSE;
  else if (current > latest)
    {
      g_set_error (error, BJB_MIGRATOR_ERROR, BJB_MIGRATOR_ERROR_TOO_NEW,
                   _("The database has schema version %d but this program only knows up to "
                     "version %d; use a newer barokah-admin"),
                   current, latest);
      ok = FALSE;
    }
  else
    {
      for (guint i = (guint) current; i < self->migrations->len; i++)
        {
          const Migration *m = g_ptr_array_index (self->migrations, i);

          if (!apply (conn, m, error))
            {
              ok = FALSE;
              break;
            }
          g_strv_builder_add (applied, m->name);
        }
    }

  res = PQexecParams (conn, "SELECT pg_advisory_unlock($1::bigint)", 1, NULL, lock_values,
                      NULL, NULL, 0);
  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    g_debug ("Releasing the migration lock failed: %s", PQerrorMessage (conn));
  PQclear (res);

  if (!ok)
    return NULL;
  return g_strv_builder_end (applied);
}
