/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-transaction-query"

#include "config.h"

#include "bjb-order-format.h"
#include "bjb-paged-query.h"
#include "bjb-transaction-query.h"

struct _BjbTransactionQuery
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  char *from;
  char *to;
  char *status;
  char *courier;
  char *delivery;
  gint64 customer_id;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbTransactionQuery, bjb_transaction_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_STATUS,
  PROP_COURIER,
  PROP_DELIVERY,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bjb_transaction_query_get_filter (BjbTransactionQuery  *self,
                                  BjbTransactionFilter *filter)
{
  g_return_if_fail (BJB_IS_TRANSACTION_QUERY (self));

  *filter = (BjbTransactionFilter) {
    .from = self->from,
    .to = self->to,
    .status = self->status,
    .customer_id = self->customer_id,
    .courier = self->courier,
    .delivery = self->delivery,
  };
}

static gboolean
bjb_transaction_query_can_fetch (BjbPagedQuery *query)
{
  return BJB_TRANSACTION_QUERY (query)->connection != NULL;
}

static void
bjb_transaction_query_fetch_async (BjbPagedQuery       *query,
                                   BjbPagedRow         *after,
                                   guint                limit,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  BjbTransactionQuery *self = BJB_TRANSACTION_QUERY (query);
  BjbTransactionFilter filter;

  bjb_transaction_query_get_filter (self, &filter);
  bjb_report_ops_transactions_async (self->connection, &filter,
                                     after != NULL ? BJB_REPORT_ROW (after) : NULL, limit,
                                     cancellable, callback, user_data);
}

static GPtrArray *
bjb_transaction_query_fetch_finish (BjbPagedQuery  *query,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  GPtrArray *rows = bjb_report_ops_transactions_finish (result, error);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      BjbReportRow *row = g_ptr_array_index (rows, i);

      g_object_set (row, "status-label",
                    bjb_order_status_label (bjb_report_row_get_text (row, "status")), NULL);
    }
  return rows;
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_transaction_query_can_fetch;
  iface->fetch_async = bjb_transaction_query_fetch_async;
  iface->fetch_finish = bjb_transaction_query_fetch_finish;
}

void
bjb_transaction_query_set_connection (BjbTransactionQuery *self,
                                      BjbConnection       *connection)
{
  g_return_if_fail (BJB_IS_TRANSACTION_QUERY (self));

  if (g_set_object (&self->connection, connection))
    bjb_paged_query_changed (BJB_PAGED_QUERY (self));
}

static char **
string_field (BjbTransactionQuery *self,
              guint                prop_id)
{
  switch (prop_id)
    {
    case PROP_FROM: return &self->from;
    case PROP_TO: return &self->to;
    case PROP_STATUS: return &self->status;
    case PROP_COURIER: return &self->courier;
    case PROP_DELIVERY: return &self->delivery;
    default: return NULL;
    }
}

static void
bjb_transaction_query_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BjbTransactionQuery *self = BJB_TRANSACTION_QUERY (object);

  if (prop_id == PROP_CUSTOMER_ID)
    g_value_set_int64 (value, self->customer_id);
  else if (string_field (self, prop_id) != NULL)
    g_value_set_string (value, *string_field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_transaction_query_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BjbTransactionQuery *self = BJB_TRANSACTION_QUERY (object);

  if (prop_id == PROP_CUSTOMER_ID)
    {
      if (self->customer_id != g_value_get_int64 (value))
        {
          self->customer_id = g_value_get_int64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (string_field (self, prop_id) != NULL)
    {
      const char *text = g_value_get_string (value);

      /* "" and NULL both mean "any": one value for it, so no false "changed". */
      if (bjb_paged_query_set_string (string_field (self, prop_id),
                                      text != NULL && *text != '\0' ? text : NULL))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_transaction_query_dispose (GObject *object)
{
  g_clear_object (&BJB_TRANSACTION_QUERY (object)->connection);
  G_OBJECT_CLASS (bjb_transaction_query_parent_class)->dispose (object);
}

static void
bjb_transaction_query_finalize (GObject *object)
{
  BjbTransactionQuery *self = BJB_TRANSACTION_QUERY (object);

  g_free (self->from);
  g_free (self->to);
  g_free (self->status);
  g_free (self->courier);
  g_free (self->delivery);
  G_OBJECT_CLASS (bjb_transaction_query_parent_class)->finalize (object);
}

static void
bjb_transaction_query_class_init (BjbTransactionQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *const names[] = { NULL, "from", "to", "status", "courier", "delivery" };

  object_class->dispose = bjb_transaction_query_dispose;
  object_class->finalize = bjb_transaction_query_finalize;
  object_class->get_property = bjb_transaction_query_get_property;
  object_class->set_property = bjb_transaction_query_set_property;
  object_class->dispatch_properties_changed = bjb_paged_query_dispatch_properties_changed;

  for (guint i = PROP_FROM; i <= PROP_DELIVERY; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                         | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, -1, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_transaction_query_init (BjbTransactionQuery *self)
{
}
