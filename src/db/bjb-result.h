/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define BJB_TYPE_RESULT (bjb_result_get_type ())
G_DECLARE_FINAL_TYPE (BjbResult, bjb_result, BJB, RESULT, GObject)

/*
 * BjbResult: the rows of one successful query (text format), immutable, usable from any
 * thread. Columns are addressed by name as the query spells them (use `AS name`).
 *
 * Asking for a column the result does not have is a programmer error: g_critical and the
 * "null" value is returned. A NULL value reads as NULL / 0 / FALSE; use
 * bjb_result_is_null() when that matters.
 */

guint        bjb_result_get_n_rows    (BjbResult  *self);
guint        bjb_result_get_n_columns (BjbResult  *self);

/**
 * bjb_result_has_column: Returns: whether the result has a column called @column
 */
gboolean     bjb_result_has_column    (BjbResult  *self,
                                       const char *column);

/**
 * bjb_result_get_command_status: Returns: (transfer none): e.g. "SELECT 3", "LISTEN"
 */
const char  *bjb_result_get_command_status (BjbResult *self);

gboolean     bjb_result_is_null       (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/**
 * bjb_result_get_string:
 * Returns: (nullable) (transfer none): the value as the server sent it (text format),
 *   valid as long as @self lives; NULL for SQL NULL
 */
const char  *bjb_result_get_string    (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/* integer columns (smallint, int, bigint, numeric without fraction); 0 for NULL */
gint64       bjb_result_get_int64     (BjbResult  *self,
                                       guint       row,
                                       const char *column);

double       bjb_result_get_double    (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/* boolean columns ("t"/"f"); FALSE for NULL */
gboolean     bjb_result_get_boolean   (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/**
 * bjb_result_get_json:
 * Returns: (nullable) (transfer full): a json / jsonb column parsed; NULL for SQL NULL
 */
JsonNode    *bjb_result_get_json      (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/**
 * bjb_result_get_datetime:
 * Returns: (nullable) (transfer full): a timestamptz column (the connection uses
 *   DateStyle ISO); NULL for SQL NULL
 */
GDateTime   *bjb_result_get_datetime  (BjbResult  *self,
                                       guint       row,
                                       const char *column);

/**
 * bjb_result_get_bytes:
 * Returns: (nullable) (transfer full): a bytea column decoded; NULL for SQL NULL
 */
GBytes      *bjb_result_get_bytes     (BjbResult  *self,
                                       guint       row,
                                       const char *column);

G_END_DECLS
