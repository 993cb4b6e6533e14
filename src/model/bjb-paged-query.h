/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * What a BjbPagedQueryModel needs from the two things a list page gives it: its rows and
 * its query. Both are small interfaces so a new list (products, stock ledger, staff, …) is
 * a row GObject and a query GObject whose filters are properties the .ui can bind.
 */

#define BJB_TYPE_PAGED_ROW (bjb_paged_row_get_type ())
G_DECLARE_INTERFACE (BjbPagedRow, bjb_paged_row, BJB, PAGED_ROW, GObject)

/**
 * BjbPagedRowInterface:
 * @get_id: the row's identity (the primary key); a refresh keeps the object of a row whose
 *   id is still there
 * @update: copies every value of @from (a fresh row of the same type) into @self, notifying
 *   only the properties that changed, so cells bound to @self redraw and nothing else does
 * @get_placeholder: TRUE for a stand-in row shown while its page is on its way
 *
 * A row type must also have a construct-only boolean property "placeholder" (override the
 * interface's with g_object_class_override_property): the model makes its stand-in rows
 * with g_object_new (type, "placeholder", TRUE, NULL).
 */
struct _BjbPagedRowInterface
{
  GTypeInterface parent_iface;

  gint64   (*get_id)          (BjbPagedRow *self);
  void     (*update)          (BjbPagedRow *self,
                               BjbPagedRow *from);
  gboolean (*get_placeholder) (BjbPagedRow *self);
};

gint64   bjb_paged_row_get_id          (BjbPagedRow *self);
void     bjb_paged_row_update          (BjbPagedRow *self,
                                        BjbPagedRow *from);
gboolean bjb_paged_row_get_placeholder (BjbPagedRow *self);

#define BJB_TYPE_PAGED_QUERY (bjb_paged_query_get_type ())
G_DECLARE_INTERFACE (BjbPagedQuery, bjb_paged_query, BJB, PAGED_QUERY, GObject)

/**
 * BjbPagedQueryInterface:
 * @can_fetch: FALSE while the query cannot run (no connection yet); optional, default TRUE
 * @fetch_async: the rows after @after (NULL: from the first) in the query's order, at most
 *   @limit of them; an ops call
 * @fetch_finish: (transfer full): a GPtrArray of rows (owning their references). The result
 *   may come from another object (the ops call's connection): implementations pass
 *   @callback straight to their ops call and read the answer with its _finish
 * @count_async: optional: how many rows match in all (the model asks only when the first
 *   page is not the whole answer, and only once the list has been quiet a moment)
 * @count_finish: the count, or -1 with @error set
 *
 * Signal "changed": emit it when a filter or the sort changed; the model starts over from
 * the first page (debounced while changes keep coming, as typing does).
 */
struct _BjbPagedQueryInterface
{
  GTypeInterface parent_iface;

  gboolean   (*can_fetch)    (BjbPagedQuery       *self);
  void       (*fetch_async)  (BjbPagedQuery       *self,
                              BjbPagedRow         *after,
                              guint                limit,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  GPtrArray *(*fetch_finish) (BjbPagedQuery       *self,
                              GAsyncResult        *result,
                              GError             **error);
  void       (*count_async)  (BjbPagedQuery       *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gint64     (*count_finish) (BjbPagedQuery       *self,
                              GAsyncResult        *result,
                              GError             **error);
};

gboolean   bjb_paged_query_can_fetch    (BjbPagedQuery       *self);
gboolean   bjb_paged_query_can_count    (BjbPagedQuery       *self);
void       bjb_paged_query_fetch_async  (BjbPagedQuery       *self,
                                         BjbPagedRow         *after,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
/* Returns: (transfer full) (nullable): the rows, NULL with @error set */
GPtrArray *bjb_paged_query_fetch_finish (BjbPagedQuery       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
void       bjb_paged_query_count_async  (BjbPagedQuery       *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
gint64     bjb_paged_query_count_finish (BjbPagedQuery       *self,
                                         GAsyncResult        *result,
                                         GError             **error);
/* For implementations: a filter or the sort changed. */
void       bjb_paged_query_changed      (BjbPagedQuery       *self);

/* For implementations whose filters are properties: set as the class's
 * dispatch_properties_changed, it emits "changed" once per g_object_set(), however many
 * filters that call changed (notifications of one call arrive together). */
void       bjb_paged_query_dispatch_properties_changed (GObject     *object,
                                                        guint        n_pspecs,
                                                        GParamSpec **pspecs);

/* For implementations' fetch_finish: calls @func (row, @user_data) on each of @rows (the
 * texts a page shows, in its language) and returns @rows (NULL stays NULL). */
GPtrArray *bjb_paged_query_decorate     (GPtrArray           *rows,
                                         GFunc                func,
                                         gpointer             user_data);

/* For implementations' set_property: stores a copy of @value in *@field; TRUE when it
 * differs from what was there (so the property should notify). */
gboolean   bjb_paged_query_set_string   (char               **field,
                                         const char          *value);

G_END_DECLS
