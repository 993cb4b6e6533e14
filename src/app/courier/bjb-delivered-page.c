/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivered-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-courier.h"
#include "bjb-delivered-page.h"
#include "bjb-delivery-ops.h"
#include "bjb-delivery.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-page.h"

struct _BjbDeliveredPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel       *day_label;
  GtkLabel       *status_label;
  GtkMenuButton  *day_button;
  GtkCalendar    *calendar;
  GListStore     *delivered;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;
  GDate          day;          /* a business day, Asia/Jakarta */
  gboolean       loading;
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbDeliveredPage, bjb_delivered_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

/* "Today" is the business's, not the tablet's: Jakarta. */
static void
set_today (GDate *day)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (jakarta != NULL ? jakarta : g_time_zone_new_local ());

  g_date_clear (day, 1);
  g_date_set_dmy (day, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

static void
on_delivered (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  BjbDeliveredPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = bjb_delivery_ops_delivered_on_finish (result, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      text = bjb_error_sentence (error);
      gtk_label_set_text (self->status_label, text);
      return;
    }
  for (guint i = 0; i < json_array_get_length (rows); i++)
    g_ptr_array_add (items, bjb_delivery_new_from_json (json_array_get_object_element (rows, i)));
  g_list_store_splice (self->delivered, 0, g_list_model_get_n_items (G_LIST_MODEL (self->delivered)),
                       items->pdata, items->len);
  text = items->len == 0 ? g_strdup (_("Nothing delivered on this day."))
                         : g_strdup_printf (ngettext ("%u delivery", "%u deliveries", items->len),
                                            items->len);
  gtk_label_set_text (self->status_label, text);
}

static void
refresh (BjbDeliveredPage *self)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&self->day),
                                                    g_date_get_month (&self->day),
                                                    g_date_get_day (&self->day), 12, 0, 0);
  /* "Rabu, 2 Desember 2026": the weekday, then the day without a leading zero, as a date is
   * written in a sentence. */
  g_autofree char *day_text = g_date_time_format (day, "%A, %-d %B %Y");
  g_autofree char *heading = NULL;

  /* Translators: "Delivered on Tuesday, 1 December 2026" */
  heading = g_strdup_printf (_("Delivered on %s"), day_text);
  gtk_label_set_text (self->day_label, heading);
  if (self->connection == NULL)
    return;
  if (bjb_connection_get_state (self->connection) != BJB_CONNECTION_STATE_CONNECTED)
    {
      gtk_label_set_text (self->status_label,
                          _("Not connected: what was delivered shows when the connection returns."));
      return;
    }
  /* A read still on its way is for another day or an older list. */
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  self->loading = TRUE;
  gtk_label_set_text (self->status_label, _("Loading…"));
  bjb_delivery_ops_delivered_on_async (self->connection, &self->day, self->cancellable,
                                       on_delivered, self);
}

static void
on_day_selected (BjbDeliveredPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);

  bjb_delivered_page_set_day (self, picked);
  gtk_menu_button_popdown (self->day_button);
}

static void
action_today (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbDeliveredPage *self = BJB_DELIVERED_PAGE (widget);

  set_today (&self->day);
  refresh (self);
}

/* BjbPage */

static void
bjb_delivered_page_set_session (BjbPage    *page,
                                BjbSession *session)
{
  BjbDeliveredPage *self = BJB_DELIVERED_PAGE (page);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);
  if (session != NULL)
    self->connection = g_object_ref (bjb_session_get_connection (session));
  g_list_store_remove_all (self->delivered);
  if (self->connection != NULL)
    {
      g_signal_connect_object (self->connection, "connected", G_CALLBACK (refresh), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      set_today (&self->day);
      refresh (self);
    }
}

static void
bjb_delivered_page_page_refresh (BjbPage *page)
{
  refresh (BJB_DELIVERED_PAGE (page));
}

static void
bjb_delivered_page_event_received (BjbPage  *page,
                                   BjbEvent *event)
{
  if (g_strcmp0 (bjb_event_get_kind (event), "order_completed") == 0)
    refresh (BJB_DELIVERED_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_delivered_page_set_session;
  iface->refresh = bjb_delivered_page_page_refresh;
  iface->event_received = bjb_delivered_page_event_received;
}

/* Shown again after a delivery was completed on the other page: read it again. */
static void
bjb_delivered_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bjb_delivered_page_parent_class)->map (widget);
  refresh (BJB_DELIVERED_PAGE (widget));
}

static void
bjb_delivered_page_dispose (GObject *object)
{
  BjbDeliveredPage *self = BJB_DELIVERED_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_DELIVERED_PAGE);

  G_OBJECT_CLASS (bjb_delivered_page_parent_class)->dispose (object);
}

static void
bjb_delivered_page_class_init (BjbDeliveredPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_delivered_page_dispose;
  widget_class->map = bjb_delivered_page_map;

  g_type_ensure (BJB_TYPE_DELIVERY);
  bjb_courier_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/courier/bjb-delivered-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveredPage, day_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveredPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveredPage, day_button);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveredPage, calendar);
  gtk_widget_class_bind_template_child (widget_class, BjbDeliveredPage, delivered);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);

  gtk_widget_class_install_action (widget_class, "delivered.today", NULL, action_today);
}

static void
bjb_delivered_page_init (BjbDeliveredPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_today (&self->day);
  refresh (self);
}

GListModel *
bjb_delivered_page_get_model (BjbDeliveredPage *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERED_PAGE (self), NULL);
  return G_LIST_MODEL (self->delivered);
}

gboolean
bjb_delivered_page_get_loading (BjbDeliveredPage *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERED_PAGE (self), FALSE);
  return self->loading;
}

void
bjb_delivered_page_set_day (BjbDeliveredPage *self,
                            GDateTime        *day)
{
  g_return_if_fail (BJB_IS_DELIVERED_PAGE (self));
  g_return_if_fail (day != NULL);

  g_date_clear (&self->day, 1);
  g_date_set_dmy (&self->day, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  refresh (self);
}
