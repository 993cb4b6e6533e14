/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog-ops.h"
#include "bjb-category.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-product-picker.h"
#include "bjb-widgets.h"

/* Enough to pick from while typing; the name narrows it further. */
#define SEARCH_LIMIT 50

struct _BjbProductPicker
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkDropDown        *category_dropdown;
  GListStore         *categories;
  GtkColumnViewColumn *category_column;
  GtkSingleSelection *selection;
  GListStore         *store;

  /* Owned */
  BjbConnection      *connection;
  GCancellable       *cancellable;         /* everything; cancelled in dispose */
  GCancellable       *search_cancellable;  /* the search in flight */
};

G_DEFINE_FINAL_TYPE (BjbProductPicker, bjb_product_picker, ADW_TYPE_BIN)

enum {
  ACTIVATED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
fail (BjbProductPicker *self,
      const GError     *error)
{
  g_autofree char *sentence = bjb_error_sentence (error);

  g_signal_emit (self, signals[FAILED], 0, sentence);
}

static void
on_products_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BjbProductPicker *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) hits = bjb_catalog_ops_search_products_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->search_cancellable);
  if (hits == NULL)
    {
      fail (self, error);
      return;
    }
  bjb_widgets_store_replace (self->store, hits);
  gtk_single_selection_set_selected (self->selection,
                                     g_list_model_get_n_items (hits) > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

static gint64
selected_category (BjbProductPicker *self)
{
  BjbCategory *category = gtk_drop_down_get_selected_item (self->category_dropdown);

  return category != NULL ? bjb_category_get_id (category) : 0;
}

void
bjb_product_picker_refresh (BjbProductPicker *self)
{
  g_return_if_fail (BJB_IS_PRODUCT_PICKER (self));

  if (self->connection == NULL)
    return;
  /* A newer search makes the one in flight worthless. */
  bjb_catalog_ops_search_products_async (self->connection,
                                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
                                         selected_category (self), SEARCH_LIMIT,
                                         bjb_ops_restart_cancellable (&self->search_cancellable,
                                                                      self->cancellable),
                                         on_products_found, self);
}

static void
on_search_changed (BjbProductPicker *self)
{
  bjb_product_picker_refresh (self);
}

static void
activate_selected (BjbProductPicker *self)
{
  BjbProductHit *hit = bjb_product_picker_get_selected (self);

  if (hit != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, hit);
}

/* Enter in the search: the first hit is selected, so that is the one. */
static void
on_search_activate (BjbProductPicker *self)
{
  activate_selected (self);
}

static void
on_view_activate (BjbProductPicker *self,
                  guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  activate_selected (self);
}

static void
on_categories_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbProductPicker *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) categories = bjb_catalog_ops_list_categories_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (categories == NULL)
    {
      /* Searching still works in every category. */
      fail (self, error);
      bjb_product_picker_refresh (self);
      return;
    }
  g_signal_handlers_block_by_func (self->category_dropdown, on_search_changed, self);
  bjb_widgets_store_replace (self->categories, categories);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->category_dropdown, on_search_changed, self);
  bjb_product_picker_refresh (self);
}

void
bjb_product_picker_set_connection (BjbProductPicker *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_PRODUCT_PICKER (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  g_clear_object (&self->search_cancellable);
  if (connection != NULL)
    bjb_catalog_ops_list_categories_async (connection, self->cancellable, on_categories_loaded, self);
}

static void
bjb_product_picker_dispose (GObject *object)
{
  BjbProductPicker *self = BJB_PRODUCT_PICKER (object);

  g_clear_object (&self->search_cancellable);
  bjb_connected_dispose (self, BJB_TYPE_PRODUCT_PICKER, &self->cancellable);

  G_OBJECT_CLASS (bjb_product_picker_parent_class)->dispose (object);
}

static void
bjb_product_picker_class_init (BjbProductPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_product_picker_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbProductPicker, connection),
                               (BjbConnectedSetter) bjb_product_picker_set_connection);

  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, BJB_TYPE_PRODUCT_HIT);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BJB_TYPE_PRODUCT_HIT);
  g_type_ensure (BJB_TYPE_CATEGORY);
  bjb_widgets_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/widgets/bjb-product-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, categories);
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, category_column);
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbProductPicker, store);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);
}

static void
bjb_product_picker_init (BjbProductPicker *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

BjbProductHit *
bjb_product_picker_get_selected (BjbProductPicker *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_PICKER (self), NULL);
  return gtk_single_selection_get_selected_item (self->selection);
}

GtkSelectionModel *
bjb_product_picker_get_results (BjbProductPicker *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_PICKER (self), NULL);
  return (GtkSelectionModel *) self->selection;  /* an interface it implements */
}

void
bjb_product_picker_set_show_category (BjbProductPicker *self,
                                      gboolean          show)
{
  g_return_if_fail (BJB_IS_PRODUCT_PICKER (self));

  gtk_column_view_column_set_visible (self->category_column, show);
}
