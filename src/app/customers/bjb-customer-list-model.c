/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-list-model"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bjb-customer-list-model.h"

/* About one screen of rows: every search applies a whole page to the view on the main
 * thread, so a page of 100 made a keystroke take ~215 ms to draw at 100 000 customers and
 * a page of 40 ~80–100 ms (tests/customers/README.md). Scrolling fetches the next page. */
#define DEFAULT_PAGE_SIZE 40
#define DEFAULT_DEBOUNCE_MS 150
#define COUNT_DELAY_MS 300
#define NEXT_DELAY_MS 60
/* A refresh re-reads at most this many of the loaded rows in one query. */
#define MAX_REFRESH_ROWS 1000

static const char search_sql[] =
  "SELECT * FROM bjb.search_customers($1, $2, $3::boolean, $4::bigint, $5::int, $6, "
  "$7::jsonb, $8::int)";
static const char count_sql[] =
  "SELECT bjb.count_customers($1, $2, $3::boolean, $4::bigint, $5::int) AS n";

typedef enum
{
  FETCH_FIRST,    /* new filters: replace everything */
  FETCH_NEXT,     /* the page after the loaded rows */
  FETCH_REFRESH,  /* the loaded rows again, keeping objects */
} FetchKind;

struct _BjbCustomerListModel
{
  GObject parent_instance;

  /* Owned */
  BjbConnection *connection;
  char *query;
  char *status;
  gboolean loyal_only;
  gint64 product_id;
  int birthday_days;
  char *sort;
  guint page_size;
  guint debounce_ms;

  GPtrArray *items;          /* BjbCustomer, loaded rows in server order */
  GPtrArray *placeholders;   /* page_size reusable placeholder rows */
  guint n_placeholders;      /* shown after the items while has_more */
  gboolean has_more;

  GCancellable *cancellable; /* the query in flight (first / next / refresh) */
  GCancellable *count_cancellable;
  guint serial;              /* bumped on every new set of filters */
  gboolean fetching;
  gboolean page_failed;      /* don't hammer a failing server from get_item() */
  gboolean loading;
  gint64 n_total;
  GError *error;

  guint debounce_source;
  guint count_source;        /* the count waits until the list has been quiet a moment */
  guint next_source;         /* a page the view asked for, fetched a moment later */
  gint64 last_change_usec;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomerListModel, bjb_customer_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_QUERY,
  PROP_STATUS,
  PROP_LOYAL_ONLY,
  PROP_PRODUCT_ID,
  PROP_BIRTHDAY_DAYS,
  PROP_SORT,
  PROP_PAGE_SIZE,
  PROP_DEBOUNCE,
  PROP_LOADING,
  PROP_N_TOTAL,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  BjbCustomerListModel *self;  /* strong */
  GCancellable *cancellable;   /* strong; identifies the query this is the answer to */
  guint serial;
  FetchKind kind;
  guint limit;                 /* rows asked for, one more than kept (to see has_more) */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->self);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void start_fetch (BjbCustomerListModel *self,
                         FetchKind             kind);

static gboolean
next_page_cb (gpointer user_data)
{
  BjbCustomerListModel *self = user_data;

  self->next_source = 0;
  if (!self->fetching && !self->page_failed && self->has_more)
    start_fetch (self, FETCH_NEXT);
  return G_SOURCE_REMOVE;
}

/* GListModel */

static GType
bjb_customer_list_model_get_item_type (GListModel *model)
{
  return BJB_TYPE_CUSTOMER;
}

static guint
bjb_customer_list_model_get_n_items (GListModel *model)
{
  BjbCustomerListModel *self = BJB_CUSTOMER_LIST_MODEL (model);

  return self->items->len + self->n_placeholders;
}

static gpointer
bjb_customer_list_model_get_item (GListModel *model,
                                  guint       position)
{
  BjbCustomerListModel *self = BJB_CUSTOMER_LIST_MODEL (model);

  if (position < self->items->len)
    return g_object_ref (g_ptr_array_index (self->items, position));

  if (position - self->items->len >= self->n_placeholders)
    return NULL;

  /* The view wants a row past the loaded ones: fetch the next page (never from here
   * synchronously: items-changed comes from the reply). A moment later, so that a view
   * laying out rows right after new search results does not put a page query in front of
   * the next keystroke's. */
  if (!self->fetching && !self->page_failed && self->has_more && self->next_source == 0)
    self->next_source = g_timeout_add (NEXT_DELAY_MS, next_page_cb, self);

  return g_object_ref (g_ptr_array_index (self->placeholders, position - self->items->len));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bjb_customer_list_model_get_item_type;
  iface->get_n_items = bjb_customer_list_model_get_n_items;
  iface->get_item = bjb_customer_list_model_get_item;
}

/* Queries */

static gpointer
item_at (BjbCustomerListModel *self,
         GPtrArray            *items,
         guint                 n_placeholders,
         guint                 position)
{
  if (position < items->len)
    return g_ptr_array_index (items, position);
  if (position - items->len < n_placeholders)
    return g_ptr_array_index (self->placeholders, position - items->len);
  return NULL;
}

static void
set_loading (BjbCustomerListModel *self,
             gboolean              loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_n_total (BjbCustomerListModel *self,
             gint64                n_total)
{
  if (self->n_total == n_total)
    return;
  self->n_total = n_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static void
set_error (BjbCustomerListModel *self,
           const GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static char *
after_json (BjbCustomer *last)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "key");
  if (bjb_customer_get_sort_key (last) != NULL)
    json_builder_add_string_value (builder, bjb_customer_get_sort_key (last));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, bjb_customer_get_id (last));
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* The five filter parameters shared by search and count; NULL means "any". */
static void
filter_params (BjbCustomerListModel *self,
               const char          **params,
               char                **product,
               char                **days)
{
  const char *q = self->query;

  while (q != NULL && g_ascii_isspace (*q))
    q++;
  params[0] = (q != NULL && *q != '\0') ? self->query : NULL;
  params[1] = (self->status != NULL && *self->status != '\0') ? self->status : NULL;
  params[2] = self->loyal_only ? "true" : NULL;
  *product = self->product_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->product_id) : NULL;
  params[3] = *product;
  *days = self->birthday_days > 0 ? g_strdup_printf ("%d", self->birthday_days) : NULL;
  params[4] = *days;
}

/* New filters: the first page replaces everything. The row objects already there are
 * reused in place (their properties change, so the view's row widgets stay and only their
 * labels update) instead of a whole new set of rows being built for every keystroke. */
static void
apply_first (BjbCustomerListModel *self,
             BjbResult            *result,
             guint                 limit)
{
  guint old_len = self->items->len;
  guint old_n = old_len + self->n_placeholders;
  guint n_rows = bjb_result_get_n_rows (result);
  guint keep = MIN (n_rows, limit - 1);
  guint same;
  guint new_n;

  for (guint i = 0; i < keep; i++)
    {
      if (i < old_len)
        bjb_customer_update_from_result (g_ptr_array_index (self->items, i), result, i);
      else
        g_ptr_array_add (self->items, bjb_customer_new_from_result (result, i));
    }
  if (old_len > keep)
    g_ptr_array_remove_range (self->items, keep, old_len - keep);
  self->has_more = n_rows > keep;
  self->n_placeholders = self->has_more ? self->page_size : 0;
  new_n = self->items->len + self->n_placeholders;

  /* Positions before `same` hold the same objects as before; so do the placeholders when
   * the number of rows did not change. */
  same = MIN (old_len, keep);
  if (old_len == keep && old_n == new_n)
    return;
  g_list_model_items_changed (G_LIST_MODEL (self), same, old_n - same, new_n - same);
}

static void
apply_next (BjbCustomerListModel *self,
            BjbResult            *result,
            guint                 limit)
{
  guint start = self->items->len;
  guint removed = self->n_placeholders;
  guint n_rows = bjb_result_get_n_rows (result);
  guint keep = MIN (n_rows, limit - 1);

  for (guint i = 0; i < keep; i++)
    g_ptr_array_add (self->items, bjb_customer_new_from_result (result, i));
  self->has_more = n_rows > keep;
  self->n_placeholders = self->has_more ? self->page_size : 0;

  g_list_model_items_changed (G_LIST_MODEL (self), start, removed,
                              keep + self->n_placeholders);
}

static void
apply_refresh (BjbCustomerListModel *self,
               BjbResult            *result,
               guint                 limit)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) old_items = g_steal_pointer (&self->items);
  guint old_placeholders = self->n_placeholders;
  guint old_n = old_items->len + old_placeholders;
  guint n_rows = bjb_result_get_n_rows (result);
  guint keep = MIN (n_rows, limit - 1);
  guint new_n;
  guint prefix = 0;
  guint suffix = 0;

  for (guint i = 0; i < old_items->len; i++)
    {
      BjbCustomer *c = g_ptr_array_index (old_items, i);
      gint64 id = bjb_customer_get_id (c);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), c);
    }

  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < keep; i++)
    {
      gint64 id = g_ascii_strtoll (bjb_result_get_string (result, i, "id"), NULL, 10);
      BjbCustomer *existing = g_hash_table_lookup (by_id, &id);

      if (existing != NULL)
        {
          /* Same object, new values: cells update through notify, no items-changed. */
          bjb_customer_update_from_result (existing, result, i);
          g_ptr_array_add (self->items, g_object_ref (existing));
        }
      else
        g_ptr_array_add (self->items, bjb_customer_new_from_result (result, i));
    }
  /* Only the first MAX_REFRESH_ROWS are re-read: anything loaded after them comes back
   * through the placeholders as the view scrolls there again. */
  self->has_more = n_rows > keep || (old_items->len > keep && limit - 1 == MAX_REFRESH_ROWS);
  self->n_placeholders = self->has_more ? self->page_size : 0;
  new_n = self->items->len + self->n_placeholders;

  while (prefix < old_n && prefix < new_n &&
         item_at (self, old_items, old_placeholders, prefix) ==
         item_at (self, self->items, self->n_placeholders, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         item_at (self, old_items, old_placeholders, old_n - 1 - suffix) ==
         item_at (self, self->items, self->n_placeholders, new_n - 1 - suffix))
    suffix++;

  if (prefix != old_n || prefix != new_n)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_n - prefix - suffix, new_n - prefix - suffix);
}

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (fetch->serial != fetch->self->serial)
    return;
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("count failed: %s", error->message);
      return;
    }
  set_n_total (fetch->self, bjb_result_get_int64 (rows, 0, "n"));
}

static gboolean
count_cb_timeout (gpointer user_data);

static void
schedule_count (BjbCustomerListModel *self)
{
  /* The count is for the label above the list: it must never hold up rows. Queries run one
   * at a time on the connection, so it waits until typing and the view's page requests
   * have calmed down. */
  g_clear_handle_id (&self->count_source, g_source_remove);
  self->count_source = g_timeout_add (COUNT_DELAY_MS, count_cb_timeout, self);
}

static void
start_count (BjbCustomerListModel *self)
{
  const char *params[5];
  g_autofree char *product = NULL;
  g_autofree char *days = NULL;
  Fetch *fetch;

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  filter_params (self, params, &product, &days);
  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->serial = self->serial;
  bjb_connection_query_async (self->connection, count_sql, G_N_ELEMENTS (params), params,
                              self->count_cancellable, count_cb, fetch);
}

static gboolean
count_cb_timeout (gpointer user_data)
{
  BjbCustomerListModel *self = user_data;

  self->count_source = 0;
  if (self->fetching)
    {
      schedule_count (self);
      return G_SOURCE_REMOVE;
    }
  start_count (self);
  return G_SOURCE_REMOVE;
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  BjbCustomerListModel *self = fetch->self;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);

  /* Another query took over while this one was on its way. */
  if (fetch->cancellable != self->cancellable)
    return;

  self->fetching = FALSE;
  g_clear_object (&self->cancellable);

  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("customer query failed: %s", error->message);
      self->page_failed = TRUE;
      set_error (self, error);
      set_loading (self, FALSE);
      return;
    }

  self->page_failed = FALSE;
  set_error (self, NULL);

  switch (fetch->kind)
    {
    case FETCH_FIRST:
      apply_first (self, rows, fetch->limit);
      set_loading (self, FALSE);
      if (self->has_more)
        schedule_count (self);
      else
        set_n_total (self, self->items->len);
      break;
    case FETCH_NEXT:
      apply_next (self, rows, fetch->limit);
      break;
    case FETCH_REFRESH:
      apply_refresh (self, rows, fetch->limit);
      if (self->has_more)
        schedule_count (self);
      else
        set_n_total (self, self->items->len);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_fetch (BjbCustomerListModel *self,
             FetchKind             kind)
{
  const char *params[8];
  g_autofree char *product = NULL;
  g_autofree char *days = NULL;
  g_autofree char *after = NULL;
  g_autofree char *limit = NULL;
  Fetch *fetch;

  if (self->connection == NULL)
    return;

  if (kind != FETCH_NEXT)
    {
      /* Whatever was on its way is stale now. */
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      if (kind == FETCH_FIRST)
        {
          g_cancellable_cancel (self->count_cancellable);
          g_clear_handle_id (&self->count_source, g_source_remove);
          g_clear_handle_id (&self->next_source, g_source_remove);
          self->serial++;
          set_loading (self, TRUE);
          set_n_total (self, -1);
        }
    }

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->serial = self->serial;
  fetch->kind = kind;
  if (kind == FETCH_REFRESH)
    fetch->limit = CLAMP (self->items->len, self->page_size, MAX_REFRESH_ROWS) + 1;
  else
    fetch->limit = self->page_size + 1;

  filter_params (self, params, &product, &days);
  params[5] = self->sort;
  if (kind == FETCH_NEXT && self->items->len > 0)
    after = after_json (g_ptr_array_index (self->items, self->items->len - 1));
  params[6] = after;
  limit = g_strdup_printf ("%u", fetch->limit);
  params[7] = limit;

  self->fetching = TRUE;
  self->cancellable = g_cancellable_new ();
  fetch->cancellable = g_object_ref (self->cancellable);
  bjb_connection_query_async (self->connection, search_sql, G_N_ELEMENTS (params), params,
                              self->cancellable, fetch_cb, fetch);
}

static gboolean
debounce_cb (gpointer user_data)
{
  BjbCustomerListModel *self = user_data;

  self->debounce_source = 0;
  start_fetch (self, FETCH_FIRST);
  return G_SOURCE_REMOVE;
}

/* Leading edge after a quiet spell (one keystroke: no waiting), trailing while changes keep
 * coming faster than the debounce (typing: one query for the burst). */
static void
filters_changed (BjbCustomerListModel *self)
{
  gint64 now = g_get_monotonic_time ();
  gboolean quiet = now - self->last_change_usec >= (gint64) self->debounce_ms * 1000;
  self->last_change_usec = now;
  self->page_failed = FALSE;
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->next_source, g_source_remove);
  g_cancellable_cancel (self->count_cancellable);

  /* A page or refresh of the old filters in flight is no reason to wait: it is cancelled. */
  if (quiet && !self->loading)
    start_fetch (self, FETCH_FIRST);
  else
    {
      /* Cancel the stale query now; the new one follows after the debounce. */
      g_cancellable_cancel (self->cancellable);
      self->debounce_source = g_timeout_add (self->debounce_ms, debounce_cb, self);
      set_loading (self, TRUE);
    }
}

/* GObject */

static void
bjb_customer_list_model_dispose (GObject *object)
{
  BjbCustomerListModel *self = (BjbCustomerListModel *)object;

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->next_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->count_cancellable);
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (bjb_customer_list_model_parent_class)->dispose (object);
}

static void
bjb_customer_list_model_finalize (GObject *object)
{
  BjbCustomerListModel *self = (BjbCustomerListModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_ptr_array_unref);
  g_free (self->query);
  g_free (self->status);
  g_free (self->sort);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bjb_customer_list_model_parent_class)->finalize (object);
}

static void
bjb_customer_list_model_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BjbCustomerListModel *self = BJB_CUSTOMER_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_QUERY:
      g_value_set_string (value, self->query);
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
    case PROP_PAGE_SIZE:
      g_value_set_uint (value, self->page_size);
      break;
    case PROP_DEBOUNCE:
      g_value_set_uint (value, self->debounce_ms);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_TOTAL:
      g_value_set_int64 (value, self->n_total);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
bjb_customer_list_model_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BjbCustomerListModel *self = BJB_CUSTOMER_LIST_MODEL (object);
  gboolean changed = FALSE;

  switch (prop_id)
    {
    case PROP_CONNECTION:
      bjb_customer_list_model_set_connection (self, g_value_get_object (value));
      return;
    case PROP_QUERY:
      changed = replace_string (&self->query, g_value_get_string (value));
      break;
    case PROP_STATUS:
      changed = replace_string (&self->status, g_value_get_string (value));
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
      changed = replace_string (&self->sort, g_value_get_string (value) ?: "name");
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      g_ptr_array_set_size (self->placeholders, 0);
      for (guint i = 0; i < self->page_size; i++)
        g_ptr_array_add (self->placeholders, bjb_customer_new_placeholder ());
      return;
    case PROP_DEBOUNCE:
      self->debounce_ms = g_value_get_uint (value);
      return;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  if (changed)
    {
      g_object_notify_by_pspec (object, pspec);
      filters_changed (self);
    }
}

static void
bjb_customer_list_model_class_init (BjbCustomerListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bjb_customer_list_model_dispose;
  object_class->finalize = bjb_customer_list_model_finalize;
  object_class->get_property = bjb_customer_list_model_get_property;
  object_class->set_property = bjb_customer_list_model_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION, rw);
  properties[PROP_QUERY] = g_param_spec_string ("query", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, rw);
  properties[PROP_LOYAL_ONLY] = g_param_spec_boolean ("loyal-only", NULL, NULL, FALSE, rw);
  properties[PROP_PRODUCT_ID] =
    g_param_spec_int64 ("product-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_BIRTHDAY_DAYS] =
    g_param_spec_int ("birthday-days", NULL, NULL, 0, 366, 0, rw);
  properties[PROP_SORT] = g_param_spec_string ("sort", NULL, NULL, "name", rw);
  properties[PROP_PAGE_SIZE] =
    g_param_spec_uint ("page-size", NULL, NULL, 1, 999, DEFAULT_PAGE_SIZE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_DEBOUNCE] =
    g_param_spec_uint ("debounce", NULL, NULL, 0, 5000, DEFAULT_DEBOUNCE_MS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);
  properties[PROP_N_TOTAL] =
    g_param_spec_int64 ("n-total", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_ERROR] = g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_customer_list_model_init (BjbCustomerListModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->placeholders = g_ptr_array_new_with_free_func (g_object_unref);
  self->sort = g_strdup ("name");
  self->n_total = -1;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->debounce_ms = DEFAULT_DEBOUNCE_MS;
}

BjbCustomerListModel *
bjb_customer_list_model_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_CUSTOMER_LIST_MODEL, "connection", connection, NULL);
}

BjbConnection *
bjb_customer_list_model_get_connection (BjbCustomerListModel *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self), NULL);
  return self->connection;
}

void
bjb_customer_list_model_set_connection (BjbCustomerListModel *self,
                                        BjbConnection        *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));

  if (!g_set_object (&self->connection, connection))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
  if (connection != NULL)
    bjb_customer_list_model_reload (self);
}

void
bjb_customer_list_model_set_query (BjbCustomerListModel *self,
                                   const char           *query)
{
  g_return_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self));
  g_object_set (self, "query", query, NULL);
}

void
bjb_customer_list_model_set_sort (BjbCustomerListModel *self,
                                  const char           *sort)
{
  g_return_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self));
  g_object_set (self, "sort", sort, NULL);
}

gboolean
bjb_customer_list_model_get_loading (BjbCustomerListModel *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self), FALSE);
  return self->loading;
}

gint64
bjb_customer_list_model_get_n_total (BjbCustomerListModel *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self), -1);
  return self->n_total;
}

const GError *
bjb_customer_list_model_get_error (BjbCustomerListModel *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self), NULL);
  return self->error;
}

void
bjb_customer_list_model_reload (BjbCustomerListModel *self)
{
  g_return_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self));

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->page_failed = FALSE;
  start_fetch (self, FETCH_FIRST);
}

void
bjb_customer_list_model_refresh (BjbCustomerListModel *self)
{
  g_return_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self));

  /* A new first page is coming anyway. */
  if (self->debounce_source != 0 || self->loading)
    return;
  self->page_failed = FALSE;
  start_fetch (self, FETCH_REFRESH);
}

guint
bjb_customer_list_model_find (BjbCustomerListModel *self,
                              gint64                id)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_LIST_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (bjb_customer_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return G_MAXUINT;
}
