/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

#define BJB_TYPE_SHOWN_ROWS (bjb_shown_rows_get_type ())

G_DECLARE_FINAL_TYPE (BjbShownRows, bjb_shown_rows, BJB, SHOWN_ROWS, GObject)

/*
 * BjbShownRows: the first rows of a BjbPagedQueryModel, "initial" of them or as many as the
 * view's scrolled window has room for plus a quarter screen, growing as the user scrolls
 * down. Declared in a page's .ui between the paged model and the selection ("model",
 * "scroller", "initial").
 *
 * Why: GTK 4.8's GtkListView (under every GtkColumnView) builds, binds and measures a row
 * widget for up to 200 rows after the top one, whatever its height, and asks the model for
 * each of them. Given a paged model directly it therefore made widgets for every loaded row
 * and for the page of placeholders after them, which fetched the next page, and so on until
 * 200 rows were loaded, all of them torn down and rebuilt on the next keystroke.
 */
BjbShownRows *bjb_shown_rows_new    (BjbPagedQueryModel *model,
                                     guint               initial);
void          bjb_shown_rows_reveal (BjbShownRows       *self,
                                     guint               position);

G_END_DECLS
