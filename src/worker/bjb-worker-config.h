/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BJB_WORKER_CONFIG_ERROR (bjb_worker_config_error_quark ())

/**
 * BjbWorkerConfigError:
 * @BJB_WORKER_CONFIG_ERROR_INVALID: the configuration file is missing, does not parse or has
 *   a bad value (the message names the file, group and key)
 * @BJB_WORKER_CONFIG_ERROR_SECRETS: the secrets file is missing, unreadable, readable by
 *   other users, or lacks a secret a configured channel needs
 */
typedef enum
{
  BJB_WORKER_CONFIG_ERROR_INVALID,
  BJB_WORKER_CONFIG_ERROR_SECRETS,
} BjbWorkerConfigError;

GQuark bjb_worker_config_error_quark (void);

/* Where the service looks when no --config / --secrets is given. */
#define BJB_WORKER_DEFAULT_CONFIG  "/etc/barokahd/barokahd.conf"
#define BJB_WORKER_DEFAULT_SECRETS "/etc/barokahd/secrets"
/* The name of the systemd credential (LoadCredential=) holding the secrets file. */
#define BJB_WORKER_CREDENTIAL      "barokahd-secrets"

/*
 * One gateway. WhatsApp is of the Fonnte kind: a form POST (target, message, countryCode)
 * with the token in a header, answering JSON {"status": true/false, "reason", "id"}. Email
 * is of the Brevo kind: a JSON POST {sender, to, subject, htmlContent, textContent} with
 * the key in a header, answering 2xx {"messageId"}. Every name is configuration.
 */
typedef struct
{
  char *channel;             /* "whatsapp" or "email" */
  char *url;
  char *auth_header;         /* e.g. "Authorization", "api-key" */
  char *auth_prefix;         /* a word before the secret ("Bearer" → "Bearer <token>"); usually "" */
  char *secret;              /* the token (from the secrets file only) */
  /* WhatsApp form */
  char *field_target;
  char *field_message;
  char *field_country_code;
  char *country_code;
  /* Email JSON */
  char *field_sender;
  char *field_to;
  char *field_subject;
  char *field_html;
  char *field_text;
  char *sender_name;
  char *sender_email;
} BjbGatewayConfig;

typedef struct
{
  char *config_path;
  char *secrets_path;
  char *conninfo;            /* libpq conninfo; "" = the PG* environment */
  char *db_password;         /* nullable; from the secrets file */

  guint concurrency;         /* requests in flight at once */
  guint lease;               /* seconds a claimed message is held */
  guint request_timeout;     /* seconds for one gateway request */
  guint max_attempts;        /* then parked as failed */
  guint backoff_initial;     /* seconds before the first retry */
  guint backoff_max;         /* cap of the exponential backoff (and of Retry-After) */
  double jitter;             /* ± fraction, 0–0.5 */
  guint poll_interval;       /* seconds; a safety net under LISTEN */
  guint expire_interval;     /* seconds between bjb.expire_overdue_orders() */
  guint sweep_interval;      /* seconds between lease sweeps */
  gboolean birthdays;        /* run the birthday job */
  gboolean relay;            /* run the event relay (bjb-event-relay.h) */
  guint relay_interval_ms;   /* milliseconds between two polls of the relay */

  BjbGatewayConfig *whatsapp; /* NULL: channel not configured */
  BjbGatewayConfig *email;
} BjbWorkerConfig;

/**
 * bjb_worker_config_load:
 * @config_path: (nullable): the key file; NULL: BJB_WORKER_DEFAULT_CONFIG
 * @secrets_path: (nullable): the secrets key file; NULL: [service] secrets in the config,
 *   else $CREDENTIALS_DIRECTORY/barokahd-secrets when systemd passed it, else
 *   BJB_WORKER_DEFAULT_SECRETS
 *
 * Returns: (transfer full) (nullable): the configuration, or NULL with @error set
 */
BjbWorkerConfig *bjb_worker_config_load     (const char             *config_path,
                                             const char             *secrets_path,
                                             GError                **error);
void             bjb_worker_config_free     (BjbWorkerConfig        *config);

/* A summary for --check-config, without any secret. (transfer full) */
char            *bjb_worker_config_describe (const BjbWorkerConfig  *config);

/* The channels that have a gateway, NULL-terminated. (transfer container) */
const char     **bjb_worker_config_channels (const BjbWorkerConfig  *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbWorkerConfig, bjb_worker_config_free)

G_END_DECLS
