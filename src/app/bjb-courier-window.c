/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier-window"

#include "config.h"

#include "bjb-courier-window.h"

/* The courier's window: the deliveries assigned to them, in its template; everything around
 * them is BjbRoleWindow's. */
struct _BjbCourierWindow
{
  BjbRoleWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbCourierWindow, bjb_courier_window, BJB_TYPE_ROLE_WINDOW)

static void
bjb_courier_window_class_init (BjbCourierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  bjb_role_window_class_set_geometry_child (BJB_ROLE_WINDOW_CLASS (klass), "courier-window");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-courier-window.ui");
}

static void
bjb_courier_window_init (BjbCourierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
