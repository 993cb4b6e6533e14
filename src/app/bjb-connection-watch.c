/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection-watch"

#include "config.h"

#include "bjb-connection-watch.h"

/* What the header's connection indicator and the offline banner share: a "session" property
 * and the session's connection followed through a signal group, so that each only says how
 * it shows the connection (the update vfunc) and which of its signals it follows. */
typedef struct
{
  BjbSession *session;
  GSignalGroup *connection_signals;
} BjbConnectionWatchPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BjbConnectionWatch, bjb_connection_watch, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BjbConnectionWatch *self)
{
  BJB_CONNECTION_WATCH_GET_CLASS (self)->update (self);
}

static void
bjb_connection_watch_dispose (GObject *object)
{
  BjbConnectionWatch *self = BJB_CONNECTION_WATCH (object);
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  if (priv->connection_signals != NULL)
    g_signal_group_set_target (priv->connection_signals, NULL);
  g_clear_object (&priv->connection_signals);
  g_clear_object (&priv->session);

  G_OBJECT_CLASS (bjb_connection_watch_parent_class)->dispose (object);
}

static void
bjb_connection_watch_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BjbConnectionWatch *self = BJB_CONNECTION_WATCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, bjb_connection_watch_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_connection_watch_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BjbConnectionWatch *self = BJB_CONNECTION_WATCH (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      bjb_connection_watch_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_connection_watch_class_init (BjbConnectionWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_connection_watch_dispose;
  object_class->get_property = bjb_connection_watch_get_property;
  object_class->set_property = bjb_connection_watch_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_connection_watch_init (BjbConnectionWatch *self)
{
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  priv->connection_signals = g_signal_group_new (BJB_TYPE_CONNECTION);
}

/**
 * bjb_connection_watch_follow:
 * @detailed_signal: a signal of the session's #BjbConnection, e.g. "notify::state"
 *
 * Calls the update vfunc whenever the connection emits @detailed_signal; for a subclass's
 * instance init.
 */
void
bjb_connection_watch_follow (BjbConnectionWatch *self,
                             const char         *detailed_signal)
{
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  g_return_if_fail (BJB_IS_CONNECTION_WATCH (self));

  g_signal_group_connect_swapped (priv->connection_signals, detailed_signal,
                                  G_CALLBACK (update), self);
}

/**
 * bjb_connection_watch_get_session:
 *
 * Returns: (transfer none) (nullable): the session whose connection is shown
 */
BjbSession *
bjb_connection_watch_get_session (BjbConnectionWatch *self)
{
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_CONNECTION_WATCH (self), NULL);
  return priv->session;
}

/**
 * bjb_connection_watch_get_connection:
 *
 * Returns: (transfer none) (nullable): the session's connection, %NULL without a session
 */
BjbConnection *
bjb_connection_watch_get_connection (BjbConnectionWatch *self)
{
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_CONNECTION_WATCH (self), NULL);
  return priv->session ? bjb_session_get_connection (priv->session) : NULL;
}

void
bjb_connection_watch_set_session (BjbConnectionWatch *self,
                                  BjbSession         *session)
{
  BjbConnectionWatchPrivate *priv = bjb_connection_watch_get_instance_private (self);

  g_return_if_fail (BJB_IS_CONNECTION_WATCH (self));
  g_return_if_fail (!session || BJB_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  g_signal_group_set_target (priv->connection_signals, bjb_connection_watch_get_connection (self));
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
