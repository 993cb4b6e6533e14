/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parts of barokahd that need no network or database: backoff, Retry-After, the
 * WhatsApp target, the email HTML, and the configuration rules. */
#define G_LOG_DOMAIN "test-worker-units"

#include "config.h"

#include <glib/gstdio.h>

#include "bjb-deliverer.h"
#include "bjb-gateway.h"
#include "bjb-worker-config.h"

static void
test_backoff (void)
{
  BjbWorkerConfig config = { .backoff_initial = 30, .backoff_max = 3600, .jitter = 0 };

  g_assert_cmpfloat (bjb_deliverer_backoff (&config, 1), ==, 30);
  g_assert_cmpfloat (bjb_deliverer_backoff (&config, 2), ==, 60);
  g_assert_cmpfloat (bjb_deliverer_backoff (&config, 5), ==, 480);
  g_assert_cmpfloat (bjb_deliverer_backoff (&config, 8), ==, 3600);   /* capped */
  g_assert_cmpfloat (bjb_deliverer_backoff (&config, 40), ==, 3600);

  config.jitter = 0.2;
  for (int i = 0; i < 200; i++)
    {
      double d = bjb_deliverer_backoff (&config, 3);
      g_assert_cmpfloat (d, >=, 96);
      g_assert_cmpfloat (d, <=, 144);
    }
}

static void
test_retry_after (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 1, 10, 0, 0);

  g_assert_cmpint (bjb_gateway_parse_retry_after ("120", now), ==, 120);
  g_assert_cmpint (bjb_gateway_parse_retry_after ("Tue, 01 Dec 2026 10:01:30 GMT", now), ==, 90);
  g_assert_cmpint (bjb_gateway_parse_retry_after ("Tue, 01 Dec 2026 09:00:00 GMT", now), ==, 0);
  g_assert_cmpint (bjb_gateway_parse_retry_after ("soon", now), ==, -1);
  g_assert_cmpint (bjb_gateway_parse_retry_after (NULL, now), ==, -1);
}

static void
test_text_forms (void)
{
  g_autofree char *target = bjb_gateway_whatsapp_target ("+6281234567890");
  g_autofree char *html = bjb_gateway_text_to_html ("Halo <Budi> & co,\n\nBaris satu\nbaris dua\n\n\nSalam");

  g_assert_cmpstr (target, ==, "6281234567890");
  g_assert_cmpstr (html, ==, "<html><body><p>Halo &lt;Budi&gt; &amp; co,</p>"
                             "<p>Baris satu<br>baris dua</p><p>Salam</p></body></html>");
}

static char *
write_file (const char *dir,
            const char *name,
            const char *text,
            int         mode)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_NONE, mode, NULL));
  return path;
}

static void
test_config (void)
{
  g_autofree char *dir = g_dir_make_tmp ("barokahd-conf-XXXXXX", NULL);
  g_autofree char *good = write_file (dir, "good.conf",
    "[database]\nconninfo=dbname=barokah user=barokahd\n"
    "[whatsapp]\nurl=https://api.fonnte.com/send\n", 0644);
  g_autofree char *plain = write_file (dir, "plain.conf",
    "[whatsapp]\nurl=http://gateway.example.com/send\n", 0644);
  g_autofree char *lease = write_file (dir, "lease.conf",
    "[delivery]\nlease=20\nrequest_timeout=30\n[whatsapp]\n", 0644);
  g_autofree char *none = write_file (dir, "none.conf", "[delivery]\nconcurrency=2\n", 0644);
  g_autofree char *no_relay = write_file (dir, "no-relay.conf",
    "[relay]\nenabled=false\n[whatsapp]\n", 0644);
  g_autofree char *bad_relay = write_file (dir, "relay.conf",
    "[relay]\ninterval_ms=5\n[whatsapp]\n", 0644);
  g_autofree char *bad_num = write_file (dir, "num.conf", "[delivery]\nconcurrency=lots\n[whatsapp]\n", 0644);
  g_autofree char *secrets = write_file (dir, "secrets", "[secrets]\nwhatsapp_token=abc123\n", 0600);
  g_autofree char *open_secrets = write_file (dir, "open-secrets", "[secrets]\nwhatsapp_token=abc123\n", 0644);
  g_autofree char *empty_secrets = write_file (dir, "empty-secrets", "[secrets]\n", 0600);
  g_autoptr(BjbWorkerConfig) config = NULL;
  g_autofree char *summary = NULL;
  GError *error = NULL;

  config = bjb_worker_config_load (good, secrets, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->whatsapp->secret, ==, "abc123");
  g_assert_null (config->email);
  g_assert_cmpuint (config->max_attempts, ==, 8);
  summary = bjb_worker_config_describe (config);
  g_assert_null (strstr (summary, "abc123"));
  g_assert_nonnull (strstr (summary, "https://api.fonnte.com/send"));
  /* The event relay is on unless turned off: barokahd runs on the server (0015). */
  g_assert_true (config->relay);
  g_assert_cmpuint (config->relay_interval_ms, ==, 50);
  g_assert_nonnull (strstr (summary, "Event relay: every 50 ms"));
  g_clear_pointer (&config, bjb_worker_config_free);
  config = bjb_worker_config_load (no_relay, secrets, &error);
  g_assert_no_error (error);
  g_assert_false (config->relay);

#define REFUSED(conf, sec, code, words)                                          \
  G_STMT_START {                                                                 \
    g_assert_null (bjb_worker_config_load (conf, sec, &error));                  \
    g_assert_error (error, BJB_WORKER_CONFIG_ERROR, code);                       \
    g_assert_nonnull (strstr (error->message, words));                           \
    g_clear_error (&error);                                                      \
  } G_STMT_END
  REFUSED (plain, secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "[whatsapp] url: must start with https://");
  REFUSED (lease, secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "[delivery] lease");
  REFUSED (none, secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "no gateway configured");
  REFUSED (bad_relay, secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "[relay] interval_ms: must be a whole number from 10 to 1000");
  REFUSED (bad_num, secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "[delivery] concurrency: must be a whole number");
  REFUSED (good, open_secrets, BJB_WORKER_CONFIG_ERROR_SECRETS, "chmod 600");
  REFUSED (good, empty_secrets, BJB_WORKER_CONFIG_ERROR_SECRETS, "no whatsapp_token");
  REFUSED ("/nonexistent/barokahd.conf", secrets, BJB_WORKER_CONFIG_ERROR_INVALID, "/nonexistent/barokahd.conf");
#undef REFUSED

  /* A systemd credential wins over the default path. */
  g_setenv ("CREDENTIALS_DIRECTORY", dir, TRUE);
  g_free (write_file (dir, BJB_WORKER_CREDENTIAL, "[secrets]\nwhatsapp_token=from-credential\n", 0400));
  g_clear_pointer (&config, bjb_worker_config_free);
  config = bjb_worker_config_load (good, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->whatsapp->secret, ==, "from-credential");
  g_unsetenv ("CREDENTIALS_DIRECTORY");

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while ((name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/worker/units/backoff", test_backoff);
  g_test_add_func ("/worker/units/retry-after", test_retry_after);
  g_test_add_func ("/worker/units/text-forms", test_text_forms);
  g_test_add_func ("/worker/units/config", test_config);
  return g_test_run ();
}
