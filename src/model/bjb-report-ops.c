/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-report-ops"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-paged-query.h"
#include "bjb-report-ops.h"

/* Every statement of the reports; the exports run the same ones without a page limit. */
static const char TRANSACTIONS_SQL[] =
  "SELECT id, number, placed_at, customer_id, customer_name, items, quantity, subtotal, "
  "discount_total, shipping_cost, total, status, delivery, courier, courier_name, paid_at, "
  "shipped_at, completed_at, cancelled_at "
  "FROM bjb.transaction_report($1::date, $2::date, $3, $4::bigint, $5, $6, "
  "$7::timestamptz, $8::bigint, $9::int)";
static const char TOTALS_SQL[] =
  "SELECT orders, gross, discount, shipping, net "
  "FROM bjb.transaction_report_totals($1::date, $2::date, $3, $4::bigint, $5, $6)";
static const char STATUS_SQL[] =
  "SELECT status, loyal, customers FROM bjb.report_customer_status()";
static const char NEW_SQL[] =
  "SELECT month, customers FROM bjb.report_new_customers($1::date, $2::date)";
static const char TOP_SQL[] =
  "SELECT customer_id, name, phone, spend, orders, loyal "
  "FROM bjb.report_top_customers($1::date, $2::date, $3::int)";
static const char PREFERENCES_SQL[] =
  "SELECT product_id, product_name, category, customers, loyal_customers "
  "FROM bjb.report_customer_preferences()";
static const char LAPSED_SQL[] =
  "SELECT customer_id, name, phone, last_order_at, order_count, total_spend "
  "FROM bjb.report_lapsed_customers($1::int, $2::timestamptz, $3::bigint, $4::int)";

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

char *
bjb_report_format_time (GDateTime *time)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  if (jakarta == NULL)
    jakarta = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (time, jakarta);
  return g_date_time_format (local, "%d-%m-%Y %H:%M");
}

static void
set_money (BjbReportRow *row,
           const char   *property,
           gint64        rupiah)
{
  g_autofree char *text = bjb_money_format (rupiah);

  g_object_set (row, property, text, NULL);
}

static void
set_count (BjbReportRow *row,
           gint64        count)
{
  g_autofree char *text = bjb_money_format_plain (count);

  g_object_set (row, "count", count, "count-text", text, NULL);
}

static void
set_time (BjbReportRow *row,
          BjbResult    *rows,
          guint         i,
          const char   *column)
{
  g_autoptr(GDateTime) time = bjb_result_get_datetime (rows, i, column);
  g_autofree char *text = bjb_report_format_time (time);

  /* The keyset is the server's own text: to the microsecond, no round trip through C. */
  g_object_set (row, "key", bjb_result_get_string (rows, i, column), "date-text", text, NULL);
}

/* Transactions */

static void
transaction_params (const BjbTransactionFilter *filter,
                    const char                **params,
                    char                      **customer)
{
  *customer = filter->customer_id != 0 ? bjb_ops_int_param (filter->customer_id) : NULL;
  params[0] = nonempty (filter->from);
  params[1] = nonempty (filter->to);
  params[2] = nonempty (filter->status);
  params[3] = *customer;
  params[4] = nonempty (filter->courier);
  params[5] = nonempty (filter->delivery);
}

BJB_OPS_ASYNC (bjb_report_ops_transactions, const BjbTransactionFilter *filter,
               BjbReportRow *after, guint limit)
{
  g_autofree char *customer = NULL;
  g_autofree char *after_id = NULL;
  g_autofree char *limit_text = bjb_ops_int_param (limit);
  const char *params[9] = { NULL };

  g_return_if_fail (filter != NULL);
  g_return_if_fail (after == NULL || BJB_IS_REPORT_ROW (after));

  transaction_params (filter, params, &customer);
  if (after != NULL)
    {
      params[6] = bjb_report_row_get_key (after);
      after_id = bjb_ops_int_param (bjb_paged_row_get_id (BJB_PAGED_ROW (after)));
      params[7] = after_id;
    }
  params[8] = limit_text;
  bjb_ops_query_async (connection, TRANSACTIONS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_report_ops_transactions_async, callback, user_data);
}

static BjbReportRow *
transaction_row (BjbResult *rows,
                 guint      i)
{
  BjbReportRow *row = bjb_report_row_new ();

  g_object_set (row,
                "id", bjb_result_get_int64 (rows, i, "id"),
                "customer-id", bjb_result_get_int64 (rows, i, "customer_id"),
                "title", bjb_result_get_string (rows, i, "number"),
                "subtitle", bjb_result_get_string (rows, i, "customer_name"),
                "items", bjb_result_get_string (rows, i, "items"),
                "status", bjb_result_get_string (rows, i, "status"),
                "detail", bjb_result_get_string (rows, i, "courier_name"),
                "amount", bjb_result_get_int64 (rows, i, "total"),
                "kind", bjb_result_get_string (rows, i, "delivery"),
                "kind-label", g_strcmp0 (bjb_result_get_string (rows, i, "delivery"), "pickup") == 0
                              ? _("Pickup") : _("Delivery"),
                NULL);
  set_time (row, rows, i, "placed_at");
  set_count (row, bjb_result_get_int64 (rows, i, "quantity"));
  set_money (row, "gross-text", bjb_result_get_int64 (rows, i, "subtotal"));
  set_money (row, "discount-text", bjb_result_get_int64 (rows, i, "discount_total"));
  set_money (row, "shipping-text", bjb_result_get_int64 (rows, i, "shipping_cost"));
  set_money (row, "amount-text", bjb_result_get_int64 (rows, i, "total"));
  return row;
}

BJB_OPS_FINISH (GPtrArray *, bjb_report_ops_transactions)
{
  return bjb_ops_query_finish_array (result, bjb_report_ops_transactions_async,
                                     (BjbOpsRowFunc) transaction_row, error);
}

BJB_OPS_ASYNC (bjb_report_ops_transaction_totals, const BjbTransactionFilter *filter)
{
  g_autofree char *customer = NULL;
  const char *params[6];

  g_return_if_fail (filter != NULL);

  transaction_params (filter, params, &customer);
  bjb_ops_query_async (connection, TOTALS_SQL, G_N_ELEMENTS (params), params, cancellable,
                       bjb_report_ops_transaction_totals_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_report_ops_transaction_totals, BjbTransactionTotals *totals)
{
  g_autoptr(BjbResult) rows =
    bjb_ops_query_finish (result, bjb_report_ops_transaction_totals_async, error);

  g_return_val_if_fail (totals != NULL, FALSE);

  if (rows == NULL)
    return FALSE;
  g_assert (bjb_result_get_n_rows (rows) == 1);
  totals->orders = bjb_result_get_int64 (rows, 0, "orders");
  totals->gross = bjb_result_get_int64 (rows, 0, "gross");
  totals->discount = bjb_result_get_int64 (rows, 0, "discount");
  totals->shipping = bjb_result_get_int64 (rows, 0, "shipping");
  totals->net = bjb_result_get_int64 (rows, 0, "net");
  return TRUE;
}

/* Customers */

typedef struct
{
  const char *sql;
  guint n_params;
} CustomerStatement;

static CustomerStatement
customer_statement (const BjbCustomerReportParams *params,
                    BjbReportRow                  *after,
                    guint                          limit,
                    const char                   **values,
                    char                         **owned)
{
  switch (params->report)
    {
    case BJB_CUSTOMER_REPORT_STATUS:
      return (CustomerStatement) { STATUS_SQL, 0 };
    case BJB_CUSTOMER_REPORT_NEW:
      values[0] = nonempty (params->from);
      values[1] = nonempty (params->to);
      return (CustomerStatement) { NEW_SQL, 2 };
    case BJB_CUSTOMER_REPORT_TOP:
      values[0] = nonempty (params->from);
      values[1] = nonempty (params->to);
      owned[0] = bjb_ops_int_param (params->limit);
      values[2] = owned[0];
      return (CustomerStatement) { TOP_SQL, 3 };
    case BJB_CUSTOMER_REPORT_PREFERENCES:
      return (CustomerStatement) { PREFERENCES_SQL, 0 };
    case BJB_CUSTOMER_REPORT_LAPSED:
    default:
      owned[0] = bjb_ops_int_param (params->days);
      values[0] = owned[0];
      if (after != NULL)
        {
          values[1] = bjb_report_row_get_key (after);
          owned[1] = bjb_ops_int_param (bjb_paged_row_get_id (BJB_PAGED_ROW (after)));
          values[2] = owned[1];
        }
      owned[2] = limit > 0 ? bjb_ops_int_param (limit) : NULL;
      values[3] = owned[2];
      return (CustomerStatement) { LAPSED_SQL, 4 };
    }
}

BJB_OPS_ASYNC (bjb_report_ops_customers, const BjbCustomerReportParams *params,
               BjbReportRow *after, guint limit)
{
  const char *values[4] = { NULL };
  char *owned[3] = { NULL };
  CustomerStatement statement;

  g_return_if_fail (params != NULL);
  g_return_if_fail (after == NULL || BJB_IS_REPORT_ROW (after));

  statement = customer_statement (params, after, limit, values, owned);
  bjb_ops_query_async (connection, statement.sql, statement.n_params, values, cancellable,
                       bjb_report_ops_customers_async, callback, user_data);
  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    g_free (owned[i]);
}

static const char *
customer_status_label (const char *status)
{
  return g_strcmp0 (status, "active") == 0 ? _("Active") : _("Inactive");
}

static const char *
loyal_label (gboolean loyal)
{
  return loyal ? _("Loyal") : _("Not loyal");
}

/* One parser for the five analyses: each fills the properties its columns name. */
static BjbReportRow *
customer_row (BjbResult *rows,
              guint      i)
{
  BjbReportRow *row = bjb_report_row_new ();

  g_object_set (row, "id", (gint64) i + 1, NULL);
  if (bjb_result_has_column (rows, "customer_id"))
    g_object_set (row,
                  "id", bjb_result_get_int64 (rows, i, "customer_id"),
                  "customer-id", bjb_result_get_int64 (rows, i, "customer_id"),
                  "title", bjb_result_get_string (rows, i, "name"),
                  "subtitle", bjb_result_get_string (rows, i, "phone"),
                  NULL);
  if (bjb_result_has_column (rows, "product_id"))
    g_object_set (row,
                  "id", bjb_result_get_int64 (rows, i, "product_id"),
                  "title", bjb_result_get_string (rows, i, "product_name"),
                  "subtitle", bjb_result_get_string (rows, i, "category"),
                  NULL);
  if (bjb_result_has_column (rows, "status"))
    g_object_set (row,
                  "status", bjb_result_get_string (rows, i, "status"),
                  "title", customer_status_label (bjb_result_get_string (rows, i, "status")),
                  NULL);
  if (bjb_result_has_column (rows, "loyal"))
    g_object_set (row, "detail", loyal_label (bjb_result_get_boolean (rows, i, "loyal")), NULL);
  if (bjb_result_has_column (rows, "customers"))
    set_count (row, bjb_result_get_int64 (rows, i, "customers"));
  if (bjb_result_has_column (rows, "orders"))
    set_count (row, bjb_result_get_int64 (rows, i, "orders"));
  if (bjb_result_has_column (rows, "order_count"))
    set_count (row, bjb_result_get_int64 (rows, i, "order_count"));
  if (bjb_result_has_column (rows, "loyal_customers"))
    {
      gint64 loyal = bjb_result_get_int64 (rows, i, "loyal_customers");
      g_autofree char *n = bjb_money_format_plain (loyal);
      /* Translators: how many of the customers who prefer a product are loyal */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s loyal",
                                                            "%s loyal", (gulong) loyal), n);
      g_object_set (row, "detail", text, NULL);
    }
  if (bjb_result_has_column (rows, "spend"))
    {
      g_object_set (row, "amount", bjb_result_get_int64 (rows, i, "spend"), NULL);
      set_money (row, "amount-text", bjb_result_get_int64 (rows, i, "spend"));
    }
  if (bjb_result_has_column (rows, "total_spend"))
    {
      g_object_set (row, "amount", bjb_result_get_int64 (rows, i, "total_spend"), NULL);
      set_money (row, "amount-text", bjb_result_get_int64 (rows, i, "total_spend"));
    }
  if (bjb_result_has_column (rows, "last_order_at"))
    set_time (row, rows, i, "last_order_at");
  if (bjb_result_has_column (rows, "month"))
    {
      int y = 0, m = 0, d = 0;
      const char *month = bjb_result_get_string (rows, i, "month");

      if (month != NULL && sscanf (month, "%d-%d-%d", &y, &m, &d) == 3)
        {
          g_autoptr(GDateTime) date = g_date_time_new_utc (y, m, 1, 0, 0, 0);
          g_autofree char *text = g_date_time_format (date, "%B %Y");

          g_object_set (row, "key", month, "date-text", text, NULL);
        }
    }
  return row;
}

BJB_OPS_FINISH (GPtrArray *, bjb_report_ops_customers)
{
  return bjb_ops_query_finish_array (result, bjb_report_ops_customers_async,
                                     (BjbOpsRowFunc) customer_row, error);
}

/* Export specs */

static const char *const delivery_labels_en[] = { "delivery", N_("Delivery"), "pickup", N_("Pickup"), NULL };

static void
set_translated_labels (BjbExportSpec      *spec,
                       const char         *column,
                       const char *const  *labels)
{
  g_autoptr(GPtrArray) translated = g_ptr_array_new_null_terminated (8, NULL, TRUE);

  for (guint i = 0; labels[i] != NULL && labels[i + 1] != NULL; i += 2)
    {
      g_ptr_array_add (translated, (gpointer) labels[i]);
      g_ptr_array_add (translated, (gpointer) _(labels[i + 1]));
    }
  bjb_export_spec_set_labels (spec, column, (const char *const *) translated->pdata);
}

BjbExportSpec *
bjb_report_ops_transactions_spec (const BjbTransactionFilter *filter,
                                  const char *const          *status_labels)
{
  g_autofree char *customer = NULL;
  const char *params[6];
  BjbExportSpec *spec;

  g_return_val_if_fail (filter != NULL, NULL);

  spec = bjb_export_spec_new ("transactions", _("Transaction report"), TRANSACTIONS_SQL);
  transaction_params (filter, params, &customer);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    bjb_export_spec_add_param (spec, params[i]);
  /* No keyset, no limit: every row of the filters, through the cursor. */
  for (guint i = 0; i < 3; i++)
    bjb_export_spec_add_param (spec, NULL);
  bjb_export_spec_add_column (spec, "number", _("Number"), BJB_EXPORT_TEXT, 18, FALSE);
  bjb_export_spec_add_column (spec, "placed_at", _("Placed"), BJB_EXPORT_TIMESTAMP, 17, FALSE);
  bjb_export_spec_add_column (spec, "customer_name", _("Customer"), BJB_EXPORT_TEXT, 20, FALSE);
  bjb_export_spec_add_column (spec, "items", _("Items"), BJB_EXPORT_TEXT, 26, FALSE);
  bjb_export_spec_add_column (spec, "quantity", _("Quantity"), BJB_EXPORT_INTEGER, 9, TRUE);
  bjb_export_spec_add_column (spec, "subtotal", _("Gross"), BJB_EXPORT_RUPIAH, 16, TRUE);
  bjb_export_spec_add_column (spec, "discount_total", _("Discount"), BJB_EXPORT_RUPIAH, 15, TRUE);
  bjb_export_spec_add_column (spec, "shipping_cost", _("Shipping"), BJB_EXPORT_RUPIAH, 14, TRUE);
  bjb_export_spec_add_column (spec, "total", _("Net"), BJB_EXPORT_RUPIAH, 16, TRUE);
  bjb_export_spec_add_column (spec, "status", _("Status"), BJB_EXPORT_TEXT, 11, FALSE);
  bjb_export_spec_add_column (spec, "delivery", _("Delivery"), BJB_EXPORT_TEXT, 10, FALSE);
  bjb_export_spec_add_column (spec, "courier_name", _("Courier"), BJB_EXPORT_TEXT, 14, FALSE);
  bjb_export_spec_add_column (spec, "paid_at", _("Paid"), BJB_EXPORT_TIMESTAMP, 16, FALSE);
  bjb_export_spec_add_column (spec, "completed_at", _("Completed"), BJB_EXPORT_TIMESTAMP, 16, FALSE);
  /* The page's table has no room for them; the spreadsheets do. */
  bjb_export_spec_set_not_printed (spec, "paid_at");
  bjb_export_spec_set_not_printed (spec, "completed_at");
  bjb_export_spec_set_not_printed (spec, "delivery");
  if (status_labels != NULL)
    bjb_export_spec_set_labels (spec, "status", status_labels);
  set_translated_labels (spec, "delivery", delivery_labels_en);
  return spec;
}

static const char *const customer_status_labels[] = { "active", N_("Active"), "inactive", N_("Inactive"), NULL };
static const char *const loyal_labels[] = { "t", N_("Loyal"), "f", N_("Not loyal"), NULL };

BjbExportSpec *
bjb_report_ops_customers_spec (const BjbCustomerReportParams *params)
{
  const char *values[4] = { NULL };
  char *owned[3] = { NULL };
  CustomerStatement statement;
  BjbExportSpec *spec;

  g_return_val_if_fail (params != NULL, NULL);

  /* The call-back list's export is the whole list: no keyset, no limit. */
  statement = customer_statement (params, NULL, 0, values, owned);
  switch (params->report)
    {
    case BJB_CUSTOMER_REPORT_STATUS:
      spec = bjb_export_spec_new ("customers-by-status", _("Customers by status"), statement.sql);
      bjb_export_spec_add_column (spec, "status", _("Status"), BJB_EXPORT_TEXT, 14, FALSE);
      bjb_export_spec_add_column (spec, "loyal", _("Loyal"), BJB_EXPORT_TEXT, 14, FALSE);
      bjb_export_spec_add_column (spec, "customers", _("Customers"), BJB_EXPORT_INTEGER, 12, TRUE);
      set_translated_labels (spec, "status", customer_status_labels);
      set_translated_labels (spec, "loyal", loyal_labels);
      break;
    case BJB_CUSTOMER_REPORT_NEW:
      spec = bjb_export_spec_new ("new-customers", _("New customers per month"), statement.sql);
      bjb_export_spec_add_column (spec, "month", _("Month"), BJB_EXPORT_DATE, 14, FALSE);
      bjb_export_spec_add_column (spec, "customers", _("New customers"), BJB_EXPORT_INTEGER, 14, TRUE);
      break;
    case BJB_CUSTOMER_REPORT_TOP:
      spec = bjb_export_spec_new ("top-customers", _("Top customers"), statement.sql);
      bjb_export_spec_add_column (spec, "name", _("Customer"), BJB_EXPORT_TEXT, 28, FALSE);
      bjb_export_spec_add_column (spec, "phone", _("Phone"), BJB_EXPORT_TEXT, 16, FALSE);
      bjb_export_spec_add_column (spec, "spend", _("Spend"), BJB_EXPORT_RUPIAH, 16, TRUE);
      bjb_export_spec_add_column (spec, "orders", _("Orders"), BJB_EXPORT_INTEGER, 9, TRUE);
      bjb_export_spec_add_column (spec, "loyal", _("Loyal"), BJB_EXPORT_TEXT, 12, FALSE);
      set_translated_labels (spec, "loyal", loyal_labels);
      break;
    case BJB_CUSTOMER_REPORT_PREFERENCES:
      spec = bjb_export_spec_new ("customer-preferences", _("Customers by product preference"),
                                  statement.sql);
      bjb_export_spec_add_column (spec, "product_name", _("Product"), BJB_EXPORT_TEXT, 30, FALSE);
      bjb_export_spec_add_column (spec, "category", _("Category"), BJB_EXPORT_TEXT, 18, FALSE);
      bjb_export_spec_add_column (spec, "customers", _("Customers"), BJB_EXPORT_INTEGER, 12, FALSE);
      bjb_export_spec_add_column (spec, "loyal_customers", _("Of them loyal"), BJB_EXPORT_INTEGER, 12, FALSE);
      break;
    case BJB_CUSTOMER_REPORT_LAPSED:
    default:
      spec = bjb_export_spec_new ("customers-to-call", _("Customers to call back"), statement.sql);
      bjb_export_spec_add_column (spec, "name", _("Customer"), BJB_EXPORT_TEXT, 28, FALSE);
      bjb_export_spec_add_column (spec, "phone", _("Phone"), BJB_EXPORT_TEXT, 16, FALSE);
      bjb_export_spec_add_column (spec, "last_order_at", _("Last order"), BJB_EXPORT_TIMESTAMP, 16, FALSE);
      bjb_export_spec_add_column (spec, "order_count", _("Orders"), BJB_EXPORT_INTEGER, 9, FALSE);
      bjb_export_spec_add_column (spec, "total_spend", _("Spend"), BJB_EXPORT_RUPIAH, 16, FALSE);
      break;
    }
  for (guint i = 0; i < statement.n_params; i++)
    bjb_export_spec_add_param (spec, values[i]);
  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    g_free (owned[i]);
  return spec;
}
