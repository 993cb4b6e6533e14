/* SPDX-License-Identifier: GPL-3.0-or-later */
/* barokahd's jobs and start-up checks: birthday greetings at most once a year even when the
 * job runs twice, payment-deadline expiry restores stock once, the schema version check
 * names the command to run, --check-config. */
#define G_LOG_DOMAIN "test-jobs"

#include "config.h"

#include <glib/gstdio.h>

#include "worker-test-util.h"

static void
test_birthday_twice_sends_once (void)
{
  WorkerTest *t = worker_test_new ();
  const char *once[] = { "--once", NULL };
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autofree char *text = NULL;
  GatewayRequest *r;

  if (t == NULL)
    return;
  worker_test_add_customer (t, "+6281300000001", NULL, TRUE);
  worker_test_add_customer (t, "+6281300000002", NULL, FALSE);

  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  /* Run again, and twice at once (a restart at midnight beside a second worker). */
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  a = worker_test_spawn (t, once);
  b = worker_test_spawn (t, once);
  g_assert_cmpint (worker_test_wait (t, a, 30000), ==, 0);
  g_assert_cmpint (worker_test_wait (t, b, 30000), ==, 0);

  g_assert_cmpuint (t->requests->len, ==, 1);
  r = g_ptr_array_index (t->requests, 0);
  g_assert_cmpstr (r->target, ==, "6281300000001");
  g_assert_nonnull (strstr (r->message, "Selamat ulang tahun"));
  g_assert_nonnull (strstr (r->message, "diskon 10% untuk seluruh pesanan mulai Rp 5.000.000"));
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message WHERE kind = 'birthday'"), ==, 2);
  text = worker_test_sql (t, "SELECT status FROM bjb.customer_message WHERE kind = 'birthday' AND channel = 'email'");
  g_assert_cmpstr (text, ==, "skipped");
  /* The unique key, not the worker, is what holds: queueing again by hand adds nothing. */
  g_assert_cmpint (worker_test_sql_int (t, "SELECT bjb.queue_birthday_messages()"), ==, 0);
  worker_test_free (t);
}

static void
test_expiry_restores_stock_once (void)
{
  WorkerTest *t = worker_test_new ();
  g_autofree char *status = NULL;
  g_autofree char *expired = NULL;
  gint64 customer, order;

  if (t == NULL)
    return;
  customer = worker_test_add_customer (t, "+6281300000009", NULL, FALSE);
  {
    g_autofree char *sql = g_strdup_printf (
      "SELECT bjb.place_order(%" G_GINT64_FORMAT ", jsonb_build_array(jsonb_build_object("
      "'product_id', (SELECT min(id) FROM bjb.product), 'qty', 100)), 'pickup', NULL, 0, gen_random_uuid())",
      customer);
    order = worker_test_sql_int (t, sql);
  }
  g_assert_cmpint (worker_test_sql_int (t, "SELECT stock FROM bjb.product"), ==, 900);
  /* Not yet due: nothing happens. */
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT stock FROM bjb.product"), ==, 900);

  g_free (worker_test_sql (t, "UPDATE bjb.sales_order SET payment_due_at = now() - interval '1 minute'"));
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpint (worker_test_run_once (t), ==, 0);

  status = worker_test_sql (t, "SELECT status || '/' || cancel_reason FROM bjb.sales_order");
  g_assert_cmpstr (status, ==, "cancelled/Batas waktu pembayaran terlewati");
  g_assert_cmpint (worker_test_sql_int (t, "SELECT stock FROM bjb.product"), ==, 1000);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.stock_movement WHERE reason = 'expire'"), ==, 1);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.event WHERE kind = 'order_expired'"), ==, 1);
  /* The customer hears about it once, with the order number and the amount. */
  g_assert_cmpuint (t->requests->len, ==, 1);
  expired = worker_test_sql (t, "SELECT number FROM bjb.sales_order");
  g_assert_nonnull (strstr (((GatewayRequest *) t->requests->pdata[0])->message, expired));
  g_assert_nonnull (strstr (((GatewayRequest *) t->requests->pdata[0])->message, "Rp 450.000"));
  (void) order;
  worker_test_free (t);
}

static void
test_schema_version_checked (void)
{
  WorkerTest *t = worker_test_new ();
  g_autofree char *err = NULL;

  if (t == NULL)
    return;
  g_free (worker_test_sql (t, "DELETE FROM bjb.schema_migration WHERE version = (SELECT max(version) FROM bjb.schema_migration)"));
  g_assert_cmpint (worker_test_run_once (t), ==, 78);
  err = worker_test_last_stderr (t);
  g_assert_nonnull (strstr (err, "Run `barokah-admin migrate`"));
  g_clear_pointer (&err, g_free);

  g_free (worker_test_sql (t, "INSERT INTO bjb.schema_migration (version, name) VALUES (98, 'x'), (99, 'future')"));
  g_assert_cmpint (worker_test_run_once (t), ==, 78);
  err = worker_test_last_stderr (t);
  g_assert_nonnull (strstr (err, "schema version 99, newer than this barokahd"));
  g_assert_nonnull (strstr (err, "Upgrade barokahd"));
  worker_test_free (t);
}

static void
test_wrong_login_refused (void)
{
  WorkerTest *t = worker_test_new ();
  g_autofree char *conninfo = NULL;
  g_autofree char *err = NULL;

  if (t == NULL)
    return;
  conninfo = g_key_file_get_string (t->config, "database", "conninfo", NULL);
  {
    g_autofree char *cs = NULL;
    g_auto(GStrv) parts = g_strsplit (conninfo, "user=t_worker", 2);
    cs = g_strjoinv ("user=t_cs", parts);
    worker_test_set (t, "database", "conninfo", cs);
  }
  g_assert_cmpint (worker_test_run_once (t), ==, 78);
  err = worker_test_last_stderr (t);
  g_assert_nonnull (strstr (err, "not a worker"));
  worker_test_free (t);
}

static void
test_check_config (void)
{
  WorkerTest *t = worker_test_new ();
  const char *check[] = { "--check-config", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *err = NULL;

  if (t == NULL)
    return;
  proc = worker_test_spawn (t, check);
  g_assert_cmpint (worker_test_wait (t, proc, 10000), ==, 0);
  g_clear_object (&proc);

  g_chmod (t->secrets_path, 0644);
  proc = worker_test_spawn (t, check);
  g_assert_cmpint (worker_test_wait (t, proc, 10000), ==, 78);
  err = worker_test_last_stderr (t);
  g_assert_nonnull (strstr (err, "can be read or changed by other users"));
  g_assert_null (strstr (err, "wa-secret-token"));
  worker_test_free (t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worker/jobs/birthday-twice-sends-once", test_birthday_twice_sends_once);
  g_test_add_func ("/worker/jobs/expiry-restores-stock-once", test_expiry_restores_stock_once);
  g_test_add_func ("/worker/start/schema-version", test_schema_version_checked);
  g_test_add_func ("/worker/start/wrong-login", test_wrong_login_refused);
  g_test_add_func ("/worker/start/check-config", test_check_config);
  return g_test_run ();
}
