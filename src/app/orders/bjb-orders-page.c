/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-orders-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-order-row.h"
#include "bjb-orders-page.h"

#define PAGE_SIZE 100
/* A refresh refetches at most this many rows (the server's limit per call). */
#define REFRESH_MAX 500

struct _BjbOrdersPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkSearchEntry     *number_entry;
  GtkDropDown        *status_dropdown;
  GtkEntry           *from_entry;
  GtkEntry           *to_entry;
  GtkSearchEntry     *customer_entry;
  GtkScrolledWindow  *scroller;
  GtkColumnView      *view;
  GtkSingleSelection *selection;
  GListStore         *store;
  GtkLabel           *status_label;

  /* Owned */
  BjbConnection *connection;
  BjbListener   *listener;
  GCancellable  *cancellable;       /* cancelled in dispose */
  GCancellable  *load_cancellable;  /* the current page or refresh */
  GHashTable    *rows_by_id;        /* gint64* → BjbOrderRow (borrowed from the store) */
  char          *last_placed;       /* keyset of the last row loaded, as the server wrote it */
  char          *last_id;
  gint64         customer_id;       /* 0: everyone; -1: a name that matched nobody */
  char          *customer_name;     /* as set by bjb_orders_page_set_customer() */
  guint          tick_id;
  gboolean       loading;
  gboolean       exhausted;
};

G_DEFINE_FINAL_TYPE (BjbOrdersPage, bjb_orders_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_LISTENER,
  N_PROPS
};

enum {
  ORDER_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *status_values[] = { NULL, "pending_payment", "paid", "shipped", "completed", "cancelled" };

static void load_page (BjbOrdersPage *self,
                       gboolean       refresh);

static void
update_status_label (BjbOrdersPage *self,
                     const char    *error_text)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (error_text != NULL)
    text = g_strdup (error_text);
  else if (self->loading)
    text = g_strdup (_("Loading orders…"));
  else if (n == 0)
    text = g_strdup (_("No orders match."));
  else if (self->exhausted)
    text = g_strdup_printf (ngettext ("%u order", "%u orders", n), n);
  else
    text = g_strdup_printf (_("%u orders shown; scroll for more"), n);
  gtk_label_set_text (self->status_label, text);
}

/* Valid dates in ISO form, or NULL (an entry with an invalid date is marked). */
static char *
entry_date (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  int y, m, d;
  char end;

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return NULL;
}

static void
fill_row (BjbOrderRow *row,
          BjbResult   *rows,
          guint        i,
          GDateTime   *now)
{
  const char *status = bjb_result_get_string (rows, i, "status");
  g_autoptr(GDateTime) placed = bjb_result_get_datetime (rows, i, "placed_at");
  g_autoptr(GDateTime) due = bjb_result_get_datetime (rows, i, "payment_due_at");
  g_autofree char *placed_text = bjb_order_format_time (placed);
  g_autofree char *total = bjb_money_format (bjb_result_get_int64 (rows, i, "total"));

  bjb_order_row_set_id (row, bjb_result_get_int64 (rows, i, "id"));
  bjb_order_row_set_number (row, bjb_result_get_string (rows, i, "number"));
  bjb_order_row_set_customer_name (row, bjb_result_get_string (rows, i, "customer_name"));
  bjb_order_row_set_status (row, status);
  bjb_order_row_set_status_label (row, bjb_order_status_label (status));
  bjb_order_row_set_total (row, bjb_result_get_int64 (rows, i, "total"));
  bjb_order_row_set_total_text (row, total);
  bjb_order_row_set_placed_at (row, placed ? g_date_time_to_unix (placed) : 0);
  bjb_order_row_set_placed_text (row, placed_text);
  bjb_order_row_set_due_at (row, g_strcmp0 (status, "pending_payment") == 0 && due
                                 ? g_date_time_to_unix (due) : 0);
  bjb_order_row_set_courier (row, bjb_result_get_string (rows, i, "courier"));
}

/* The "Payment" column: time left for unpaid orders, red when short or past. */
static void
update_due (BjbOrderRow *row,
            GDateTime   *now)
{
  static const char *urgent_classes[] = { "error", NULL };
  static const char *normal_classes[] = { NULL };
  gint64 due_at = bjb_order_row_get_due_at (row);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *text = NULL;
  gboolean urgent = FALSE;

  if (due_at == 0)
    {
      bjb_order_row_set_due_text (row, "");
      bjb_order_row_set_due_classes (row, normal_classes);
      return;
    }
  due = g_date_time_new_from_unix_utc (due_at);
  text = bjb_order_format_time_left (due, now, &urgent);
  bjb_order_row_set_due_text (row, text);
  bjb_order_row_set_due_classes (row, urgent ? urgent_classes : normal_classes);
}

static gboolean
tick (gpointer user_data)
{
  BjbOrdersPage *self = user_data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), i);

      if (bjb_order_row_get_due_at (row) != 0)
        update_due (row, now);
    }
  return G_SOURCE_CONTINUE;
}

static void
handle_rows (BjbOrdersPage *self,
             GObject       *source,
             GAsyncResult  *result,
             gboolean       refresh)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (rows == NULL)
    {
      g_autofree char *text = bjb_order_error_text (error);

      update_status_label (self, text);
      return;
    }

  n = bjb_result_get_n_rows (rows);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = bjb_result_get_int64 (rows, i, "id");
      BjbOrderRow *existing = g_hash_table_lookup (self->rows_by_id, &id);

      if (existing != NULL)
        {
          /* In place: the view keeps its selection and scroll position. */
          fill_row (existing, rows, i, now);
          update_due (existing, now);
        }
      else
        {
          BjbOrderRow *row = bjb_order_row_new ();

          fill_row (row, rows, i, now);
          update_due (row, now);
          g_ptr_array_add (fresh, row);
        }
    }

  if (!refresh)
    {
      self->exhausted = n < PAGE_SIZE;
      if (n > 0)
        {
          g_free (self->last_placed);
          g_free (self->last_id);
          self->last_placed = g_strdup (bjb_result_get_string (rows, n - 1, "placed_at"));
          self->last_id = g_strdup (bjb_result_get_string (rows, n - 1, "id"));
        }
    }

  for (guint i = 0; i < fresh->len; i++)
    {
      BjbOrderRow *row = g_ptr_array_index (fresh, i);
      gint64 *key = g_new (gint64, 1);

      *key = bjb_order_row_get_id (row);
      g_hash_table_insert (self->rows_by_id, key, row);
    }
  if (fresh->len > 0 && !refresh)
    g_list_store_splice (self->store, g_list_model_get_n_items (G_LIST_MODEL (self->store)), 0,
                         fresh->pdata, fresh->len);
  else if (fresh->len > 0)
    {
      /* A refresh finds new orders (mostly at the top, or one that now matches the filter):
       * each goes where the server's order puts it, the rest of the rows stay as they are. */
      for (guint i = 0; i < fresh->len; i++)
        {
          BjbOrderRow *row = g_ptr_array_index (fresh, i);
          guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->store));
          guint position = 0;

          while (position < n_items)
            {
              g_autoptr(BjbOrderRow) other = g_list_model_get_item (G_LIST_MODEL (self->store), position);

              if (bjb_order_row_get_placed_at (other) < bjb_order_row_get_placed_at (row) ||
                  (bjb_order_row_get_placed_at (other) == bjb_order_row_get_placed_at (row) &&
                   bjb_order_row_get_id (other) < bjb_order_row_get_id (row)))
                break;
              position++;
            }
          g_list_store_insert (self->store, position, row);
        }
    }
  update_status_label (self, NULL);
}

static void
on_page_loaded (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  handle_rows (user_data, source, result, FALSE);
}

static void
on_refresh_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  handle_rows (user_data, source, result, TRUE);
}

static GPtrArray *
filter_params (BjbOrdersPage *self)
{
  GPtrArray *params = g_ptr_array_new_with_free_func (g_free);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *number = gtk_editable_get_text (GTK_EDITABLE (self->number_entry));

  g_ptr_array_add (params, status > 0 && status < G_N_ELEMENTS (status_values)
                           ? g_strdup_printf ("{%s}", status_values[status]) : NULL);
  g_ptr_array_add (params, entry_date (self->from_entry));
  g_ptr_array_add (params, entry_date (self->to_entry));
  g_ptr_array_add (params, self->customer_id != 0
                           ? g_strdup_printf ("%" G_GINT64_FORMAT, self->customer_id) : NULL);
  g_ptr_array_add (params, *number ? g_strdup (number) : NULL);
  return params;
}

static void
load_page (BjbOrdersPage *self,
           gboolean       refresh)
{
  g_autoptr(GPtrArray) params = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  if (self->connection == NULL)
    return;
  /* Nothing loaded yet: a refresh is the first page. */
  if (refresh && self->last_id == NULL)
    {
      refresh = FALSE;
      self->loading = FALSE;
      self->exhausted = FALSE;
    }
  if (!refresh && (self->loading || self->exhausted))
    return;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->load_cancellable, G_CONNECT_SWAPPED);

  params = filter_params (self);
  if (refresh)
    {
      g_ptr_array_add (params, NULL);
      g_ptr_array_add (params, NULL);
      g_ptr_array_add (params, g_strdup_printf ("%u", CLAMP (n, PAGE_SIZE, REFRESH_MAX)));
    }
  else
    {
      g_ptr_array_add (params, g_strdup (self->last_placed));
      g_ptr_array_add (params, g_strdup (self->last_id));
      g_ptr_array_add (params, g_strdup_printf ("%d", PAGE_SIZE));
    }

  self->loading = TRUE;
  update_status_label (self, NULL);
  bjb_connection_query_async (self->connection,
                              "SELECT id, number, customer_name, status, total, placed_at, "
                              "payment_due_at, courier "
                              "FROM bjb.list_orders($1::text[], $2::date, $3::date, $4::bigint, $5, "
                              "$6::timestamptz, $7::bigint, $8::int)",
                              params->len, (const char * const *) params->pdata,
                              self->load_cancellable,
                              refresh ? on_refresh_loaded : on_page_loaded, self);
}

/* Filters changed: start again from the newest order. */
static void
reset (BjbOrdersPage *self)
{
  g_cancellable_cancel (self->load_cancellable);
  self->loading = FALSE;
  self->exhausted = FALSE;
  g_clear_pointer (&self->last_placed, g_free);
  g_clear_pointer (&self->last_id, g_free);
  g_hash_table_remove_all (self->rows_by_id);
  g_list_store_remove_all (self->store);
  load_page (self, FALSE);
}

static void
on_filter_changed (BjbOrdersPage *self)
{
  reset (self);
}

static void
on_customer_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BjbOrdersPage *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      g_autofree char *text = bjb_order_error_text (error);

      update_status_label (self, text);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->customer_entry), "error");
  if (bjb_result_get_n_rows (rows) == 0)
    {
      /* No such customer: show nothing rather than everyone. */
      gtk_widget_add_css_class (GTK_WIDGET (self->customer_entry), "error");
      self->customer_id = -1;
    }
  else
    self->customer_id = bjb_result_get_int64 (rows, 0, "id");
  reset (self);
}

static void
on_customer_changed (BjbOrdersPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));
  const char *params[1];

  /* The text bjb_orders_page_set_customer() put there already has its id. */
  if (self->customer_name != NULL && g_strcmp0 (text, self->customer_name) == 0)
    return;
  g_clear_pointer (&self->customer_name, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (self->customer_entry), "error");
  if (*text == '\0' || self->connection == NULL)
    {
      self->customer_id = 0;
      reset (self);
      return;
    }
  /* The customer pages' search (name, phone or email; planned for 100 000 customers);
   * the first match by name is the one filtered on. */
  params[0] = text;
  bjb_connection_query_async (self->connection,
                              "SELECT id FROM bjb.search_customers($1, NULL, NULL, NULL, NULL, 'name', "
                              "NULL, 1)",
                              1, params, self->cancellable, on_customer_found, self);
}

static void
on_row_activated (BjbOrdersPage *self,
                  guint          position)
{
  g_autoptr(BjbOrderRow) row = g_list_model_get_item (G_LIST_MODEL (self->store), position);

  if (row != NULL)
    g_signal_emit (self, signals[ORDER_ACTIVATED], 0, bjb_order_row_get_id (row));
}

static void
on_scrolled (GtkAdjustment *adjustment,
             BjbOrdersPage *self)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double upper = gtk_adjustment_get_upper (adjustment);

  /* Fetch the next page while a screenful is still left to scroll. */
  if (value + 2 * page >= upper)
    load_page (self, FALSE);
}

static void
action_refresh (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bjb_orders_page_refresh (BJB_ORDERS_PAGE (widget));
}

static void
on_event_received (BjbListener *listener,
                   BjbEvent    *event,
                   gpointer     user_data)
{
  BjbOrdersPage *self = user_data;

  if (bjb_event_get_order_id (event) > 0)
    bjb_orders_page_refresh (self);
}

static void
set_listener (BjbOrdersPage *self,
              BjbListener   *listener)
{
  if (self->listener == listener)
    return;
  if (self->listener != NULL)
    g_signal_handlers_disconnect_by_func (self->listener, on_event_received, self);
  g_set_object (&self->listener, listener);
  if (listener != NULL)
    g_signal_connect_object (listener, "event-received", G_CALLBACK (on_event_received), self, 0);
}

static void
bjb_orders_page_dispose (GObject *object)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->tick_id, g_source_remove);
  set_listener (self, NULL);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->connection);
  if (self->rows_by_id != NULL)
    g_hash_table_remove_all (self->rows_by_id);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_ORDERS_PAGE);

  G_OBJECT_CLASS (bjb_orders_page_parent_class)->dispose (object);
}

static void
bjb_orders_page_finalize (GObject *object)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows_by_id, g_hash_table_unref);
  g_clear_pointer (&self->last_placed, g_free);
  g_clear_pointer (&self->last_id, g_free);
  g_clear_pointer (&self->customer_name, g_free);

  G_OBJECT_CLASS (bjb_orders_page_parent_class)->finalize (object);
}

static void
bjb_orders_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_LISTENER:
      g_value_set_object (value, self->listener);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_orders_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbOrdersPage *self = BJB_ORDERS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      if (g_set_object (&self->connection, g_value_get_object (value)))
        reset (self);
      break;
    case PROP_LISTENER:
      set_listener (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_orders_page_class_init (BjbOrdersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_orders_page_dispose;
  object_class->finalize = bjb_orders_page_finalize;
  object_class->get_property = bjb_orders_page_get_property;
  object_class->set_property = bjb_orders_page_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTENER] =
    g_param_spec_object ("listener", NULL, NULL, BJB_TYPE_LISTENER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ORDER_ACTIVATED] = g_signal_new ("order-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BJB_TYPE_ORDER_ROW);
  bjb_orders_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/orders/bjb-orders-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, view);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, store);
  gtk_widget_class_bind_template_child (widget_class, BjbOrdersPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "orders.refresh", NULL, action_refresh);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "orders.refresh", NULL);
}

static void
bjb_orders_page_init (BjbOrdersPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows_by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "value-changed",
                           G_CALLBACK (on_scrolled), self, 0);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->scroller), "changed",
                           G_CALLBACK (on_scrolled), self, 0);
  /* The time left to pay counts down. */
  self->tick_id = g_timeout_add_seconds (60, tick, self);
}

GtkWidget *
bjb_orders_page_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_ORDERS_PAGE, "connection", connection, NULL);
}

void
bjb_orders_page_refresh (BjbOrdersPage *self)
{
  g_return_if_fail (BJB_IS_ORDERS_PAGE (self));

  load_page (self, TRUE);
}

void
bjb_orders_page_set_customer (BjbOrdersPage *self,
                              gint64         customer_id,
                              const char    *name)
{
  g_return_if_fail (BJB_IS_ORDERS_PAGE (self));

  g_free (self->customer_name);
  self->customer_name = g_strdup (name ? name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), self->customer_name);
  self->customer_id = customer_id;
  reset (self);
}

GListModel *
bjb_orders_page_get_model (BjbOrdersPage *self)
{
  g_return_val_if_fail (BJB_IS_ORDERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->store);
}

gboolean
bjb_orders_page_is_loading (BjbOrdersPage *self)
{
  g_return_val_if_fail (BJB_IS_ORDERS_PAGE (self), FALSE);
  return self->loading;
}
