/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-notification-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-notification-button.h"
#include "bjb-object-prop.h"

/* The bell in the header bar: unread count on the button, the notification centre in
 * its popover. */
struct _BjbNotificationButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkLabel *badge_label;
  GtkStack *stack;
  GtkListView *list_view;
  GtkNoSelection *selection;

  /* Owned */
  BjbSession *session;
  GSignalGroup *session_signals;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (BjbNotificationButton, bjb_notification_button, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (BjbNotificationButton *self)
{
  guint unread = self->session ? bjb_session_get_unread_count (self->session) : 0;
  guint n_items = 0;
  g_autofree char *tooltip = NULL;
  g_autofree char *badge = NULL;

  if (self->session != NULL)
    n_items = g_list_model_get_n_items (bjb_session_get_notifications (self->session));

  badge = unread > 99 ? g_strdup ("99+") : g_strdup_printf ("%u", unread);
  gtk_label_set_text (self->badge_label, badge);
  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), unread > 0);

  if (unread > 0)
    tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unread notification",
                                            "%u unread notifications", unread),
                               unread);
  else
    tooltip = g_strdup (_("Notifications"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);

  gtk_stack_set_visible_child_name (self->stack, n_items > 0 ? "list" : "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "notifications.mark-all-read", unread > 0);
}

static void
mark_all_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!bjb_session_mark_all_read_finish (BJB_SESSION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not mark notifications read: %s", error->message);
}

static void
mark_all_read_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BjbNotificationButton *self = BJB_NOTIFICATION_BUTTON (widget);

  if (self->session == NULL)
    return;

  bjb_session_mark_all_read_async (self->session, self->cancellable, mark_all_read_cb, NULL);
}

static void
on_list_activate (BjbNotificationButton *self,
                  guint                  position,
                  GtkListView           *list_view)
{
  g_autoptr(BjbNotification) notification = NULL;

  if (self->session == NULL)
    return;

  notification = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  if (notification == NULL)
    return;

  bjb_session_mark_read (self->session, notification);
  gtk_menu_button_popdown (self->menu_button);

  if (bjb_notification_get_order_id (notification) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "app.open-order", "x",
                                bjb_notification_get_order_id (notification));
}

static void
bjb_notification_button_dispose (GObject *object)
{
  BjbNotificationButton *self = (BjbNotificationButton *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_NOTIFICATION_BUTTON);
  g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (bjb_notification_button_parent_class)->dispose (object);
}

static void
bjb_notification_button_class_init (BjbNotificationButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_notification_button_dispose;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bjb_object_prop_install (object_class, properties[PROP_SESSION],
                           G_STRUCT_OFFSET (BjbNotificationButton, session),
                           (BjbObjectPropSetter) bjb_notification_button_set_session);

  g_type_ensure (BJB_TYPE_NOTIFICATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-notification-button.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbNotificationButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BjbNotificationButton, badge_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNotificationButton, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbNotificationButton, list_view);
  gtk_widget_class_bind_template_child (widget_class, BjbNotificationButton, selection);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "notifications.mark-all-read", NULL,
                                   mark_all_read_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "notificationbutton");
}

static void
bjb_notification_button_init (BjbNotificationButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->session_signals = g_signal_group_new (BJB_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::unread-count",
                                  G_CALLBACK (update), self);
  g_signal_connect_swapped (self->selection, "items-changed", G_CALLBACK (update), self);
  update (self);
}

/**
 * bjb_notification_button_get_session:
 *
 * Returns: (transfer none) (nullable): the session whose notifications are shown
 */
BjbSession *
bjb_notification_button_get_session (BjbNotificationButton *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION_BUTTON (self), NULL);
  return self->session;
}

void
bjb_notification_button_set_session (BjbNotificationButton *self,
                                     BjbSession            *session)
{
  GListModel *model = NULL;

  g_return_if_fail (BJB_IS_NOTIFICATION_BUTTON (self));
  g_return_if_fail (!session || BJB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  if (session != NULL)
    model = bjb_session_get_notifications (session);

  gtk_no_selection_set_model (self->selection, model);
  g_signal_group_set_target (self->session_signals, session);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
