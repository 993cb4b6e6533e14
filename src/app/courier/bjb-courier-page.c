/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-courier-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-courier.h"
#include "bjb-courier-page.h"
#include "bjb-delivery-cache.h"
#include "bjb-delivery.h"
#include "bjb-delivery-ops.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-page.h"

struct _BjbCourierPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel           *count_label;
  GtkLabel           *offline_label;
  GtkWidget          *queue_box;
  GtkLabel           *queue_label;
  GtkWidget          *dismiss_button;
  GtkListBox         *queue_list;
  GtkStack           *list_stack;
  GtkSingleSelection *selection;
  GtkFilterListModel *filtered;
  GListStore         *deliveries;
  BjbDeliveryDetail  *detail;

  /* Owned */
  BjbSession       *session;
  BjbConnection    *connection;
  BjbDeliveryQueue *queue;
  char             *directory;      /* the courier's spool and cache */
  GCancellable     *cancellable;    /* the list read in flight */
  GHashTable       *titles;         /* order id → "number · customer", every order seen */
  GDateTime        *seen_at;        /* when the rows shown came from the server */
  guint             tick_id;
  gboolean          loading;
  gboolean          offline;
  gboolean          restoring;      /* selecting again after a refresh: stay on this pane */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCourierPage, bjb_courier_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

enum {
  PROP_0,
  PROP_COUNT,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (BjbCourierPage *self);

static gboolean
is_connected (BjbCourierPage *self)
{
  return self->connection != NULL &&
         bjb_connection_get_state (self->connection) == BJB_CONNECTION_STATE_CONNECTED;
}

/* Folded (under ~900 px) one pane shows at a time. */
static void
show_pane (BjbCourierPage *self,
           const char     *name)
{
  adw_leaflet_set_visible_child_name (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (self))), name);
}

/* A delivery whose completion is queued is done, as far as the courier is concerned. */
static gboolean
not_queued (gpointer item,
            gpointer user_data)
{
  BjbCourierPage *self = user_data;

  return self->queue == NULL ||
         !bjb_delivery_queue_has_order (self->queue, bjb_delivery_get_order_id (item));
}

static void
update_offline (BjbCourierPage *self)
{
  gboolean offline = self->connection != NULL && !is_connected (self);
  g_autofree char *text = NULL;

  if (offline && self->seen_at != NULL)
    {
      g_autofree char *at = bjb_delivery_format_moment (self->seen_at);

      text = g_strdup_printf (_("Not connected. These are your deliveries as last seen on %s. "
                                "A delivery you complete now is kept on this device and sent "
                                "when the connection returns."), at);
    }
  else if (offline)
    text = g_strdup (_("Not connected, and no deliveries were seen on this device yet."));
  gtk_label_set_text (self->offline_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->offline_label), offline);
  if (offline != self->offline)
    {
      self->offline = offline;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
    }
}

static void
on_count_changed (BjbCourierPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = g_strdup_printf (ngettext ("%u delivery to do", "%u deliveries to do", n), n);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

static void
update_queue (BjbCourierPage *self)
{
  GListModel *items = self->queue != NULL ? bjb_delivery_queue_get_items (self->queue) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;
  guint waiting = self->queue != NULL ? bjb_delivery_queue_get_n_waiting (self->queue) : 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (items, i);
      gint64 id = bjb_delivery_queue_item_get_order_id (item);

      bjb_delivery_queue_item_set_title (item, g_hash_table_lookup (self->titles, &id));
    }
  if (waiting > 0)
    text = g_strdup_printf (_("Waiting to send (%u)"), waiting);
  else
    text = g_strdup (_("Not accepted by the server"));
  gtk_label_set_text (self->queue_label, text);
  gtk_widget_set_visible (self->queue_box, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "courier.dismiss-refused", n > waiting);
  gtk_widget_set_visible (self->dismiss_button, n > waiting);
  /* What is queued leaves the list, what was refused comes back to it. */
  gtk_filter_changed (gtk_filter_list_model_get_filter (self->filtered), GTK_FILTER_CHANGE_DIFFERENT);
  bjb_delivery_detail_update_actions (self->detail);
}

/* The shown rows become @rows; the delivery being worked on stays open with what was typed. */
static void
show_rows (BjbCourierPage *self,
           JsonArray      *rows)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  BjbDelivery *shown = bjb_delivery_detail_get_delivery (self->detail);
  gint64 shown_id = shown != NULL ? bjb_delivery_get_order_id (shown) : 0;
  BjbDelivery *again = NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      BjbDelivery *d = bjb_delivery_new_from_json (json_array_get_object_element (rows, i));
      gint64 *id = g_new (gint64, 1);

      *id = bjb_delivery_get_order_id (d);
      g_hash_table_replace (self->titles, id,
                            g_strdup_printf ("%s · %s", bjb_delivery_get_number (d),
                                             bjb_delivery_get_customer_name (d)));
      if (*id == shown_id)
        again = d;
      g_ptr_array_add (items, d);
    }
  g_list_store_splice (self->deliveries, 0, g_list_model_get_n_items (G_LIST_MODEL (self->deliveries)),
                       items->pdata, items->len);
  if (again != NULL)
    {
      bjb_delivery_detail_set_delivery (self->detail, again);
      self->restoring = TRUE;
      bjb_courier_page_open (self, shown_id);
      self->restoring = FALSE;
    }
  else if (shown != NULL && bjb_delivery_detail_get_message (self->detail) == NULL &&
           (self->queue == NULL || !bjb_delivery_queue_has_order (self->queue, shown_id)))
    /* Gone (delivered, cancelled, given to someone else): nothing left to do on it. A
     * refusal being read stays until the courier moves on. */
    bjb_delivery_detail_set_delivery (self->detail, NULL);
  update_queue (self);
}

static void
load_cache (BjbCourierPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) saved_at = NULL;
  g_autoptr(JsonObject) titles = NULL;
  g_autoptr(JsonArray) rows = bjb_delivery_cache_load (self->directory, &titles, &saved_at, &error);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_message ("No delivery cache: %s", error->message);
      return;
    }
  g_clear_pointer (&self->seen_at, g_date_time_unref);
  self->seen_at = saved_at != NULL ? g_date_time_to_local (saved_at) : NULL;
  if (titles != NULL)
    {
      json_object_iter_init (&iter, titles);
      while (json_object_iter_next (&iter, &member, &node))
        {
          gint64 *id = g_new (gint64, 1);

          *id = g_ascii_strtoll (member, NULL, 10);
          g_hash_table_replace (self->titles, id, g_strdup (json_node_get_string (node)));
        }
    }
  show_rows (self, rows);
}

/* (transfer full): the titles of the orders whose completion is still in the queue, which
 * the next list will not have once the server knows them delivered or gone. */
static JsonObject *
queued_titles (BjbCourierPage *self)
{
  JsonObject *titles = json_object_new ();
  GListModel *items = self->queue != NULL ? bjb_delivery_queue_get_items (self->queue) : NULL;
  guint n = items != NULL ? g_list_model_get_n_items (items) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (items, i);
      gint64 id = bjb_delivery_queue_item_get_order_id (item);
      const char *title = g_hash_table_lookup (self->titles, &id);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (title != NULL)
        json_object_set_string_member (titles, key, title);
    }
  return titles;
}

static void
on_list (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  BjbCourierPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = bjb_delivery_ops_list_mine_finish (result, &error);
  g_autoptr(GError) cache_error = NULL;
  g_autoptr(JsonObject) titles = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  g_clear_object (&self->cancellable);
  if (rows == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      /* The rows shown stay (the cache's, or the last read's); the banner says why. */
      g_debug ("Deliveries not read: %s", error->message);
      update_offline (self);
      if (!self->offline)
        {
          gtk_label_set_text (self->offline_label, sentence);
          gtk_widget_set_visible (GTK_WIDGET (self->offline_label), TRUE);
        }
      return;
    }
  g_debug ("%u deliveries", json_array_get_length (rows));
  g_clear_pointer (&self->seen_at, g_date_time_unref);
  self->seen_at = g_date_time_new_now_local ();
  show_rows (self, rows);
  titles = queued_titles (self);
  if (!bjb_delivery_cache_save (self->directory, rows, titles, self->seen_at, &cache_error))
    g_warning ("Cannot keep the deliveries for offline use: %s", cache_error->message);
  update_offline (self);
}

static void
refresh (BjbCourierPage *self)
{
  update_offline (self);
  /* Offline the cache is what there is; a read would only wait for the reconnect. */
  if (!is_connected (self))
    return;
  /* A read still on its way is of an older list. */
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  self->loading = TRUE;
  bjb_delivery_ops_list_mine_async (self->connection, self->cancellable, on_list, self);
}

static void
on_state_changed (BjbCourierPage *self)
{
  if (is_connected (self))
    refresh (self);
  else
    update_offline (self);
  bjb_delivery_detail_update_actions (self->detail);
}

static void
on_listening (BjbCourierPage *self)
{
  if (self->session != NULL && bjb_session_get_listening (self->session))
    refresh (self);
}

static void
on_selection_changed (BjbCourierPage *self)
{
  BjbDelivery *delivery = gtk_single_selection_get_selected_item (self->selection);

  /* The list losing the row (queued, refreshed away) leaves the detail as it is. */
  if (delivery == NULL)
    return;
  bjb_delivery_detail_set_delivery (self->detail, delivery);
  if (!self->restoring)
    show_pane (self, "detail");
}

static void
on_row_activated (BjbCourierPage *self,
                  guint           position)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_pane (self, "detail");
}

static void
on_queued (BjbCourierPage *self,
           gint64          order_id)
{
  /* Offline the courier moves on; online the detail waits for the server's answer. */
  if (!is_connected (self))
    {
      bjb_delivery_detail_set_delivery (self->detail, NULL);
      show_pane (self, "list");
    }
}

static void
on_problem_reported (BjbCourierPage *self)
{
  refresh (self);
}

static void
on_sent (BjbCourierPage *self,
         gint64          order_id)
{
  bjb_delivery_detail_sent (self->detail, order_id);
  if (bjb_delivery_detail_get_delivery (self->detail) == NULL)
    show_pane (self, "list");
  refresh (self);
}

static void
on_refused (BjbCourierPage *self,
            gint64          order_id,
            const char     *sentence)
{
  bjb_delivery_detail_refused (self->detail, order_id, sentence);
  refresh (self);
}

static gboolean
tick (gpointer user_data)
{
  BjbCourierPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->deliveries));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDelivery) d = g_list_model_get_item (G_LIST_MODEL (self->deliveries), i);

      bjb_delivery_tick (d, now);
    }
  return G_SOURCE_CONTINUE;
}

static void
action_back (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (widget);

  show_pane (self, "list");
}

static void
action_dismiss_refused (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (widget);
  GListModel *items = bjb_delivery_queue_get_items (self->queue);

  for (guint i = g_list_model_get_n_items (items); i > 0; i--)
    {
      g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (items, i - 1);

      bjb_delivery_queue_dismiss (self->queue, bjb_delivery_queue_item_get_key (item));
    }
  update_queue (self);
}

/* BjbPage */

static void
drop_session (BjbCourierPage *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  if (self->queue != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->queue, self);
      g_signal_handlers_disconnect_by_data (bjb_delivery_queue_get_items (self->queue), self);
      bjb_delivery_queue_set_connection (self->queue, NULL);
    }
  g_clear_object (&self->queue);
  if (self->connection != NULL)
    g_signal_handlers_disconnect_by_data (self->connection, self);
  g_clear_object (&self->connection);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_pointer (&self->directory, g_free);
  g_clear_pointer (&self->seen_at, g_date_time_unref);
  g_hash_table_remove_all (self->titles);
  if (self->detail != NULL)
    {
      bjb_delivery_detail_set_delivery (self->detail, NULL);
      bjb_delivery_detail_set_queue (self->detail, NULL);
      bjb_delivery_detail_set_connection (self->detail, NULL);
    }
  if (self->queue_list != NULL)
    gtk_list_box_bind_model (self->queue_list, NULL, NULL, NULL, NULL);
  if (self->deliveries != NULL)
    g_list_store_remove_all (self->deliveries);
}

/* A queued completion's row, from its .ui; the labels follow the item. A list box rather
 * than a list view: a few rows whose wrapped sentences must show whole. */
static GtkWidget *
make_queue_row (gpointer item,
                gpointer user_data)
{
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/id/barokahjaya/BackOffice/courier/queue-row.ui");
  static const char *const bound[][2] = {
    { "title", "label" }, { "captured-text", "label" }, { "sentence", "label" },
    { "refused", "visible" },
  };
  static const char *const targets[] = { "title", "captured", "sentence", "sentence" };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    g_object_bind_property (item, bound[i][0], gtk_builder_get_object (builder, targets[i]),
                            bound[i][1], G_BINDING_SYNC_CREATE);
  return g_object_ref (GTK_WIDGET (gtk_builder_get_object (builder, "row")));
}

static void
open_queue (BjbCourierPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbDeliverySpool) spool = bjb_delivery_spool_new (self->directory, &error);

  if (spool != NULL)
    self->queue = bjb_delivery_queue_new (spool, &error);
  if (self->queue == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      /* Without the spool nothing can be completed safely: say so, keep the list. */
      g_warning ("The delivery queue cannot be opened: %s", error->message);
      gtk_label_set_text (self->offline_label, sentence);
      gtk_widget_set_visible (GTK_WIDGET (self->offline_label), TRUE);
      return;
    }
  g_signal_connect_object (self->queue, "sent", G_CALLBACK (on_sent), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "refused", G_CALLBACK (on_refused), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->queue, "notify::n-waiting", G_CALLBACK (update_queue), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (bjb_delivery_queue_get_items (self->queue), "items-changed",
                           G_CALLBACK (update_queue), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->queue_list, bjb_delivery_queue_get_items (self->queue),
                           make_queue_row, NULL, NULL);
  bjb_delivery_detail_set_queue (self->detail, self->queue);
}

static void
bjb_courier_page_set_session (BjbPage    *page,
                              BjbSession *session)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (page);

  drop_session (self);
  if (session != NULL)
    {
      self->session = g_object_ref (session);
      self->connection = g_object_ref (bjb_session_get_connection (session));
      /* An order shipped between this read and the listener's start has no event this
       * window hears: read again once the listener listens. */
      g_signal_connect_object (session, "notify::listening", G_CALLBACK (on_listening), self,
                               G_CONNECT_SWAPPED);
      self->directory = bjb_delivery_spool_default_directory (bjb_session_get_login (session));
      g_signal_connect_object (self->connection, "notify::state", G_CALLBACK (on_state_changed),
                               self, G_CONNECT_SWAPPED);
      bjb_delivery_detail_set_connection (self->detail, self->connection);
      open_queue (self);
      /* What was seen last, at once; the server's list replaces it when it comes. */
      load_cache (self);
      if (self->queue != NULL)
        bjb_delivery_queue_set_connection (self->queue, self->connection);
      refresh (self);
    }
  update_queue (self);
  on_count_changed (self);
}

static void
bjb_courier_page_page_refresh (BjbPage *page)
{
  refresh (BJB_COURIER_PAGE (page));
}

/* Shipped to me, cancelled, given to another courier, a note changed: re-read the list. */
static void
bjb_courier_page_event_received (BjbPage  *page,
                                 BjbEvent *event)
{
  if (bjb_event_get_order_id (event) > 0)
    refresh (BJB_COURIER_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_courier_page_set_session;
  iface->refresh = bjb_courier_page_page_refresh;
  iface->event_received = bjb_courier_page_event_received;
}

/* GObject */

static void
bjb_courier_page_dispose (GObject *object)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (object);

  drop_session (self);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_COURIER_PAGE);

  G_OBJECT_CLASS (bjb_courier_page_parent_class)->dispose (object);
}

static void
bjb_courier_page_finalize (GObject *object)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (object);

  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (bjb_courier_page_parent_class)->finalize (object);
}

static void
bjb_courier_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbCourierPage *self = BJB_COURIER_PAGE (object);

  switch (prop_id)
    {
    case PROP_COUNT:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self->filtered)));
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_courier_page_class_init (BjbCourierPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_courier_page_dispose;
  object_class->finalize = bjb_courier_page_finalize;
  object_class->get_property = bjb_courier_page_get_property;

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BJB_TYPE_DELIVERY);
  g_type_ensure (BJB_TYPE_DELIVERY_QUEUE_ITEM);
  g_type_ensure (BJB_TYPE_DELIVERY_DETAIL);
  bjb_courier_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/courier/bjb-courier-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, offline_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, queue_box);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, queue_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, queue_list);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, filtered);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, deliveries);
  gtk_widget_class_bind_template_child (widget_class, BjbCourierPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_count_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_queued);
  gtk_widget_class_bind_template_callback (widget_class, on_problem_reported);

  gtk_widget_class_install_action (widget_class, "courier.refresh", NULL, bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "courier.back", NULL, action_back);
  gtk_widget_class_install_action (widget_class, "courier.dismiss-refused", NULL,
                                   action_dismiss_refused);
}

static void
bjb_courier_page_init (BjbCourierPage *self)
{
  g_autoptr(GtkCustomFilter) filter = NULL;

  self->titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  filter = gtk_custom_filter_new (not_queued, self, NULL);
  gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (filter));
  self->tick_id = g_timeout_add_seconds (60, tick, self);
  update_queue (self);
  on_count_changed (self);
}

GListModel *
bjb_courier_page_get_model (BjbCourierPage *self)
{
  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

BjbDeliveryQueue *
bjb_courier_page_get_queue (BjbCourierPage *self)
{
  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), NULL);
  return self->queue;
}

BjbDeliveryDetail *
bjb_courier_page_get_detail (BjbCourierPage *self)
{
  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), NULL);
  return self->detail;
}

gboolean
bjb_courier_page_get_loading (BjbCourierPage *self)
{
  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), FALSE);
  return self->loading;
}

gboolean
bjb_courier_page_get_offline (BjbCourierPage *self)
{
  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), FALSE);
  return self->offline;
}

gboolean
bjb_courier_page_open (BjbCourierPage *self,
                       gint64          order_id)
{
  guint n;

  g_return_val_if_fail (BJB_IS_COURIER_PAGE (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDelivery) d = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (bjb_delivery_get_order_id (d) == order_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          bjb_delivery_detail_set_delivery (self->detail, d);
          return TRUE;
        }
    }
  return FALSE;
}
