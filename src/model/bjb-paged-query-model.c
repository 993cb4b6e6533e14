/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-paged-query-model"

#include "config.h"

#include "bjb-paged-query-model-private.h"

/* About one screen of rows: every search applies a whole page to the view on the main
 * thread, so a page of 100 made a keystroke take ~215 ms to draw at 100 000 customers and
 * a page of 40 ~80–100 ms (tests/customers/README.md). Scrolling fetches the next page. */
#define DEFAULT_PAGE_SIZE 40
#define DEFAULT_DEBOUNCE_MS 150
#define COUNT_DELAY_MS 300
#define NEXT_DELAY_MS 60
/* A refresh re-reads at most this many of the loaded rows in one query. */
#define MAX_REFRESH_ROWS 1000

typedef enum
{
  FETCH_FIRST,    /* new filters: replace everything */
  FETCH_NEXT,     /* the page after the loaded rows */
  FETCH_REFRESH,  /* the loaded rows again, keeping objects */
} FetchKind;

struct _BjbPagedQueryModel
{
  GObject parent_instance;

  /* Owned */
  BjbPagedQuery *query;
  GType item_type;
  guint page_size;
  guint debounce_ms;

  GPtrArray *items;          /* BjbPagedRow, loaded rows in server order */
  GPtrArray *placeholders;   /* page_size reusable placeholder rows */
  guint n_placeholders;      /* shown after the items while has_more */
  gboolean has_more;

  GCancellable *cancellable; /* the fetch in flight (first / next / refresh) */
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
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbPagedQueryModel, bjb_paged_query_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_QUERY,
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
  BjbPagedQueryModel *self;    /* strong */
  BjbPagedQuery *query;        /* strong: the query asked, whose _finish reads the answer */
  GCancellable *cancellable;   /* strong; identifies the fetch this is the answer to */
  guint serial;
  FetchKind kind;
  guint limit;                 /* rows asked for, one more than kept (to see has_more) */
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->self);
  g_clear_object (&fetch->query);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void start_fetch (BjbPagedQueryModel *self,
                         FetchKind           kind);

static gboolean
next_page_cb (gpointer user_data)
{
  BjbPagedQueryModel *self = user_data;

  self->next_source = 0;
  if (!self->fetching && !self->page_failed && self->has_more)
    start_fetch (self, FETCH_NEXT);
  return G_SOURCE_REMOVE;
}

/* GListModel */

static GType
bjb_paged_query_model_get_item_type (GListModel *model)
{
  return BJB_PAGED_QUERY_MODEL (model)->item_type;
}

static guint
bjb_paged_query_model_get_n_items (GListModel *model)
{
  BjbPagedQueryModel *self = BJB_PAGED_QUERY_MODEL (model);

  return self->items->len + self->n_placeholders;
}

static gpointer
bjb_paged_query_model_get_item (GListModel *model,
                                guint       position)
{
  BjbPagedQueryModel *self = BJB_PAGED_QUERY_MODEL (model);

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
  iface->get_item_type = bjb_paged_query_model_get_item_type;
  iface->get_n_items = bjb_paged_query_model_get_n_items;
  iface->get_item = bjb_paged_query_model_get_item;
}

/* State */

static void
set_loading (BjbPagedQueryModel *self,
             gboolean            loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_n_total (BjbPagedQueryModel *self,
             gint64              n_total)
{
  if (self->n_total == n_total)
    return;
  self->n_total = n_total;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static void
set_error (BjbPagedQueryModel *self,
           const GError       *error)
{
  if (self->error == NULL && error == NULL)
    return;
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
make_placeholders (BjbPagedQueryModel *self)
{
  g_ptr_array_set_size (self->placeholders, 0);
  if (self->item_type == G_TYPE_INVALID)
    return;
  for (guint i = 0; i < self->page_size; i++)
    g_ptr_array_add (self->placeholders, g_object_new (self->item_type, "placeholder", TRUE, NULL));
}

/* Applying answers */

/* New filters: the first page replaces everything. The row objects already there are
 * reused in place (their properties change, so the view's row widgets stay and only their
 * labels update) instead of a whole new set of rows being built for every keystroke. */
static void
apply_first (BjbPagedQueryModel *self,
             GPtrArray          *rows,
             guint               limit)
{
  guint old_len = self->items->len;
  guint old_n = old_len + self->n_placeholders;
  guint keep = MIN (rows->len, limit - 1);
  guint same;
  guint new_n;

  for (guint i = 0; i < keep; i++)
    {
      if (i < old_len)
        bjb_paged_row_update (g_ptr_array_index (self->items, i), g_ptr_array_index (rows, i));
      else
        g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rows, i)));
    }
  if (old_len > keep)
    g_ptr_array_remove_range (self->items, keep, old_len - keep);
  self->has_more = rows->len > keep;
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
apply_next (BjbPagedQueryModel *self,
            GPtrArray          *rows,
            guint               limit)
{
  guint start = self->items->len;
  guint removed = self->n_placeholders;
  guint keep = MIN (rows->len, limit - 1);

  for (guint i = 0; i < keep; i++)
    g_ptr_array_add (self->items, g_object_ref (g_ptr_array_index (rows, i)));
  self->has_more = rows->len > keep;
  self->n_placeholders = self->has_more ? self->page_size : 0;

  g_list_model_items_changed (G_LIST_MODEL (self), start, removed,
                              keep + self->n_placeholders);
}

/* The loaded rows again: a row still there keeps its object (updated in place, cells
 * follow through notify); a new one (an order placed at another desk) is inserted where
 * the server's order puts it. */
static void
apply_refresh (BjbPagedQueryModel *self,
               GPtrArray          *rows,
               guint               limit)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->items->len);
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  guint old_len = self->items->len;
  guint old_placeholders = self->n_placeholders;
  guint keep = MIN (rows->len, limit - 1);
  gboolean had_more = self->has_more;

  /* The keys point into `ids`, sized up front so it never moves. */
  for (guint i = 0; i < old_len; i++)
    {
      gint64 id = bjb_paged_row_get_id (g_ptr_array_index (self->items, i));

      g_array_append_val (ids, id);
      g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (self->items, i));
    }

  for (guint i = 0; i < keep; i++)
    {
      BjbPagedRow *fresh = g_ptr_array_index (rows, i);
      gint64 id = bjb_paged_row_get_id (fresh);
      BjbPagedRow *existing = g_hash_table_lookup (by_id, &id);

      if (existing != NULL)
        {
          /* Same object, new values: cells update through notify, no items-changed. */
          bjb_paged_row_update (existing, fresh);
          g_ptr_array_add (wanted, existing);
          g_hash_table_remove (by_id, &id);
        }
      else
        g_ptr_array_add (wanted, fresh);
    }

  /* The placeholders stay after the rows while they move. */
  _bjb_paged_query_model_move_to (G_LIST_MODEL (self), self->items, wanted);

  /* Only the first MAX_REFRESH_ROWS are re-read: anything loaded after them comes back
   * through the placeholders as the view scrolls there again. */
  self->has_more = rows->len > keep || (had_more && limit - 1 == MAX_REFRESH_ROWS);
  self->n_placeholders = self->has_more ? self->page_size : 0;
  if (self->n_placeholders != old_placeholders)
    g_list_model_items_changed (G_LIST_MODEL (self), self->items->len, old_placeholders,
                                self->n_placeholders);
}

/* Counting */

static void
count_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n;

  n = bjb_paged_query_count_finish (fetch->query, result, &error);
  if (fetch->serial != fetch->self->serial)
    return;
  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("count failed: %s", error->message);
      return;
    }
  set_n_total (fetch->self, n);
}

static gboolean count_timeout_cb (gpointer user_data);

static void
schedule_count (BjbPagedQueryModel *self)
{
  if (!bjb_paged_query_can_count (self->query))
    return;
  /* The count is for the label above the list: it must never hold up rows. Queries run one
   * at a time on the connection, so it waits until typing and the view's page requests
   * have calmed down. */
  g_clear_handle_id (&self->count_source, g_source_remove);
  self->count_source = g_timeout_add (COUNT_DELAY_MS, count_timeout_cb, self);
}

static void
start_count (BjbPagedQueryModel *self)
{
  Fetch *fetch;

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->query = g_object_ref (self->query);
  fetch->serial = self->serial;
  bjb_paged_query_count_async (self->query, self->count_cancellable, count_cb, fetch);
}

static gboolean
count_timeout_cb (gpointer user_data)
{
  BjbPagedQueryModel *self = user_data;

  self->count_source = 0;
  if (self->fetching)
    schedule_count (self);
  else
    start_count (self);
  return G_SOURCE_REMOVE;
}

/* Fetching */

static void
after_rows (BjbPagedQueryModel *self)
{
  if (self->has_more)
    schedule_count (self);
  else
    set_n_total (self, self->items->len);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  BjbPagedQueryModel *self = fetch->self;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bjb_paged_query_fetch_finish (fetch->query, result, &error);

  /* Another fetch took over while this one was on its way. */
  if (fetch->cancellable != self->cancellable)
    return;

  self->fetching = FALSE;
  g_clear_object (&self->cancellable);

  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_debug ("page query failed: %s", error->message);
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
      after_rows (self);
      break;
    case FETCH_NEXT:
      apply_next (self, rows, fetch->limit);
      if (!self->has_more)
        set_n_total (self, self->items->len);
      break;
    case FETCH_REFRESH:
      apply_refresh (self, rows, fetch->limit);
      after_rows (self);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
start_fetch (BjbPagedQueryModel *self,
             FetchKind           kind)
{
  BjbPagedRow *after = NULL;
  Fetch *fetch;

  if (self->query == NULL || !bjb_paged_query_can_fetch (self->query))
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
  fetch->query = g_object_ref (self->query);
  fetch->serial = self->serial;
  fetch->kind = kind;
  /* A page more than is loaded: rows that appeared meanwhile (an order placed at another
   * desk) are added without pushing the last loaded row out, which would make the refresh
   * look like a change of every row. */
  if (kind == FETCH_REFRESH)
    fetch->limit = MIN (self->items->len + self->page_size, MAX_REFRESH_ROWS) + 1;
  else
    fetch->limit = self->page_size + 1;
  if (kind == FETCH_NEXT && self->items->len > 0)
    after = g_ptr_array_index (self->items, self->items->len - 1);

  self->fetching = TRUE;
  self->cancellable = g_cancellable_new ();
  fetch->cancellable = g_object_ref (self->cancellable);
  bjb_paged_query_fetch_async (self->query, after, fetch->limit, self->cancellable,
                               fetch_cb, fetch);
}

static gboolean
debounce_cb (gpointer user_data)
{
  BjbPagedQueryModel *self = user_data;

  self->debounce_source = 0;
  start_fetch (self, FETCH_FIRST);
  return G_SOURCE_REMOVE;
}

/* Leading edge while no first page is on its way (a keystroke after the last one's rows
 * came: no waiting), trailing while changes come faster than the answers (typing: one query
 * for the burst). A quiet spell of a whole debounce made every key typed ~100 ms after the
 * last wait 150 ms more (bench/README.md, "Rows the view builds"). */
static void
query_changed_cb (BjbPagedQueryModel *self)
{
  self->page_failed = FALSE;
  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->next_source, g_source_remove);
  g_cancellable_cancel (self->count_cancellable);

  if (!bjb_paged_query_can_fetch (self->query))
    return;

  /* A page or refresh of the old filters in flight is no reason to wait: it is cancelled. */
  if (!self->loading)
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
bjb_paged_query_model_dispose (GObject *object)
{
  BjbPagedQueryModel *self = (BjbPagedQueryModel *)object;

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  g_clear_handle_id (&self->count_source, g_source_remove);
  g_clear_handle_id (&self->next_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->count_cancellable);
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_func (self->query, query_changed_cb, self);
  g_clear_object (&self->query);

  G_OBJECT_CLASS (bjb_paged_query_model_parent_class)->dispose (object);
}

static void
bjb_paged_query_model_finalize (GObject *object)
{
  BjbPagedQueryModel *self = (BjbPagedQueryModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->placeholders, g_ptr_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (bjb_paged_query_model_parent_class)->finalize (object);
}

static void
bjb_paged_query_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BjbPagedQueryModel *self = BJB_PAGED_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_QUERY:
      g_value_set_object (value, self->query);
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

static void
bjb_paged_query_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BjbPagedQueryModel *self = BJB_PAGED_QUERY_MODEL (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      g_return_if_fail (self->item_type == G_TYPE_INVALID ||
                        g_type_is_a (self->item_type, BJB_TYPE_PAGED_ROW));
      make_placeholders (self);
      break;
    case PROP_QUERY:
      bjb_paged_query_model_set_query (self, g_value_get_object (value));
      break;
    case PROP_PAGE_SIZE:
      self->page_size = g_value_get_uint (value);
      make_placeholders (self);
      break;
    case PROP_DEBOUNCE:
      self->debounce_ms = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_paged_query_model_class_init (BjbPagedQueryModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bjb_paged_query_model_dispose;
  object_class->finalize = bjb_paged_query_model_finalize;
  object_class->get_property = bjb_paged_query_model_get_property;
  object_class->set_property = bjb_paged_query_model_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL, G_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_object ("query", NULL, NULL, BJB_TYPE_PAGED_QUERY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
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
bjb_paged_query_model_init (BjbPagedQueryModel *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->placeholders = g_ptr_array_new_with_free_func (g_object_unref);
  self->n_total = -1;
  self->page_size = DEFAULT_PAGE_SIZE;
  self->debounce_ms = DEFAULT_DEBOUNCE_MS;
}

/**
 * bjb_paged_query_model_new:
 * @item_type: the row type, implementing #BjbPagedRow
 * @query: (nullable): the query
 *
 * Returns: (transfer full): a new model
 */
BjbPagedQueryModel *
bjb_paged_query_model_new (GType          item_type,
                           BjbPagedQuery *query)
{
  g_return_val_if_fail (g_type_is_a (item_type, BJB_TYPE_PAGED_ROW), NULL);
  return g_object_new (BJB_TYPE_PAGED_QUERY_MODEL, "item-type", item_type, "query", query, NULL);
}

BjbPagedQuery *
bjb_paged_query_model_get_query (BjbPagedQueryModel *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), NULL);
  return self->query;
}

void
bjb_paged_query_model_set_query (BjbPagedQueryModel *self,
                                 BjbPagedQuery      *query)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY_MODEL (self));
  g_return_if_fail (query == NULL || BJB_IS_PAGED_QUERY (query));

  if (self->query == query)
    return;
  if (self->query != NULL)
    g_signal_handlers_disconnect_by_func (self->query, query_changed_cb, self);
  g_set_object (&self->query, query);
  if (query != NULL)
    g_signal_connect_object (query, "changed", G_CALLBACK (query_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (query != NULL)
    bjb_paged_query_model_reload (self);
}

gboolean
bjb_paged_query_model_get_loading (BjbPagedQueryModel *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), FALSE);
  return self->loading;
}

gint64
bjb_paged_query_model_get_n_total (BjbPagedQueryModel *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), -1);
  return self->n_total;
}

guint
bjb_paged_query_model_get_n_loaded (BjbPagedQueryModel *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), 0);
  return self->items->len;
}

const GError *
bjb_paged_query_model_get_error (BjbPagedQueryModel *self)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), NULL);
  return self->error;
}

void
bjb_paged_query_model_reload (BjbPagedQueryModel *self)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY_MODEL (self));

  g_clear_handle_id (&self->debounce_source, g_source_remove);
  self->page_failed = FALSE;
  start_fetch (self, FETCH_FIRST);
}

void
bjb_paged_query_model_refresh (BjbPagedQueryModel *self)
{
  g_return_if_fail (BJB_IS_PAGED_QUERY_MODEL (self));

  /* A new first page is coming anyway. */
  if (self->debounce_source != 0 || self->loading)
    return;
  self->page_failed = FALSE;
  start_fetch (self, FETCH_REFRESH);
}

guint
bjb_paged_query_model_find (BjbPagedQueryModel *self,
                            gint64              id)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    if (bjb_paged_row_get_id (g_ptr_array_index (self->items, i)) == id)
      return i;
  return G_MAXUINT;
}
