/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "bjb-worker.h"
#include "bjb-worker-config.h"

static gboolean verbose;

/* The journal when systemd runs us (structured fields kept), stderr otherwise (never
 * stdout: that is for --check-config and --version). Info records (each message sent, each
 * job) are kept; debug only with --verbose. */
static GLogWriterOutput
write_log (GLogLevelFlags   level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  static int journal = -1;

  if ((level & G_LOG_LEVEL_DEBUG) && !verbose)
    return G_LOG_WRITER_HANDLED;
  if (journal < 0)
    journal = g_log_writer_is_journald (fileno (stderr)) ? 1 : 0;
  if (journal == 1 && g_log_writer_journald (level, fields, n_fields, user_data) == G_LOG_WRITER_HANDLED)
    return G_LOG_WRITER_HANDLED;
  {
    g_autofree char *line = g_log_writer_format_fields (level, fields, n_fields, isatty (fileno (stderr)));
    fprintf (stderr, "%s\n", line);
    fflush (stderr);
  }
  return G_LOG_WRITER_HANDLED;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbWorkerConfig) config = NULL;
  g_autoptr(BjbWorker) worker = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *secrets_path = NULL;
  gboolean once = FALSE, check_config = FALSE, version = FALSE, relay_only = FALSE;
  GOptionEntry entries[] = {
    { "config", 'c', 0, G_OPTION_ARG_FILENAME, &config_path,
      "Configuration file (default " BJB_WORKER_DEFAULT_CONFIG ")", "FILE" },
    { "secrets", 's', 0, G_OPTION_ARG_FILENAME, &secrets_path,
      "Secrets file (default: the systemd credential " BJB_WORKER_CREDENTIAL ", else "
      BJB_WORKER_DEFAULT_SECRETS ")", "FILE" },
    { "once", 0, 0, G_OPTION_ARG_NONE, &once,
      "One pass: lease sweep, payment-deadline expiry, birthdays, every due message; then exit", NULL },
    { "relay-only", 0, 0, G_OPTION_ARG_NONE, &relay_only,
      "Run only the event relay (no jobs, no delivery)", NULL },
    { "check-config", 0, 0, G_OPTION_ARG_NONE, &check_config,
      "Read the configuration and the secrets, print a summary (no secrets) and exit", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Also log debug records", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  g_log_set_writer_func (write_log, NULL, NULL);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
    "barokahd delivers the customer messages of Barokah Back Office (WhatsApp and email),\n"
    "cancels unpaid orders at their payment deadline, sends birthday greetings and relays\n"
    "the desks' event wake-ups.\n"
    "Exit status: 0 done, 1 failure (database unreachable in --once), 2 usage,\n"
    "78 configuration, login or schema version to fix first.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("barokahd: %s (see --help)\n", error->message);
      return BJB_WORKER_EXIT_USAGE;
    }
  if (argc > 1)
    {
      g_printerr ("barokahd: unexpected argument %s (see --help)\n", argv[1]);
      return BJB_WORKER_EXIT_USAGE;
    }
  if (version)
    {
      g_print ("barokahd %s\n", PACKAGE_VERSION);
      return BJB_WORKER_EXIT_OK;
    }

  config = bjb_worker_config_load (config_path, secrets_path, &error);
  if (config == NULL)
    {
      g_printerr ("barokahd: %s\n", error->message);
      return BJB_WORKER_EXIT_CONFIG;
    }
  if (check_config)
    {
      g_autofree char *summary = bjb_worker_config_describe (config);
      g_print ("%sThe configuration is valid.\n", summary);
      return BJB_WORKER_EXIT_OK;
    }

  if (relay_only && once)
    {
      g_printerr ("barokahd: --relay-only and --once exclude each other (see --help)\n");
      return BJB_WORKER_EXIT_USAGE;
    }
  if (relay_only && !config->relay)
    {
      g_printerr ("barokahd: --relay-only, but [relay] enabled=false in %s\n", config->config_path);
      return BJB_WORKER_EXIT_CONFIG;
    }
  worker = bjb_worker_new (g_steal_pointer (&config), once);
  bjb_worker_set_relay_only (worker, relay_only);
  return bjb_worker_run (worker);
}
