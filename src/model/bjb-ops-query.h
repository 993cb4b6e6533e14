/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * An operation's signature, written once. Every op is the same pair, and only its name,
 * the parameters between the connection and the cancellable, and the _finish's type
 * differ; the rest was copied into every ops header and again into every ops file.
 *
 * BJB_OPS_ASYNC (name, params…) is
 *   void name_async (BjbConnection *connection, params…, GCancellable *cancellable,
 *                    GAsyncReadyCallback callback, gpointer user_data)
 * BJB_OPS_FINISH (Type, name, out params…) is
 *   Type name_finish (GAsyncResult *result, out params…, GError **error)
 * BJB_OPS_DECLARE (Type, name, params…) declares both (an op with its own _finish).
 *
 * The same macros head the definitions in the ops files, so the fixed parameters are
 * always called connection, cancellable, callback, user_data, result and error. An op
 * without parameters of its own leaves params… out: BJB_OPS_ASYNC (bjb_x_ops_list).
 * The comment above a use documents the op as it would a written-out prototype
 * (grep for the name without _async / _finish to find it).
 */
#define BJB_OPS_ASYNC(name, ...) \
  void name##_async (BjbConnection *connection, ##__VA_ARGS__, GCancellable *cancellable, \
                     GAsyncReadyCallback callback, gpointer user_data)
#define BJB_OPS_FINISH(Type, name, ...) \
  Type name##_finish (GAsyncResult *result, ##__VA_ARGS__, GError **error)
#define BJB_OPS_DECLARE(Type, name, ...) \
  BJB_OPS_ASYNC (name, ##__VA_ARGS__); \
  BJB_OPS_FINISH (Type, name)

/*
 * The one GTask shape every ops file shares: run a statement, hand the rows to the
 * _finish of the operation that started it (which turns them into typed values).
 * A cancelled query finishes with G_IO_ERROR_CANCELLED like any other error.
 */
void       bjb_ops_query_async  (BjbConnection       *connection,
                                 const char          *sql,
                                 guint                n_params,
                                 const char *const   *params,
                                 GCancellable        *cancellable,
                                 gpointer             source_tag,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);

/* The same with one bigint parameter, @id: most calls name one order, product or message. */
void       bjb_ops_query_id_async (BjbConnection       *connection,
                                   const char          *sql,
                                   gint64               id,
                                   GCancellable        *cancellable,
                                   gpointer             source_tag,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

/* Returns: (transfer full) (nullable): the rows, or NULL with @error set. Checks that
 * @result was started with @source_tag. */
BjbResult *bjb_ops_query_finish (GAsyncResult        *result,
                                 gpointer             source_tag,
                                 GError             **error);

/* The integer in @column of the first row, or @failed with @error set (or when there was
 * no row). */
gint64     bjb_ops_query_finish_int  (GAsyncResult  *result,
                                      gpointer       source_tag,
                                      const char    *column,
                                      gint64         failed,
                                      GError       **error);

/* Returns: (transfer full) (nullable): the bytea in @column of the first row; NULL with
 * @error set, or when there was no row. */
GBytes    *bjb_ops_query_finish_bytes (GAsyncResult  *result,
                                       gpointer       source_tag,
                                       const char    *column,
                                       GError       **error);

/* The "id" column of the first row (a function that returns the new row's id), or 0 with
 * @error set. */
gint64     bjb_ops_query_finish_id   (GAsyncResult  *result,
                                      gpointer       source_tag,
                                      GError       **error);

/* TRUE when the statement ran (a change whose answer is only "done"). */
gboolean   bjb_ops_query_finish_ok   (GAsyncResult  *result,
                                      gpointer       source_tag,
                                      GError       **error);

/* A row type's constructor from one row of an answer (the _new_from_result functions). */
typedef gpointer (*BjbOpsRowFunc) (BjbResult *rows,
                                   guint      row);

/* Returns: (transfer full) (nullable): every row made into an object by @make, in a
 * GListStore of @item_type (for a list or drop-down) or a GPtrArray that owns them; NULL
 * with @error set when the query failed. */
GListModel *bjb_ops_query_finish_store (GAsyncResult   *result,
                                        gpointer        source_tag,
                                        GType           item_type,
                                        BjbOpsRowFunc   make,
                                        GError        **error);
GPtrArray  *bjb_ops_query_finish_array (GAsyncResult   *result,
                                        gpointer        source_tag,
                                        BjbOpsRowFunc   make,
                                        GError        **error);

/* The id in the object "saved" of the first row ({"id": …, "version": …}, what the
 * bjb.save_* functions answer), @version receiving its version; 0 with @error set. */
gint64     bjb_ops_query_finish_saved (GAsyncResult  *result,
                                       gpointer       source_tag,
                                       int           *version,
                                       GError       **error);

/* Returns: (transfer full) (nullable): the JSON value in @column of the first row, of the
 * JSON type @type; NULL with @error set when the query failed or the server sent none. */
JsonNode  *bjb_ops_query_finish_json (GAsyncResult  *result,
                                      gpointer       source_tag,
                                      const char    *column,
                                      JsonNodeType   type,
                                      GError       **error);

/* Returns: (transfer full) (nullable): the JSON object in @column of the first row, as
 * bjb_ops_query_finish_json() finds it. */
JsonObject *bjb_ops_query_finish_object (GAsyncResult  *result,
                                         gpointer       source_tag,
                                         const char    *column,
                                         GError       **error);

/*
 * bjb_ops_restart_cancellable:
 * @slot: where the cancellable of one kind of request lives (the search, the quote…)
 * @parent: (nullable): cancelled when the widget goes; cancels the new one too
 *
 * Cancels what @slot held (a newer request makes it worthless) and puts a fresh
 * cancellable there. Returns: (transfer none): the new one
 */
GCancellable *bjb_ops_restart_cancellable (GCancellable **slot,
                                           GCancellable  *parent);

/* (transfer full): "123", the text form of a bigint parameter */
char      *bjb_ops_int_param    (gint64               value);
/* (transfer full): "{12,15,16}", the text form of a bigint[] parameter */
char      *bjb_ops_int_array_param (const gint64     *values,
                                    guint             n_values);

G_END_DECLS
