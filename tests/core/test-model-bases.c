/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The shared bases rows and queries are built on (BjbFieldRow, bjb-field-props,
 * BjbFilterQuery), through real users of each: what a list relies on is that a value is
 * read back as written, that a property notifies only when its value changes, and that a
 * query says "changed" once per g_object_set().
 */
#include "config.h"

#include "bjb-admin-product-query.h"
#include "bjb-best-seller.h"
#include "bjb-customer-query.h"
#include "bjb-event.h"
#include "bjb-notification.h"
#include "bjb-order-row.h"

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

static void
changed_cb (BjbPagedQuery *query,
            guint         *count)
{
  (*count)++;
}

static void
test_filter_query (void)
{
  g_autoptr(BjbCustomerQuery) query = bjb_customer_query_new (NULL);
  g_autoptr(BjbAdminProductQuery) products = bjb_admin_product_query_new (NULL);
  g_autofree char *sort = NULL;
  g_autofree char *text = NULL;
  guint changed = 0, notified = 0;
  int active = 0;

  g_assert_false (bjb_paged_query_can_fetch (BJB_PAGED_QUERY (query)));
  g_object_get (query, "sort", &sort, NULL);
  g_assert_cmpstr (sort, ==, "name");
  g_object_get (products, "active", &active, NULL);
  g_assert_cmpint (active, ==, -1);

  g_signal_connect (query, "changed", G_CALLBACK (changed_cb), &changed);
  g_signal_connect (query, "notify::text", G_CALLBACK (count_cb), &notified);

  bjb_customer_query_set_text (query, "budi");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  bjb_customer_query_set_text (query, "budi");
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (query, "text", &text, NULL);
  g_assert_cmpstr (text, ==, "budi");

  /* Three filters in one call: the list starts over once. */
  g_object_set (query, "status", "active", "loyal-only", TRUE, "birthday-days", 7, NULL);
  g_assert_cmpuint (changed, ==, 2);

  /* No sort is the default sort. */
  g_clear_pointer (&sort, g_free);
  bjb_customer_query_set_sort (query, "-total_spend");
  bjb_customer_query_set_sort (query, NULL);
  g_object_get (query, "sort", &sort, NULL);
  g_assert_cmpstr (sort, ==, "name");
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_field_props (void)
{
  g_autoptr(BjbOrderRow) row = bjb_order_row_new ();
  static const char *const classes[] = { "error", NULL };
  g_autofree char *number = NULL;
  g_auto(GStrv) due_classes = NULL;
  gint64 total = 0;
  guint notified = 0;

  g_signal_connect (row, "notify", G_CALLBACK (count_cb), &notified);

  bjb_order_row_set_number (row, "INV-0001");
  bjb_order_row_set_total (row, 125000);
  bjb_order_row_set_due_classes (row, classes);
  g_assert_cmpuint (notified, ==, 3);
  /* The same values again: nothing to redraw. */
  bjb_order_row_set_number (row, "INV-0001");
  bjb_order_row_set_total (row, 125000);
  bjb_order_row_set_due_classes (row, classes);
  g_object_set (row, "number", "INV-0001", NULL);
  g_assert_cmpuint (notified, ==, 3);

  g_object_set (row, "total", (gint64) 99, NULL);
  g_object_get (row, "number", &number, "total", &total, "due-classes", &due_classes, NULL);
  g_assert_cmpstr (number, ==, "INV-0001");
  g_assert_cmpint (total, ==, 99);
  g_assert_cmpstrv (due_classes, classes);
  g_assert_cmpuint (notified, ==, 4);
}

/* Boxed and construct-only fields: an event's time and its details, a notification's
 * "read" that "unread" mirrors. */
static void
test_field_props_boxed (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_utc (2026, 12, 1, 8, 30, 0);
  g_autoptr(BjbEvent) event = g_object_new (BJB_TYPE_EVENT, "id", (gint64) 5,
                                            "kind", "order_placed", "created-at", at,
                                            "details", NULL, NULL);
  g_autoptr(GDateTime) read_at = NULL;
  g_autoptr(BjbNotification) notification = NULL;
  gboolean unread = FALSE;
  guint notified = 0;

  g_object_get (event, "created-at", &read_at, NULL);
  g_assert_true (g_date_time_equal (read_at, at));
  g_assert_cmpstr (bjb_event_get_details (event), ==, "{}");
  g_assert_cmpstr (bjb_event_get_kind (event), ==, "order_placed");

  notification = bjb_notification_new_from_event (event, NULL, FALSE);
  g_assert_true (g_date_time_equal (bjb_notification_get_created_at (notification), at));
  g_object_get (notification, "unread", &unread, NULL);
  g_assert_true (unread);
  g_signal_connect (notification, "notify", G_CALLBACK (count_cb), &notified);
  g_object_set (notification, "read", TRUE, NULL);
  g_object_get (notification, "unread", &unread, NULL);
  g_assert_false (unread);
  g_assert_cmpuint (notified, ==, 2);   /* read and unread, once each */
  bjb_notification_set_read (notification, TRUE);
  g_assert_cmpuint (notified, ==, 2);
}

static BjbBestSeller *
best_seller (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return bjb_best_seller_new_from_json (json_node_get_object (node), FALSE);
}

static void
test_field_row (void)
{
  g_autoptr(BjbBestSeller) row =
    best_seller ("{\"product_id\": 7, \"rank\": 1, \"product\": \"Paving\", \"unit\": \"m2\","
                 " \"qty\": 10, \"revenue\": 500000, \"share\": 0.25}");
  g_autoptr(BjbBestSeller) fresh =
    best_seller ("{\"product_id\": 7, \"rank\": 1, \"product\": \"Paving\", \"unit\": \"m2\","
                 " \"qty\": 12, \"revenue\": 600000, \"share\": 0.25}");
  g_autoptr(GObject) placeholder = g_object_new (BJB_TYPE_BEST_SELLER, "placeholder", TRUE, NULL);
  g_autofree char *name = NULL;
  double share = 0;
  guint notified = 0;

  g_object_get (row, "name", &name, "share", &share, NULL);
  g_assert_cmpstr (name, ==, "Paving");
  g_assert_cmpfloat (share, ==, 0.25);
  g_assert_cmpint (bjb_paged_row_get_id (BJB_PAGED_ROW (row)), ==, 7);
  g_assert_false (bjb_paged_row_get_placeholder (BJB_PAGED_ROW (row)));
  g_assert_true (bjb_paged_row_get_placeholder (BJB_PAGED_ROW (placeholder)));

  /* A refresh notifies what changed: qty, revenue and their texts. */
  g_signal_connect (row, "notify", G_CALLBACK (count_cb), &notified);
  bjb_paged_row_update (BJB_PAGED_ROW (row), BJB_PAGED_ROW (fresh));
  g_assert_cmpuint (notified, ==, 4);
  bjb_paged_row_update (BJB_PAGED_ROW (placeholder), BJB_PAGED_ROW (fresh));
  g_assert_false (bjb_paged_row_get_placeholder (BJB_PAGED_ROW (placeholder)));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model-bases/filter-query", test_filter_query);
  g_test_add_func ("/model-bases/field-props", test_field_props);
  g_test_add_func ("/model-bases/field-props-boxed", test_field_props_boxed);
  g_test_add_func ("/model-bases/field-row", test_field_row);

  return g_test_run ();
}
