/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-paged-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_PAGED_QUERY_MODEL (bjb_paged_query_model_get_type ())
G_DECLARE_FINAL_TYPE (BjbPagedQueryModel, bjb_paged_query_model, BJB, PAGED_QUERY_MODEL, GObject)

/*
 * BjbPagedQueryModel: a GListModel of "item-type" rows (a BjbPagedRow type) read from the
 * server a keyset page at a time through "query" (a BjbPagedQuery: an ops call with its
 * filters). The server sorts; the client never does. Declared in a page's .ui:
 *
 *   <object class="BjbPagedQueryModel" id="list_model">
 *     <property name="item-type">BjbCustomer</property>
 *     <property name="query"><object class="BjbCustomerQuery" id="query"/></property>
 *   </object>
 *
 * Pages of "page-size" rows (40: about one screen, so a keystroke draws in under 100 ms at
 * 100 000 customers, tests/customers/README.md) are fetched on demand: asking for an item
 * past the loaded rows (the view scrolled there) returns a placeholder row and fetches the
 * next page a moment later; items-changed replaces the placeholders when it arrives. While
 * more rows exist, one page of placeholders follows the loaded rows so the view can scroll.
 *
 * The query's "changed" starts over from the first page: at once while no first page is on
 * its way, else "debounce" ms after the last change (typing); a newer query cancels
 * the stale one in flight. A new first page reuses the row objects in place, so a view keeps
 * its row widgets and only their labels change.
 *
 * "n-total" is the number of matching rows (-1 until known: from the query's count, or when
 * the last page arrived); "loading" is TRUE until the first page of the current filters is
 * in; "error" holds the last failure (cleared by the next success).
 */

BjbPagedQueryModel *bjb_paged_query_model_new         (GType               item_type,
                                                       BjbPagedQuery      *query);

/* (transfer none) (nullable) */
BjbPagedQuery      *bjb_paged_query_model_get_query   (BjbPagedQueryModel *self);
void                bjb_paged_query_model_set_query   (BjbPagedQueryModel *self,
                                                       BjbPagedQuery      *query);
gboolean            bjb_paged_query_model_get_loading (BjbPagedQueryModel *self);
gint64              bjb_paged_query_model_get_n_total (BjbPagedQueryModel *self);
/* Rows loaded so far (not counting the placeholders after them). */
guint               bjb_paged_query_model_get_n_loaded (BjbPagedQueryModel *self);
/* (nullable) (transfer none) */
const GError       *bjb_paged_query_model_get_error   (BjbPagedQueryModel *self);

/* Starts over from the first page now (no debounce). */
void                bjb_paged_query_model_reload      (BjbPagedQueryModel *self);

/**
 * bjb_paged_query_model_refresh:
 *
 * Re-reads the rows already loaded (live updates): rows that are still there keep their
 * object and only change their properties; new rows appear where the server's order puts
 * them; only the part that really changed is reported, so the view keeps its scroll
 * position and selection.
 */
void                bjb_paged_query_model_refresh     (BjbPagedQueryModel *self);

/* Position of the loaded row with @id, or GTK_INVALID_LIST_POSITION (G_MAXUINT). */
guint               bjb_paged_query_model_find        (BjbPagedQueryModel *self,
                                                       gint64              id);

G_END_DECLS
