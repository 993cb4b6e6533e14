/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-event.h"
#include "bjb-session.h"

G_BEGIN_DECLS

#define BJB_TYPE_PAGE (bjb_page_get_type ())

G_DECLARE_INTERFACE (BjbPage, bjb_page, BJB, PAGE, GtkWidget)

/**
 * BjbPageInterface:
 * @set_session: the signed-in session (%NULL on sign-out and when the window is disposed).
 *   A page takes its connection and listener from it; it must drop every reference to the
 *   old session and cancel what it started with it. Required.
 * @refresh: reload what the page shows from the server (optional)
 * @event_received: one bjb.event row the session's listener delivered, forwarded by the
 *   window to every page (optional); the page decides whether it concerns it
 *
 * The contract between a #BjbRoleWindow and the pages it shows: the window knows nothing of
 * a page but this, so a new page is a widget implementing three functions.
 */
struct _BjbPageInterface
{
  GTypeInterface parent_iface;

  void (*set_session)    (BjbPage    *self,
                          BjbSession *session);
  void (*refresh)        (BjbPage    *self);
  void (*event_received) (BjbPage    *self,
                          BjbEvent   *event);
};

void bjb_page_set_session    (BjbPage    *self,
                              BjbSession *session);
void bjb_page_refresh        (BjbPage    *self);
void bjb_page_event_received (BjbPage    *self,
                              BjbEvent   *event);

/* A set_session for a page that takes only the session's connection: sets the page's
 * "connection" property (to %NULL with no session). */
void bjb_page_set_session_connection (BjbPage    *self,
                                      BjbSession *session);

/* The "<page>.refresh" action of every page (the refresh button, F5): bjb_page_refresh().
 * Install it with gtk_widget_class_install_action (widget_class, "x.refresh", NULL,
 * bjb_page_refresh_action). */
void bjb_page_refresh_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter);

/* Refreshes @self once, @delay_ms after the first call of a burst: the events of one
 * transaction arrive together, and one reload serves them all. *@source holds the pending
 * timeout (0 when none); the page clears it with g_clear_handle_id() in its dispose and
 * when it reloads for another reason. */
void bjb_page_refresh_soon (BjbPage    *self,
                            guint      *source,
                            guint       delay_ms);

G_END_DECLS
