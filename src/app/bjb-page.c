/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-page"

#include "config.h"

#include "bjb-page.h"

G_DEFINE_INTERFACE (BjbPage, bjb_page, GTK_TYPE_WIDGET)

static void
bjb_page_default_init (BjbPageInterface *iface)
{
}

/**
 * bjb_page_set_session:
 * @session: (nullable) (transfer none): the session, or %NULL to forget it
 */
void
bjb_page_set_session (BjbPage    *self,
                      BjbSession *session)
{
  BjbPageInterface *iface;

  g_return_if_fail (BJB_IS_PAGE (self));
  g_return_if_fail (session == NULL || BJB_IS_SESSION (session));

  iface = BJB_PAGE_GET_IFACE (self);
  g_return_if_fail (iface->set_session != NULL);
  iface->set_session (self, session);
}

void
bjb_page_refresh (BjbPage *self)
{
  BjbPageInterface *iface;

  g_return_if_fail (BJB_IS_PAGE (self));

  iface = BJB_PAGE_GET_IFACE (self);
  if (iface->refresh != NULL)
    iface->refresh (self);
}

/**
 * bjb_page_event_received:
 * @event: (transfer none): the event; a page keeps a reference if it needs it later
 */
void
bjb_page_event_received (BjbPage  *self,
                         BjbEvent *event)
{
  BjbPageInterface *iface;

  g_return_if_fail (BJB_IS_PAGE (self));
  g_return_if_fail (BJB_IS_EVENT (event));

  iface = BJB_PAGE_GET_IFACE (self);
  if (iface->event_received != NULL)
    iface->event_received (self, event);
}

void
bjb_page_set_session_connection (BjbPage    *self,
                                 BjbSession *session)
{
  g_return_if_fail (BJB_IS_PAGE (self));

  g_object_set (self, "connection", session != NULL ? bjb_session_get_connection (session) : NULL,
                NULL);
}

void
bjb_page_refresh_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  bjb_page_refresh (BJB_PAGE (widget));
}

typedef struct
{
  BjbPage *page;   /* alive while the timeout is: the page removes it in dispose */
  guint   *source;
} RefreshSoon;

static gboolean
refresh_soon_cb (gpointer user_data)
{
  RefreshSoon *soon = user_data;

  *soon->source = 0;
  bjb_page_refresh (soon->page);
  return G_SOURCE_REMOVE;
}

void
bjb_page_refresh_soon (BjbPage *self,
                       guint   *source,
                       guint    delay_ms)
{
  RefreshSoon *soon;

  g_return_if_fail (BJB_IS_PAGE (self));
  g_return_if_fail (source != NULL);

  if (*source != 0)
    return;
  soon = g_new (RefreshSoon, 1);
  soon->page = self;
  soon->source = source;
  *source = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, refresh_soon_cb, soon, g_free);
}
