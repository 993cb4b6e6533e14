/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-records-query"

#include "config.h"

#include "bjb-records-query.h"

#define MAX_FILTERS 8

typedef struct
{
  BjbConnection *connection;
  char *filters[MAX_FILTERS];
} BjbRecordsQueryPrivate;

static gboolean bjb_records_query_can_fetch (BjbPagedQuery *query);

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_records_query_can_fetch;
}

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (BjbRecordsQuery, bjb_records_query, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (BjbRecordsQuery)
                                  G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY,
                                                         paged_query_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

/* The filters' property ids follow the connection's. */
#define FILTER_PROP_0 N_PROPS

static GParamSpec *properties[N_PROPS];

static gboolean
bjb_records_query_can_fetch (BjbPagedQuery *query)
{
  return bjb_records_query_get_connection (BJB_RECORDS_QUERY (query)) != NULL;
}

/* bjb_paged_query_dispatch_properties_changed() chains to the parent of the object's own
 * class, which for a subclass is this class again: chain from here to GObject instead. */
static void
bjb_records_query_dispatch_properties_changed (GObject     *object,
                                               guint        n_pspecs,
                                               GParamSpec **pspecs)
{
  G_OBJECT_CLASS (bjb_records_query_parent_class)->dispatch_properties_changed (object, n_pspecs,
                                                                                pspecs);
  if (n_pspecs > 0)
    bjb_paged_query_changed (BJB_PAGED_QUERY (object));
}

static void
bjb_records_query_dispose (GObject *object)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (BJB_RECORDS_QUERY (object));

  g_clear_object (&priv->connection);

  G_OBJECT_CLASS (bjb_records_query_parent_class)->dispose (object);
}

static void
bjb_records_query_finalize (GObject *object)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (BJB_RECORDS_QUERY (object));

  for (guint i = 0; i < MAX_FILTERS; i++)
    g_free (priv->filters[i]);

  G_OBJECT_CLASS (bjb_records_query_parent_class)->finalize (object);
}

static void
bjb_records_query_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (BJB_RECORDS_QUERY (object));

  if (prop_id == PROP_CONNECTION)
    g_value_set_object (value, priv->connection);
  else if (prop_id >= FILTER_PROP_0 && prop_id < FILTER_PROP_0 + MAX_FILTERS)
    g_value_set_string (value, priv->filters[prop_id - FILTER_PROP_0]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_records_query_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (BJB_RECORDS_QUERY (object));
  gboolean changed;

  if (prop_id == PROP_CONNECTION)
    changed = g_set_object (&priv->connection, g_value_get_object (value));
  else if (prop_id >= FILTER_PROP_0 && prop_id < FILTER_PROP_0 + MAX_FILTERS)
    {
      const char *text = g_value_get_string (value);

      /* "" and NULL are both "off": changing one into the other changes nothing. */
      changed = bjb_paged_query_set_string (&priv->filters[prop_id - FILTER_PROP_0],
                                            text != NULL && *text != '\0' ? text : NULL);
    }
  else
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bjb_records_query_class_init (BjbRecordsQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispatch_properties_changed = bjb_records_query_dispatch_properties_changed;
  object_class->dispose = bjb_records_query_dispose;
  object_class->finalize = bjb_records_query_finalize;
  object_class->get_property = bjb_records_query_get_property;
  object_class->set_property = bjb_records_query_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_records_query_init (BjbRecordsQuery *self)
{
}

void
bjb_records_query_class_install_filters (BjbRecordsQueryClass *klass,
                                         const char *const    *names,
                                         guint                 n_names)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_return_if_fail (n_names <= MAX_FILTERS);

  /* Installed on the subclass but read and written by this class's functions. */
  object_class->get_property = bjb_records_query_get_property;
  object_class->set_property = bjb_records_query_set_property;
  for (guint i = 0; i < n_names; i++)
    g_object_class_install_property (object_class, FILTER_PROP_0 + i,
                                     g_param_spec_string (names[i], NULL, NULL, NULL,
                                                          G_PARAM_READWRITE |
                                                          G_PARAM_EXPLICIT_NOTIFY |
                                                          G_PARAM_STATIC_STRINGS));
  klass->n_filters = n_names;
}

BjbConnection *
bjb_records_query_get_connection (BjbRecordsQuery *self)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_RECORDS_QUERY (self), NULL);
  return priv->connection;
}

void
bjb_records_query_set_connection (BjbRecordsQuery *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_RECORDS_QUERY (self));
  g_object_set (self, "connection", connection, NULL);
}

const char *
bjb_records_query_get_filter (BjbRecordsQuery *self,
                              guint            index)
{
  BjbRecordsQueryPrivate *priv = bjb_records_query_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_RECORDS_QUERY (self), NULL);
  g_return_val_if_fail (index < BJB_RECORDS_QUERY_GET_CLASS (self)->n_filters, NULL);
  return priv->filters[index];
}
