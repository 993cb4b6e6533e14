/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stocktake-view"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-admin-product.h"
#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-product-ops.h"
#include "bjb-stock-count-cell.h"
#include "bjb-stocktake-view.h"
#include "bjb-widgets.h"

/* What bjb.apply_stocktake accepts for one line (0007). */
#define COUNT_MAX 10000000

struct _BjbStocktakeView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  GListStore *counts;
  GtkEntry *note_entry;
  GtkLabel *error_label;
  GtkLabel *summary_label;
  GtkSpinner *spinner;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbStocktakeView, bjb_stocktake_view, GTK_TYPE_WIDGET)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (BjbStocktakeView *self,
          gboolean          busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, self->spinner, "stocktake.apply",
                     NULL);
}

/* (transfer full): the lines that differ from the books */
static GPtrArray *
differing_lines (BjbStocktakeView *self)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->counts)); i++)
    {
      g_autoptr(BjbStockCount) count = g_list_model_get_item (G_LIST_MODEL (self->counts), i);

      if (bjb_stock_count_get_differs (count))
        g_ptr_array_add (lines, g_steal_pointer (&count));
    }
  return lines;
}

static void
update_summary (BjbStocktakeView *self)
{
  g_autoptr(GPtrArray) lines = differing_lines (self);
  g_autofree char *text = NULL;

  /* Translators: how many products of a stocktake differ from the books */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u product differs from the books",
                                       "%u products differ from the books", lines->len),
                          lines->len);
  gtk_label_set_label (self->summary_label, text);
}

/* The server refused the batch: name the line it refused when we can tell which. */
static char *
refusal_sentence (const GError *error,
                  GPtrArray    *lines)
{
  g_autofree char *sentence = NULL;

  if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "BJ011") == 0 &&
      g_strcmp0 (bjb_db_error_get_column (error), "counts") == 0)
    for (guint i = 0; i < lines->len; i++)
      {
        BjbStockCount *count = g_ptr_array_index (lines, i);

        if (bjb_stock_count_get_counted (count) > COUNT_MAX)
          {
            g_autofree char *max = bjb_money_format_plain (COUNT_MAX);

            /* Translators: %s is a product, then the largest count, 10.000.000 */
            return g_strdup_printf (_("The count for %s is not possible: at most %s. Nothing "
                                      "was changed; correct it and apply again."),
                                    bjb_stock_count_get_name (count), max);
          }
      }
  sentence = bjb_error_sentence (error);
  /* Translators: %s says why the server refused a stocktake */
  return g_strdup_printf (_("Nothing was changed: %s"), sentence);
}

typedef struct
{
  BjbStocktakeView *self;
  GPtrArray *lines;
} ApplyData;

static void
apply_data_free (ApplyData *data)
{
  g_clear_object (&data->self);
  g_clear_pointer (&data->lines, g_ptr_array_unref);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApplyData, apply_data_free)

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ApplyData) data = user_data;
  BjbStocktakeView *self = data->self;
  g_autoptr(GError) error = NULL;
  int changed = bjb_product_ops_apply_stocktake_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (changed < 0)
    {
      /* The counts stay as typed. */
      g_autofree char *sentence = refusal_sentence (error, data->lines);

      bjb_widgets_show_label (self->error_label, sentence);
      return;
    }
  g_signal_emit (self, signals[APPLIED], 0, changed);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbStocktakeView *self = BJB_STOCKTAKE_VIEW (widget);
  ApplyData *data;

  if (self->busy || self->connection == NULL)
    return;
  data = g_new0 (ApplyData, 1);
  data->lines = differing_lines (self);
  if (data->lines->len == 0)
    {
      bjb_widgets_show_label (self->error_label,
                              _("Every count matches the books: there is nothing to apply."));
      apply_data_free (data);
      return;
    }
  bjb_widgets_show_label (self->error_label, NULL);
  data->self = g_object_ref (self);
  set_busy (self, TRUE);
  bjb_product_ops_apply_stocktake_async (self->connection, data->lines,
                                         gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                                         self->cancellable, applied_cb, data);
}

static void
count_changed_cb (BjbStocktakeView *self)
{
  bjb_widgets_show_label (self->error_label, NULL);
  update_summary (self);
}

/* GObject */

static void
bjb_stocktake_view_dispose (GObject *object)
{
  BjbStocktakeView *self = (BjbStocktakeView *)object;

  bjb_connected_dispose (self, BJB_TYPE_STOCKTAKE_VIEW, &self->cancellable);

  G_OBJECT_CLASS (bjb_stocktake_view_parent_class)->dispose (object);
}

static void
bjb_stocktake_view_class_init (BjbStocktakeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_stocktake_view_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStocktakeView, connection),
                               (BjbConnectedSetter) bjb_stocktake_view_set_connection);

  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  bjb_catalog_ensure_resources ();
  g_type_ensure (BJB_TYPE_STOCK_COUNT);
  g_type_ensure (BJB_TYPE_STOCK_COUNT_CELL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-stocktake-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, content);
  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, counts);
  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStocktakeView, spinner);

  gtk_widget_class_install_action (widget_class, "stocktake.apply", NULL, apply_action);
  bjb_form_class_install_cancel (widget_class, "stocktake.cancel", NULL);
}

static void
bjb_stocktake_view_init (BjbStocktakeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
bjb_stocktake_view_set_connection (BjbStocktakeView *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_STOCKTAKE_VIEW (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  set_busy (self, FALSE);
}

static void
products_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbStocktakeView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) products = bjb_product_ops_list_products_finish (result, &error);
  g_autoptr(GPtrArray) lines = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (products == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      bjb_widgets_show_label (self->error_label, sentence);
      return;
    }
  lines = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (products); i++)
    {
      g_autoptr(BjbAdminProduct) product = g_list_model_get_item (products, i);
      BjbStockCount *count = bjb_stock_count_new (bjb_admin_product_get_id (product),
                                                  bjb_admin_product_get_name (product),
                                                  bjb_admin_product_get_unit (product),
                                                  bjb_admin_product_get_stock (product));

      /* Counting starts from the books: only what the admin changes differs. */
      bjb_stock_count_set_counted (count, bjb_admin_product_get_stock (product));
      g_signal_connect_object (count, "notify::counted", G_CALLBACK (count_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (lines, count);
    }
  g_list_store_splice (self->counts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->counts)),
                       lines->pdata, lines->len);
  update_summary (self);
}

void
bjb_stocktake_view_start (BjbStocktakeView *self)
{
  g_return_if_fail (BJB_IS_STOCKTAKE_VIEW (self));

  g_list_store_remove_all (self->counts);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  bjb_widgets_show_label (self->error_label, NULL);
  update_summary (self);
  if (self->connection == NULL)
    return;
  /* Every product, active or not: whatever is on the yard is counted. */
  set_busy (self, TRUE);
  bjb_product_ops_list_products_async (self->connection, NULL, 0, -1, self->cancellable,
                                       products_cb, g_object_ref (self));
}

GListModel *
bjb_stocktake_view_get_counts (BjbStocktakeView *self)
{
  g_return_val_if_fail (BJB_IS_STOCKTAKE_VIEW (self), NULL);
  return G_LIST_MODEL (self->counts);
}

const char *
bjb_stocktake_view_get_error (BjbStocktakeView *self)
{
  g_return_val_if_fail (BJB_IS_STOCKTAKE_VIEW (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

gboolean
bjb_stocktake_view_get_busy (BjbStocktakeView *self)
{
  g_return_val_if_fail (BJB_IS_STOCKTAKE_VIEW (self), FALSE);
  return self->busy;
}
