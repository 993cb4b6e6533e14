/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_RESULT_ROWS (bjb_result_rows_get_type ())
G_DECLARE_FINAL_TYPE (BjbResultRows, bjb_result_rows, BJB, RESULT_ROWS, GObject)

typedef GObject *(*BjbResultRowFunc) (BjbResult *result,
                                      guint      row);

/*
 * BjbResultRows: a GListModel of the rows of one answer as typed GObjects (@item_type),
 * each made by @make the first time it is asked for and kept: a list that shows a page of
 * 40 out of an answer of 2 000 builds 40 objects, not 2 000.
 */
BjbResultRows *bjb_result_rows_new  (BjbResult        *result,
                                     GType             item_type,
                                     BjbResultRowFunc  make);
/* The position of the row whose integer @column is @value, else -1 (nothing is built). */
int            bjb_result_rows_find (BjbResultRows    *self,
                                     const char       *column,
                                     gint64            value);

G_END_DECLS
