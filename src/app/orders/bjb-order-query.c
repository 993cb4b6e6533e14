/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-query"

#include "config.h"

#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-order-list-ops.h"
#include "bjb-order-query.h"
#include "bjb-paged-query.h"

struct _BjbOrderQuery
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  char *status;
  char *from;
  char *to;
  gint64 customer_id;
  char *number;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbOrderQuery, bjb_order_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_STATUS,
  PROP_FROM,
  PROP_TO,
  PROP_CUSTOMER_ID,
  PROP_NUMBER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bjb_order_query_update_due (BjbOrderRow *row,
                            GDateTime   *now)
{
  static const char *urgent_classes[] = { "error", NULL };
  static const char *normal_classes[] = { NULL };
  gint64 due_at;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *text = NULL;
  gboolean urgent = FALSE;

  g_return_if_fail (BJB_IS_ORDER_ROW (row));

  due_at = bjb_order_row_get_due_at (row);
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

/* The texts the columns show, in the UI's language. */
static void
decorate (BjbOrderRow *row,
          GDateTime   *now)
{
  g_autoptr(GDateTime) placed = NULL;
  g_autofree char *placed_text = NULL;
  g_autofree char *total = bjb_money_format (bjb_order_row_get_total (row));

  if (bjb_order_row_get_placed_at (row) != 0)
    placed = g_date_time_new_from_unix_utc (bjb_order_row_get_placed_at (row));
  placed_text = bjb_order_format_time (placed);
  bjb_order_row_set_status_label (row, bjb_order_status_label (bjb_order_row_get_status (row)));
  bjb_order_row_set_total_text (row, total);
  bjb_order_row_set_placed_text (row, placed_text);
  bjb_order_query_update_due (row, now);
}

/* BjbPagedQuery */

static gboolean
bjb_order_query_can_fetch (BjbPagedQuery *query)
{
  return BJB_ORDER_QUERY (query)->connection != NULL;
}

static void
bjb_order_query_fetch_async (BjbPagedQuery       *query,
                             BjbPagedRow         *after,
                             guint                limit,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  BjbOrderQuery *self = BJB_ORDER_QUERY (query);
  BjbOrderFilter filter = {
    .status = self->status,
    .from = self->from,
    .to = self->to,
    .customer_id = self->customer_id,
    .number = self->number,
  };

  bjb_order_list_ops_list_async (self->connection, &filter,
                                 after != NULL ? BJB_ORDER_ROW (after) : NULL, limit,
                                 cancellable, callback, user_data);
}

static GPtrArray *
bjb_order_query_fetch_finish (BjbPagedQuery  *query,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GPtrArray *rows = bjb_order_list_ops_list_finish (result, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    decorate (g_ptr_array_index (rows, i), now);
  return rows;
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_order_query_can_fetch;
  iface->fetch_async = bjb_order_query_fetch_async;
  iface->fetch_finish = bjb_order_query_fetch_finish;
}

/* GObject */

static void
bjb_order_query_dispose (GObject *object)
{
  BjbOrderQuery *self = (BjbOrderQuery *)object;

  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_order_query_parent_class)->dispose (object);
}

static void
bjb_order_query_finalize (GObject *object)
{
  BjbOrderQuery *self = (BjbOrderQuery *)object;

  g_free (self->status);
  g_free (self->from);
  g_free (self->to);
  g_free (self->number);

  G_OBJECT_CLASS (bjb_order_query_parent_class)->finalize (object);
}

static void
bjb_order_query_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbOrderQuery *self = BJB_ORDER_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;
    case PROP_TO:
      g_value_set_string (value, self->to);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_query_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbOrderQuery *self = BJB_ORDER_QUERY (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_CONNECTION:
      changed = g_set_object (&self->connection, g_value_get_object (value));
      break;
    case PROP_STATUS:
      changed = bjb_paged_query_set_string (&self->status, g_value_get_string (value));
      break;
    case PROP_FROM:
      changed = bjb_paged_query_set_string (&self->from, g_value_get_string (value));
      break;
    case PROP_TO:
      changed = bjb_paged_query_set_string (&self->to, g_value_get_string (value));
      break;
    case PROP_CUSTOMER_ID:
      changed = self->customer_id != g_value_get_int64 (value);
      self->customer_id = g_value_get_int64 (value);
      break;
    case PROP_NUMBER:
      changed = bjb_paged_query_set_string (&self->number, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bjb_order_query_class_init (BjbOrderQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispatch_properties_changed = bjb_paged_query_dispatch_properties_changed;
  object_class->dispose = bjb_order_query_dispose;
  object_class->finalize = bjb_order_query_finalize;
  object_class->get_property = bjb_order_query_get_property;
  object_class->set_property = bjb_order_query_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, rw);
  properties[PROP_FROM] = g_param_spec_string ("from", NULL, NULL, NULL, rw);
  properties[PROP_TO] = g_param_spec_string ("to", NULL, NULL, NULL, rw);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, -1, G_MAXINT64, 0, rw);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_order_query_init (BjbOrderQuery *self)
{
}

/**
 * bjb_order_query_new:
 * @connection: (nullable): the connection the list reads through
 *
 * Returns: (transfer full): a query for every order, newest first
 */
BjbOrderQuery *
bjb_order_query_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_ORDER_QUERY, "connection", connection, NULL);
}

void
bjb_order_query_set_connection (BjbOrderQuery *self,
                                BjbConnection *connection)
{
  g_return_if_fail (BJB_IS_ORDER_QUERY (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));
  g_object_set (self, "connection", connection, NULL);
}
