/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The shared bases rows and queries are built on (BjbFieldRow, bjb-field-props,
 * BjbFilterQuery), through real users of each: what a list relies on is that a value is
 * read back as written, that a property notifies only when its value changes, and that a
 * query says "changed" once per g_object_set() and fetches through its class's ops call.
 */
#include "config.h"

#include "bjb-admin-product-query.h"
#include "bjb-best-seller.h"
#include "bjb-customer-query.h"
#include "bjb-event.h"
#include "bjb-field-props.h"
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

/* A query of the test's own: BjbFilterQuery is its BjbPagedQuery; the class gives only its
 * ops call (here a GTask that answers @limit rows), that call's _finish and decorate. */
struct _TestQuery
{
  BjbFilterQuery parent_instance;

  char *prefix;
};

G_DECLARE_FINAL_TYPE (TestQuery, test_query, TEST, QUERY, BjbFilterQuery)
G_DEFINE_FINAL_TYPE (TestQuery, test_query, BJB_TYPE_FILTER_QUERY)

static BJB_OPS_ASYNC (test_fetch, BjbFilterQuery *query, BjbPagedRow *after, guint limit)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_true (connection == bjb_filter_query_get_connection (query));
  for (guint i = 0; i < limit; i++)
    g_ptr_array_add (rows, bjb_order_row_new ());
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
test_fetch_finish (GAsyncResult  *result,
                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_decorate (gpointer row,
               gpointer query)
{
  bjb_order_row_set_number (row, TEST_QUERY (query)->prefix ?: "none");
}

static void
test_query_class_init (TestQueryClass *klass)
{
  BjbFilterQueryClass *query_class = BJB_FILTER_QUERY_CLASS (klass);

  query_class->fetch = test_fetch_async;
  query_class->fetch_finish = test_fetch_finish;
  query_class->decorate = test_decorate;
  bjb_filter_query_class_add_text (klass, G_STRUCT_OFFSET (TestQuery, prefix), "prefix");
}

static void
test_query_init (TestQuery *self)
{
}

typedef struct
{
  BjbPagedQuery *query;
  GPtrArray *rows;
} Fetch;

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GError) error = NULL;

  fetch->rows = bjb_paged_query_fetch_finish (fetch->query, result, &error);
  g_assert_no_error (error);
}

/* The rows of the first page, decorated. */
static char *
first_number (BjbPagedQuery *query,
              guint          limit)
{
  Fetch fetch = { query, NULL };
  g_autoptr(GPtrArray) rows = NULL;

  bjb_paged_query_fetch_async (query, NULL, limit, NULL, fetched_cb, &fetch);
  while (fetch.rows == NULL)
    g_main_context_iteration (NULL, TRUE);
  rows = fetch.rows;
  g_assert_cmpuint (rows->len, ==, limit);
  return g_strdup (bjb_order_row_get_number (g_ptr_array_index (rows, 0)));
}

static void
test_filter_query_fetch (void)
{
  static const char *const keywords[] = { "host", NULL };
  static const char *const values[] = { "localhost", NULL };
  g_autoptr(BjbConnection) connection = bjb_connection_new (keywords, values);
  g_autoptr(TestQuery) query = g_object_new (test_query_get_type (), "prefix", "INV", NULL);
  g_autofree char *number = NULL;
  g_autofree char *after_off = NULL;

  g_assert_false (bjb_paged_query_can_fetch (BJB_PAGED_QUERY (query)));
  bjb_filter_query_set_connection (BJB_FILTER_QUERY (query), connection);
  g_assert_true (bjb_paged_query_can_fetch (BJB_PAGED_QUERY (query)));

  number = first_number (BJB_PAGED_QUERY (query), 3);
  g_assert_cmpstr (number, ==, "INV");
  /* "" is off, like NULL. */
  g_object_set (query, "prefix", "", NULL);
  g_assert_null (query->prefix);
  after_off = first_number (BJB_PAGED_QUERY (query), 1);
  g_assert_cmpstr (after_off, ==, "none");
}

/* A holder of the test's own with an object, an interface, a boolean, an int and an enum
 * field. */
struct _TestHolder
{
  GObject parent_instance;

  GObject *item;
  GListModel *model;
  gboolean flag;
  int count;
  BjbConnectionState state;
};

G_DECLARE_FINAL_TYPE (TestHolder, test_holder, TEST, HOLDER, GObject)
G_DEFINE_FINAL_TYPE (TestHolder, test_holder, G_TYPE_OBJECT)

static GParamSpec *holder_props[6];

static void
test_holder_finalize (GObject *object)
{
  bjb_field_props_clear (object);
  G_OBJECT_CLASS (test_holder_parent_class)->finalize (object);
}

static void
test_holder_class_init (TestHolderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = test_holder_finalize;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;
  holder_props[1] = g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT, flags);
  holder_props[2] = g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL, flags);
  holder_props[3] = g_param_spec_boolean ("flag", NULL, NULL, FALSE, flags);
  holder_props[4] = g_param_spec_int ("count", NULL, NULL, 0, 10, 0, flags);
  bjb_field_props_install (object_class, 1, G_STRUCT_OFFSET (TestHolder, item), holder_props[1]);
  bjb_field_props_install (object_class, 2, G_STRUCT_OFFSET (TestHolder, model), holder_props[2]);
  bjb_field_props_install (object_class, 3, G_STRUCT_OFFSET (TestHolder, flag), holder_props[3]);
  bjb_field_props_install (object_class, 4, G_STRUCT_OFFSET (TestHolder, count), holder_props[4]);
  holder_props[5] = g_param_spec_enum ("state", NULL, NULL, BJB_TYPE_CONNECTION_STATE,
                                       BJB_CONNECTION_STATE_DISCONNECTED, flags);
  bjb_field_props_install (object_class, 5, G_STRUCT_OFFSET (TestHolder, state), holder_props[5]);
}

static void
test_holder_init (TestHolder *self)
{
}

static void
test_field_props_objects (void)
{
  TestHolder *holder = g_object_new (test_holder_get_type (), NULL);
  GObject *item = g_object_new (G_TYPE_OBJECT, NULL);
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GObject) item_back = NULL;
  BjbConnectionState state = BJB_CONNECTION_STATE_DISCONNECTED;
  guint notified = 0;

  g_object_add_weak_pointer (item, (gpointer *) &item);
  g_object_add_weak_pointer (G_OBJECT (store), (gpointer *) &store);
  g_signal_connect (holder, "notify", G_CALLBACK (count_cb), &notified);

  /* The holder keeps its own references; the same object again is no change. */
  g_object_set (holder, "item", item, "model", store, NULL);
  g_object_unref (store);
  g_object_set (holder, "item", item, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_object_get (holder, "item", &item_back, NULL);
  g_assert_true (item_back == item);
  g_clear_object (&item_back);
  g_object_unref (item);
  g_assert_nonnull (item);
  g_assert_nonnull (store);

  /* The scalar setters notify only a change. */
  bjb_field_props_set_boolean (holder, holder_props[3], TRUE);
  bjb_field_props_set_boolean (holder, holder_props[3], TRUE);
  bjb_field_props_set_int (holder, holder_props[4], 7);
  bjb_field_props_set_int (holder, holder_props[4], 7);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_true (holder->flag);
  g_assert_cmpint (holder->count, ==, 7);

  /* An enum field reads and writes as its enum, and notifies only a change. */
  g_object_set (holder, "state", BJB_CONNECTION_STATE_CONNECTED, NULL);
  g_object_set (holder, "state", BJB_CONNECTION_STATE_CONNECTED, NULL);
  g_assert_cmpuint (notified, ==, 5);
  g_object_get (holder, "state", &state, NULL);
  g_assert_cmpint (state, ==, BJB_CONNECTION_STATE_CONNECTED);

  /* Finalizing drops the objects. */
  g_object_unref (holder);
  g_assert_null (item);
  g_assert_null (store);
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
  g_test_add_func ("/model-bases/filter-query-fetch", test_filter_query_fetch);
  g_test_add_func ("/model-bases/field-props-boxed", test_field_props_boxed);
  g_test_add_func ("/model-bases/field-props-objects", test_field_props_objects);
  g_test_add_func ("/model-bases/field-row", test_field_row);

  return g_test_run ();
}
