/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customers-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bjb-customer.h"
#include "bjb-customer-ops.h"
#include "bjb-customer-query.h"
#include "bjb-customer-sorter.h"
#include "bjb-customers-page.h"
#include "bjb-customers-resources.h"
#include "bjb-connected.h"
#include "bjb-list-controller.h"
#include "bjb-page.h"
#include "bjb-widgets.h"

#define BIRTHDAY_DAYS 7

struct _BjbCustomersPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkPaned *paned;
  GtkSearchEntry *search_entry;
  GtkDropDown *status_dropdown;
  GtkDropDown *product_dropdown;
  GtkStringList *product_names;
  GtkToggleButton *loyal_toggle;
  GtkToggleButton *birthday_toggle;
  GtkColumnView *column_view;
  BjbPagedQueryModel *list_model;
  BjbListController *list;
  BjbCustomerQuery *query;
  GtkStack *stack;
  BjbCustomerDetail *detail;
  BjbCustomerForm *form;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  GArray *product_ids;       /* gint64, parallel to product_names (0 = any) */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomersPage, bjb_customers_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

void
bjb_customers_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_customers_register_resource);
}

static void
show_pane (BjbCustomersPage *self,
           const char       *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

static const char *
count_format (gulong n)
{
  if (n > BJB_CUSTOMER_OPS_COUNT_CAP)
    /* Translators: %s is a number such as 1.000; the count stops there */
    return _("More than %s customers");
  /* Translators: %s is a number such as 12.345 */
  return g_dngettext (GETTEXT_PACKAGE, "%s customer", "%s customers", n);
}

static void
stop_search_cb (BjbCustomersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
filters_changed_cb (BjbCustomersPage *self)
{
  static const char *statuses[] = { "", "active", "inactive" };
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint product = gtk_drop_down_get_selected (self->product_dropdown);
  gint64 product_id = 0;

  if (product != GTK_INVALID_LIST_POSITION && product < self->product_ids->len)
    product_id = g_array_index (self->product_ids, gint64, product);

  g_object_set (self->query,
                "status", status < G_N_ELEMENTS (statuses) ? statuses[status] : "",
                "loyal-only", gtk_toggle_button_get_active (self->loyal_toggle),
                "product-id", product_id,
                "birthday-days", gtk_toggle_button_get_active (self->birthday_toggle) ? BIRTHDAY_DAYS : 0,
                NULL);
}

static void
sorter_changed_cb (BjbCustomersPage *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  g_autofree char *sort = NULL;

  /* The column view drops its sort columns while it is disposed. */
  if (self->column_view == NULL)
    return;
  sort = bjb_customer_sorter_get_server_sort (sorter);

  bjb_customer_query_set_sort (self->query, sort != NULL ? sort : "name");
}

static void
show_customer (BjbCustomersPage *self,
               gint64            id)
{
  if (id <= 0)
    return;
  bjb_list_controller_set_selected_id (self->list, id);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", TRUE);
  bjb_customer_detail_load (self->detail, id);
  show_pane (self, "detail");
}

static void
picked_cb (BjbCustomersPage *self,
           BjbCustomer      *customer)
{
  if (bjb_customer_get_id (customer) == bjb_list_controller_get_selected_id (self->list) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    return;
  /* Work in the form is never thrown away by a click in the list. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "form") == 0)
    return;
  show_customer (self, bjb_customer_get_id (customer));
}

static void
activated_cb (BjbCustomersPage *self,
              BjbCustomer      *customer)
{
  show_customer (self, bjb_customer_get_id (customer));
}

static void
form_saved_cb (BjbCustomersPage *self,
               gint64            id)
{
  show_customer (self, id);
  bjb_paged_query_model_refresh (self->list_model);
}

static void
form_cancelled_cb (BjbCustomersPage *self)
{
  show_pane (self, bjb_list_controller_get_selected_id (self->list) > 0 ? "detail" : "empty");
}

/* Actions */

/* The form for customer @id, or for a new one (0), ready to type in. */
static void
edit (BjbCustomersPage *self,
      gint64            id)
{
  bjb_customer_form_edit (self->form, id);
  show_pane (self, "form");
  bjb_customer_form_focus (self->form);
}

static void
customers_new_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  edit (BJB_CUSTOMERS_PAGE (widget), 0);
}

static void
customers_open_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BjbCustomersPage *self = BJB_CUSTOMERS_PAGE (widget);

  show_customer (self, g_variant_get_int64 (parameter));
  /* The list marks the customer shown, or nothing when it is not among the rows loaded
   * (opened from an order): never the customer shown before. */
  bjb_list_controller_sync (self->list);
}

static void
customers_edit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BjbCustomersPage *self = BJB_CUSTOMERS_PAGE (widget);
  gint64 id = bjb_list_controller_get_selected_id (self->list);

  if (id > 0)
    edit (self, id);
}

/* Products for the preference filter */

static void
products_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbCustomersPage) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  if (!bjb_customer_ops_list_preference_products_finish (result, &ids, &names, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("products: %s", error->message);
      return;
    }

  g_array_set_size (self->product_ids, 1);
  g_array_append_vals (self->product_ids, ids->data, ids->len);
  gtk_string_list_splice (self->product_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->product_names)) - 1,
                          (const char * const *) names);
}

static void
load_products (BjbCustomersPage *self)
{
  if (self->connection == NULL)
    return;
  bjb_customer_ops_list_preference_products_async (self->connection, self->cancellable,
                                                   products_cb, g_object_ref (self));
}

/* BjbPage */

static void
bjb_customers_page_page_refresh (BjbPage *page)
{
  bjb_customers_page_refresh (BJB_CUSTOMERS_PAGE (page));
}

/* The list shows spend and loyalty: an event about a customer's order changes them. */
static void
bjb_customers_page_event_received (BjbPage  *page,
                                   BjbEvent *event)
{
  if (bjb_event_get_customer_id (event) != 0)
    bjb_customers_page_refresh (BJB_CUSTOMERS_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_customers_page_page_refresh;
  iface->event_received = bjb_customers_page_event_received;
}

/* GObject */

static void
bjb_customers_page_dispose (GObject *object)
{
  BjbCustomersPage *self = (BjbCustomersPage *)object;

  bjb_connected_dispose (self, BJB_TYPE_CUSTOMERS_PAGE, &self->cancellable);

  G_OBJECT_CLASS (bjb_customers_page_parent_class)->dispose (object);
}

static void
bjb_customers_page_finalize (GObject *object)
{
  BjbCustomersPage *self = (BjbCustomersPage *)object;

  g_clear_pointer (&self->product_ids, g_array_unref);

  G_OBJECT_CLASS (bjb_customers_page_parent_class)->finalize (object);
}

static void
bjb_customers_page_class_init (BjbCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_customers_page_dispose;
  object_class->finalize = bjb_customers_page_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbCustomersPage, connection),
                               (BjbConnectedSetter) bjb_customers_page_set_connection);

  bjb_customers_ensure_resources ();
  /* The column cells are the shared ones of ui/cells/. */
  bjb_widgets_ensure_resources ();
  g_type_ensure (BJB_TYPE_CUSTOMER);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  g_type_ensure (BJB_TYPE_CUSTOMER_QUERY);
  g_type_ensure (BJB_TYPE_CUSTOMER_SORTER);
  g_type_ensure (BJB_TYPE_CUSTOMER_DETAIL);
  g_type_ensure (BJB_TYPE_CUSTOMER_FORM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/customers/bjb-customers-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, product_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, product_names);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, loyal_toggle);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, birthday_toggle);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, list);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, detail);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomersPage, form);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, customers_new_action);
  gtk_widget_class_install_action (widget_class, "customers.open", "x", customers_open_action);
  gtk_widget_class_install_action (widget_class, "customers.edit", NULL, customers_edit_action);
  gtk_widget_class_install_action (widget_class, "customers.refresh", NULL,
                                   bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL,
                                   bjb_list_controller_search_action);

}

static void
bjb_customers_page_init (BjbCustomersPage *self)
{
  gint64 any = 0;

  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_widgets_add_style (GTK_WIDGET (self), "/id/barokahjaya/BackOffice/customers/customers.css");

  self->cancellable = g_cancellable_new ();
  self->product_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->product_ids, any);

  bjb_list_controller_set_count_format (self->list, count_format, BJB_CUSTOMER_OPS_COUNT_CAP);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* Sorted by name from the start, as the server's default; the header shows it. */

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.edit", FALSE);
}

GtkWidget *
bjb_customers_page_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_CUSTOMERS_PAGE, "connection", connection, NULL);
}

void
bjb_customers_page_set_connection (BjbCustomersPage *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMERS_PAGE (self));

  if (!bjb_connected_store (self, connection, NULL))
    return;
  bjb_customer_detail_set_connection (self->detail, connection);
  bjb_customer_form_set_connection (self->form, connection);
  bjb_customer_query_set_connection (self->query, connection);
  load_products (self);
}

void
bjb_customers_page_refresh (BjbCustomersPage *self)
{
  g_return_if_fail (BJB_IS_CUSTOMERS_PAGE (self));

  bjb_paged_query_model_refresh (self->list_model);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "detail") == 0)
    bjb_customer_detail_reload (self->detail);
}

BjbPagedQueryModel *
bjb_customers_page_get_list_model (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return self->list_model;
}

GtkEditable *
bjb_customers_page_get_search_entry (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkColumnView *
bjb_customers_page_get_column_view (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return self->column_view;
}

BjbCustomerForm *
bjb_customers_page_get_form (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return self->form;
}

BjbCustomerDetail *
bjb_customers_page_get_detail (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return self->detail;
}

const char *
bjb_customers_page_get_visible_pane (BjbCustomersPage *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMERS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
bjb_customers_page_set_filters (BjbCustomersPage *self,
                                const char       *status,
                                gboolean          loyal_only,
                                gint64            product_id,
                                gboolean          birthdays_soon)
{
  guint product = 0;

  g_return_if_fail (BJB_IS_CUSTOMERS_PAGE (self));

  for (guint i = 0; i < self->product_ids->len; i++)
    if (g_array_index (self->product_ids, gint64, i) == product_id)
      product = i;

  gtk_drop_down_set_selected (self->status_dropdown,
                              g_strcmp0 (status, "active") == 0 ? 1
                              : g_strcmp0 (status, "inactive") == 0 ? 2 : 0);
  gtk_drop_down_set_selected (self->product_dropdown, product);
  gtk_toggle_button_set_active (self->loyal_toggle, loyal_only);
  gtk_toggle_button_set_active (self->birthday_toggle, birthdays_soon);
}
