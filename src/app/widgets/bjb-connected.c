/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-connected"

#include "config.h"

#include "bjb-connected.h"
#include "bjb-object-prop.h"
#include "bjb-ops-query.h"
#include "bjb-widgets.h"

static GParamSpec *
connection_pspec (gpointer self)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (self), "connection");
}

static BjbConnection **
field_of (gpointer    self,
          GParamSpec *pspec)
{
  return (BjbConnection **) bjb_object_prop_field (self, pspec);
}

void
bjb_connected_class_install (GObjectClass       *klass,
                             gsize               offset,
                             BjbConnectedSetter  setter)
{
  bjb_object_prop_install (klass, bjb_widgets_connection_property (), offset,
                           (BjbObjectPropSetter) setter);
}

gboolean
bjb_connected_store (gpointer        self,
                     BjbConnection  *connection,
                     GCancellable  **cancellable)
{
  GParamSpec *pspec = connection_pspec (self);

  g_return_val_if_fail (pspec != NULL, FALSE);
  g_return_val_if_fail (connection == NULL || BJB_IS_CONNECTION (connection), FALSE);

  if (!g_set_object (field_of (self, pspec), connection))
    return FALSE;
  /* What was asked of the old connection is worthless now. */
  if (cancellable != NULL)
    bjb_ops_restart_cancellable (cancellable, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  return TRUE;
}

void
bjb_connected_dispose (gpointer       self,
                       GType          type,
                       GCancellable **cancellable)
{
  GParamSpec *pspec = connection_pspec (self);

  g_return_if_fail (pspec != NULL);

  if (cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), type);
  g_clear_object (field_of (self, pspec));
  if (cancellable != NULL)
    g_clear_object (cancellable);
}
