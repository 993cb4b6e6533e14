/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-server-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-field-props.h"
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
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_server_profile_parent_class)->finalize (object);
}

static void
bjb_server_profile_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  if (prop_id == PROP_DISPLAY_NAME)
    g_value_set_string (value, bjb_server_profile_get_display_name (BJB_SERVER_PROFILE (object)));
  else
    bjb_field_props_get_property (object, prop_id, value, pspec);
}

/* A string set to NULL is stored as "", as the settings keep it. */
static void
bjb_server_profile_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
    bjb_field_props_set_string (object, pspec, g_value_get_string (value) ?: "");
  else
    bjb_field_props_set_property (object, prop_id, value, pspec);
  if (prop_id == PROP_NAME)
    g_object_notify_by_pspec (object, properties[PROP_DISPLAY_NAME]);
}

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbServerProfile, prop, field, pspec)
#define TEXT(prop, field, name, fallback) \
  FIELD (prop, field, g_param_spec_string (name, NULL, NULL, fallback, flags))

static void
bjb_server_profile_class_init (BjbServerProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_server_profile_finalize;
  object_class->get_property = bjb_server_profile_get_property;
  object_class->set_property = bjb_server_profile_set_property;

  TEXT (PROP_NAME, name, "name", "");
  TEXT (PROP_HOST, host, "host", "");
  FIELD (PROP_PORT, port, g_param_spec_uint ("port", NULL, NULL, 1, G_MAXUINT16, 5432, flags));
  TEXT (PROP_DBNAME, dbname, "dbname", "");
  TEXT (PROP_SSLMODE, sslmode, "sslmode", "prefer");
  TEXT (PROP_SSLROOTCERT, sslrootcert, "sslrootcert", "");
  /* The name as the UI shows it. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, PROP_DISPLAY_NAME, properties[PROP_DISPLAY_NAME]);
}

#undef FIELD
#undef TEXT

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
