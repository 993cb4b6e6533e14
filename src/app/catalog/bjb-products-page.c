/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-products-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bjb-admin-product-query.h"
#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-list-controller.h"
#include "bjb-page.h"
#include "bjb-product-ops.h"
#include "bjb-products-page.h"
#include "bjb-stock-page.h"
#include "bjb-widgets.h"

struct _BjbProductsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *paned;
  GtkSearchEntry *search_entry;
  GtkDropDown *category_dropdown;
  GtkStringList *category_names;
  GtkDropDown *active_dropdown;
  GtkLabel *error_label;
  BjbPagedQueryModel *list_model;
  BjbListController *list;
  BjbAdminProductQuery *query;
  GtkStack *stack;
  BjbProductForm *form;
  BjbCategoryEditor *category_editor;
  GListStore *categories;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  GArray *category_ids;      /* gint64, parallel to category_names (0 = all) */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbProductsPage, bjb_products_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static const char *
count_format (gulong n)
{
  /* Translators: %s is a number such as 120 */
  return g_dngettext (GETTEXT_PACKAGE, "%s product", "%s products", n);
}

static void
stop_search_cb (BjbProductsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filters_changed_cb (BjbProductsPage *self)
{
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  guint active = gtk_drop_down_get_selected (self->active_dropdown);

  g_object_set (self->query,
                "category-id", category < self->category_ids->len
                               ? g_array_index (self->category_ids, gint64, category) : 0,
                "active", active == 1 ? 1 : active == 2 ? 0 : -1,
                NULL);
}

static void
show_product (BjbProductsPage *self,
              BjbAdminProduct *product)
{
  bjb_list_controller_set_selected_id (self->list, bjb_admin_product_get_id (product));
  bjb_product_form_edit (self->form, product);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

/* A save on its way finishes with the product it was for, and what is typed in the form is
 * never thrown away by a click in the list (Cancel first). */
static gboolean
can_leave_cb (BjbProductsPage *self)
{
  return !bjb_product_form_get_busy (self->form) &&
         !(bjb_product_form_get_dirty (self->form) &&
           g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0);
}

static void
picked_cb (BjbProductsPage *self,
           BjbAdminProduct *product)
{
  if (bjb_admin_product_get_id (product) == bjb_product_form_get_product_id (self->form) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    return;
  show_product (self, product);
}

static void
form_saved_cb (BjbProductsPage *self,
               gint64           id)
{
  bjb_list_controller_set_selected_id (self->list, id);
  bjb_paged_query_model_refresh (self->list_model);
}

static void
form_cancelled_cb (BjbProductsPage *self)
{
  bjb_list_controller_select_id (self->list, 0);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
form_refresh_cb (BjbProductsPage *self)
{
  bjb_paged_query_model_refresh (self->list_model);
}

/* Categories: the form's dropdown, the editor's list and the filter share one answer. */

static void
categories_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BjbProductsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) categories = bjb_product_ops_list_categories_finish (result, &error);
  g_autoptr(GPtrArray) names = NULL;
  guint selected;
  gint64 filter_id;

  if (categories == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *sentence = bjb_error_sentence (error);

          bjb_widgets_show_label (self->error_label, sentence);
        }
      return;
    }

  selected = gtk_drop_down_get_selected (self->category_dropdown);
  filter_id = selected < self->category_ids->len
              ? g_array_index (self->category_ids, gint64, selected) : 0;
  names = g_ptr_array_new ();
  g_array_set_size (self->category_ids, 1);
  for (guint i = 0; i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BjbAdminCategory) category = g_list_model_get_item (categories, i);
      gint64 id = bjb_admin_category_get_id (category);

      g_array_append_val (self->category_ids, id);
      g_ptr_array_add (names, (gpointer) bjb_admin_category_get_name (category));
    }
  g_ptr_array_add (names, NULL);
  bjb_widgets_store_replace (self->categories, categories);
  gtk_string_list_splice (self->category_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->category_names)) - 1,
                          (const char * const *) names->pdata);
  /* The filter keeps its category if it still exists. */
  selected = 0;
  for (guint i = 0; i < self->category_ids->len; i++)
    if (g_array_index (self->category_ids, gint64, i) == filter_id)
      selected = i;
  gtk_drop_down_set_selected (self->category_dropdown, selected);
}

static void
load_categories (BjbProductsPage *self)
{
  if (self->connection == NULL)
    return;
  bjb_product_ops_list_categories_async (self->connection, self->cancellable, categories_cb,
                                         g_object_ref (self));
}

static void
categories_changed_cb (BjbProductsPage *self)
{
  load_categories (self);
  bjb_paged_query_model_refresh (self->list_model);
}

/* Actions */

static void
products_new_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbProductsPage *self = BJB_PRODUCTS_PAGE (widget);

  bjb_list_controller_select_id (self->list, 0);
  bjb_product_form_edit (self->form, NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  bjb_product_form_focus (self->form);
}

static void
products_categories_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BjbProductsPage *self = BJB_PRODUCTS_PAGE (widget);

  load_categories (self);
  gtk_stack_set_visible_child_name (self->stack, "categories");
}

/* BjbPage */

static void
bjb_products_page_page_refresh (BjbPage *page)
{
  bjb_products_page_refresh (BJB_PRODUCTS_PAGE (page));
}

static void
bjb_products_page_event_received (BjbPage  *page,
                                  BjbEvent *event)
{
  if (bjb_stock_page_event_moves_stock (event))
    bjb_paged_query_model_refresh (BJB_PRODUCTS_PAGE (page)->list_model);
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_products_page_page_refresh;
  iface->event_received = bjb_products_page_event_received;
}

/* GObject */

static void
bjb_products_page_dispose (GObject *object)
{
  BjbProductsPage *self = (BjbProductsPage *)object;

  bjb_connected_dispose (self, BJB_TYPE_PRODUCTS_PAGE, &self->cancellable);

  G_OBJECT_CLASS (bjb_products_page_parent_class)->dispose (object);
}

static void
bjb_products_page_finalize (GObject *object)
{
  BjbProductsPage *self = (BjbProductsPage *)object;

  g_clear_pointer (&self->category_ids, g_array_unref);

  G_OBJECT_CLASS (bjb_products_page_parent_class)->finalize (object);
}

static void
bjb_products_page_class_init (BjbProductsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_products_page_dispose;
  object_class->finalize = bjb_products_page_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbProductsPage, connection),
                               (BjbConnectedSetter) bjb_products_page_set_connection);

  bjb_catalog_ensure_resources ();
  g_type_ensure (BJB_TYPE_ADMIN_PRODUCT);
  g_type_ensure (BJB_TYPE_ADMIN_PRODUCT_QUERY);
  g_type_ensure (BJB_TYPE_ADMIN_CATEGORY);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  g_type_ensure (BJB_TYPE_PRODUCT_FORM);
  g_type_ensure (BJB_TYPE_CATEGORY_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-products-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, category_names);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, active_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, list);
  /* Tests pick rows through it. */
  gtk_widget_class_bind_template_child_full (widget_class, "selection", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, form);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, category_editor);
  gtk_widget_class_bind_template_child (widget_class, BjbProductsPage, categories);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, can_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_product);
  gtk_widget_class_bind_template_callback (widget_class, form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_refresh_cb);
  gtk_widget_class_bind_template_callback (widget_class, categories_changed_cb);

  gtk_widget_class_install_action (widget_class, "products.new", NULL, products_new_action);
  gtk_widget_class_install_action (widget_class, "products.open", "x",
                                   bjb_list_controller_open_action);
  gtk_widget_class_install_action (widget_class, "products.categories", NULL,
                                   products_categories_action);
  gtk_widget_class_install_action (widget_class, "products.refresh", NULL, bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "products.search", NULL,
                                   bjb_list_controller_search_action);
}

static void
bjb_products_page_init (BjbProductsPage *self)
{
  gint64 all = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->category_ids, all);
  bjb_product_form_set_categories (self->form, G_LIST_MODEL (self->categories));
  bjb_category_editor_set_categories (self->category_editor, G_LIST_MODEL (self->categories));
  bjb_list_controller_set_count_format (self->list, count_format, 0);
}

void
bjb_products_page_set_connection (BjbProductsPage *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_PRODUCTS_PAGE (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  bjb_product_form_set_connection (self->form, connection);
  bjb_category_editor_set_connection (self->category_editor, connection);
  g_object_set (self->query, "connection", connection, NULL);
  load_categories (self);
}

void
bjb_products_page_refresh (BjbProductsPage *self)
{
  g_return_if_fail (BJB_IS_PRODUCTS_PAGE (self));

  load_categories (self);
  bjb_paged_query_model_refresh (self->list_model);
}

BjbPagedQueryModel *
bjb_products_page_get_list_model (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return self->list_model;
}

GListModel *
bjb_products_page_get_categories (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->categories);
}

BjbProductForm *
bjb_products_page_get_form (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return self->form;
}

BjbCategoryEditor *
bjb_products_page_get_category_editor (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return self->category_editor;
}

GtkEditable *
bjb_products_page_get_search_entry (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

const char *
bjb_products_page_get_visible_pane (BjbProductsPage *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
