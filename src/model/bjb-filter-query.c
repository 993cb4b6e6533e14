/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-filter-query"

#include "config.h"

#include "bjb-field-props.h"
#include "bjb-filter-query.h"

typedef struct
{
  BjbConnection *connection;
} BjbFilterQueryPrivate;

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (BjbFilterQuery, bjb_filter_query, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (BjbFilterQuery)
                                  G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY,
                                                         paged_query_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filters added with bjb_filter_query_class_add_text(): "" is stored as NULL. */
static GQuark
filter_empty_is_null_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("bjb-filter-query-empty-is-null");
  return quark;
}

static void
set_filter_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  const char *text;

  if (G_PARAM_SPEC_VALUE_TYPE (pspec) != G_TYPE_STRING)
    {
      bjb_field_props_set_property (object, prop_id, value, pspec);
      return;
    }
  text = g_value_get_string (value);
  if (text != NULL && *text == '\0' &&
      g_param_spec_get_qdata (pspec, filter_empty_is_null_quark ()) != NULL)
    text = NULL;
  bjb_field_props_set_string (object, pspec, text ?: G_PARAM_SPEC_STRING (pspec)->default_value);
}

void
bjb_filter_query_class_add (gpointer    klass,
                            gsize       offset,
                            GParamSpec *pspec)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (object_class, &n_pspecs);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  guint prop_id = 1;

  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (klass), BJB_TYPE_FILTER_QUERY));
  g_return_if_fail (type == G_TYPE_STRING || type == G_TYPE_BOOLEAN || type == G_TYPE_INT ||
                    type == G_TYPE_UINT || type == G_TYPE_INT64);

  /* The class's own properties so far are its filters, ids 1 … n. */
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->owner_type == G_TYPE_FROM_CLASS (klass))
      prop_id++;

  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = set_filter_property;
  bjb_field_props_install (object_class, prop_id, offset, pspec);
}

void
bjb_filter_query_class_add_text (gpointer    klass,
                                 gsize       offset,
                                 const char *name)
{
  GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, NULL, BJB_FILTER_QUERY_PARAM_FLAGS);

  g_param_spec_set_qdata (pspec, filter_empty_is_null_quark (), GINT_TO_POINTER (TRUE));
  bjb_filter_query_class_add (klass, offset, pspec);
}

/* "changed" once per g_object_set (); bjb_paged_query_dispatch_properties_changed would
 * chain to the concrete class's parent, which is this class. */
static void
bjb_filter_query_dispatch_properties_changed (GObject     *object,
                                              guint        n_pspecs,
                                              GParamSpec **pspecs)
{
  G_OBJECT_CLASS (bjb_filter_query_parent_class)->dispatch_properties_changed (object, n_pspecs,
                                                                                pspecs);
  if (n_pspecs > 0)
    bjb_paged_query_changed (BJB_PAGED_QUERY (object));
}

static void
bjb_filter_query_dispose (GObject *object)
{
  BjbFilterQueryPrivate *priv = bjb_filter_query_get_instance_private (BJB_FILTER_QUERY (object));

  g_clear_object (&priv->connection);

  G_OBJECT_CLASS (bjb_filter_query_parent_class)->dispose (object);
}

static void
bjb_filter_query_finalize (GObject *object)
{
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_filter_query_parent_class)->finalize (object);
}

static void
bjb_filter_query_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbFilterQuery *self = BJB_FILTER_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, bjb_filter_query_get_connection (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_filter_query_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BjbFilterQueryPrivate *priv = bjb_filter_query_get_instance_private (BJB_FILTER_QUERY (object));

  switch (prop_id)
    {
    case PROP_CONNECTION:
      if (g_set_object (&priv->connection, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_filter_query_class_init (BjbFilterQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = bjb_filter_query_dispatch_properties_changed;
  object_class->dispose = bjb_filter_query_dispose;
  object_class->finalize = bjb_filter_query_finalize;
  object_class->get_property = bjb_filter_query_get_property;
  object_class->set_property = bjb_filter_query_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         BJB_FILTER_QUERY_PARAM_FLAGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_filter_query_init (BjbFilterQuery *self)
{
}

BjbConnection *
bjb_filter_query_get_connection (BjbFilterQuery *self)
{
  BjbFilterQueryPrivate *priv = bjb_filter_query_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_FILTER_QUERY (self), NULL);
  return priv->connection;
}

void
bjb_filter_query_set_connection (BjbFilterQuery *self,
                                 BjbConnection  *connection)
{
  g_return_if_fail (BJB_IS_FILTER_QUERY (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));
  g_object_set (self, "connection", connection, NULL);
}

gboolean
bjb_filter_query_can_fetch (BjbPagedQuery *query)
{
  return bjb_filter_query_get_connection (BJB_FILTER_QUERY (query)) != NULL;
}

/* BjbPagedQuery: straight through to the subclass's ops call, whose _finish reads the
 * answer (the result is the connection's, not this object's). */

static void
bjb_filter_query_fetch_async (BjbPagedQuery       *query,
                              BjbPagedRow         *after,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  BjbFilterQuery *self = BJB_FILTER_QUERY (query);
  BjbFilterQueryClass *klass = BJB_FILTER_QUERY_GET_CLASS (self);

  /* A subclass sets both in its class_init, or implements BjbPagedQuery itself. */
  g_return_if_fail (klass->fetch != NULL && klass->fetch_finish != NULL);
  klass->fetch (bjb_filter_query_get_connection (self), self, after, limit, cancellable,
                callback, user_data);
}

static GPtrArray *
bjb_filter_query_fetch_finish (BjbPagedQuery  *query,
                               GAsyncResult   *result,
                               GError        **error)
{
  BjbFilterQueryClass *klass = BJB_FILTER_QUERY_GET_CLASS (query);
  GPtrArray *rows = klass->fetch_finish (result, error);

  if (klass->decorate == NULL)
    return rows;
  return bjb_paged_query_decorate (rows, klass->decorate, query);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_filter_query_can_fetch;
  iface->fetch_async = bjb_filter_query_fetch_async;
  iface->fetch_finish = bjb_filter_query_fetch_finish;
}
