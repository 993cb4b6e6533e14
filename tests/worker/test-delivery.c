/* SPDX-License-Identifier: GPL-3.0-or-later */
/* barokahd against a scripted stand-in gateway: every message delivered once; retries spaced
 * as configured; lost answers uncertain and never resent; SIGKILL between send and mark;
 * two workers in parallel; LISTEN wake-up within a second; SIGTERM finishes the request. */
#define G_LOG_DOMAIN "test-delivery"

#include "config.h"

#include <signal.h>

#include "worker-test-util.h"

#define PHONE(n) "+6281200000" #n

static char *
status_of (WorkerTest *t,
           gint64      customer,
           const char *channel)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT string_agg(status, ',' ORDER BY id) FROM bjb.customer_message "
    "WHERE customer_id = %" G_GINT64_FORMAT " AND channel = '%s'", customer, channel);

  return worker_test_sql (t, sql);
}

static void
test_every_message_once (void)
{
  WorkerTest *t = worker_test_new ();
  gint64 c[5];
  g_autofree char *skipped = NULL;
  g_autofree char *secret_leak = NULL;

  if (t == NULL)
    return;
  c[0] = worker_test_add_customer (t, PHONE (01), "satu@contoh.id", FALSE);
  c[1] = worker_test_add_customer (t, PHONE (02), NULL, FALSE);
  c[2] = worker_test_add_customer (t, PHONE (03), NULL, FALSE);
  c[3] = worker_test_add_customer (t, NULL, "empat@contoh.id", FALSE);
  c[4] = worker_test_add_customer (t, PHONE (05), NULL, FALSE);
  /* Opted out of WhatsApp after the message was queued: skipped when claimed. */
  for (guint i = 0; i < G_N_ELEMENTS (c); i++)
    worker_test_queue (t, c[i]);
  g_free (worker_test_sql (t, "UPDATE bjb.customer SET whatsapp_opt_out = true WHERE phone = '" PHONE (05) "'"));

  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpint (worker_test_run_once (t), ==, 0);   /* a second pass sends nothing more */

  g_assert_cmpuint (t->requests->len, ==, 5);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "01"), ==, 1);
  g_assert_cmpuint (worker_test_count_requests (t, "satu@contoh.id"), ==, 1);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "02"), ==, 1);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "03"), ==, 1);
  g_assert_cmpuint (worker_test_count_requests (t, "empat@contoh.id"), ==, 1);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "05"), ==, 0);
  for (guint i = 0; i < t->requests->len; i++)
    {
      GatewayRequest *r = g_ptr_array_index (t->requests, i);
      g_assert_cmpstr (r->auth, ==, g_str_equal (r->path, "/wa") ? "wa-secret-token" : "email-secret-key");
      g_assert_true (strstr (r->message, "Paving K-300 Hexagon") != NULL);
      g_assert_true (strstr (r->message, "Rp 4.500") != NULL);
      if (g_str_equal (r->path, "/wa"))
        g_assert_true (strstr (r->body, "countryCode=62") != NULL);
      else
        g_assert_true (strstr (r->body, "\"htmlContent\":\"<html><body><p>Halo") != NULL);
    }

  g_assert_cmpstr (status_of (t, c[0], "whatsapp"), ==, "sent");
  g_assert_cmpstr (status_of (t, c[0], "email"), ==, "sent");
  g_assert_cmpstr (status_of (t, c[1], "email"), ==, "skipped");
  g_assert_cmpstr (status_of (t, c[3], "whatsapp"), ==, "skipped");
  g_assert_cmpstr (status_of (t, c[4], "whatsapp"), ==, "skipped");
  skipped = worker_test_sql (t, "SELECT last_error FROM bjb.customer_message WHERE channel = 'whatsapp' "
                                "AND recipient = '" PHONE (05) "'");
  g_assert_cmpstr (skipped, ==, "Pelanggan tidak mau menerima pesan WhatsApp");
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message "
                                           "WHERE status = 'sent' AND provider_id IS NOT NULL "
                                           "AND attempts = 1"), ==, 5);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message_attempt "
                                           "WHERE outcome = 'sent' AND ok AND http_status IN (200, 201) "
                                           "AND worker = 't_worker'"), ==, 5);
  secret_leak = worker_test_last_stderr (t);
  g_assert_null (strstr (secret_leak, "secret-token"));
  worker_test_free (t);
}

/* Skipped messages do not eat a claim's batch: with one slot, two opted-out customers ahead
 * of a reachable one still let --once send it. */
static void
test_skips_do_not_end_the_pass (void)
{
  WorkerTest *t = worker_test_new ();
  gint64 a, b, c;

  if (t == NULL)
    return;
  worker_test_set (t, "delivery", "concurrency", "1");
  a = worker_test_add_customer (t, PHONE (51), NULL, FALSE);
  b = worker_test_add_customer (t, PHONE (52), NULL, FALSE);
  c = worker_test_add_customer (t, PHONE (53), NULL, FALSE);
  worker_test_queue (t, a);
  worker_test_queue (t, b);
  worker_test_queue (t, c);
  g_free (worker_test_sql (t, "UPDATE bjb.customer SET whatsapp_opt_out = true "
                              "WHERE phone IN ('" PHONE (51) "', '" PHONE (52) "')"));

  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpstr (status_of (t, a, "whatsapp"), ==, "skipped");
  g_assert_cmpstr (status_of (t, b, "whatsapp"), ==, "skipped");
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sent");
  g_assert_cmpuint (t->requests->len, ==, 1);
  worker_test_free (t);
}

/* status:false, 500, 429 with Retry-After: 2, then 200. Configured backoff 1 s doubling:
 * the second attempt ~1 s after the first, the third ~2 s after that, the fourth when the
 * gateway said (2 s). */
static void
test_retries_spaced (void)
{
  WorkerTest *t = worker_test_new ();
  g_autoptr(GSubprocess) worker = NULL;
  g_autofree char *outcomes = NULL;
  gint64 c;
  double gap[3];

  if (t == NULL)
    return;
  c = worker_test_add_customer (t, PHONE (11), NULL, FALSE);
  worker_test_script (t, REPLY_STATUS_FALSE, 0);
  worker_test_script (t, REPLY_500, 0);
  worker_test_script (t, REPLY_429, 2);
  worker_test_queue (t, c);

  worker = worker_test_spawn (t, NULL);
  while (t->requests->len < 4)
    g_main_context_iteration (NULL, TRUE);
  /* Let the mark land, then stop the daemon. */
  worker_test_wait_sql (t, "SELECT status FROM bjb.customer_message WHERE channel = 'whatsapp'", "sent", 5000);
  g_subprocess_send_signal (worker, SIGTERM);
  g_assert_cmpint (worker_test_wait (t, worker, 10000), ==, 0);

  for (guint i = 0; i < 3; i++)
    gap[i] = (((GatewayRequest *) t->requests->pdata[i + 1])->at
              - ((GatewayRequest *) t->requests->pdata[i])->at) / 1e6;
  g_test_message ("gaps: %.2f %.2f %.2f s", gap[0], gap[1], gap[2]);
  g_assert_cmpfloat (gap[0], >=, 0.95);
  g_assert_cmpfloat (gap[0], <, 2.5);    /* slack for a loaded machine; polling would be 5 s */
  g_assert_cmpfloat (gap[1], >=, 1.95);
  g_assert_cmpfloat (gap[1], <, 3.5);
  g_assert_cmpfloat (gap[2], >=, 1.95);
  g_assert_cmpfloat (gap[2], <, 3.5);
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sent");
  outcomes = worker_test_sql (t, "SELECT string_agg(outcome || ':' || coalesce(http_status, 0), ',' ORDER BY id) "
                                 "FROM bjb.customer_message_attempt");
  g_assert_cmpstr (outcomes, ==, "failed:200,failed:500,failed:429,sent:200");
  g_assert_cmpuint (t->requests->len, ==, 4);
  worker_test_free (t);
}

static void
test_parked_after_max_attempts (void)
{
  WorkerTest *t = worker_test_new ();
  g_autoptr(GSubprocess) worker = NULL;
  gint64 bad, good;

  if (t == NULL)
    return;
  worker_test_set (t, "delivery", "max_attempts", "2");
  worker_test_set (t, "delivery", "concurrency", "1");
  bad = worker_test_add_customer (t, PHONE (21), NULL, FALSE);
  good = worker_test_add_customer (t, PHONE (22), NULL, FALSE);
  t->fail_target = g_strdup ("6281200000" "21");
  worker_test_queue (t, bad);
  worker_test_queue (t, good);

  worker = worker_test_spawn (t, NULL);
  while (t->requests->len < 3)
    g_main_context_iteration (NULL, TRUE);
  worker_test_wait_sql (t, "SELECT count(*) FROM bjb.customer_message WHERE status IN ('sent', 'failed')",
                        "2", 10000);
  g_subprocess_send_signal (worker, SIGTERM);
  g_assert_cmpint (worker_test_wait (t, worker, 10000), ==, 0);

  /* The failing message never held up the other one. */
  g_assert_cmpstr (status_of (t, bad, "whatsapp"), ==, "failed");
  g_assert_cmpstr (status_of (t, good, "whatsapp"), ==, "sent");
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "21"), ==, 2);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "22"), ==, 1);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT attempts FROM bjb.customer_message WHERE status = 'failed'"), ==, 2);
  worker_test_free (t);
}

/* A dropped connection mid-reply, and a reply slower than request_timeout: the request went
 * out, so both are uncertain and neither is sent again; a slow reply in time is sent once. */
static void
test_lost_answers_uncertain (void)
{
  WorkerTest *t = worker_test_new ();
  g_autofree char *why = NULL;
  gint64 dropped, late, slow;

  if (t == NULL)
    return;
  worker_test_set (t, "delivery", "concurrency", "1");
  worker_test_set (t, "delivery", "request_timeout", "1");
  dropped = worker_test_add_customer (t, PHONE (31), NULL, FALSE);
  late = worker_test_add_customer (t, PHONE (32), NULL, FALSE);
  slow = worker_test_add_customer (t, PHONE (33), NULL, FALSE);
  worker_test_script (t, REPLY_DROP, 0);
  worker_test_script (t, REPLY_SLOW, 2500);
  worker_test_script (t, REPLY_SLOW, 400);
  worker_test_queue (t, dropped);
  worker_test_queue (t, late);
  worker_test_queue (t, slow);

  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpint (worker_test_run_once (t), ==, 0);

  g_assert_cmpstr (status_of (t, dropped, "whatsapp"), ==, "uncertain");
  g_assert_cmpstr (status_of (t, late, "whatsapp"), ==, "uncertain");
  g_assert_cmpstr (status_of (t, slow, "whatsapp"), ==, "sent");
  g_assert_cmpuint (t->requests->len, ==, 3);
  why = worker_test_sql (t, "SELECT error FROM bjb.customer_message_attempt WHERE outcome = 'uncertain' ORDER BY id LIMIT 1");
  g_assert_true (g_str_has_prefix (why, "request sent, answer lost"));
  worker_test_free (t);
}

/* SIGKILL between the send and the mark: the message stays leased with its attempt open;
 * once the lease is over the sweep makes it uncertain, and no later pass sends it again. */
static void
test_sigkill_leaves_uncertain (void)
{
  WorkerTest *t = worker_test_new ();
  g_autoptr(GSubprocess) worker = NULL;
  gint64 c;

  if (t == NULL)
    return;
  c = worker_test_add_customer (t, PHONE (41), NULL, FALSE);
  worker_test_script (t, REPLY_KILL_WORKER, 0);
  worker_test_queue (t, c);

  worker = worker_test_spawn (t, NULL);
  g_assert_cmpint (worker_test_wait (t, worker, 15000), ==, 128 + SIGKILL);
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sending");

  /* Still leased: a second worker leaves it alone. */
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sending");
  /* The lease runs out (30 s in this configuration; moved to the past instead of waiting). */
  g_free (worker_test_sql (t, "UPDATE bjb.customer_message SET lease_until = now() - interval '1 second' "
                              "WHERE status = 'sending'"));
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "uncertain");
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "41"), ==, 1);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message_attempt "
                                           "WHERE outcome = 'uncertain' AND finished_at IS NOT NULL"), ==, 1);

  /* Send again (admin): pending, then sent by the next pass. */
  g_free (worker_test_sql (t, "SELECT bjb.resend_message(id) FROM bjb.customer_message WHERE status = 'uncertain'"));
  g_assert_cmpint (worker_test_run_once (t), ==, 0);
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sent");
  g_assert_cmpuint (worker_test_count_requests (t, "6281200000" "41"), ==, 2);
  worker_test_free (t);
}

static void
test_two_workers_never_double_send (void)
{
  WorkerTest *t = worker_test_new ();
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  const char *once[] = { "--once", NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const guint n = 120;

  if (t == NULL)
    return;
  g_free (worker_test_sql (t, "INSERT INTO bjb.customer (name, phone) "
                              "SELECT 'Massal ' || i, '+62813' || lpad(i::text, 8, '0') FROM generate_series(1, 120) i"));
  g_free (worker_test_sql (t, "SELECT count(bjb.queue_customer_message(id, 'new_product', NULL, "
                              "(SELECT min(id) FROM bjb.product), NULL, NULL, 'mass:' || id)) "
                              "FROM bjb.customer WHERE name LIKE 'Massal %'"));
  for (guint i = 0; i < n; i++)
    worker_test_script (t, REPLY_SLOW, 5);

  a = worker_test_spawn (t, once);
  b = worker_test_spawn (t, once);
  g_assert_cmpint (worker_test_wait (t, a, 60000), ==, 0);
  g_assert_cmpint (worker_test_wait (t, b, 60000), ==, 0);

  g_assert_cmpuint (t->requests->len, ==, n);
  for (guint i = 0; i < t->requests->len; i++)
    {
      GatewayRequest *r = g_ptr_array_index (t->requests, i);
      g_assert_false (g_hash_table_contains (seen, r->target));
      g_hash_table_add (seen, r->target);
    }
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message "
                                           "WHERE channel = 'whatsapp' AND status = 'sent'"), ==, n);
  g_assert_cmpint (worker_test_sql_int (t, "SELECT count(*) FROM bjb.customer_message_attempt"), ==, n);
  worker_test_free (t);
}

static gboolean
has_requests (WorkerTest *t,
              gpointer    data)
{
  return t->requests->len >= GPOINTER_TO_UINT (data);
}

/* A message committed while the daemon sleeps reaches the gateway within a second (LISTEN),
 * and SIGTERM in the middle of a request waits for it and records it. */
static void
test_listen_and_sigterm (void)
{
  WorkerTest *t = worker_test_new ();
  g_autoptr(GSubprocess) worker = NULL;
  gint64 c, d, committed;

  if (t == NULL)
    return;
  worker_test_set (t, "delivery", "poll_interval", "60");
  c = worker_test_add_customer (t, PHONE (61), NULL, FALSE);
  d = worker_test_add_customer (t, PHONE (62), NULL, FALSE);
  worker = worker_test_spawn (t, NULL);
  /* Let it connect, run its start-up jobs and go to sleep. */
  worker_test_wait_until (t, has_requests, GUINT_TO_POINTER (1), 1500);
  g_assert_cmpuint (t->requests->len, ==, 0);

  committed = g_get_monotonic_time ();
  worker_test_queue (t, c);
  /* Typically ~10 ms (bench/README.md); 2 s leaves room for a loaded test machine while
   * polling (poll_interval 60 s here) could never make it. */
  g_assert_true (worker_test_wait_until (t, has_requests, GUINT_TO_POINTER (1), 2000));
  g_test_message ("commit → gateway: %.0f ms",
                  (((GatewayRequest *) t->requests->pdata[0])->at - committed) / 1000.0);

  worker_test_script (t, REPLY_TERM_WORKER, 700);
  worker_test_queue (t, d);
  g_assert_cmpint (worker_test_wait (t, worker, 10000), ==, 0);
  g_assert_cmpstr (status_of (t, d, "whatsapp"), ==, "sent");
  g_assert_cmpstr (status_of (t, c, "whatsapp"), ==, "sent");
  worker_test_free (t);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worker/delivery/every-message-once", test_every_message_once);
  g_test_add_func ("/worker/delivery/skips-do-not-end-the-pass", test_skips_do_not_end_the_pass);
  g_test_add_func ("/worker/delivery/retries-spaced", test_retries_spaced);
  g_test_add_func ("/worker/delivery/parked-after-max-attempts", test_parked_after_max_attempts);
  g_test_add_func ("/worker/delivery/lost-answers-uncertain", test_lost_answers_uncertain);
  g_test_add_func ("/worker/delivery/sigkill-leaves-uncertain", test_sigkill_leaves_uncertain);
  g_test_add_func ("/worker/delivery/two-workers", test_two_workers_never_double_send);
  g_test_add_func ("/worker/delivery/listen-and-sigterm", test_listen_and_sigterm);
  return g_test_run ();
}
