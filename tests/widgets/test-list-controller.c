/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * BjbListController without a database: a query of our own answers with order rows whose
 * ids the test chooses. What the list pages rely on: the row shown beside the list stays
 * selected across a new first page without a "picked"; a row the user selects is picked
 * unless "can-leave" refuses, and then the selection goes back; placeholders are never
 * picked; the spinner, the count and the error follow the model.
 */
#include "config.h"

#include <string.h>

#include <gtk/gtk.h>

#include "bjb-list-controller.h"
#include "bjb-order-row.h"

/* --- a query answering with the ids in its array, or with an error -------------------- */

#define TEST_TYPE_QUERY (test_query_get_type ())
G_DECLARE_FINAL_TYPE (TestQuery, test_query, TEST, QUERY, GObject)

struct _TestQuery
{
  GObject  parent_instance;
  GArray  *ids;      /* gint64 */
  gboolean fail;
  char    *search;   /* what the page's search entry hands over */
};

static void test_query_iface_init (BjbPagedQueryInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TestQuery, test_query, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_QUERY, test_query_iface_init))

static void
test_query_fetch_async (BjbPagedQuery       *query,
                        BjbPagedRow         *after,
                        guint                limit,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  TestQuery *self = TEST_QUERY (query);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_assert_null (after);
  if (self->fail)
    {
      g_ptr_array_unref (rows);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "no server");
      return;
    }
  for (guint i = 0; i < self->ids->len && i < limit; i++)
    {
      BjbOrderRow *row = bjb_order_row_new ();

      bjb_order_row_set_id (row, g_array_index (self->ids, gint64, i));
      g_ptr_array_add (rows, row);
    }
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
test_query_fetch_finish (BjbPagedQuery  *query,
                         GAsyncResult   *result,
                         GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_query_iface_init (BjbPagedQueryInterface *iface)
{
  iface->fetch_async = test_query_fetch_async;
  iface->fetch_finish = test_query_fetch_finish;
}

static void
test_query_finalize (GObject *object)
{
  g_array_unref (TEST_QUERY (object)->ids);
  g_free (TEST_QUERY (object)->search);
  G_OBJECT_CLASS (test_query_parent_class)->finalize (object);
}

static void
test_query_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  g_value_set_string (value, TEST_QUERY (object)->search);
}

static void
test_query_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  g_free (TEST_QUERY (object)->search);
  TEST_QUERY (object)->search = g_value_dup_string (value);
}

static void
test_query_class_init (TestQueryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_query_finalize;
  object_class->get_property = test_query_get_property;
  object_class->set_property = test_query_set_property;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_string ("search", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE));
}

static void
test_query_init (TestQuery *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
set_ids (TestQuery    *query,
         const gint64 *ids,
         guint         n)
{
  g_array_set_size (query->ids, 0);
  g_array_append_vals (query->ids, ids, n);
}

/* --- the fixture: a page's parts, as its .ui declares them ------------------------------ */

typedef struct
{
  TestQuery          *query;
  BjbPagedQueryModel *model;
  GtkSingleSelection *selection;
  GtkSpinner         *spinner;
  GtkLabel           *count_label;
  GtkLabel           *error_label;
  BjbListController  *list;
  GPtrArray          *picked;     /* ids, as gint64 in pointers */
  gboolean            may_leave;
} Fixture;

static const char *
count_format (gulong n)
{
  return n == 1 ? "%s row" : "%s rows";
}

static void
picked_cb (BjbListController *list,
           BjbOrderRow       *row,
           Fixture           *f)
{
  g_assert_false (bjb_order_row_get_placeholder (row));
  g_ptr_array_add (f->picked, GINT_TO_POINTER ((int) bjb_order_row_get_id (row)));
  /* The page shows it: it is what the list keeps selected from now on. */
  bjb_list_controller_set_selected_id (list, bjb_order_row_get_id (row));
}

static gboolean
can_leave_cb (BjbListController *list,
              BjbOrderRow       *row,
              Fixture           *f)
{
  return f->may_leave;
}

static void
wait_loaded (Fixture *f)
{
  while (bjb_paged_query_model_get_loading (f->model) ||
         bjb_paged_query_model_get_n_total (f->model) < 0)
    g_main_context_iteration (NULL, TRUE);
}

static gint64
selected_id (Fixture *f)
{
  BjbOrderRow *row = gtk_single_selection_get_selected_item (f->selection);

  return row != NULL ? bjb_order_row_get_id (row) : 0;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  static const gint64 ids[] = { 10, 20, 30 };

  f->query = g_object_new (TEST_TYPE_QUERY, NULL);
  set_ids (f->query, ids, G_N_ELEMENTS (ids));
  f->model = bjb_paged_query_model_new (BJB_TYPE_ORDER_ROW, BJB_PAGED_QUERY (f->query));
  f->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (f->model)));
  gtk_single_selection_set_autoselect (f->selection, FALSE);
  gtk_single_selection_set_can_unselect (f->selection, TRUE);
  f->spinner = g_object_ref_sink (GTK_SPINNER (gtk_spinner_new ()));
  f->count_label = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  f->error_label = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  f->list = g_object_new (BJB_TYPE_LIST_CONTROLLER,
                          "model", f->model,
                          "selection", f->selection,
                          "spinner", f->spinner,
                          "count-label", f->count_label,
                          "error-label", f->error_label,
                          NULL);
  bjb_list_controller_set_count_format (f->list, count_format, 0);
  f->picked = g_ptr_array_new ();
  f->may_leave = TRUE;
  g_signal_connect (f->list, "picked", G_CALLBACK (picked_cb), f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->list);
  g_clear_object (&f->selection);
  g_assert_finalize_object (f->model);
  g_clear_object (&f->query);
  g_clear_object (&f->spinner);
  g_clear_object (&f->count_label);
  g_clear_object (&f->error_label);
  g_ptr_array_unref (f->picked);
}

static void
test_follows_model (Fixture       *f,
                    gconstpointer  data)
{
  g_assert_true (gtk_spinner_get_spinning (f->spinner));
  wait_loaded (f);
  g_assert_false (gtk_spinner_get_spinning (f->spinner));
  g_assert_cmpstr (gtk_label_get_label (f->count_label), ==, "3 rows");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));

  /* A failed load says why; the count stays what it was. */
  f->query->fail = TRUE;
  bjb_paged_query_model_reload (f->model);
  while (bjb_paged_query_model_get_loading (f->model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));
  g_assert_cmpstr (gtk_label_get_label (f->error_label), !=, "");
  g_assert_cmpstr (gtk_label_get_label (f->count_label), ==, "3 rows");

  f->query->fail = FALSE;
  set_ids (f->query, (const gint64[]) { 7 }, 1);
  bjb_paged_query_model_reload (f->model);
  wait_loaded (f);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (f->error_label)));
  g_assert_cmpstr (gtk_label_get_label (f->count_label), ==, "1 row");

  /* A cap writes no more than it. */
  set_ids (f->query, (const gint64[]) { 1, 2, 3, 4, 5 }, 5);
  bjb_list_controller_set_count_format (f->list, count_format, 4);
  bjb_paged_query_model_reload (f->model);
  wait_loaded (f);
  g_assert_cmpstr (gtk_label_get_label (f->count_label), ==, "4 rows");
}

static void
test_keeps_selected (Fixture       *f,
                     gconstpointer  data)
{
  static const gint64 reordered[] = { 30, 5, 20, 10 };

  bjb_list_controller_set_selected_id (f->list, 20);
  wait_loaded (f);
  g_assert_cmpint (selected_id (f), ==, 20);
  g_assert_cmpuint (f->picked->len, ==, 0);

  /* A new first page with the row elsewhere: still selected, still not picked again. */
  set_ids (f->query, reordered, G_N_ELEMENTS (reordered));
  bjb_paged_query_model_reload (f->model);
  wait_loaded (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==, 2);
  g_assert_cmpuint (f->picked->len, ==, 0);

  /* Gone from the rows: nothing selected. */
  set_ids (f->query, reordered, 2);
  bjb_paged_query_model_reload (f->model);
  wait_loaded (f);
  g_assert_cmpuint (gtk_single_selection_get_selected (f->selection), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_cmpuint (f->picked->len, ==, 0);

  bjb_list_controller_select_id (f->list, 5);
  g_assert_cmpint (selected_id (f), ==, 5);
  g_assert_cmpuint (f->picked->len, ==, 0);
  g_assert_true (bjb_list_controller_dup_row (f->list, 99) == NULL);
}

static void
test_picks (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(BjbOrderRow) row = NULL;

  wait_loaded (f);
  g_signal_connect (f->list, "can-leave", G_CALLBACK (can_leave_cb), f);

  gtk_single_selection_set_selected (f->selection, 1);
  g_assert_cmpuint (f->picked->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (f->picked->pdata[0]), ==, 20);
  g_assert_cmpint (bjb_list_controller_get_selected_id (f->list), ==, 20);

  /* The page cannot leave what it shows: the selection goes back to it. */
  f->may_leave = FALSE;
  gtk_single_selection_set_selected (f->selection, 2);
  g_assert_cmpuint (f->picked->len, ==, 1);
  g_assert_cmpint (selected_id (f), ==, 20);

  f->may_leave = TRUE;
  gtk_single_selection_set_selected (f->selection, 2);
  g_assert_cmpuint (f->picked->len, ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (f->picked->pdata[1]), ==, 30);

  row = bjb_list_controller_dup_row (f->list, 10);
  g_assert_nonnull (row);
  g_assert_cmpint (bjb_order_row_get_id (row), ==, 10);
}

static void
test_placeholders (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(BjbOrderRow) placeholder = NULL;
  GArray *many = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* More rows than a page: the model shows placeholders after the first page. */
  for (gint64 i = 1; i <= 100; i++)
    g_array_append_val (many, i);
  set_ids (f->query, (const gint64 *) many->data, many->len);
  g_array_unref (many);
  bjb_paged_query_model_reload (f->model);
  while (bjb_paged_query_model_get_loading (f->model))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->model)), >,
                    bjb_paged_query_model_get_n_loaded (f->model));
  placeholder = g_list_model_get_item (G_LIST_MODEL (f->model),
                                       bjb_paged_query_model_get_n_loaded (f->model));
  g_assert_true (bjb_order_row_get_placeholder (placeholder));
  gtk_single_selection_set_selected (f->selection, bjb_paged_query_model_get_n_loaded (f->model));
  g_assert_cmpuint (f->picked->len, ==, 0);
}

/* --- a page declaring the controller in its template, as the list pages do ------------- */

#define TEST_TYPE_PAGE (test_page_get_type ())
G_DECLARE_FINAL_TYPE (TestPage, test_page, TEST, PAGE, GtkWidget)

struct _TestPage
{
  GtkWidget           parent_instance;
  GtkSearchEntry     *search_entry;
  GtkSingleSelection *selection;
  BjbPagedQueryModel *list_model;
  BjbListController  *list;
  gint64              activated;
};

G_DEFINE_FINAL_TYPE (TestPage, test_page, GTK_TYPE_WIDGET)

static const char page_ui[] =
  "<interface>"
  "  <template class='TestPage' parent='GtkWidget'>"
  "    <child><object class='GtkSearchEntry' id='search_entry'/></child>"
  "    <child><object class='GtkListView' id='view'>"
  "      <property name='model'><object class='GtkSingleSelection' id='selection'>"
  "        <property name='autoselect'>False</property>"
  "        <property name='model'><object class='BjbShownRows' id='shown'>"
  "          <property name='initial'>25</property>"
  "          <property name='model'><object class='BjbPagedQueryModel' id='list_model'>"
  "            <property name='item-type'>BjbOrderRow</property>"
  "            <property name='query'><object class='TestQuery' id='query'/></property>"
  "          </object></property>"
  "        </object></property>"
  "      </object></property>"
  "    </object></child>"
  "  </template>"
  "  <object class='BjbListController' id='list'>"
  "    <property name='model'>list_model</property>"
  "    <property name='shown-rows'>shown</property>"
  "    <property name='selection'>selection</property>"
  "    <property name='search-entry'>search_entry</property>"
  "    <property name='search-property'>search</property>"
  "    <signal name='activated' handler='activated_cb' swapped='yes'/>"
  "  </object>"
  "</interface>";

static void
activated_cb (TestPage    *self,
              BjbOrderRow *row)
{
  self->activated = bjb_order_row_get_id (row);
  bjb_list_controller_set_selected_id (self->list, self->activated);
}

static void
test_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TEST_TYPE_PAGE);
  G_OBJECT_CLASS (test_page_parent_class)->dispose (object);
}

static void
test_page_class_init (TestPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GBytes) bytes = g_bytes_new_static (page_ui, sizeof page_ui - 1);

  G_OBJECT_CLASS (klass)->dispose = test_page_dispose;
  g_type_ensure (TEST_TYPE_QUERY);
  g_type_ensure (BJB_TYPE_ORDER_ROW);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  gtk_widget_class_set_template (widget_class, bytes);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, TestPage, search_entry);
  gtk_widget_class_bind_template_child_full (widget_class, "view", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, TestPage, selection);
  gtk_widget_class_bind_template_child (widget_class, TestPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, TestPage, list);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_install_action (widget_class, "test.open", "x",
                                   bjb_list_controller_open_action);
  gtk_widget_class_install_action (widget_class, "test.search", NULL,
                                   bjb_list_controller_search_action);
}

static void
test_page_init (TestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The .ui way: the search entry reaches the query, "<page>.open" activates and selects the
 * row, and everything goes with the page. */
static void
test_template (void)
{
  TestPage *page = g_object_ref_sink (g_object_new (TEST_TYPE_PAGE, NULL));
  TestQuery *query = TEST_QUERY (bjb_paged_query_model_get_query (page->list_model));
  GtkWidget *window = gtk_window_new ();
  BjbOrderRow *row;

  set_ids (query, (const gint64[]) { 4, 5, 6 }, 3);
  bjb_paged_query_model_reload (page->list_model);
  while (bjb_paged_query_model_get_loading (page->list_model))
    g_main_context_iteration (NULL, TRUE);

  gtk_editable_set_text (GTK_EDITABLE (page->search_entry), "batako");
  while (query->search == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (query->search, ==, "batako");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "test.open", "x", (gint64) 5));
  g_assert_cmpint (page->activated, ==, 5);
  row = gtk_single_selection_get_selected_item (page->selection);
  g_assert_nonnull (row);
  g_assert_cmpint (bjb_order_row_get_id (row), ==, 5);
  /* An id not loaded opens nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "test.open", "x", (gint64) 99));
  g_assert_cmpint (page->activated, ==, 5);

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "test.search", NULL));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                         GTK_WIDGET (page->search_entry)));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (page);
}

/* --- the whole-list mode: a store read at once ----------------------------------------- */

static gint64 store_ids[3];
static gboolean store_fail;

/* A list call as the ops files have them: a GPtrArray of rows, or an error. */
static void
store_fetch_async (BjbConnection       *connection,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (connection, cancellable, callback, user_data);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (store_fail)
    {
      g_ptr_array_unref (rows);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "no server");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (store_ids); i++)
    {
      BjbOrderRow *row = bjb_order_row_new ();

      bjb_order_row_set_id (row, store_ids[i]);
      g_ptr_array_add (rows, row);
    }
  g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

static GPtrArray *
store_fetch_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
store_picked_cb (BjbListController *list,
                 BjbOrderRow       *row,
                 GPtrArray         *picked)
{
  g_ptr_array_add (picked, GINT_TO_POINTER ((int) bjb_order_row_get_id (row)));
}

static void
store_loaded_cb (BjbListController *list,
                 gboolean           ok,
                 int               *loaded)
{
  *loaded += ok ? 1 : 100;
}

static void
store_load (BjbListController *list,
            BjbConnection     *connection,
            const int         *loaded)
{
  int before = *loaded;

  bjb_list_controller_load (list, connection);
  g_assert_true (bjb_list_controller_get_loading (list));
  while (*loaded == before)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (bjb_list_controller_get_loading (list));
}

/* Each read replaces the rows with new objects: the row the user picked stays selected (or
 * one kept by id), without a "picked"; only another row is picked; the error label says
 * why a read failed and only the controller's own sentence goes with the next good read. */
static void
test_store (void)
{
  const char *const keywords[] = { "dbname", NULL };
  const char *const values[] = { "none", NULL };
  g_autoptr(BjbConnection) connection = bjb_connection_new (keywords, values);
  GListStore *store = g_list_store_new (BJB_TYPE_ORDER_ROW);
  GtkSingleSelection *selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (store)));
  GtkLabel *error_label = GTK_LABEL (g_object_ref_sink (gtk_label_new (NULL)));
  g_autoptr(GPtrArray) picked = g_ptr_array_new ();
  BjbListController *list;
  BjbOrderRow *row;
  int loaded = 0;

  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  list = g_object_new (BJB_TYPE_LIST_CONTROLLER, "store", store, "selection", selection,
                       "key-property", "id", "error-label", error_label, NULL);
  bjb_list_controller_set_fetch (list, store_fetch_async, store_fetch_finish,
                                 "Not read: %s");
  g_signal_connect (list, "picked", G_CALLBACK (store_picked_cb), picked);
  g_signal_connect (list, "loaded", G_CALLBACK (store_loaded_cb), &loaded);

  memcpy (store_ids, (gint64[]) { 1, 2, 3 }, sizeof store_ids);
  store_load (list, connection, &loaded);
  g_assert_cmpint (loaded, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpuint (picked->len, ==, 1);
  g_assert_cmpint (GPOINTER_TO_INT (picked->pdata[0]), ==, 2);

  /* Another order, new objects: the same row is selected again, not picked again. */
  memcpy (store_ids, (gint64[]) { 3, 1, 2 }, sizeof store_ids);
  store_load (list, connection, &loaded);
  row = gtk_single_selection_get_selected_item (selection);
  g_assert_nonnull (row);
  g_assert_cmpint (bjb_order_row_get_id (row), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpuint (picked->len, ==, 1);
  /* Selected again by the user after unselecting: still the row kept, no "picked". */
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, 2);
  g_assert_cmpuint (picked->len, ==, 1);
  gtk_single_selection_set_selected (selection, 0);
  g_assert_cmpuint (picked->len, ==, 2);

  /* A row kept by its id before it is in the list (a rule just saved). */
  memcpy (store_ids, (gint64[]) { 3, 1, 4 }, sizeof store_ids);
  bjb_list_controller_set_selected_id (list, 4);
  store_load (list, connection, &loaded);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 2);
  g_assert_cmpuint (picked->len, ==, 2);
  bjb_list_controller_select_id (list, 0);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  /* A failed read keeps the rows and says why; a good one takes the sentence away. */
  store_fail = TRUE;
  store_load (list, connection, &loaded);
  g_assert_cmpint (loaded, ==, 103);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (error_label), "Not read: "));
  store_fail = FALSE;
  store_load (list, connection, &loaded);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  /* What the page itself wrote there (a change refused) stays. */
  gtk_label_set_text (error_label, "Not changed.");
  gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
  store_load (list, connection, &loaded);
  g_assert_cmpstr (gtk_label_get_text (error_label), ==, "Not changed.");

  /* A read dropped by the next one never fills the store. */
  bjb_list_controller_load (list, connection);
  bjb_list_controller_load (list, NULL);
  g_assert_false (bjb_list_controller_get_loading (list));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (loaded, ==, 105);

  g_assert_finalize_object (list);
  g_assert_finalize_object (selection);
  g_assert_finalize_object (store);
  g_assert_finalize_object (error_label);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/list-controller/follows-model", Fixture, NULL, fixture_set_up,
              test_follows_model, fixture_tear_down);
  g_test_add ("/list-controller/keeps-selected", Fixture, NULL, fixture_set_up,
              test_keeps_selected, fixture_tear_down);
  g_test_add ("/list-controller/picks", Fixture, NULL, fixture_set_up, test_picks,
              fixture_tear_down);
  g_test_add ("/list-controller/placeholders", Fixture, NULL, fixture_set_up,
              test_placeholders, fixture_tear_down);
  g_test_add_func ("/list-controller/template", test_template);
  g_test_add_func ("/list-controller/store", test_store);
  return g_test_run ();
}
