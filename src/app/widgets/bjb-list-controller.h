/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"
#include "bjb-paged-query-model.h"
#include "bjb-shown-rows.h"

G_BEGIN_DECLS

#define BJB_TYPE_LIST_CONTROLLER (bjb_list_controller_get_type ())

G_DECLARE_FINAL_TYPE (BjbListController, bjb_list_controller, BJB, LIST_CONTROLLER, GObject)

/*
 * BjbListController: what every list page does around its BjbPagedQueryModel, declared in
 * the page's .ui next to the model and bound as a template child:
 *
 *   <object class="BjbListController" id="list">
 *     <property name="model">list_model</property>
 *     <property name="shown-rows">list_model_shown</property>
 *     <property name="selection">selection</property>
 *     <property name="view">column_view</property>
 *     <property name="spinner">spinner</property>
 *     <property name="count-label">count_label</property>
 *     <property name="error-label">error_label</property>
 *     <signal name="picked" handler="picked_cb" swapped="yes"/>
 *   </object>
 *
 * - the spinner spins while the model loads; the error label shows the model's error as
 *   bjb_error_sentence() says it (hidden without one); the count label shows the total in
 *   the format bjb_list_controller_set_count_format() gives, the old count staying while a
 *   new one is on its way;
 * - "selected-id" is the row the page shows beside the list: when a load ends, and after
 *   bjb_list_controller_sync(), that row is selected again (revealed in the shown rows) or
 *   nothing is, without a "picked";
 * - a row the user selects (click, arrow keys) is "picked" unless a "can-leave" handler
 *   says the page cannot leave what it shows (a form being saved or typed in): then the
 *   selection goes back to "selected-id". A row activated in the view (double click,
 *   Enter) is "activated", without asking. Placeholders are never picked nor activated.
 *
 * The whole-list mode: a page that reads all its rows at once gives a "store" (the
 * GListStore under the selection) in place of the model, the rows' "key-property" (what
 * tells one row from another: "id", "login"), and its ops list call with
 * bjb_list_controller_set_fetch(); then bjb_list_controller_load() reads the list into the
 * store, "loaded" says it is done, the error label shows why it could not be read (and is
 * hidden again by the next good read), and the row the user picked stays selected across
 * loads. "picked" comes only when the user selects another row than the one kept (the
 * page's own notify::selected-item sees every change); bjb_list_controller_set_selected_id()
 * keeps a row by an int64 key before it is in the list (a rule just saved), 0 none.
 *
 * Optional: "scroller", scrolled to the top when a load ends (a new first page);
 * "keep-picked", which selects "selected-id" again when it comes back into the rows after
 * the selection was lost (a refresh that dropped it for a moment, a page arriving); and
 * "search-entry" with "search-property", the model's query property its text goes to
 * (bjb_widgets_bind_search()).
 *
 * The page binds the controller as the template child "list"; then its "<page>.open" (an
 * int64 id: the loaded row is "activated" and selected) and "<page>.search" (focus the
 * search entry) actions need no code of its own:
 *
 *   gtk_widget_class_install_action (widget_class, "products.open", "x",
 *                                    bjb_list_controller_open_action);
 */

/* The ngettext format of the count label for @n rows, with one %s: the number, written
 * with thousands dots; at most @cap when @cap > 0 (the format for more says "more than"). */
typedef const char *(*BjbListCountFormat) (gulong n);

void     bjb_list_controller_set_count_format (BjbListController  *self,
                                               BjbListCountFormat  format,
                                               gint64              cap);
gint64   bjb_list_controller_get_selected_id  (BjbListController  *self);
void     bjb_list_controller_set_selected_id  (BjbListController  *self,
                                               gint64              id);
/* Selects the row of "selected-id" (or nothing) without a "picked". */
void     bjb_list_controller_sync             (BjbListController  *self);
/* bjb_list_controller_set_selected_id() then bjb_list_controller_sync(). */
void     bjb_list_controller_select_id        (BjbListController  *self,
                                               gint64              id);
/* (transfer full) (nullable): the loaded row with @id, not a placeholder */
gpointer bjb_list_controller_dup_row          (BjbListController  *self,
                                               gint64              id);

/* The whole-list mode's read: an ops list call (BJB_OPS_DECLARE (GPtrArray *, name)). */
typedef void       (*BjbListFetch)       (BjbConnection        *connection,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
typedef GPtrArray *(*BjbListFetchFinish) (GAsyncResult         *result,
                                          GError              **error);

/* @error_format: the error label's sentence when the list cannot be read, with one %s: why */
void     bjb_list_controller_set_fetch        (BjbListController  *self,
                                               BjbListFetch        fetch,
                                               BjbListFetchFinish  finish,
                                               const char         *error_format);
/* Reads the whole list again through @connection (NULL: only stops the read on its way). */
void     bjb_list_controller_load             (BjbListController  *self,
                                               BjbConnection      *connection);
/* TRUE while a read of the whole-list mode is on its way. */
gboolean bjb_list_controller_get_loading      (BjbListController  *self);

/* Action handlers for a page whose template child "list" is its controller. */
void     bjb_list_controller_open_action      (GtkWidget          *widget,
                                               const char         *action_name,
                                               GVariant           *parameter);
void     bjb_list_controller_search_action    (GtkWidget          *widget,
                                               const char         *action_name,
                                               GVariant           *parameter);

G_END_DECLS
