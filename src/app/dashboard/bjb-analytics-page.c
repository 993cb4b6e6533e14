/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-analytics-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-analytics-page.h"
#include "bjb-date-entry.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-page.h"

/* Events arrive in bursts (a checkout is one event per order, a stock change per product):
 * one reload after the burst. */
#define REFRESH_DELAY_MS 300

typedef struct
{
  /* Template widgets (of the subclass's template) */
  BjbPeriodBar  *period_bar;
  GtkLabel      *status_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;       /* cancelled in dispose */
  GCancellable  *load_cancellable;  /* the load in flight */
  guint          refresh_id;
  guint          n_loads;
} BjbAnalyticsPagePrivate;

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (BjbAnalyticsPage, bjb_analytics_page, ADW_TYPE_BIN,
                                  G_ADD_PRIVATE (BjbAnalyticsPage)
                                  G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static void
on_period_changed (BjbAnalyticsPage *self)
{
  bjb_analytics_page_load (self);
}

/* BjbPage */

static void
bjb_analytics_page_set_session (BjbPage    *page,
                                BjbSession *session)
{
  bjb_analytics_page_set_connection (BJB_ANALYTICS_PAGE (page),
                                     session != NULL ? bjb_session_get_connection (session) : NULL);
}

static void
bjb_analytics_page_page_refresh (BjbPage *page)
{
  bjb_analytics_page_load (BJB_ANALYTICS_PAGE (page));
}

static void
bjb_analytics_page_event_received (BjbPage  *page,
                                   BjbEvent *event)
{
  BjbAnalyticsPage *self = BJB_ANALYTICS_PAGE (page);
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  if (BJB_ANALYTICS_PAGE_GET_CLASS (self)->wants_event (self, event))
    bjb_page_refresh_soon (page, &priv->refresh_id, REFRESH_DELAY_MS);
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_analytics_page_set_session;
  iface->refresh = bjb_analytics_page_page_refresh;
  iface->event_received = bjb_analytics_page_event_received;
}

/* GObject */

static void
bjb_analytics_page_dispose (GObject *object)
{
  BjbAnalyticsPage *self = BJB_ANALYTICS_PAGE (object);
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  g_cancellable_cancel (priv->cancellable);
  /* Every analytics page is the template of its own final type. */
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));
  g_clear_object (&priv->connection);
  g_clear_object (&priv->load_cancellable);
  g_clear_object (&priv->cancellable);

  G_OBJECT_CLASS (bjb_analytics_page_parent_class)->dispose (object);
}

static void
bjb_analytics_page_class_init (BjbAnalyticsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_analytics_page_dispose;

  g_type_ensure (BJB_TYPE_PERIOD_BAR);
}

static void
bjb_analytics_page_init (BjbAnalyticsPage *self)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  priv->cancellable = g_cancellable_new ();
}

void
bjb_analytics_page_class_bind_template (GtkWidgetClass *widget_class,
                                        const char     *resource)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), BJB_TYPE_ANALYTICS_PAGE));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  gtk_widget_class_bind_template_child_full (widget_class, "period_bar", FALSE,
                                             G_PRIVATE_OFFSET (BjbAnalyticsPage, period_bar));
  gtk_widget_class_bind_template_child_full (widget_class, "status_label", FALSE,
                                             G_PRIVATE_OFFSET (BjbAnalyticsPage, status_label));
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed);
}

void
bjb_analytics_page_set_connection (BjbAnalyticsPage *self,
                                   BjbConnection    *connection)
{
  BjbAnalyticsPagePrivate *priv;

  g_return_if_fail (BJB_IS_ANALYTICS_PAGE (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));

  priv = bjb_analytics_page_get_instance_private (self);
  if (!g_set_object (&priv->connection, connection))
    return;
  /* What the old connection was fetching is of no use now. */
  g_cancellable_cancel (priv->load_cancellable);
  if (BJB_ANALYTICS_PAGE_GET_CLASS (self)->connection_changed != NULL)
    BJB_ANALYTICS_PAGE_GET_CLASS (self)->connection_changed (self, connection);
  bjb_analytics_page_load (self);
}

/* A refusal (a day typed wrong, a load that failed) reads as an error beside the period, not
 * in the grey of "Updated at 06:59", where an owner took the old figures for the new range. */
static void
show_status (BjbAnalyticsPagePrivate *priv,
             const char              *text,
             gboolean                 refused)
{
  GtkWidget *label = GTK_WIDGET (priv->status_label);

  gtk_label_set_text (priv->status_label, text);
  if (refused)
    {
      gtk_widget_remove_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "error");
    }
  else
    {
      gtk_widget_remove_css_class (label, "error");
      gtk_widget_add_css_class (label, "dim-label");
    }
}

void
bjb_analytics_page_load (BjbAnalyticsPage *self)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);
  GCancellable *cancellable;
  GDate from, to;

  g_return_if_fail (BJB_IS_ANALYTICS_PAGE (self));

  g_clear_handle_id (&priv->refresh_id, g_source_remove);
  if (priv->connection == NULL)
    return;
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  if (!BJB_ANALYTICS_PAGE_GET_CLASS (self)->wanted_range (self, &from, &to))
    {
      show_status (priv, bjb_date_entry_hint (), TRUE);
      return;
    }
  cancellable = bjb_ops_restart_cancellable (&priv->load_cancellable, priv->cancellable);
  BJB_ANALYTICS_PAGE_GET_CLASS (self)->load (self, priv->connection, &from, &to, cancellable);
}

gboolean
bjb_analytics_page_take_answer (BjbAnalyticsPage *self,
                                const GError     *error)
{
  BjbAnalyticsPagePrivate *priv;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BJB_IS_ANALYTICS_PAGE (self), FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  priv = bjb_analytics_page_get_instance_private (self);
  priv->n_loads++;
  if (error == NULL)
    return TRUE;
  g_debug ("%s: %s", G_OBJECT_TYPE_NAME (self), error->message);
  /* What was shown stays: a failed refresh does not empty the page; the sentence says why
   * it did not change. */
  text = bjb_error_sentence (error);
  show_status (priv, text, TRUE);
  return FALSE;
}

BjbPeriodBar *
bjb_analytics_page_get_period_bar (BjbAnalyticsPage *self)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_ANALYTICS_PAGE (self), NULL);

  return priv->period_bar;
}

void
bjb_analytics_page_set_status (BjbAnalyticsPage *self,
                               const char       *text)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  g_return_if_fail (BJB_IS_ANALYTICS_PAGE (self));

  show_status (priv, text, FALSE);
}

guint
bjb_analytics_page_get_n_loads (BjbAnalyticsPage *self)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_ANALYTICS_PAGE (self), 0);

  return priv->n_loads;
}

const char *
bjb_analytics_page_get_status_text (BjbAnalyticsPage *self)
{
  BjbAnalyticsPagePrivate *priv = bjb_analytics_page_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_ANALYTICS_PAGE (self), NULL);

  return gtk_label_get_text (priv->status_label);
}
