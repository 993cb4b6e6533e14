/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-report-query"

#include "config.h"

#include "bjb-customer-report-query.h"
#include "bjb-paged-query.h"

struct _BjbCustomerReportQuery
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  int report;
  char *from;
  char *to;
  int days;
  guint top;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomerReportQuery, bjb_customer_report_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

enum {
  PROP_0,
  PROP_REPORT,
  PROP_FROM,
  PROP_TO,
  PROP_DAYS,
  PROP_TOP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
bjb_customer_report_query_get_params (BjbCustomerReportQuery  *self,
                                      BjbCustomerReportParams *params)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_QUERY (self));

  *params = (BjbCustomerReportParams) {
    .report = self->report,
    .from = self->from,
    .to = self->to,
    .days = self->days,
    .limit = self->top,
  };
}

static gboolean
bjb_customer_report_query_can_fetch (BjbPagedQuery *query)
{
  return BJB_CUSTOMER_REPORT_QUERY (query)->connection != NULL;
}

static void
empty_page (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
}

static void
bjb_customer_report_query_fetch_async (BjbPagedQuery       *query,
                                       BjbPagedRow         *after,
                                       guint                limit,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  BjbCustomerReportQuery *self = BJB_CUSTOMER_REPORT_QUERY (query);
  BjbCustomerReportParams params;

  bjb_customer_report_query_get_params (self, &params);
  if (after != NULL && params.report != BJB_CUSTOMER_REPORT_LAPSED)
    {
      /* One page is the whole report: the page after it is empty. */
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, empty_page);
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  bjb_report_ops_customers_async (self->connection, &params,
                                  after != NULL ? BJB_REPORT_ROW (after) : NULL, limit,
                                  cancellable, callback, user_data);
}

static GPtrArray *
bjb_customer_report_query_fetch_finish (BjbPagedQuery  *query,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  if (g_task_is_valid (result, query) && g_task_get_source_tag (G_TASK (result)) == empty_page)
    return g_task_propagate_pointer (G_TASK (result), error);
  return bjb_report_ops_customers_finish (result, error);
}

static void
paged_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->can_fetch = bjb_customer_report_query_can_fetch;
  iface->fetch_async = bjb_customer_report_query_fetch_async;
  iface->fetch_finish = bjb_customer_report_query_fetch_finish;
}

void
bjb_customer_report_query_set_connection (BjbCustomerReportQuery *self,
                                          BjbConnection          *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_QUERY (self));

  if (g_set_object (&self->connection, connection))
    bjb_paged_query_changed (BJB_PAGED_QUERY (self));
}

static void
bjb_customer_report_query_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  BjbCustomerReportQuery *self = BJB_CUSTOMER_REPORT_QUERY (object);

  switch (prop_id)
    {
    case PROP_REPORT: g_value_set_int (value, self->report); break;
    case PROP_FROM: g_value_set_string (value, self->from); break;
    case PROP_TO: g_value_set_string (value, self->to); break;
    case PROP_DAYS: g_value_set_int (value, self->days); break;
    case PROP_TOP: g_value_set_uint (value, self->top); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_int (GObject    *object,
         int        *field,
         int         value,
         GParamSpec *pspec)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (object, pspec);
}

static void
bjb_customer_report_query_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  BjbCustomerReportQuery *self = BJB_CUSTOMER_REPORT_QUERY (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      set_int (object, &self->report, g_value_get_int (value), pspec);
      break;
    case PROP_FROM:
      if (bjb_paged_query_set_string (&self->from, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_TO:
      if (bjb_paged_query_set_string (&self->to, g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_DAYS:
      set_int (object, &self->days, g_value_get_int (value), pspec);
      break;
    case PROP_TOP:
      set_int (object, (int *) &self->top, (int) g_value_get_uint (value), pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_report_query_dispose (GObject *object)
{
  g_clear_object (&BJB_CUSTOMER_REPORT_QUERY (object)->connection);
  G_OBJECT_CLASS (bjb_customer_report_query_parent_class)->dispose (object);
}

static void
bjb_customer_report_query_finalize (GObject *object)
{
  BjbCustomerReportQuery *self = BJB_CUSTOMER_REPORT_QUERY (object);

  g_free (self->from);
  g_free (self->to);
  G_OBJECT_CLASS (bjb_customer_report_query_parent_class)->finalize (object);
}

static void
bjb_customer_report_query_class_init (BjbCustomerReportQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_customer_report_query_dispose;
  object_class->finalize = bjb_customer_report_query_finalize;
  object_class->get_property = bjb_customer_report_query_get_property;
  object_class->set_property = bjb_customer_report_query_set_property;
  object_class->dispatch_properties_changed = bjb_paged_query_dispatch_properties_changed;

  properties[PROP_REPORT] =
    g_param_spec_int ("report", NULL, NULL, BJB_CUSTOMER_REPORT_STATUS, BJB_CUSTOMER_REPORT_LAPSED,
                      BJB_CUSTOMER_REPORT_STATUS,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAYS] =
    g_param_spec_int ("days", NULL, NULL, 0, G_MAXINT, 60,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOP] =
    g_param_spec_uint ("top", NULL, NULL, 1, 1000, 20,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_customer_report_query_init (BjbCustomerReportQuery *self)
{
  self->days = 60;
  self->top = 20;
}
