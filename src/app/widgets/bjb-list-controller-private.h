/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-list-controller.h"

G_BEGIN_DECLS

struct _BjbListController
{
  GObject parent_instance;

  /* Owned (all set from the page's .ui; each may be missing but the selection and either
   * the model or the store) */
  BjbPagedQueryModel *model;
  GListStore *store;       /* the whole-list mode, in place of the model */
  BjbShownRows *shown_rows;
  GtkSingleSelection *selection;
  GtkColumnView *view;
  GtkScrolledWindow *scroller;
  GtkSpinner *spinner;
  GtkLabel *count_label;
  GtkLabel *error_label;
  GtkEditable *search_entry;

  char *search_property;   /* the query's property the search entry's text goes to */
  gboolean search_bound;
  BjbListCountFormat count_format;
  gint64 count_cap;
  gint64 selected_id;
  gboolean keep_picked;
  gboolean syncing;     /* the selection is being put right, not moved by the user */

  /* The whole-list mode (bjb-list-controller-store.c) */
  char *key_property;      /* the rows' property that tells one from another */
  GValue kept;             /* its value in the row kept selected across loads; unset: none */
  BjbListFetch fetch;
  BjbListFetchFinish fetch_finish;
  char *load_error_format;
  char *load_error_shown;  /* what the controller put on the error label, or NULL */
  GCancellable *load_cancellable;   /* the load on its way, or NULL */
};

/* @format with its one %s replaced by @text (a translated format that is not a literal
 * cannot be printf's). (transfer full) */
char    *_bjb_list_controller_fill_format  (const char        *format,
                                            const char        *text);

/* bjb-list-controller-store.c */
void     _bjb_list_controller_store_class_init (GObjectClass  *klass);
/* Selects the kept row (or nothing) in the store. */
void     _bjb_list_controller_store_sync   (BjbListController *self);
/* The user selected @row: keeps its key; FALSE when that key was kept already. */
gboolean _bjb_list_controller_store_take   (BjbListController *self,
                                            GObject           *row);

G_END_DECLS
