/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-paged-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_FILTER_QUERY (bjb_filter_query_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbFilterQuery, bjb_filter_query, BJB, FILTER_QUERY, GObject)

/*
 * BjbFilterQuery: what every list's BjbPagedQuery had written again around its ops call:
 * the "connection" property (nothing is fetched before it is set), filters that are
 * properties kept in fields of the subclass's struct, "changed" once per g_object_set(),
 * and the freeing of it all.
 *
 * It implements BjbPagedQuery around the subclass's ops call: can_fetch is TRUE once
 * there is a connection, fetch_async calls the class's @fetch with that connection, and
 * fetch_finish is the class's @fetch_finish (the ops _finish itself) with @decorate run
 * on every row. A subclass (G_DEFINE_FINAL_TYPE on BJB_TYPE_FILTER_QUERY) sets those and
 * adds each filter in its class_init (one that needs more, a count or a cache, implements
 * BjbPagedQuery again over what it inherits):
 *
 *   bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbOrderQuery, status),
 *                               g_param_spec_string ("status", NULL, NULL, NULL,
 *                                                    BJB_FILTER_QUERY_PARAM_FLAGS));
 *
 * A filter is a string (char *; setting NULL gives the property's default), a gboolean,
 * an int, a guint or a gint64; it notifies only when its value changes.
 */
struct _BjbFilterQueryClass
{
  GObjectClass parent_class;

  /* The ops call of a page: the rows of @query after @after (NULL: the first), at most
   * @limit; define it with static BJB_OPS_ASYNC (name, BjbFilterQuery *query,
   * BjbPagedRow *after, guint limit). */
  void       (*fetch)        (BjbConnection        *connection,
                              BjbFilterQuery       *query,
                              BjbPagedRow          *after,
                              guint                 limit,
                              GCancellable         *cancellable,
                              GAsyncReadyCallback   callback,
                              gpointer              user_data);
  /* (transfer full): the ops call's _finish */
  GPtrArray *(*fetch_finish) (GAsyncResult         *result,
                              GError              **error);
  /* Optional: sets the texts a row shows, in the UI's language (@query is the query). */
  void       (*decorate)     (gpointer              row,
                              gpointer              query);

  gpointer padding[4];
};

#define BJB_FILTER_QUERY_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Installs @pspec (sunk; its id follows the class's last) on @klass, stored at @offset of
 * the instance struct. */
void           bjb_filter_query_class_add      (gpointer        klass,
                                                gsize           offset,
                                                GParamSpec     *pspec);

/* A string filter (default NULL) for which "" and NULL both mean "any": it keeps one value
 * for it, so neither is a change after the other. */
void           bjb_filter_query_class_add_text (gpointer        klass,
                                                gsize           offset,
                                                const char     *name);

/* (transfer none) (nullable) */
BjbConnection *bjb_filter_query_get_connection (BjbFilterQuery *self);
void           bjb_filter_query_set_connection (BjbFilterQuery *self,
                                                BjbConnection  *connection);

/* BjbPagedQueryInterface.can_fetch: TRUE once there is a connection (a subclass that
 * implements BjbPagedQuery again inherits it) */
gboolean       bjb_filter_query_can_fetch      (BjbPagedQuery  *query);

G_END_DECLS
