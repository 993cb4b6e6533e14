/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-query"

#include "config.h"

#include "bjb-customer-ops.h"
#include "bjb-customer-query.h"
#include "bjb-paged-query.h"

struct _BjbCustomerQuery
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  char *text;
  char *status;
  gboolean loyal_only;
  gint64 product_id;
  int birthday_days;
  char *sort;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomerQuery, bjb_customer_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_TEXT,
  PROP_STATUS,
  PROP_LOYAL_ONLY,
  PROP_PRODUCT_ID,
  PROP_BIRTHDAY_DAYS,
  PROP_SORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BjbCustomerFilter
get_filter (BjbCustomerQuery *self)
{
  BjbCustomerFilter filter = {
    .text = self->text,
    .status = self->status,
    .loyal_only = self->loyal_only,
    .product_id = self->product_id,
    .birthday_days = self->birthday_days,
  };

  return filter;
}

/* BjbPagedQuery: straight through to the ops, whose _finish reads the answer. */

static gboolean
bjb_customer_query_can_fetch (BjbPagedQuery *query)
{
  return BJB_CUSTOMER_QUERY (query)->connection != NULL;
}

static void
bjb_customer_query_fetch_async (BjbPagedQuery       *query,
                                BjbPagedRow         *after,
                                guint                limit,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  BjbCustomerQuery *self = BJB_CUSTOMER_QUERY (query);
  BjbCustomerFilter filter = get_filter (self);

  bjb_customer_ops_search_async (self->connection, &filter, self->sort,
                                 after != NULL ? BJB_CUSTOMER (after) : NULL, limit,
                                 cancellable, callback, user_data);
}

static GPtrArray *
bjb_customer_query_fetch_finish (BjbPagedQuery  *query,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return bjb_customer_ops_search_finish (result, error);
}

static void
bjb_customer_query_count_async (BjbPagedQuery       *query,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  BjbCustomerQuery *self = BJB_CUSTOMER_QUERY (query);
  BjbCustomerFilter filter = get_filter (self);

  bjb_customer_ops_count_async (self->connection, &filter, cancellable, callback, user_data);
}

static gint64
bjb_customer_query_count_finish (BjbPagedQuery  *query,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  return bjb_customer_ops_count_finish (result, error);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_customer_query_can_fetch;
  iface->fetch_async = bjb_customer_query_fetch_async;
  iface->fetch_finish = bjb_customer_query_fetch_finish;
  iface->count_async = bjb_customer_query_count_async;
  iface->count_finish = bjb_customer_query_count_finish;
}

/* GObject */

static void
bjb_customer_query_dispose (GObject *object)
{
  BjbCustomerQuery *self = (BjbCustomerQuery *)object;

  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_customer_query_parent_class)->dispose (object);
}

static void
bjb_customer_query_finalize (GObject *object)
{
  BjbCustomerQuery *self = (BjbCustomerQuery *)object;

  g_free (self->text);
  g_free (self->status);
  g_free (self->sort);

  G_OBJECT_CLASS (bjb_customer_query_parent_class)->finalize (object);
}

static void
bjb_customer_query_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbCustomerQuery *self = BJB_CUSTOMER_QUERY (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_LOYAL_ONLY:
      g_value_set_boolean (value, self->loyal_only);
      break;
    case PROP_PRODUCT_ID:
      g_value_set_int64 (value, self->product_id);
      break;
    case PROP_BIRTHDAY_DAYS:
      g_value_set_int (value, self->birthday_days);
      break;
    case PROP_SORT:
      g_value_set_string (value, self->sort);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_query_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BjbCustomerQuery *self = BJB_CUSTOMER_QUERY (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_CONNECTION:
      changed = g_set_object (&self->connection, g_value_get_object (value));
      break;
    case PROP_TEXT:
      changed = bjb_paged_query_set_string (&self->text, g_value_get_string (value));
      break;
    case PROP_STATUS:
      changed = bjb_paged_query_set_string (&self->status, g_value_get_string (value));
      break;
    case PROP_LOYAL_ONLY:
      changed = self->loyal_only != g_value_get_boolean (value);
      self->loyal_only = g_value_get_boolean (value);
      break;
    case PROP_PRODUCT_ID:
      changed = self->product_id != g_value_get_int64 (value);
      self->product_id = g_value_get_int64 (value);
      break;
    case PROP_BIRTHDAY_DAYS:
      changed = self->birthday_days != g_value_get_int (value);
      self->birthday_days = g_value_get_int (value);
      break;
    case PROP_SORT:
      changed = bjb_paged_query_set_string (&self->sort, g_value_get_string (value) ?: "name");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    g_object_notify_by_pspec (object, pspec);
}

static void
bjb_customer_query_class_init (BjbCustomerQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispatch_properties_changed = bjb_paged_query_dispatch_properties_changed;
  object_class->dispose = bjb_customer_query_dispose;
  object_class->finalize = bjb_customer_query_finalize;
  object_class->get_property = bjb_customer_query_get_property;
  object_class->set_property = bjb_customer_query_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION, rw);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, rw);
  properties[PROP_LOYAL_ONLY] = g_param_spec_boolean ("loyal-only", NULL, NULL, FALSE, rw);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BIRTHDAY_DAYS] =
    g_param_spec_int ("birthday-days", NULL, NULL, 0, 366, 0, rw);
  properties[PROP_SORT] = g_param_spec_string ("sort", NULL, NULL, "name", rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_customer_query_init (BjbCustomerQuery *self)
{
  self->sort = g_strdup ("name");
}

/**
 * bjb_customer_query_new:
 * @connection: (nullable): the connection the list reads through
 *
 * Returns: (transfer full): a new query with no filters, sorted by name
 */
BjbCustomerQuery *
bjb_customer_query_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_CUSTOMER_QUERY, "connection", connection, NULL);
}

BjbConnection *
bjb_customer_query_get_connection (BjbCustomerQuery *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_QUERY (self), NULL);
  return self->connection;
}

void
bjb_customer_query_set_connection (BjbCustomerQuery *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));
  g_object_set (self, "connection", connection, NULL);
}

void
bjb_customer_query_set_text (BjbCustomerQuery *self,
                             const char       *text)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  g_object_set (self, "text", text, NULL);
}

void
bjb_customer_query_set_sort (BjbCustomerQuery *self,
                             const char       *sort)
{
  g_return_if_fail (BJB_IS_CUSTOMER_QUERY (self));
  g_object_set (self, "sort", sort, NULL);
}
