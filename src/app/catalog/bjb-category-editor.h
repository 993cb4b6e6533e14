/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_CATEGORY_EDITOR (bjb_category_editor_get_type ())

G_DECLARE_FINAL_TYPE (BjbCategoryEditor, bjb_category_editor, BJB, CATEGORY_EDITOR, GtkWidget)

/*
 * BjbCategoryEditor: the categories beside the products list: add (bjb.save_category),
 * rename the selected one, remove it (bjb.delete_category; while products use it the
 * refusal says how many). Signals: "changed" after a save or removal (the page reads the
 * categories again), "closed". Actions: categories.add, categories.rename,
 * categories.remove, categories.close.
 */
void        bjb_category_editor_set_connection (BjbCategoryEditor *self,
                                                BjbConnection     *connection);
/* BjbAdminCategory items, the page's. */
void        bjb_category_editor_set_categories (BjbCategoryEditor *self,
                                                GListModel        *categories);
/* For tests: select the category with @id (FALSE when it is not listed). */
gboolean    bjb_category_editor_select         (BjbCategoryEditor *self,
                                                gint64             id);
/* For tests: (transfer none): "add" or "rename" */
GtkEditable *bjb_category_editor_get_entry     (BjbCategoryEditor *self,
                                                const char        *which);
/* (nullable): the sentence shown, NULL when none */
const char *bjb_category_editor_get_error      (BjbCategoryEditor *self);
gboolean    bjb_category_editor_get_busy       (BjbCategoryEditor *self);

G_END_DECLS
