/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-session"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bjb-notification-ops.h"
#include "bjb-session-private.h"

/* The session's notification centre: the list the bell shows (newest first, each event
 * once), its unread count, the read marks kept in the database, and the desktop
 * notifications with their "Open" action. bjb-session.c feeds it events. */

static void
update_unread_count (BjbSession *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->notifications));
  guint unread = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BjbNotification) item = g_list_model_get_item (G_LIST_MODEL (self->notifications), i);

      if (!bjb_notification_get_read (item))
        unread++;
    }

  if (unread != self->unread_count)
    {
      self->unread_count = unread;
      _bjb_session_notify (self, PROP_UNREAD_COUNT);
    }
}

static void
on_notification_read_changed (BjbSession *self)
{
  update_unread_count (self);
}

static int
compare_notifications (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  gint64 id_a = bjb_notification_get_id ((BjbNotification *)a);
  gint64 id_b = bjb_notification_get_id ((BjbNotification *)b);

  /* Newest first. */
  return id_a < id_b ? 1 : id_a > id_b ? -1 : 0;
}

/* Returns TRUE when the notification was new to the list. */
gboolean
_bjb_session_add_notification (BjbSession      *self,
                               BjbNotification *notification)
{
  gint64 id = bjb_notification_get_id (notification);

  if (g_hash_table_contains (self->known_ids, &id))
    return FALSE;

  g_hash_table_add (self->known_ids, g_memdup2 (&id, sizeof id));
  g_signal_connect_object (notification, "notify::read",
                           G_CALLBACK (on_notification_read_changed), self,
                           G_CONNECT_SWAPPED);
  g_list_store_insert_sorted (self->notifications, notification, compare_notifications, NULL);
  update_unread_count (self);

  return TRUE;
}

static void
on_open_action (NotifyNotification *desktop,
                char               *action,
                gpointer            user_data)
{
  GApplication *app = g_application_get_default ();
  gint64 order_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (desktop), "bjb-order-id"));

  if (app == NULL)
    return;

  if (order_id > 0)
    g_action_group_activate_action (G_ACTION_GROUP (app), "open-order",
                                    g_variant_new_int64 (order_id));
  else
    g_application_activate (app);
}

static void
on_desktop_notification_closed (BjbSession         *self,
                                NotifyNotification *desktop)
{
  g_hash_table_remove (self->desktop_notifications, desktop);
}

void
_bjb_session_show_desktop_notification (BjbSession      *self,
                                        BjbNotification *notification)
{
  g_autoptr(GError) error = NULL;
  NotifyNotification *desktop;
  int id = 0;

  if (!notify_is_initted ())
    return;

  desktop = notify_notification_new (bjb_notification_get_title (notification),
                                     bjb_notification_get_body (notification),
                                     APP_ID);
  notify_notification_set_hint_string (desktop, "desktop-entry", APP_ID);
  notify_notification_set_category (desktop, "x-barokah.order");
  g_object_set_data (G_OBJECT (desktop), "bjb-order-id",
                     GSIZE_TO_POINTER ((gsize)bjb_notification_get_order_id (notification)));

  /* "default" is a click on the notification itself, "open" its button. */
  notify_notification_add_action (desktop, "default", _("Open"), on_open_action, NULL, NULL);
  notify_notification_add_action (desktop, "open", _("Open"), on_open_action, NULL, NULL);

  g_signal_connect_object (desktop, "closed",
                           G_CALLBACK (on_desktop_notification_closed), self,
                           G_CONNECT_SWAPPED);
  /* Kept alive until closed so that its "Open" action can still reach us. */
  g_hash_table_add (self->desktop_notifications, desktop);

  if (!notify_notification_show (desktop, &error))
    {
      g_debug ("No desktop notification: %s", error->message);
      g_hash_table_remove (self->desktop_notifications, desktop);
      return;
    }

  g_object_get (desktop, "id", &id, NULL);
  self->last_desktop_notification_id = id;
  _bjb_session_notify (self, PROP_LAST_DESKTOP_NOTIFICATION_ID);
}

static void
mark_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!bjb_notification_ops_mark_read_finish (result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
mark_ids_read_async (BjbSession          *self,
                     GPtrArray           *items,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree gint64 *ids = g_new (gint64, MAX (items->len, 1));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, mark_ids_read_async);

  for (guint i = 0; i < items->len; i++)
    {
      BjbNotification *notification = g_ptr_array_index (items, i);

      ids[i] = bjb_notification_get_id (notification);
      /* Shown as read at once; the server write follows. */
      bjb_notification_set_read (notification, TRUE);
    }

  if (items->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  bjb_notification_ops_mark_read_async (self->connection, ids, items->len, cancellable,
                                        mark_read_cb, g_steal_pointer (&task));
}

static void
mark_one_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not mark notification read: %s", error->message);
}

void
bjb_session_mark_read (BjbSession      *self,
                       BjbNotification *notification)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  g_return_if_fail (BJB_IS_SESSION (self));
  g_return_if_fail (BJB_IS_NOTIFICATION (notification));

  if (bjb_notification_get_read (notification))
    return;

  g_ptr_array_add (items, notification);
  mark_ids_read_async (self, items, self->cancellable, mark_one_read_cb, NULL);
}

/**
 * bjb_session_mark_all_read_async:
 *
 * Marks every unread notification read, for this staff member, in bjb.notification_read.
 */
void
bjb_session_mark_all_read_async (BjbSession          *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items;

  g_return_if_fail (BJB_IS_SESSION (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->notifications));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BjbNotification) item = g_list_model_get_item (G_LIST_MODEL (self->notifications), i);

      if (!bjb_notification_get_read (item))
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  mark_ids_read_async (self, items, cancellable, callback, user_data);
}

gboolean
bjb_session_mark_all_read_finish (BjbSession    *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
