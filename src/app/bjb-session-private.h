/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-session.h"

G_BEGIN_DECLS

/* Everything that lives as long as one staff member is signed in: the query connection,
 * the listening connection, and the notification centre's list. Windows borrow it. */
struct _BjbSession
{
  GObject parent_instance;

  /* Owned */
  BjbServerProfile *profile;
  BjbConnection *connection;
  BjbListener *listener;
  BjbConnection *listen_connection;
  GSettings *settings;
  GListStore *notifications;
  GHashTable *known_ids;
  GHashTable *desktop_notifications;
  GCancellable *cancellable;
  char *login;
  char *seen_key;

  guint unread_count;
  int last_desktop_notification_id;
  guint listener_retry_source;    /* a failed first start of the listener, tried again */
  guint listener_retry_msec;
  gboolean listening;             /* a field property: no bitfield */
  guint first_run : 1;            /* no cursor was stored for this login on this machine */
  guint closed : 1;
};

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_PROFILE,
  PROP_SETTINGS,
  PROP_LOGIN,
  PROP_DISPLAY_NAME,
  PROP_ROLE,
  PROP_ROLE_LABEL,
  PROP_NOTIFICATIONS,
  PROP_UNREAD_COUNT,
  PROP_LISTENING,
  PROP_LISTENER,
  PROP_LAST_DESKTOP_NOTIFICATION_ID,
  N_PROPS
};

void     _bjb_session_notify                    (BjbSession      *self,
                                                 guint            prop_id);
gboolean _bjb_session_add_notification          (BjbSession      *self,
                                                 BjbNotification *notification);
void     _bjb_session_show_desktop_notification (BjbSession      *self,
                                                 BjbNotification *notification);

G_END_DECLS
