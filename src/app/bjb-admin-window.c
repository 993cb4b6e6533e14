/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-admin-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-window.h"
#include "bjb-connection-indicator.h"
#include "bjb-notification-button.h"
#include "bjb-offline-banner.h"

/* The administrator's window: products, stock, discounts, staff, dashboard, reports, audit. Its pages arrive with their own issues; until then each names what it will hold. */
struct _BjbAdminWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *name_label;
  GtkLabel *role_label;
  BjbOfflineBanner *offline_banner;
  BjbNotificationButton *notification_button;
  BjbConnectionIndicator *connection_indicator;

  /* Owned */
  BjbSession *session;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (BjbAdminWindow, bjb_admin_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_admin_window_constructed (GObject *object)
{
  BjbAdminWindow *self = (BjbAdminWindow *)object;

  G_OBJECT_CLASS (bjb_admin_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
}

static void
bjb_admin_window_dispose (GObject *object)
{
  BjbAdminWindow *self = (BjbAdminWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_ADMIN_WINDOW);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bjb_admin_window_parent_class)->dispose (object);
}

static void
bjb_admin_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbAdminWindow *self = BJB_ADMIN_WINDOW (object);

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
bjb_admin_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BjbAdminWindow *self = BJB_ADMIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* Not construct-only: the template's expressions watch it change. */
      if (g_set_object (&self->session, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_admin_window_class_init (BjbAdminWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bjb_admin_window_constructed;
  object_class->dispose = bjb_admin_window_dispose;
  object_class->get_property = bjb_admin_window_get_property;
  object_class->set_property = bjb_admin_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BJB_TYPE_CONNECTION_INDICATOR);
  g_type_ensure (BJB_TYPE_NOTIFICATION_BUTTON);
  g_type_ensure (BJB_TYPE_OFFLINE_BANNER);
  g_type_ensure (BJB_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-admin-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, role_label);
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, offline_banner);
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, notification_button);
  gtk_widget_class_bind_template_child (widget_class, BjbAdminWindow, connection_indicator);
}

static void
bjb_admin_window_init (BjbAdminWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bjb_admin_window_get_session:
 *
 * Returns: (transfer none) (nullable): the signed-in session shown
 */
BjbSession *
bjb_admin_window_get_session (BjbAdminWindow *self)
{
  g_return_val_if_fail (BJB_IS_ADMIN_WINDOW (self), NULL);
  return self->session;
}
