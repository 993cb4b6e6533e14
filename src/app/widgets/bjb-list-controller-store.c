/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-list-controller"

/*
 * BjbListController's whole-list mode: the pages whose list is short enough to read at once
 * (discount rules, staff accounts) hold a GListStore, not a paged model. Reading it, saying
 * why it could not be read, and keeping the picked row selected across reads is the same
 * for all of them, so it is here and each page keeps only its ops call and its rows.
 */

#include "config.h"

#include "bjb-error-sentence.h"
#include "bjb-list-controller-private.h"
#include "bjb-widgets.h"

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_bjb_list_controller_store_class_init (GObjectClass *klass)
{
  /**
   * BjbListController::loaded:
   * @ok: FALSE when the list could not be read (the store keeps the rows it had)
   *
   * A read of the whole-list mode ended; the store holds the new rows and the kept row is
   * selected again.
   */
  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static GParamSpec *
key_pspec (BjbListController *self,
           GObject           *row)
{
  GParamSpec *pspec;

  g_return_val_if_fail (self->key_property != NULL, NULL);
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row), self->key_property);
  g_return_val_if_fail (pspec != NULL, NULL);
  return pspec;
}

static gboolean
is_kept (BjbListController *self,
         GObject           *row)
{
  GParamSpec *pspec = G_IS_VALUE (&self->kept) ? key_pspec (self, row) : NULL;
  g_auto(GValue) key = G_VALUE_INIT;

  if (pspec == NULL || G_VALUE_TYPE (&self->kept) != pspec->value_type)
    return FALSE;
  g_value_init (&key, pspec->value_type);
  g_object_get_property (row, pspec->name, &key);
  return g_param_values_cmp (pspec, &key, &self->kept) == 0;
}

void
_bjb_list_controller_store_sync (BjbListController *self)
{
  GListModel *rows = G_LIST_MODEL (self->store);
  guint n = g_list_model_get_n_items (rows);
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < n && position == GTK_INVALID_LIST_POSITION; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);

      if (is_kept (self, row))
        position = i;
    }
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

gboolean
_bjb_list_controller_store_take (BjbListController *self,
                                 GObject           *row)
{
  GParamSpec *pspec = key_pspec (self, row);

  if (pspec == NULL || is_kept (self, row))
    return FALSE;
  g_value_unset (&self->kept);
  g_value_init (&self->kept, pspec->value_type);
  g_object_get_property (row, pspec->name, &self->kept);
  return TRUE;
}

/* Only the sentence the controller wrote goes: the page may have put its own there since
 * (a change refused). */
static void
show_load_error (BjbListController *self,
                 const char        *text)
{
  if (self->error_label == NULL)
    return;
  if (text == NULL && (self->load_error_shown == NULL ||
                       g_strcmp0 (gtk_label_get_text (self->error_label),
                                  self->load_error_shown) != 0))
    return;
  g_free (self->load_error_shown);
  self->load_error_shown = g_strdup (text);
  bjb_widgets_show_label (self->error_label, text);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbListController) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = self->fetch_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->load_cancellable);
  if (rows == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);
      g_autofree char *text = _bjb_list_controller_fill_format (self->load_error_format,
                                                                sentence);

      g_debug ("reading the %s list: %s",
               g_type_name (g_list_model_get_item_type (G_LIST_MODEL (self->store))),
               error->message);
      show_load_error (self, text);
    }
  else
    {
      show_load_error (self, NULL);
      g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                           rows->pdata, rows->len);
      /* The same row stays picked, with its fresh state. */
      _bjb_list_controller_store_sync (self);
    }
  g_signal_emit (self, signals[LOADED], 0, rows != NULL);
}

/**
 * bjb_list_controller_set_fetch:
 * @fetch: the ops call that reads the whole list
 * @finish: its _finish: (transfer full) a GPtrArray of the store's item type
 * @error_format: (nullable): the error label's sentence, one %s for why
 */
void
bjb_list_controller_set_fetch (BjbListController  *self,
                               BjbListFetch        fetch,
                               BjbListFetchFinish  finish,
                               const char         *error_format)
{
  g_return_if_fail (BJB_IS_LIST_CONTROLLER (self));
  g_return_if_fail (fetch != NULL && finish != NULL);

  self->fetch = fetch;
  self->fetch_finish = finish;
  g_free (self->load_error_format);
  self->load_error_format = g_strdup (error_format != NULL ? error_format : "%s");
}

/**
 * bjb_list_controller_load:
 * @connection: (nullable): the connection to read through
 *
 * A read still on its way is dropped: only the newest one fills the store.
 */
void
bjb_list_controller_load (BjbListController *self,
                          BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_LIST_CONTROLLER (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));
  g_return_if_fail (self->store != NULL && self->fetch != NULL);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (connection == NULL)
    return;
  self->load_cancellable = g_cancellable_new ();
  self->fetch (connection, self->load_cancellable, load_cb, g_object_ref (self));
}

gboolean
bjb_list_controller_get_loading (BjbListController *self)
{
  g_return_val_if_fail (BJB_IS_LIST_CONTROLLER (self), FALSE);
  return self->load_cancellable != NULL;
}
