/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-new-order"

#include "config.h"

#include "bjb-customer-card.h"
#include "bjb-customer-ops.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-money.h"
#include "bjb-new-order-private.h"
#include "bjb-ops-query.h"
#include "bjb-order-format.h"
#include "bjb-page.h"
#include "bjb-widgets.h"
#include "bjb-product-hit.h"

static void bjb_new_order_page_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbNewOrder, bjb_new_order, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, bjb_new_order_page_init))

enum {
  ORDER_PLACED,
  QUOTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ what the clerk reads */

void
_bjb_new_order_show (BjbNewOrder *self,
                     GtkLabel    *label,
                     const char  *text)
{
  if (label == self->message_label || label == self->warning_label)
    {
      g_free (self->message);
      self->message = g_strdup (text ? text : "");
    }
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

gboolean
_bjb_new_order_is_delivery (BjbNewOrder *self)
{
  return gtk_check_button_get_active (self->delivery_check);
}

gboolean
_bjb_new_order_get_shipping (BjbNewOrder *self,
                             gint64      *rupiah,
                             GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->shipping_entry));

  *rupiah = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self->shipping_entry), "error");
  if (!_bjb_new_order_is_delivery (self) || *text == '\0')
    return TRUE;
  if (!bjb_money_parse (text, rupiah, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->shipping_entry), "error");
      return FALSE;
    }
  return TRUE;
}

void
_bjb_new_order_update_actions (BjbNewOrder *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));
  gboolean open = self->placed_order_id == 0 && !self->placing;
  gboolean has_line = gtk_single_selection_get_selected_item (self->cart_selection) != NULL;
  gboolean has_product = bjb_product_picker_get_selected (self->product_picker) != NULL;

  gtk_widget_action_set_enabled (widget, "new-order.add-product", open && has_product);
  gtk_widget_action_set_enabled (widget, "new-order.set-quantity", open && has_line);
  gtk_widget_action_set_enabled (widget, "new-order.remove-line", open && has_line);
  gtk_widget_action_set_enabled (widget, "new-order.place", open && n_lines > 0 && self->customer_id > 0);
  gtk_widget_action_set_enabled (widget, "new-order.reset", !self->placing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_entry), _bjb_new_order_is_delivery (self) && open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shipping_entry), _bjb_new_order_is_delivery (self) && open);
}

static void
set_money (GtkLabel *label,
           gint64    rupiah)
{
  g_autofree char *text = bjb_money_format (rupiah);

  gtk_label_set_text (label, text);
}

void
_bjb_new_order_show_totals (BjbNewOrder *self,
                            gint64       subtotal,
                            gint64       discount)
{
  gint64 shipping = 0;

  _bjb_new_order_get_shipping (self, &shipping, NULL);
  set_money (self->subtotal_value, subtotal);
  set_money (self->discount_value, -discount);
  set_money (self->shipping_value, shipping);
  set_money (self->total_value, subtotal - discount + shipping);
  self->quote_total = subtotal - discount + shipping;
}

void
_bjb_new_order_emit_placed (BjbNewOrder *self)
{
  g_signal_emit (self, signals[ORDER_PLACED], 0, self->placed_order_id);
}

void
_bjb_new_order_emit_quoted (BjbNewOrder *self)
{
  g_signal_emit (self, signals[QUOTED], 0);
}

/* ------------------------------------------------------------------ customer */

/* The card gives what the picker's row does not: the usual address and whether the
 * customer is still active. */
static void
on_customer_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbCustomerCard) card = bjb_customer_ops_get_card_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->customer_cancellable);
  if (card == NULL || !bjb_customer_card_get_active (card))
    {
      g_autofree char *message = error ? bjb_error_sentence (error)
                                       : g_strdup (_("This customer was not found or is inactive."));

      self->customer_id = 0;
      bjb_customer_picker_set_customer (self->customer_picker, 0, NULL);
      _bjb_new_order_show (self, self->message_label, message);
      _bjb_new_order_cart_changed (self);
      return;
    }
  self->customer_id = bjb_customer_card_get_id (card);
  /* Shown as picked also when the order was started from the customer's detail. */
  if (bjb_customer_picker_get_customer_id (self->customer_picker) != self->customer_id)
    bjb_customer_picker_set_customer (self->customer_picker, self->customer_id,
                                      bjb_customer_card_get_name (card));
  /* The usual address, editable for this order. */
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), bjb_customer_card_get_address (card) ?: "");
  _bjb_new_order_show (self, self->message_label, NULL);
  _bjb_new_order_cart_changed (self);
}

void
bjb_new_order_set_customer (BjbNewOrder *self,
                            gint64       customer_id)
{
  g_return_if_fail (BJB_IS_NEW_ORDER (self));

  if (self->connection == NULL || self->placed_order_id != 0)
    return;
  /* The clerk may pick again before the card arrived: the last pick wins. */
  bjb_customer_ops_get_card_async (self->connection, customer_id, 0,
                                   bjb_ops_restart_cancellable (&self->customer_cancellable, self->cancellable),
                                   on_customer_loaded, self);
}

static void
on_customer_picked (BjbNewOrder *self,
                    gint64       customer_id)
{
  bjb_new_order_set_customer (self, customer_id);
}

/* ------------------------------------------------------------------ the page contract */

static void
set_connection (BjbNewOrder   *self,
                BjbConnection *connection)
{
  if (!bjb_connected_store (self, connection, NULL))
    return;
  bjb_customer_picker_set_connection (self->customer_picker, connection);
  bjb_product_picker_set_connection (self->product_picker, connection);
}

static void
bjb_new_order_refresh (BjbPage *page)
{
  BjbNewOrder *self = BJB_NEW_ORDER (page);

  bjb_product_picker_refresh (self->product_picker);
  _bjb_new_order_request_quote (self);
}

static void
bjb_new_order_page_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_new_order_refresh;
}

/* ------------------------------------------------------------------ GObject */

static void
bjb_new_order_dispose (GObject *object)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  g_clear_object (&self->quote_cancellable);
  g_clear_object (&self->customer_cancellable);
  bjb_connected_dispose (self, BJB_TYPE_NEW_ORDER, &self->cancellable);

  G_OBJECT_CLASS (bjb_new_order_parent_class)->dispose (object);
}

static void
bjb_new_order_finalize (GObject *object)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bjb_new_order_parent_class)->finalize (object);
}

static void
bjb_new_order_class_init (BjbNewOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_new_order_dispose;
  object_class->finalize = bjb_new_order_finalize;

  /* Set by bjb_page_set_session() in the window; directly by tests and bjb_new_order_new(). */
  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbNewOrder, connection),
                               (BjbConnectedSetter) set_connection);

  signals[ORDER_PLACED] = g_signal_new ("order-placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[QUOTED] = g_signal_new ("quote-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BJB_TYPE_CUSTOMER_PICKER);
  g_type_ensure (BJB_TYPE_PRODUCT_PICKER);
  g_type_ensure (BJB_TYPE_ORDER_LINE_ITEM);
  /* The line columns are shared cell factories (ui/cells/line-*.ui). */
  bjb_widgets_ensure_resources ();
  bjb_orders_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/orders/bjb-new-order.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, subtotal_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, discount_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, shipping_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, total_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, delivery_check);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, pickup_check);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, address_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, shipping_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picked);

  _bjb_new_order_class_init_cart (widget_class);
  _bjb_new_order_class_init_place (widget_class);
}

static void
bjb_new_order_init (BjbNewOrder *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  _bjb_new_order_init_cart (self);
  _bjb_new_order_show (self, self->message_label, NULL);
  _bjb_new_order_show (self, self->warning_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  _bjb_new_order_show_totals (self, 0, 0);
  _bjb_new_order_update_actions (self);
}

GtkWidget *
bjb_new_order_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_NEW_ORDER, "connection", connection, NULL);
}

gint64
bjb_new_order_get_customer_id (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), 0);
  return self->customer_id;
}

GtkSelectionModel *
bjb_new_order_get_customer_results (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return bjb_customer_picker_get_results (self->customer_picker);
}

GtkSelectionModel *
bjb_new_order_get_product_results (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return bjb_product_picker_get_results (self->product_picker);
}

GListModel *
bjb_new_order_get_cart (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return G_LIST_MODEL (self->cart_store);
}

gint64
bjb_new_order_get_placed_order_id (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), 0);
  return self->placed_order_id;
}

const char *
bjb_new_order_get_request_id (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return self->request_id;
}

const char *
bjb_new_order_get_message (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return self->message ? self->message : "";
}

gint64
bjb_new_order_get_quote_total (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), 0);
  return self->quote_total;
}

gboolean
bjb_new_order_is_busy (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), FALSE);
  return self->placing || self->quote_cancellable != NULL;
}
