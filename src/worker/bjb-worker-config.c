/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "barokahd-config"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <sys/stat.h>
#include <unistd.h>

/* barokahd is an operator's tool in English, like barokah-admin: no gettext here. */
#include "bjb-worker-config.h"

G_DEFINE_QUARK (bjb-worker-config-error-quark, bjb_worker_config_error)

static void
gateway_config_free (BjbGatewayConfig *gw)
{
  if (gw == NULL)
    return;
  g_free (gw->channel);
  g_free (gw->url);
  g_free (gw->auth_header);
  g_free (gw->auth_prefix);
  if (gw->secret != NULL)
    memset (gw->secret, 0, strlen (gw->secret));
  g_free (gw->secret);
  g_free (gw->field_target);
  g_free (gw->field_message);
  g_free (gw->field_country_code);
  g_free (gw->country_code);
  g_free (gw->field_sender);
  g_free (gw->field_to);
  g_free (gw->field_subject);
  g_free (gw->field_html);
  g_free (gw->field_text);
  g_free (gw->sender_name);
  g_free (gw->sender_email);
  g_free (gw);
}

void
bjb_worker_config_free (BjbWorkerConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->config_path);
  g_free (config->secrets_path);
  g_free (config->conninfo);
  if (config->db_password != NULL)
    memset (config->db_password, 0, strlen (config->db_password));
  g_free (config->db_password);
  gateway_config_free (config->whatsapp);
  gateway_config_free (config->email);
  g_free (config);
}

/* Reading keys: a missing key is the default, a bad one an error naming file/group/key. */
typedef struct
{
  GKeyFile *kf;
  const char *path;
  GError **error;
  gboolean failed;
} Reader;

static void
reader_fail (Reader     *r,
             const char *group,
             const char *key,
             const char *why)
{
  if (r->failed)
    return;
  r->failed = TRUE;
  g_set_error (r->error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_INVALID,
               ("%s: [%s] %s: %s"), r->path, group, key, why);
}

static char *
read_string (Reader     *r,
             const char *group,
             const char *key,
             const char *fallback)
{
  char *value = g_key_file_get_string (r->kf, group, key, NULL);

  if (value == NULL)
    return g_strdup (fallback);
  return g_strstrip (value);
}

static guint
read_uint (Reader     *r,
           const char *group,
           const char *key,
           guint       fallback,
           guint       min,
           guint       max)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *text = g_key_file_get_string (r->kf, group, key, NULL);
  guint64 value;

  if (text == NULL)
    return fallback;
  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, &value, &local))
    {
      g_autofree char *why = g_strdup_printf (("must be a whole number from %u to %u"), min, max);
      reader_fail (r, group, key, why);
      return fallback;
    }
  return (guint) value;
}

static gboolean
read_bool (Reader     *r,
           const char *group,
           const char *key,
           gboolean    fallback)
{
  g_autoptr(GError) local = NULL;
  gboolean value;

  if (!g_key_file_has_key (r->kf, group, key, NULL))
    return fallback;
  value = g_key_file_get_boolean (r->kf, group, key, &local);
  if (local != NULL)
    reader_fail (r, group, key, ("must be true or false"));
  return value;
}

/* https anywhere; plain http only to this machine (a stand-in gateway), so a token never
 * crosses a network in the clear. */
static void
check_url (Reader     *r,
           const char *group,
           const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme, *host;

  if (uri == NULL)
    {
      reader_fail (r, group, "url", ("is not a URL"));
      return;
    }
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  if (g_strcmp0 (scheme, "https") == 0)
    return;
  if (g_strcmp0 (scheme, "http") == 0
      && (g_strcmp0 (host, "127.0.0.1") == 0 || g_strcmp0 (host, "localhost") == 0
          || g_strcmp0 (host, "::1") == 0))
    return;
  reader_fail (r, group, "url", ("must start with https:// (plain http only to 127.0.0.1)"));
}

static BjbGatewayConfig *
read_gateway (Reader     *r,
              const char *channel,
              const char *default_url,
              const char *default_header)
{
  BjbGatewayConfig *gw;

  if (!g_key_file_has_group (r->kf, channel) || !read_bool (r, channel, "enabled", TRUE))
    return NULL;

  gw = g_new0 (BjbGatewayConfig, 1);
  gw->channel = g_strdup (channel);
  gw->url = read_string (r, channel, "url", default_url);
  gw->auth_header = read_string (r, channel, "auth_header", default_header);
  gw->auth_prefix = read_string (r, channel, "auth_prefix", "");
  gw->field_target = read_string (r, channel, "field_target", "target");
  gw->field_message = read_string (r, channel, "field_message", "message");
  gw->field_country_code = read_string (r, channel, "field_country_code", "countryCode");
  gw->country_code = read_string (r, channel, "country_code", "62");
  gw->field_sender = read_string (r, channel, "field_sender", "sender");
  gw->field_to = read_string (r, channel, "field_to", "to");
  gw->field_subject = read_string (r, channel, "field_subject", "subject");
  gw->field_html = read_string (r, channel, "field_html", "htmlContent");
  gw->field_text = read_string (r, channel, "field_text", "textContent");
  gw->sender_name = read_string (r, channel, "sender_name", "");
  gw->sender_email = read_string (r, channel, "sender_email", "");

  check_url (r, channel, gw->url);
  if (*gw->auth_header == '\0')
    reader_fail (r, channel, "auth_header", ("must name the header that carries the token"));
  if (g_str_equal (channel, "email") && strchr (gw->sender_email, '@') == NULL)
    reader_fail (r, channel, "sender_email", ("must be the address messages are sent from"));
  return gw;
}

/* The secrets file: only the service may read it. A group may read it (root:barokahd 0640)
 * but nobody else, and nobody but the owner may change it. */
static GKeyFile *
load_secrets (const char  *path,
              GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_SECRETS,
                   ("Cannot read the secrets file %s: %s"), path, g_strerror (saved));
      return NULL;
    }
  if ((st.st_mode & 0027) != 0)
    {
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_SECRETS,
                   ("The secrets file %s can be read or changed by other users; "
                     "run: chmod 600 %s"), path, path);
      return NULL;
    }
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_SECRETS,
                   ("Cannot read the secrets file %s: %s"), path, local->message);
      return NULL;
    }
  return g_steal_pointer (&kf);
}

static char *
choose_secrets_path (const char *explicit_path,
                     Reader     *r)
{
  const char *creds = g_getenv ("CREDENTIALS_DIRECTORY");
  g_autofree char *configured = read_string (r, "service", "secrets", NULL);

  if (explicit_path != NULL)
    return g_strdup (explicit_path);
  if (creds != NULL && *creds != '\0')
    {
      char *path = g_build_filename (creds, BJB_WORKER_CREDENTIAL, NULL);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  if (configured != NULL && *configured != '\0')
    return g_steal_pointer (&configured);
  return g_strdup (BJB_WORKER_DEFAULT_SECRETS);
}

static gboolean
take_secret (GKeyFile          *secrets,
             const char        *secrets_path,
             BjbGatewayConfig  *gw,
             const char        *key,
             GError           **error)
{
  if (gw == NULL)
    return TRUE;
  gw->secret = g_key_file_get_string (secrets, "secrets", key, NULL);
  if (gw->secret == NULL || *g_strstrip (gw->secret) == '\0')
    {
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_SECRETS,
                   ("The secrets file %s has no %s in [secrets] for the %s gateway"),
                   secrets_path, key, gw->channel);
      return FALSE;
    }
  return TRUE;
}

BjbWorkerConfig *
bjb_worker_config_load (const char  *config_path,
                        const char  *secrets_path,
                        GError     **error)
{
  g_autoptr(BjbWorkerConfig) config = g_new0 (BjbWorkerConfig, 1);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(GKeyFile) secrets = NULL;
  g_autoptr(GError) local = NULL;
  Reader r = { kf, NULL, error, FALSE };

  config->config_path = g_strdup (config_path != NULL ? config_path : BJB_WORKER_DEFAULT_CONFIG);
  r.path = config->config_path;
  if (!g_key_file_load_from_file (kf, config->config_path, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, BJB_WORKER_CONFIG_ERROR, BJB_WORKER_CONFIG_ERROR_INVALID,
                   ("Cannot read the configuration %s: %s"), config->config_path, local->message);
      return NULL;
    }

  config->conninfo = read_string (&r, "database", "conninfo", "");
  config->concurrency = read_uint (&r, "delivery", "concurrency", 4, 1, 64);
  config->lease = read_uint (&r, "delivery", "lease", 300, 5, 3600);
  config->request_timeout = read_uint (&r, "delivery", "request_timeout", 30, 1, 600);
  config->max_attempts = read_uint (&r, "delivery", "max_attempts", 8, 1, 100);
  config->backoff_initial = read_uint (&r, "delivery", "backoff_initial", 30, 1, 86400);
  config->backoff_max = read_uint (&r, "delivery", "backoff_max", 3600, 1, 7 * 86400);
  config->jitter = read_uint (&r, "delivery", "jitter_percent", 20, 0, 50) / 100.0;
  config->poll_interval = read_uint (&r, "delivery", "poll_interval", 30, 1, 3600);
  config->expire_interval = read_uint (&r, "jobs", "expire_interval", 60, 1, 3600);
  config->sweep_interval = read_uint (&r, "jobs", "sweep_interval", 60, 1, 3600);
  config->birthdays = read_bool (&r, "jobs", "birthdays", TRUE);
  /* On by default: barokahd runs on the server, and where it does not run the desks notify
   * from their own commits (migration 0015), so nothing needs turning on or off. */
  config->relay = read_bool (&r, "relay", "enabled", TRUE);
  config->relay_interval_ms = read_uint (&r, "relay", "interval_ms", 50, 10, 1000);
  config->whatsapp = read_gateway (&r, "whatsapp", "https://api.fonnte.com/send", "Authorization");
  config->email = read_gateway (&r, "email", "https://api.brevo.com/v3/smtp/email", "api-key");
  if (!r.failed && config->lease <= config->request_timeout + 5)
    reader_fail (&r, "delivery", "lease", ("must be longer than request_timeout + 5 seconds"));
  if (!r.failed && config->backoff_max < config->backoff_initial)
    reader_fail (&r, "delivery", "backoff_max", ("must not be shorter than backoff_initial"));
  if (!r.failed && config->whatsapp == NULL && config->email == NULL)
    reader_fail (&r, "whatsapp", "url", ("no gateway configured: add [whatsapp] or [email]"));
  if (r.failed)
    return NULL;

  config->secrets_path = choose_secrets_path (secrets_path, &r);
  secrets = load_secrets (config->secrets_path, error);
  if (secrets == NULL)
    return NULL;
  if (!take_secret (secrets, config->secrets_path, config->whatsapp, "whatsapp_token", error)
      || !take_secret (secrets, config->secrets_path, config->email, "email_api_key", error))
    return NULL;
  config->db_password = g_key_file_get_string (secrets, "secrets", "database_password", NULL);
  return g_steal_pointer (&config);
}

static void
describe_gateway (GString                *out,
                  const BjbGatewayConfig *gw,
                  const char             *label)
{
  if (gw == NULL)
    {
      g_string_append_printf (out, ("%s: not configured (its messages wait for a worker that has it)\n"),
                              label);
      return;
    }
  g_string_append_printf (out, ("%s: POST %s, token in header %s (%zu characters)\n"),
                          label, gw->url, gw->auth_header, strlen (gw->secret));
}

char *
bjb_worker_config_describe (const BjbWorkerConfig *config)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, ("Configuration: %s\n"), config->config_path);
  g_string_append_printf (out, ("Secrets: %s\n"), config->secrets_path);
  g_string_append_printf (out, ("Database: %s%s\n"),
                          *config->conninfo != '\0' ? config->conninfo : ("(from the PG* environment)"),
                          config->db_password != NULL ? (" (password from the secrets file)") : "");
  describe_gateway (out, config->whatsapp, "WhatsApp");
  describe_gateway (out, config->email, "Email");
  g_string_append_printf (out, ("Delivery: %u at once, lease %u s, timeout %u s, "
                                 "%u attempts, backoff %u–%u s ±%.0f%%\n"),
                          config->concurrency, config->lease, config->request_timeout,
                          config->max_attempts, config->backoff_initial, config->backoff_max,
                          config->jitter * 100);
  g_string_append_printf (out, ("Jobs: expiry every %u s, lease sweep every %u s, birthdays %s\n"),
                          config->expire_interval, config->sweep_interval,
                          config->birthdays ? ("at Jakarta midnight") : ("off"));
  if (config->relay)
    g_string_append_printf (out, ("Event relay: every %u ms\n"), config->relay_interval_ms);
  else
    g_string_append (out, ("Event relay: off (every desk notifies from its own commit)\n"));
  return g_string_free (out, FALSE);
}

const char **
bjb_worker_config_channels (const BjbWorkerConfig *config)
{
  const char **channels = g_new0 (const char *, 3);
  guint n = 0;

  if (config->whatsapp != NULL)
    channels[n++] = "whatsapp";
  if (config->email != NULL)
    channels[n++] = "email";
  return channels;
}
