/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "bjb-export.h"
#include "bjb-report-ops.h"
#include "db-test-util.h"

/* The export engine against the database as t_admin: the transaction report's 2 501 orders
 * (reports-data.sql) to CSV, XLSX (unzip, sheet XML) and PDF (pdftotext, pdfinfo), every
 * figure checked against the database; a cancel mid-export and a folder that does not
 * exist leave no file behind. */

#define PASSWORD "barokah-test"

static struct
{
  char *db;
  BjbConnection *admin;
  char *dir;
} fx;

static gboolean
ready (void)
{
  return fx.admin != NULL;
}

static char *
su_value (const char *sql)
{
  return db_test_su_exec (fx.db, sql);
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError *error;
  guint notifies;
} Run;

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  Run *run = user_data;

  run->ok = bjb_export_job_run_finish (BJB_EXPORT_JOB (object), result, &run->error);
  run->done = TRUE;
}

static void
on_progress (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  ((Run *) user_data)->notifies++;
}

static BjbExportSpec *
all_transactions (void)
{
  BjbTransactionFilter filter = { 0 };
  static const char *const labels[] = { "completed", "Selesai", "shipped", "Dikirim", NULL };
  BjbExportSpec *spec = bjb_report_ops_transactions_spec (&filter, labels);

  bjb_export_spec_add_filter (spec, "Periode", "semua");
  return spec;
}

static char *
export_to (BjbExportFormat   format,
           BjbExportSpec    *spec,
           GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = bjb_export_spec_dup_file_name (spec, now,
                                                         bjb_export_format_get_extension (format));
  char *path = g_build_filename (fx.dir, name, NULL);
  g_autoptr(BjbExportJob) job = bjb_export_job_new (spec, format, path);
  Run run = { 0 };

  g_signal_connect (job, "notify::rows-written", G_CALLBACK (on_progress), &run);
  bjb_export_job_run_async (job, fx.admin, NULL, run_cb, &run);
  g_assert_true (db_test_wait_flag (&run.done, 60000));
  g_signal_handlers_disconnect_by_data (job, &run);
  if (!run.ok)
    {
      g_propagate_error (error, run.error);
      g_free (path);
      return NULL;
    }
  g_assert_cmpuint (bjb_export_job_get_rows_written (job), ==, 2501);
  g_assert_cmpuint (bjb_export_job_get_rows_total (job), ==, 2501);
  g_assert_cmpuint (run.notifies, >=, 1);
  return path;
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* Only the export's own file in the folder: no temporary file left. */
static guint
files_in_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (fx.dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
clear_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (fx.dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fx.dir, name, NULL);
      g_unlink (path);
    }
}

static void
test_csv (void)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *db_net = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 net = 0;
  gsize length;

  if (!ready ())
    return;
  clear_dir ();
  spec = all_transactions ();
  path = export_to (BJB_EXPORT_FORMAT_CSV, spec, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (path, ".csv"));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (files_in_dir (), ==, 1);

  /* UTF-8 with a BOM, CRLF, the header, one line per order (no totals line). */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "Number,Placed,Customer,Items,Quantity,Gross,"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 2501 + 1);
  g_assert_cmpstr (lines[2502], ==, "");
  /* The first row is the newest: the shipped delivery, its items with "×", its labels. */
  g_assert_true (g_str_has_prefix (lines[1], "LAP-KIRIM,"));
  g_assert_nonnull (strstr (lines[1], ",Paving Laporan 2 × 20,20,50000,0,15000,65000,Dikirim,Delivery,Tes Kurir Satu,"));
  /* "Jl. …, Sleman" would be quoted; names here have no comma, the address is not exported. */
  for (guint i = 1; i <= 2501; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 14);
      net += g_ascii_strtoll (fields[8], NULL, 10);
    }
  db_net = su_value ("SELECT sum(total) FROM bjb.sales_order");
  g_assert_cmpint (net, ==, g_ascii_strtoll (db_net, NULL, 10));
}

/* The text of the <c> cell @ref (e.g. "I2503") in the sheet XML, or NULL. */
static char *
cell_xml (const char *sheet,
          const char *ref)
{
  g_autofree char *needle = g_strdup_printf ("<c r=\"%s\"", ref);
  const char *start = strstr (sheet, needle);
  const char *end;

  if (start == NULL)
    return NULL;
  end = strstr (start, "</c>");
  if (end == NULL)
    return NULL;
  return g_strndup (start, end - start);
}

static void
test_xlsx (void)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *sheet = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *net_cell = NULL;
  g_autofree char *first_net = NULL;
  g_autofree char *first_number = NULL;
  g_autofree char *db_net = NULL;
  g_autofree char *want = NULL;

  if (!ready ())
    return;
  clear_dir ();
  spec = all_transactions ();
  path = export_to (BJB_EXPORT_FORMAT_XLSX, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files_in_dir (), ==, 1);
  sheet = run_tool ((const char *const[]) { "unzip", "-p", path, "xl/worksheets/sheet1.xml", NULL });
  styles = run_tool ((const char *const[]) { "unzip", "-p", path, "xl/styles.xml", NULL });

  /* Header frozen; a Rupiah number format and a bold font exist. */
  g_assert_nonnull (strstr (sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"));
  g_assert_nonnull (strstr (styles, "formatCode=\"&quot;Rp&quot; #,##0\""));
  g_assert_nonnull (strstr (styles, "<b/>"));
  g_assert_nonnull (strstr (sheet, "<col min=\"1\" max=\"1\" width=\"20"));
  /* Row 2 is the newest order: its number a string, its net 65 000 a number. */
  first_number = cell_xml (sheet, "A2");
  g_assert_nonnull (strstr (first_number, "t=\"inlineStr\""));
  g_assert_nonnull (strstr (first_number, "LAP-KIRIM"));
  first_net = cell_xml (sheet, "I2");
  g_assert_null (strstr (first_net, "t=\""));
  g_assert_nonnull (strstr (first_net, "<v>65000</v>"));
  /* The totals row under the last order: a SUM whose cached value is the database's. */
  db_net = su_value ("SELECT sum(total) FROM bjb.sales_order");
  net_cell = cell_xml (sheet, "I2503");
  g_assert_nonnull (net_cell);
  g_assert_nonnull (strstr (net_cell, "<f>SUM(I2:I2502)</f>"));
  want = g_strdup_printf ("<v>%s</v>", db_net);
  g_assert_nonnull (strstr (net_cell, want));
}

static void
test_pdf (void)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *db_net = NULL;
  g_autofree char *net_text = NULL;
  g_autofree char *first_page = NULL;
  g_autofree char *last_page = NULL;
  const char *pages;
  guint n_pages;

  if (!ready ())
    return;
  clear_dir ();
  spec = all_transactions ();
  path = export_to (BJB_EXPORT_FORMAT_PDF, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (files_in_dir (), ==, 1);

  info = run_tool ((const char *const[]) { "pdfinfo", path, NULL });
  pages = strstr (info, "Pages:");
  g_assert_nonnull (pages);
  n_pages = (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
  g_assert_cmpuint (n_pages, >, 10);
  g_assert_nonnull (strstr (info, "841.89 x 595.28 pts (A4)"));

  text = run_tool ((const char *const[]) { "pdftotext", "-layout", path, "-", NULL });
  /* The nota settings' header, the title, the filters. */
  g_assert_nonnull (strstr (text, "UD. Barokah Jaya Beton"));
  g_assert_nonnull (strstr (text, "Transaction report"));
  g_assert_nonnull (strstr (text, "Periode: semua"));
  first_page = g_strdup_printf ("Page 1 of %u", n_pages);
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, first_page));
  g_assert_nonnull (strstr (text, last_page));
  /* The totals: the net of every order, as the database sums it. */
  db_net = su_value ("SELECT sum(total) FROM bjb.sales_order");
  net_text = g_strdup_printf ("Rp %s", su_value (
    "SELECT replace(to_char(sum(total), 'FM999,999,999,999'), ',', '.') FROM bjb.sales_order"));
  g_assert_nonnull (strstr (text, net_text));
  g_assert_nonnull (strstr (text, "2501 rows"));
}

static void
cancel_soon (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  if (bjb_export_job_get_rows_total (BJB_EXPORT_JOB (object)) > 0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(BjbExportJob) job = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = NULL;
  Run run = { 0 };

  if (!ready ())
    return;
  clear_dir ();
  spec = all_transactions ();
  path = g_build_filename (fx.dir, "cancelled.pdf", NULL);
  job = bjb_export_job_new (spec, BJB_EXPORT_FORMAT_PDF, path);
  /* As soon as the count is known: the rows are still to come. */
  g_signal_connect (job, "notify::rows-total", G_CALLBACK (cancel_soon), cancellable);
  bjb_export_job_run_async (job, fx.admin, cancellable, run_cb, &run);
  g_assert_true (db_test_wait_flag (&run.done, 60000));
  g_assert_false (run.ok);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  g_assert_cmpuint (bjb_export_job_get_rows_written (job), <, 2501);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (files_in_dir (), ==, 0);

  /* Cancelled before it starts: no connection needed, no file. */
  g_clear_object (&job);
  job = bjb_export_job_new (spec, BJB_EXPORT_FORMAT_CSV, path);
  run = (Run) { 0 };
  bjb_export_job_run_async (job, fx.admin, cancellable, run_cb, &run);
  g_assert_true (db_test_wait_flag (&run.done, 60000));
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  g_assert_cmpuint (files_in_dir (), ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(BjbExportJob) job = NULL;
  g_autofree char *path = NULL;
  BjbTransactionFilter bad = { .from = "2026-03-01", .to = "2026-02-01" };
  Run run = { 0 };

  if (!ready ())
    return;
  clear_dir ();
  /* A folder that is not there. */
  spec = all_transactions ();
  path = g_build_filename (fx.dir, "missing", "x.xlsx", NULL);
  job = bjb_export_job_new (spec, BJB_EXPORT_FORMAT_XLSX, path);
  bjb_export_job_run_async (job, fx.admin, NULL, run_cb, &run);
  g_assert_true (db_test_wait_flag (&run.done, 60000));
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&run.error);

  /* A rule the server refuses (BJ045) comes back as the database's error; no file. */
  g_clear_object (&spec);
  g_clear_object (&job);
  g_free (path);
  spec = bjb_report_ops_transactions_spec (&bad, NULL);
  path = g_build_filename (fx.dir, "bad.csv", NULL);
  job = bjb_export_job_new (spec, BJB_EXPORT_FORMAT_CSV, path);
  run = (Run) { 0 };
  bjb_export_job_run_async (job, fx.admin, NULL, run_cb, &run);
  g_assert_true (db_test_wait_flag (&run.done, 60000));
  g_assert_error (run.error, BJB_DB_ERROR, BJB_DB_ERROR_BUSINESS);
  g_assert_cmpstr (bjb_db_error_get_sqlstate (run.error), ==, "BJ045");
  g_clear_error (&run.error);
  g_assert_cmpuint (files_in_dir (), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/reports/export/csv", test_csv);
  g_test_add_func ("/reports/export/xlsx", test_xlsx);
  g_test_add_func ("/reports/export/pdf", test_pdf);
  g_test_add_func ("/reports/export/cancel", test_cancel);
  g_test_add_func ("/reports/export/errors", test_errors);

  if (db_test_available ())
    {
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (REPORTS_DATA_SQL, &sql, NULL, NULL));
      fx.db = db_test_create ();
      g_free (db_test_su_exec (fx.db, sql));
      fx.admin = db_test_connection (fx.db, "t_admin", PASSWORD);
      g_assert_true (db_test_open (fx.admin, &error));
      g_assert_no_error (error);
      fx.dir = g_dir_make_tmp ("bjb-export-XXXXXX", &error);
      g_assert_no_error (error);
    }
  status = g_test_run ();
  if (fx.admin != NULL)
    {
      bjb_connection_close (fx.admin);
      g_clear_object (&fx.admin);
      clear_dir ();
      g_rmdir (fx.dir);
      db_test_drop (fx.db);
    }
  return status;
}
