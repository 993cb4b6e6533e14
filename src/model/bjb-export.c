/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "bjb-connection-private.h"
#include "bjb-db-error-private.h"
#include "bjb-export-writer.h"
#include "bjb-export.h"

/* Each a constant: the only statements of the export besides the spec's own. */
static const char SESSION_SQL[] =
  "SET TIME ZONE 'Asia/Jakarta'; SET DateStyle = ISO; SET application_name = 'barokah-export'";
static const char BEGIN_SQL[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";
static const char HEADER_SQL[] = "SELECT bjb.nota_header()";
static const char DECLARE_SQL[] = "DECLARE bjb_export SCROLL CURSOR FOR ";
static const char COUNT_SQL[] = "MOVE FORWARD ALL IN bjb_export";
static const char REWIND_SQL[] = "MOVE ABSOLUTE 0 IN bjb_export";
static const char FETCH_SQL[] = "FETCH 1000 FROM bjb_export";

struct _BjbExportJob
{
  GObject parent_instance;

  /* Owned */
  BjbExportSpec *spec;
  BjbExportFormat format;
  char *path;
  GMainContext *context;

  /* Written by the thread, read on the main context, under the lock */
  GMutex lock;
  guint64 rows_total;
  guint64 rows_written;
  gint notify_pending;
};

G_DEFINE_FINAL_TYPE (BjbExportJob, bjb_export_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ROWS_TOTAL,
  PROP_ROWS_WRITTEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the thread needs, copied so it never touches the BjbConnection. */
typedef struct
{
  char **keywords;
  char **values;
} ThreadData;

static void
thread_data_free (ThreadData *data)
{
  g_strfreev (data->keywords);
  g_strfreev (data->values);
  g_free (data);
}

const char *
bjb_export_format_get_extension (BjbExportFormat format)
{
  switch (format)
    {
    case BJB_EXPORT_FORMAT_XLSX: return "xlsx";
    case BJB_EXPORT_FORMAT_PDF: return "pdf";
    case BJB_EXPORT_FORMAT_CSV:
    default: return "csv";
    }
}

/* Progress */

static gboolean
notify_progress (gpointer user_data)
{
  BjbExportJob *self = user_data;

  g_atomic_int_set (&self->notify_pending, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROWS_WRITTEN]);
  return G_SOURCE_REMOVE;
}

static void
report_progress (BjbExportJob *self,
                 guint64       total,
                 guint64       written)
{
  g_mutex_lock (&self->lock);
  self->rows_total = total;
  self->rows_written = written;
  g_mutex_unlock (&self->lock);
  /* One notification on its way at a time, however fast the rows come. */
  if (g_atomic_int_compare_and_exchange (&self->notify_pending, 0, 1))
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress,
                                g_object_ref (self), g_object_unref);
}

/* The thread */

static gboolean
check_result (PGresult        *res,
              ExecStatusType   expected,
              PGconn          *conn,
              GCancellable    *cancellable,
              GError         **error)
{
  if (res != NULL && PQresultStatus (res) == expected)
    return TRUE;
  /* A cancelled FETCH comes back as 57014 (query_canceled): say what happened. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (res != NULL)
    g_propagate_error (error, bjb_db_error_new_from_result (res));
  else
    g_propagate_error (error, bjb_db_error_new_from_connection (PQerrorMessage (conn)));
  return FALSE;
}

static void
cancel_query (GCancellable *cancellable,
              gpointer      user_data)
{
  char message[256];

  /* PQcancel is thread-safe and made for this: it only sends a cancel request. */
  PQcancel (user_data, message, sizeof message);
}

static gboolean
read_header (PGconn           *conn,
             GCancellable     *cancellable,
             BjbExportHeader  *header,
             JsonNode        **out_node,
             GError          **error)
{
  PGresult *res = PQexec (conn, HEADER_SQL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!check_result (res, PGRES_TUPLES_OK, conn, cancellable, error))
    {
      PQclear (res);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, PQgetvalue (res, 0, 0), -1, error))
    {
      PQclear (res);
      return FALSE;
    }
  PQclear (res);
  *out_node = json_parser_steal_root (parser);
  object = json_node_get_object (*out_node);
  header->business_name = json_object_get_string_member_with_default (object, "business_name", "");
  header->business_address = json_object_get_string_member_with_default (object, "business_address", "");
  header->business_phone = json_object_get_string_member_with_default (object, "business_phone", "");
  return TRUE;
}

static BjbExportWriter *
open_writer (BjbExportJob      *self,
             PGconn            *conn,
             const char        *tmp_path,
             guint64            n_rows,
             GCancellable      *cancellable,
             GError           **error)
{
  BjbExportHeader header = { 0 };
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GTimeZone) jakarta = NULL;

  switch (self->format)
    {
    case BJB_EXPORT_FORMAT_XLSX:
      return bjb_export_xlsx_writer_new (self->spec, tmp_path, error);
    case BJB_EXPORT_FORMAT_PDF:
      if (!read_header (conn, cancellable, &header, &node, error))
        return NULL;
      jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
      if (jakarta == NULL)
        jakarta = g_time_zone_new_utc ();
      now = g_date_time_new_now (jakarta);
      header.printed_at = now;
      return bjb_export_pdf_writer_new (self->spec, tmp_path, &header, n_rows, error);
    case BJB_EXPORT_FORMAT_CSV:
    default:
      return bjb_export_csv_writer_new (self->spec, tmp_path, error);
    }
}

/* Runs the cursor into @tmp_path. */
static gboolean
export_rows (BjbExportJob  *self,
             PGconn        *conn,
             const char    *tmp_path,
             GCancellable  *cancellable,
             GError       **error)
{
  guint n_columns = bjb_export_spec_get_n_columns (self->spec);
  g_autofree char *declare = g_strconcat (DECLARE_SQL, bjb_export_spec_get_sql (self->spec), NULL);
  g_autofree int *field = g_new0 (int, MAX (n_columns, 1));
  g_autofree const char **values = g_new0 (const char *, MAX (n_columns, 1));
  g_autofree gint64 *totals = g_new0 (gint64, MAX (n_columns, 1));
  g_autoptr(BjbExportWriter) writer = NULL;
  guint64 n_rows, written = 0;
  PGresult *res;

#define RUN(sql, status) \
  G_STMT_START { \
    res = PQexec (conn, sql); \
    if (!check_result (res, status, conn, cancellable, error)) \
      { PQclear (res); return FALSE; } \
  } G_STMT_END

  RUN (SESSION_SQL, PGRES_COMMAND_OK);
  PQclear (res);
  RUN (BEGIN_SQL, PGRES_COMMAND_OK);
  PQclear (res);
  res = PQexecParams (conn, declare, (int) bjb_export_spec_get_n_params (self->spec), NULL,
                      bjb_export_spec_get_params (self->spec), NULL, NULL, 0);
  if (!check_result (res, PGRES_COMMAND_OK, conn, cancellable, error))
    {
      PQclear (res);
      return FALSE;
    }
  PQclear (res);
  /* The function runs here, once; the count is what the progress bar and the PDF's
   * "of N" need, and the rows are read from the same result. */
  RUN (COUNT_SQL, PGRES_COMMAND_OK);
  n_rows = g_ascii_strtoull (PQcmdTuples (res), NULL, 10);
  PQclear (res);
  RUN (REWIND_SQL, PGRES_COMMAND_OK);
  PQclear (res);
  report_progress (self, n_rows, 0);

  writer = open_writer (self, conn, tmp_path, n_rows, cancellable, error);
  if (writer == NULL)
    return FALSE;

  for (;;)
    {
      int n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      RUN (FETCH_SQL, PGRES_TUPLES_OK);
      n = PQntuples (res);
      if (written == 0)
        for (guint c = 0; c < n_columns; c++)
          {
            field[c] = PQfnumber (res, bjb_export_spec_get_column (self->spec, c)->name);
            if (field[c] < 0)
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                             "the export's statement has no column %s",
                             bjb_export_spec_get_column (self->spec, c)->name);
                PQclear (res);
                return FALSE;
              }
          }
      for (int r = 0; r < n; r++)
        {
          for (guint c = 0; c < n_columns; c++)
            {
              values[c] = PQgetisnull (res, r, field[c]) ? NULL : PQgetvalue (res, r, field[c]);
              if (bjb_export_spec_get_column (self->spec, c)->total && values[c] != NULL)
                totals[c] += g_ascii_strtoll (values[c], NULL, 10);
            }
          if (!writer->funcs->row (writer, values, error))
            {
              PQclear (res);
              return FALSE;
            }
        }
      PQclear (res);
      written += n;
      report_progress (self, MAX (n_rows, written), written);
      if (n < 1000)
        break;
    }
#undef RUN

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return writer->funcs->finish (writer, totals, written, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BjbExportJob *self = source_object;
  ThreadData *data = task_data;
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *base = g_path_get_basename (self->path);
  g_autofree char *tmp_path = NULL;
  g_autoptr(GError) error = NULL;
  PGconn *conn;
  PGcancel *cancel = NULL;
  gulong handler = 0;
  gboolean ok;
  int fd;

  /* Hidden, in the same folder: rename() is then atomic and never crosses devices. */
  tmp_path = g_strdup_printf ("%s%c.%s.XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (tmp_path, O_RDWR, 0644);
  if (fd < 0)
    {
      bjb_export_set_io_error (&error, errno, self->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  close (fd);

  conn = PQconnectdbParams ((const char *const *) data->keywords,
                            (const char *const *) data->values, 0);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      g_propagate_error (&error, bjb_db_error_new_from_connection (PQerrorMessage (conn)));
      ok = FALSE;
    }
  else
    {
      cancel = PQgetCancel (conn);
      if (cancellable != NULL)
        handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_query), cancel, NULL);
      ok = export_rows (self, conn, tmp_path, cancellable, &error);
      if (cancellable != NULL)
        g_cancellable_disconnect (cancellable, handler);
      PQfreeCancel (cancel);
    }
  PQfinish (conn);

  if (ok && g_rename (tmp_path, self->path) != 0)
    {
      bjb_export_set_io_error (&error, errno, self->path);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (tmp_path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* Public */

BjbExportJob *
bjb_export_job_new (BjbExportSpec   *spec,
                    BjbExportFormat  format,
                    const char      *path)
{
  BjbExportJob *self;

  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (spec), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (BJB_TYPE_EXPORT_JOB, NULL);
  self->spec = g_object_ref (spec);
  self->format = format;
  self->path = g_strdup (path);
  return self;
}

guint64
bjb_export_job_get_rows_total (BjbExportJob *self)
{
  guint64 total;

  g_return_val_if_fail (BJB_IS_EXPORT_JOB (self), 0);
  g_mutex_lock (&self->lock);
  total = self->rows_total;
  g_mutex_unlock (&self->lock);
  return total;
}

guint64
bjb_export_job_get_rows_written (BjbExportJob *self)
{
  guint64 written;

  g_return_val_if_fail (BJB_IS_EXPORT_JOB (self), 0);
  g_mutex_lock (&self->lock);
  written = self->rows_written;
  g_mutex_unlock (&self->lock);
  return written;
}

const char *
bjb_export_job_get_path (BjbExportJob *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_JOB (self), NULL);
  return self->path;
}

void
bjb_export_job_run_async (BjbExportJob        *self,
                          BjbConnection       *connection,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ThreadData *data;

  g_return_if_fail (BJB_IS_EXPORT_JOB (self));
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, bjb_export_job_run_async);
  /* The thread reports cancellation itself (after removing the temporary file). */
  g_task_set_return_on_cancel (task, FALSE);
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();
  data = g_new0 (ThreadData, 1);
  data->keywords = g_strdupv (connection->keywords);
  data->values = g_strdupv (connection->values);
  g_task_set_task_data (task, data, (GDestroyNotify) thread_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
bjb_export_job_run_finish (BjbExportJob  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == bjb_export_job_run_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* GObject */

static void
bjb_export_job_finalize (GObject *object)
{
  BjbExportJob *self = (BjbExportJob *)object;

  g_clear_object (&self->spec);
  g_free (self->path);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (bjb_export_job_parent_class)->finalize (object);
}

static void
bjb_export_job_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbExportJob *self = BJB_EXPORT_JOB (object);

  switch (prop_id)
    {
    case PROP_ROWS_TOTAL:
      g_value_set_uint64 (value, bjb_export_job_get_rows_total (self));
      break;
    case PROP_ROWS_WRITTEN:
      g_value_set_uint64 (value, bjb_export_job_get_rows_written (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_export_job_class_init (BjbExportJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_export_job_finalize;
  object_class->get_property = bjb_export_job_get_property;

  properties[PROP_ROWS_TOTAL] =
    g_param_spec_uint64 ("rows-total", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROWS_WRITTEN] =
    g_param_spec_uint64 ("rows-written", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_export_job_init (BjbExportJob *self)
{
  g_mutex_init (&self->lock);
}
