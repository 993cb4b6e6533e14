/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier-window"

#include "config.h"

#include "bjb-courier-page.h"
#include "bjb-courier-window.h"
#include "bjb-delivered-page.h"

/* The courier's window: "My deliveries" and "Delivered", in its template; everything around
 * them (the session, the events, the offline banner) is BjbRoleWindow's. */
struct _BjbCourierWindow
{
  BjbRoleWindow parent_instance;

  /* Template widgets */
  GtkWidget *deliveries_page;
  GtkWidget *delivered_page;
};

G_DEFINE_FINAL_TYPE (BjbCourierWindow, bjb_courier_window, BJB_TYPE_ROLE_WINDOW)

static void
bjb_courier_window_class_init (BjbCourierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BJB_TYPE_COURIER_PAGE);
  g_type_ensure (BJB_TYPE_DELIVERED_PAGE);
  bjb_role_window_class_set_template (BJB_ROLE_WINDOW_CLASS (klass),
                                      "/id/barokahjaya/BackOffice/ui/bjb-courier-window.ui",
                                      "courier-window");
  gtk_widget_class_bind_template_child (widget_class, BjbCourierWindow, deliveries_page);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierWindow, delivered_page);
}

static void
bjb_courier_window_init (BjbCourierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
