/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bjb-admin-product.h"
#include "bjb-admin-product-query.h"
#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-list-controller.h"
#include "bjb-money.h"
#include "bjb-page.h"
#include "bjb-stock-ledger-query.h"
#include "bjb-stock-movement.h"
#include "bjb-stock-page.h"
#include "bjb-widgets.h"

struct _BjbStockPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *paned;
  GtkSearchEntry *search_entry;
  GtkLabel *status_label;
  GtkLabel *error_label;
  BjbPagedQueryModel *product_model;
  BjbListController *list;
  BjbAdminProductQuery *product_query;
  GtkStack *stack;
  GtkLabel *product_label;
  GtkLabel *stock_label;
  BjbStockAdjust *adjust;
  BjbPagedQueryModel *ledger_model;
  BjbStockLedgerQuery *ledger_query;
  BjbStocktakeView *stocktake;

  /* Owned */
  BjbConnection *connection;
  BjbAdminProduct *product;   /* the product whose ledger is shown */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbStockPage, bjb_stock_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

gboolean
bjb_stock_page_event_moves_stock (BjbEvent *event)
{
  static const char * const kinds[] = {
    "stock_low", "order_placed", "order_cancelled", "order_expired",
    /* another admin's edit or correction (0014) */
    "product_changed", "stock_adjusted",
  };
  const char *kind = bjb_event_get_kind (event);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
set_status (BjbStockPage *self,
            const char   *text)
{
  gtk_label_set_label (self->status_label, text != NULL ? text : "");
}

/* The header follows the row object, which the list refreshes in place. */
static void
update_header (BjbStockPage *self)
{
  g_autofree char *stock = NULL;
  g_autofree char *text = NULL;

  if (self->product == NULL)
    return;
  gtk_label_set_label (self->product_label, bjb_admin_product_get_name (self->product));
  stock = bjb_money_format_plain (bjb_admin_product_get_stock (self->product));
  if (bjb_admin_product_get_low_stock (self->product))
    /* Translators: the stock of a product, e.g. "In stock: 12 pcs — low" */
    text = g_strdup_printf (_("In stock: %s %s — low"), stock,
                            bjb_admin_product_get_unit (self->product));
  else
    /* Translators: the stock of a product, e.g. "In stock: 1.200 pcs" */
    text = g_strdup_printf (_("In stock: %s %s"), stock, bjb_admin_product_get_unit (self->product));
  gtk_label_set_label (self->stock_label, text);
  if (bjb_admin_product_get_low_stock (self->product))
    gtk_widget_add_css_class (GTK_WIDGET (self->stock_label), "catalog-low-stock");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->stock_label), "catalog-low-stock");
}

static void
set_product (BjbStockPage    *self,
             BjbAdminProduct *product)
{
  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, update_header, self);
  g_set_object (&self->product, product);
  if (product != NULL)
    g_signal_connect_object (product, "notify", G_CALLBACK (update_header), self,
                             G_CONNECT_SWAPPED);
}

static void
show_ledger (BjbStockPage    *self,
             BjbAdminProduct *product)
{
  set_product (self, product);
  bjb_list_controller_set_selected_id (self->list, bjb_admin_product_get_id (product));
  update_header (self);
  gtk_widget_set_visible (GTK_WIDGET (self->adjust), FALSE);
  /* The ledger reads only once a product is picked (its connection comes with it). */
  g_object_set (self->ledger_query,
                "connection", self->connection,
                "product-id", bjb_admin_product_get_id (product),
                NULL);
  gtk_stack_set_visible_child_name (self->stack, "ledger");
}

/* The ledger's errors; the product list's are its list controller's. */
static void
error_changed_cb (BjbStockPage *self)
{
  const GError *error = bjb_paged_query_model_get_error (self->ledger_model);
  g_autofree char *sentence = error != NULL ? bjb_error_sentence (error) : NULL;

  bjb_widgets_show_label (self->error_label, sentence);
}

static void
picked_cb (BjbStockPage    *self,
           BjbAdminProduct *product)
{
  /* Counts typed in stocktake mode are never thrown away by a click in the list. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "stocktake") == 0)
    return;
  if (product == self->product &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "ledger") == 0)
    return;
  show_ledger (self, product);
}

static void
refresh_all (BjbStockPage *self)
{
  bjb_paged_query_model_refresh (self->product_model);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "ledger") == 0)
    bjb_paged_query_model_refresh (self->ledger_model);
}

static void
adjust_applied_cb (BjbStockPage *self,
                   gint64        stock)
{
  g_autofree char *digits = bjb_money_format_plain (stock);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->adjust), FALSE);
  if (self->product != NULL)
    {
      /* Translators: a product, then its new stock */
      text = g_strdup_printf (_("The stock of %s is now %s."),
                              bjb_admin_product_get_name (self->product), digits);
      set_status (self, text);
    }
  refresh_all (self);
}

static void
adjust_cancelled_cb (BjbStockPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->adjust), FALSE);
}

static void
stocktake_applied_cb (BjbStockPage *self,
                      int           changed)
{
  g_autofree char *text =
    /* Translators: %d is how many products a stocktake changed */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stocktake applied: %d product changed.",
                                  "Stocktake applied: %d products changed.", (gulong) changed),
                     changed);

  set_status (self, text);
  gtk_stack_set_visible_child_name (self->stack, self->product != NULL ? "ledger" : "empty");
  refresh_all (self);
}

static void
stocktake_cancelled_cb (BjbStockPage *self)
{
  gtk_stack_set_visible_child_name (self->stack, self->product != NULL ? "ledger" : "empty");
}

/* Actions */

static void
start_adjust (BjbStockPage *self,
              gboolean      correction)
{
  if (self->product == NULL)
    return;
  gtk_stack_set_visible_child_name (self->stack, "ledger");
  gtk_widget_set_visible (GTK_WIDGET (self->adjust), TRUE);
  bjb_stock_adjust_start (self->adjust, bjb_admin_product_get_id (self->product),
                          bjb_admin_product_get_name (self->product), correction);
}

static void
stock_restock_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_adjust (BJB_STOCK_PAGE (widget), FALSE);
}

static void
stock_correct_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  start_adjust (BJB_STOCK_PAGE (widget), TRUE);
}

static void
stock_stocktake_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbStockPage *self = BJB_STOCK_PAGE (widget);

  set_status (self, NULL);
  bjb_stocktake_view_start (self->stocktake);
  gtk_stack_set_visible_child_name (self->stack, "stocktake");
}

/* BjbPage */

static void
bjb_stock_page_page_refresh (BjbPage *page)
{
  bjb_stock_page_refresh (BJB_STOCK_PAGE (page));
}

static void
bjb_stock_page_event_received (BjbPage  *page,
                               BjbEvent *event)
{
  if (bjb_stock_page_event_moves_stock (event))
    refresh_all (BJB_STOCK_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_stock_page_page_refresh;
  iface->event_received = bjb_stock_page_event_received;
}

/* GObject */

static void
bjb_stock_page_dispose (GObject *object)
{
  BjbStockPage *self = (BjbStockPage *)object;

  set_product (self, NULL);
  bjb_connected_dispose (self, BJB_TYPE_STOCK_PAGE, NULL);

  G_OBJECT_CLASS (bjb_stock_page_parent_class)->dispose (object);
}

static void
bjb_stock_page_class_init (BjbStockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_stock_page_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStockPage, connection),
                               (BjbConnectedSetter) bjb_stock_page_set_connection);

  bjb_catalog_ensure_resources ();
  g_type_ensure (BJB_TYPE_ADMIN_PRODUCT);
  g_type_ensure (BJB_TYPE_ADMIN_PRODUCT_QUERY);
  g_type_ensure (BJB_TYPE_STOCK_MOVEMENT);
  g_type_ensure (BJB_TYPE_STOCK_LEDGER_QUERY);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  g_type_ensure (BJB_TYPE_STOCK_ADJUST);
  g_type_ensure (BJB_TYPE_STOCKTAKE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-stock-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, product_model);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, list);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, product_query);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, product_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, stock_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, adjust);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, ledger_model);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, ledger_query);
  gtk_widget_class_bind_template_child (widget_class, BjbStockPage, stocktake);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, show_ledger);
  gtk_widget_class_bind_template_callback (widget_class, adjust_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, adjust_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, stocktake_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, stocktake_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "stock.open", "x",
                                   bjb_list_controller_open_action);
  gtk_widget_class_install_action (widget_class, "stock.restock", NULL, stock_restock_action);
  gtk_widget_class_install_action (widget_class, "stock.correct", NULL, stock_correct_action);
  gtk_widget_class_install_action (widget_class, "stock.stocktake", NULL, stock_stocktake_action);
  gtk_widget_class_install_action (widget_class, "stock.refresh", NULL, bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "stock.search", NULL,
                                   bjb_list_controller_search_action);
}

static void
bjb_stock_page_init (BjbStockPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));

  g_signal_connect_object (self->ledger_model, "notify::error",
                           G_CALLBACK (error_changed_cb), self, G_CONNECT_SWAPPED);
}

void
bjb_stock_page_set_connection (BjbStockPage  *self,
                               BjbConnection *connection)
{
  g_return_if_fail (BJB_IS_STOCK_PAGE (self));

  if (!bjb_connected_store (self, connection, NULL))
    return;
  bjb_stock_adjust_set_connection (self->adjust, connection);
  bjb_stocktake_view_set_connection (self->stocktake, connection);
  g_object_set (self->product_query, "connection", connection, NULL);
  if (self->product != NULL || connection == NULL)
    g_object_set (self->ledger_query, "connection", connection, NULL);
}

void
bjb_stock_page_refresh (BjbStockPage *self)
{
  g_return_if_fail (BJB_IS_STOCK_PAGE (self));
  refresh_all (self);
}

BjbPagedQueryModel *
bjb_stock_page_get_product_model (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return self->product_model;
}

BjbPagedQueryModel *
bjb_stock_page_get_ledger_model (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return self->ledger_model;
}

BjbStockAdjust *
bjb_stock_page_get_adjust (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return self->adjust;
}

BjbStocktakeView *
bjb_stock_page_get_stocktake (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return self->stocktake;
}

const char *
bjb_stock_page_get_visible_pane (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
bjb_stock_page_get_status (BjbStockPage *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_PAGE (self), NULL);
  return gtk_label_get_label (self->status_label);
}
