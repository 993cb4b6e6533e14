/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-server-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-server-profile.h"

/* One PostgreSQL server the client can sign in to, as kept in GSettings
 * ("profiles", a(ssqsss)). Rows in the login window's profile list. */
struct _BjbServerProfile
{
  GObject parent_instance;

  char *name;
  char *host;
  guint port;
  char *dbname;
  char *sslmode;
  char *sslrootcert;
};

G_DEFINE_FINAL_TYPE (BjbServerProfile, bjb_server_profile, G_TYPE_OBJECT)

/* The first profile's name is kept untranslated (it also keys the keyring's passwords) and
 * shown in the UI's language. */
#define DEFAULT_NAME N_("Office server")

enum {
  PROP_0,
  PROP_NAME,
  PROP_HOST,
  PROP_PORT,
  PROP_DBNAME,
  PROP_SSLMODE,
  PROP_SSLROOTCERT,
  PROP_DISPLAY_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_server_profile_finalize (GObject *object)
{
  BjbServerProfile *self = (BjbServerProfile *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->dbname, g_free);
  g_clear_pointer (&self->sslmode, g_free);
  g_clear_pointer (&self->sslrootcert, g_free);

  G_OBJECT_CLASS (bjb_server_profile_parent_class)->finalize (object);
}

static void
bjb_server_profile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbServerProfile *self = BJB_SERVER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;
    case PROP_PORT:
      g_value_set_uint (value, self->port);
      break;
    case PROP_DBNAME:
      g_value_set_string (value, self->dbname);
      break;
    case PROP_SSLMODE:
      g_value_set_string (value, self->sslmode);
      break;
    case PROP_SSLROOTCERT:
      g_value_set_string (value, self->sslrootcert);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, bjb_server_profile_get_display_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_string (BjbServerProfile *self,
            char            **field,
            const char       *value,
            guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value ? value : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
bjb_server_profile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BjbServerProfile *self = BJB_SERVER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      set_string (self, &self->name, g_value_get_string (value), prop_id);
      g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
      break;
    case PROP_HOST:
      set_string (self, &self->host, g_value_get_string (value), prop_id);
      break;
    case PROP_PORT:
      if (self->port != g_value_get_uint (value))
        {
          self->port = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_DBNAME:
      set_string (self, &self->dbname, g_value_get_string (value), prop_id);
      break;
    case PROP_SSLMODE:
      set_string (self, &self->sslmode, g_value_get_string (value), prop_id);
      break;
    case PROP_SSLROOTCERT:
      set_string (self, &self->sslrootcert, g_value_get_string (value), prop_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_server_profile_class_init (BjbServerProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_server_profile_finalize;
  object_class->get_property = bjb_server_profile_get_property;
  object_class->set_property = bjb_server_profile_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PORT] =
    g_param_spec_uint ("port", NULL, NULL, 1, G_MAXUINT16, 5432,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DBNAME] =
    g_param_spec_string ("dbname", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SSLMODE] =
    g_param_spec_string ("sslmode", NULL, NULL, "prefer",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The name as the UI shows it. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SSLROOTCERT] =
    g_param_spec_string ("sslrootcert", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_server_profile_init (BjbServerProfile *self)
{
  self->name = g_strdup ("");
  self->host = g_strdup ("");
  self->port = 5432;
  self->dbname = g_strdup ("");
  self->sslmode = g_strdup ("prefer");
  self->sslrootcert = g_strdup ("");
}

/**
 * bjb_server_profile_new:
 *
 * Returns: (transfer full): a new profile
 */
BjbServerProfile *
bjb_server_profile_new (const char *name,
                        const char *host,
                        guint       port,
                        const char *dbname,
                        const char *sslmode,
                        const char *sslrootcert)
{
  return g_object_new (BJB_TYPE_SERVER_PROFILE,
                       "name", name,
                       "host", host,
                       "port", port ? port : 5432,
                       "dbname", dbname,
                       "sslmode", sslmode && *sslmode ? sslmode : "prefer",
                       "sslrootcert", sslrootcert,
                       NULL);
}

/**
 * bjb_server_profile_new_from_variant:
 * @variant: a `(ssqsss)` tuple as stored in GSettings
 *
 * Returns: (transfer full): a new profile
 */
BjbServerProfile *
bjb_server_profile_new_from_variant (GVariant *variant)
{
  const char *name, *host, *dbname, *sslmode, *sslrootcert;
  guint16 port;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE ("(ssqsss)")), NULL);

  g_variant_get (variant, "(&s&sq&s&s&s)", &name, &host, &port, &dbname, &sslmode, &sslrootcert);

  return bjb_server_profile_new (name, host, port, dbname, sslmode, sslrootcert);
}

/**
 * bjb_server_profile_new_from_environment:
 *
 * The first profile on a machine that has none: `PGHOST`, `PGPORT` and
 * `PGDATABASE` when set (build-aux/demo sets them), else localhost:5432/barokah.
 *
 * Returns: (transfer full): a new profile
 */
BjbServerProfile *
bjb_server_profile_new_from_environment (void)
{
  const char *host = g_getenv ("PGHOST");
  const char *port = g_getenv ("PGPORT");
  const char *dbname = g_getenv ("PGDATABASE");
  guint64 port_value = 5432;

  if (host == NULL || *host == '\0')
    host = "localhost";
  if (dbname == NULL || *dbname == '\0')
    dbname = "barokah";
  if (port != NULL && !g_ascii_string_to_unsigned (port, 10, 1, G_MAXUINT16, &port_value, NULL))
    port_value = 5432;

  return bjb_server_profile_new (DEFAULT_NAME, host, port_value, dbname, "prefer", "");
}

/**
 * bjb_server_profile_environment_names_server:
 *
 * Whether `PGHOST` says which server to use (build-aux/demo sets it), so the first profile
 * is a known server rather than a guess.
 */
gboolean
bjb_server_profile_environment_names_server (void)
{
  const char *host = g_getenv ("PGHOST");

  /* A socket directory is no server for a desktop client. */
  return host != NULL && *host != '\0' && *host != '/';
}

/**
 * bjb_server_profile_get_display_name:
 *
 * Returns: (transfer none): the name in the UI's language
 */
const char *
bjb_server_profile_get_display_name (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);

  if (g_strcmp0 (self->name, DEFAULT_NAME) == 0)
    return _(DEFAULT_NAME);
  return self->name;
}

/**
 * bjb_server_profile_to_variant:
 *
 * Returns: (transfer floating): a `(ssqsss)` tuple
 */
GVariant *
bjb_server_profile_to_variant (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);

  return g_variant_new ("(ssqsss)", self->name, self->host, (guint16)self->port,
                        self->dbname, self->sslmode, self->sslrootcert);
}

const char *
bjb_server_profile_get_name (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return self->name;
}

const char *
bjb_server_profile_get_host (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return self->host;
}

guint
bjb_server_profile_get_port (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), 0);
  return self->port;
}

const char *
bjb_server_profile_get_dbname (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return self->dbname;
}

const char *
bjb_server_profile_get_sslmode (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return self->sslmode;
}

const char *
bjb_server_profile_get_sslrootcert (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return self->sslrootcert;
}

/**
 * bjb_server_profile_dup_summary:
 *
 * Returns: (transfer full): "host:port/database", as shown under the profile name
 */
char *
bjb_server_profile_dup_summary (BjbServerProfile *self)
{
  g_return_val_if_fail (BJB_IS_SERVER_PROFILE (self), NULL);
  return g_strdup_printf ("%s:%u/%s", self->host, self->port, self->dbname);
}
