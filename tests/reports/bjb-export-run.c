/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-run"

#include "config.h"

#include <stdio.h>

#include "bjb-export.h"
#include "bjb-report-ops.h"
#include "db-test-util.h"

/*
 * bjb-export-run CONNINFO FORMAT PATH [FROM TO]: exports the transaction report (all
 * orders, or those placed FROM..TO) as the login of CONNINFO, the way the page does, and
 * prints "<rows> rows in <seconds> s". For bench/reports (time and memory of one export).
 */

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GError **error = user_data;

  if (!bjb_export_job_run_finish (BJB_EXPORT_JOB (object), result, error) && *error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "failed");
  g_object_set_data (object, "done", GINT_TO_POINTER (1));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(BjbConnection) connection = NULL;
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(BjbExportJob) job = NULL;
  g_autoptr(GError) error = NULL;
  BjbTransactionFilter filter = { 0 };
  BjbExportFormat format;
  gint64 start;

  if (argc != 4 && argc != 6)
    {
      fprintf (stderr, "usage: %s CONNINFO csv|xlsx|pdf PATH [FROM TO]\n", argv[0]);
      return 2;
    }
  format = g_str_equal (argv[2], "xlsx") ? BJB_EXPORT_FORMAT_XLSX
         : g_str_equal (argv[2], "pdf") ? BJB_EXPORT_FORMAT_PDF : BJB_EXPORT_FORMAT_CSV;
  if (argc == 6)
    {
      filter.from = argv[4];
      filter.to = argv[5];
    }
  connection = bjb_connection_new_from_conninfo (argv[1], &error);
  if (connection == NULL || !db_test_open (connection, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  spec = bjb_report_ops_transactions_spec (&filter, NULL);
  job = bjb_export_job_new (spec, format, argv[3]);
  start = g_get_monotonic_time ();
  bjb_export_job_run_async (job, connection, NULL, done_cb, &error);
  while (g_object_get_data (G_OBJECT (job), "done") == NULL)
    g_main_context_iteration (NULL, TRUE);
  if (error != NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("%" G_GUINT64_FORMAT " rows in %.2f s\n", bjb_export_job_get_rows_written (job),
          (g_get_monotonic_time () - start) / 1e6);
  bjb_connection_close (connection);
  return 0;
}
