/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* Registers the templates of the shared widgets (/id/barokahjaya/BackOffice/widgets/) and of
 * the shared cell factories (…/cells/) once; every widget class of this library calls it
 * from its class_init, and a page whose .ui uses a cell factory calls it too. */
void bjb_widgets_ensure_resources (void);

/* The window @widget is in, to be a dialog's parent; NULL while it is in none. (transfer none) */
GtkWindow *bjb_widgets_window_of (GtkWidget *widget);

/* What a page library's bjb_<feature>_ensure_resources() does: calls @register_resource (its
 * generated GResource registration) the first time, from any thread, with @once its own
 * static flag. */
void bjb_widgets_register_once (gsize *once,
                                void (*register_resource) (void));

/* Adds the style sheet at @resource_path (a page library's CSS) to @widget's display once
 * per process, at application priority. */
void bjb_widgets_add_style (GtkWidget  *widget,
                            const char *resource_path);

/* Shows @text in @label, or hides the label when there is none (NULL or ""): an error or
 * status line under a field, a list or a form. */
void bjb_widgets_show_label (GtkLabel   *label,
                             const char *text);

/* The "connection" property of every page and picker: the connection it asks the server
 * through, set by its page or window (and directly by tests); notified only on a change. */
GParamSpec *bjb_widgets_connection_property (void);

/* Makes @store hold just the items of @items, in one items-changed. */
void bjb_widgets_store_replace (GListStore *store,
                                GListModel *items);

/* Hands the text of @entry to the string property @property of @query (a page's paged
 * query) whenever it changes, once per main-loop turn: replacing the text (paste,
 * set_text) changes it twice, delete then insert, and the server is asked once. Lasts as
 * long as @entry. */
void bjb_widgets_bind_search (GtkEditable *entry,
                              GObject     *query,
                              const char  *property);

G_END_DECLS
