/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connection-indicator.h"

/* A small icon in the header bar: is the server answering right now? */
struct _BjbConnectionIndicator
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkImage *image;

  /* Owned */
  BjbSession *session;
  GSignalGroup *connection_signals;
};

G_DEFINE_FINAL_TYPE (BjbConnectionIndicator, bjb_connection_indicator, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BjbConnectionIndicator *self)
{
  BjbConnection *connection = self->session ? bjb_session_get_connection (self->session) : NULL;
  BjbConnectionState state = BJB_CONNECTION_STATE_DISCONNECTED;
  g_autofree char *tooltip = NULL;
  const char *icon_name;
  const char *profile = "";

  if (connection != NULL)
    {
      state = bjb_connection_get_state (connection);
      profile = bjb_server_profile_get_name (bjb_session_get_profile (self->session));
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self), "connected");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "reconnecting");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "disconnected");

  switch (state)
    {
    case BJB_CONNECTION_STATE_CONNECTED:
      icon_name = "network-transmit-receive-symbolic";
      /* Translators: %s is the server profile's name */
      tooltip = g_strdup_printf (_("Connected to %s"), profile);
      gtk_widget_add_css_class (GTK_WIDGET (self), "connected");
      break;

    case BJB_CONNECTION_STATE_CONNECTING:
    case BJB_CONNECTION_STATE_RECONNECTING:
      icon_name = "network-wired-acquiring-symbolic";
      tooltip = g_strdup (_("Connection lost — reconnecting…"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "reconnecting");
      break;

    case BJB_CONNECTION_STATE_DISCONNECTED:
    default:
      icon_name = "network-offline-symbolic";
      tooltip = g_strdup (_("Disconnected from the server"));
      gtk_widget_add_css_class (GTK_WIDGET (self), "disconnected");
      break;
    }

  gtk_image_set_from_icon_name (self->image, icon_name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
}

static void
bjb_connection_indicator_dispose (GObject *object)
{
  BjbConnectionIndicator *self = (BjbConnectionIndicator *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_CONNECTION_INDICATOR);
  g_signal_group_set_target (self->connection_signals, NULL);
  g_clear_object (&self->connection_signals);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (bjb_connection_indicator_parent_class)->dispose (object);
}

static void
bjb_connection_indicator_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  BjbConnectionIndicator *self = BJB_CONNECTION_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_connection_indicator_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  BjbConnectionIndicator *self = BJB_CONNECTION_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      bjb_connection_indicator_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_connection_indicator_class_init (BjbConnectionIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_connection_indicator_dispose;
  object_class->get_property = bjb_connection_indicator_get_property;
  object_class->set_property = bjb_connection_indicator_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-connection-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbConnectionIndicator, image);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "connectionindicator");
}

static void
bjb_connection_indicator_init (BjbConnectionIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->connection_signals = g_signal_group_new (BJB_TYPE_CONNECTION);
  g_signal_group_connect_swapped (self->connection_signals, "notify::state",
                                  G_CALLBACK (update), self);
  update (self);
}

/**
 * bjb_connection_indicator_get_session:
 *
 * Returns: (transfer none) (nullable): the session whose connection is shown
 */
BjbSession *
bjb_connection_indicator_get_session (BjbConnectionIndicator *self)
{
  g_return_val_if_fail (BJB_IS_CONNECTION_INDICATOR (self), NULL);
  return self->session;
}

void
bjb_connection_indicator_set_session (BjbConnectionIndicator *self,
                                      BjbSession             *session)
{
  g_return_if_fail (BJB_IS_CONNECTION_INDICATOR (self));
  g_return_if_fail (!session || BJB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  g_signal_group_set_target (self->connection_signals,
                             session ? bjb_session_get_connection (session) : NULL);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
