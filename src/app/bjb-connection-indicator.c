/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connection-indicator"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connection-indicator.h"

/* A small icon in the header bar: is the server answering right now? */
struct _BjbConnectionIndicator
{
  BjbConnectionWatch parent_instance;

  /* Template widgets */
  GtkImage *image;
};

G_DEFINE_FINAL_TYPE (BjbConnectionIndicator, bjb_connection_indicator, BJB_TYPE_CONNECTION_WATCH)

static void
bjb_connection_indicator_update (BjbConnectionWatch *watch)
{
  BjbConnectionIndicator *self = BJB_CONNECTION_INDICATOR (watch);
  BjbConnection *connection = bjb_connection_watch_get_connection (watch);
  BjbConnectionState state = BJB_CONNECTION_STATE_DISCONNECTED;
  g_autofree char *tooltip = NULL;
  const char *icon_name;
  const char *profile = "";

  if (connection != NULL)
    {
      BjbSession *session = bjb_connection_watch_get_session (watch);

      state = bjb_connection_get_state (connection);
      profile = bjb_server_profile_get_name (bjb_session_get_profile (session));
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
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_CONNECTION_INDICATOR);

  G_OBJECT_CLASS (bjb_connection_indicator_parent_class)->dispose (object);
}

static void
bjb_connection_indicator_class_init (BjbConnectionIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_connection_indicator_dispose;
  BJB_CONNECTION_WATCH_CLASS (klass)->update = bjb_connection_indicator_update;

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

  bjb_connection_watch_follow (BJB_CONNECTION_WATCH (self), "notify::state");
  bjb_connection_indicator_update (BJB_CONNECTION_WATCH (self));
}
