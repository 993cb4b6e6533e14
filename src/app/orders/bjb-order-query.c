/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-query"

#include "config.h"

#include "bjb-money.h"
#include "bjb-order-format.h"
#include "bjb-order-list-ops.h"
#include "bjb-order-query.h"
#include "bjb-filter-query.h"

struct _BjbOrderQuery
{
  BjbFilterQuery parent_instance;

  /* The ops call's filter itself; its strings are owned (field props) */
  BjbOrderFilter filter;
};

G_DEFINE_FINAL_TYPE (BjbOrderQuery, bjb_order_query, BJB_TYPE_FILTER_QUERY)

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
decorate (gpointer item,
          gpointer query)
{
  BjbOrderRow *row = item;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
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

/* BjbFilterQuery */

static BJB_OPS_ASYNC (fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  bjb_order_list_ops_list_async (connection, &BJB_ORDER_QUERY (query)->filter,
                                 after != NULL ? BJB_ORDER_ROW (after) : NULL, limit,
                                 cancellable, callback, user_data);
}

/* GObject */

#define FILTER(field, pspec) \
  bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbOrderQuery, field), pspec)

static void
bjb_order_query_class_init (BjbOrderQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);
  GParamFlags rw = BJB_FILTER_QUERY_PARAM_FLAGS;

  query_class->fetch = fetch_async;
  query_class->fetch_finish = bjb_order_list_ops_list_finish;
  query_class->decorate = decorate;

  FILTER (filter.status, g_param_spec_string ("status", NULL, NULL, NULL, rw));
  FILTER (filter.from, g_param_spec_string ("from", NULL, NULL, NULL, rw));
  FILTER (filter.to, g_param_spec_string ("to", NULL, NULL, NULL, rw));
  FILTER (filter.customer_id,
          g_param_spec_int64 ("customer-id", NULL, NULL, -1, G_MAXINT64, 0, rw));
  FILTER (filter.number, g_param_spec_string ("number", NULL, NULL, NULL, rw));
}

#undef FILTER

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
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (self), connection);
}
