/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-report-query"

#include "config.h"

#include "bjb-customer-report-query.h"
#include "bjb-filter-query.h"

struct _BjbCustomerReportQuery
{
  BjbFilterQuery parent_instance;

  /* The ops call's parameters themselves; the strings are owned (field props) */
  BjbCustomerReportParams params;
};

static void paged_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomerReportQuery, bjb_customer_report_query,
                               BJB_TYPE_FILTER_QUERY,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, paged_query_iface_init))

void
bjb_customer_report_query_get_params (BjbCustomerReportQuery  *self,
                                      BjbCustomerReportParams *params)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_QUERY (self));

  *params = self->params;
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

  if (after != NULL && self->params.report != BJB_CUSTOMER_REPORT_LAPSED)
    {
      /* One page is the whole report: the page after it is empty. */
      g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

      g_task_set_source_tag (task, empty_page);
      g_task_return_pointer (task, g_ptr_array_new_with_free_func (g_object_unref),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }
  bjb_report_ops_customers_async (bjb_filter_query_get_connection (BJB_FILTER_QUERY (self)),
                                  &self->params,
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
  iface->can_fetch = bjb_filter_query_can_fetch;
  iface->fetch_async = bjb_customer_report_query_fetch_async;
  iface->fetch_finish = bjb_customer_report_query_fetch_finish;
}

void
bjb_customer_report_query_set_connection (BjbCustomerReportQuery *self,
                                          BjbConnection          *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_QUERY (self));
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (self), connection);
}

#define FILTER(field, pspec) \
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbCustomerReportQuery, field), pspec)

static void
bjb_customer_report_query_class_init (BjbCustomerReportQueryClass *klass)
{
  GParamFlags rw = BJB_FILTER_QUERY_PARAM_FLAGS;

  FILTER (params.report, g_param_spec_int ("report", NULL, NULL, BJB_CUSTOMER_REPORT_STATUS,
                                    BJB_CUSTOMER_REPORT_LAPSED, BJB_CUSTOMER_REPORT_STATUS, rw));
  FILTER (params.from, g_param_spec_string ("from", NULL, NULL, NULL, rw));
  FILTER (params.to, g_param_spec_string ("to", NULL, NULL, NULL, rw));
  FILTER (params.days, g_param_spec_int ("days", NULL, NULL, 0, G_MAXINT, 60, rw));
  FILTER (params.limit, g_param_spec_uint ("top", NULL, NULL, 1, 1000, 20, rw));
}

#undef FILTER

static void
bjb_customer_report_query_init (BjbCustomerReportQuery *self)
{
  self->params.days = 60;
  self->params.limit = 20;
}
