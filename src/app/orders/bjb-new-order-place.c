/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-new-order"

#include "config.h"

#include "bjb-error-sentence.h"
#include "bjb-money.h"
#include "bjb-new-order-private.h"
#include "bjb-order-format.h"
#include "bjb-order-ops.h"

/* Placing the order. One request_id per order the clerk means to place, kept across
 * retries, so placing again after a dropped connection returns the order that did commit. */

static void
on_placed_order_loaded (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) detail = bjb_order_ops_get_detail_finish (result, &error);
  JsonObject *order = bjb_json_object (detail, "order");
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (order == NULL)
    {
      /* Placed all the same; only its summary could not be read. */
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->placed_order_id);

      text = g_strdup_printf (_("Order #%s placed."), number);
    }
  else
    {
      due = bjb_json_time (order, "payment_due_at");
      due_text = bjb_order_format_time (due);
      total = bjb_money_format (bjb_json_int (order, "total"));
      text = g_strdup_printf (_("Order %s placed: %s, to be paid by %s."),
                              bjb_json_string (order, "number"), total, due_text);
    }
  gtk_label_set_text (self->result_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), TRUE);
}

static void
on_placed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 order_id = bjb_order_ops_place_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->placing = FALSE;
  if (order_id <= 0)
    {
      g_autofree char *text = NULL;

      /* The request_id stays: placing again returns the order if this one did commit. */
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED) ||
          g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED))
        text = g_strdup (_("The connection dropped while the order was being placed. Place it again "
                           "when the connection is back: it will not be made twice."));
      else
        text = bjb_error_sentence (error);
      _bjb_new_order_show (self, self->message_label, text);
      _bjb_new_order_update_actions (self);
      /* Stock may have changed under us (BJ001): show the fresh numbers. */
      _bjb_new_order_request_quote (self);
      return;
    }

  self->placed_order_id = order_id;
  _bjb_new_order_show (self, self->message_label, NULL);
  _bjb_new_order_show (self, self->warning_label, NULL);
  _bjb_new_order_update_actions (self);
  bjb_order_ops_get_detail_async (self->connection, order_id, self->cancellable,
                                  on_placed_order_loaded, self);
  /* The stock shown for the products went down. */
  bjb_product_picker_refresh (self->product_picker);
  _bjb_new_order_emit_placed (self);
}

/* What must be right before the order goes to the server; FALSE with the sentence shown
 * and the focus where the fix is. */
static gboolean
check_form (BjbNewOrder *self,
            const char  *address,
            gint64      *shipping)
{
  g_autoptr(GError) error = NULL;

  if (self->customer_id <= 0)
    {
      _bjb_new_order_show (self, self->message_label, _("Choose the customer first."));
      gtk_widget_grab_focus (GTK_WIDGET (bjb_customer_picker_get_search_entry (self->customer_picker)));
      return FALSE;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->cart_store)) == 0)
    {
      _bjb_new_order_show (self, self->message_label, _("Add at least one product."));
      return FALSE;
    }
  if (_bjb_new_order_is_delivery (self) && *address == '\0')
    {
      _bjb_new_order_show (self, self->message_label, _("A delivery needs an address."));
      gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
      return FALSE;
    }
  if (!_bjb_new_order_get_shipping (self, shipping, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Shipping cost: %s"), error->message);

      _bjb_new_order_show (self, self->message_label, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->shipping_entry));
      return FALSE;
    }
  return TRUE;
}

static void
action_place (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_entry))));
  g_autoptr(GArray) items = NULL;
  gint64 shipping = 0;

  if (self->placing || self->placed_order_id != 0)
    return;
  if (!check_form (self, address, &shipping))
    return;

  /* One id per order the clerk means to place, kept across retries. */
  if (self->request_id == NULL)
    self->request_id = g_uuid_string_random ();

  self->placing = TRUE;
  _bjb_new_order_update_actions (self);
  _bjb_new_order_show (self, self->message_label, NULL);
  items = _bjb_new_order_cart_items (self);
  bjb_order_ops_place_async (self->connection, self->customer_id, items,
                             _bjb_new_order_is_delivery (self), address, shipping, self->request_id,
                             self->cancellable, on_placed, self);
}

static void
action_reset (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);

  g_cancellable_cancel (self->quote_cancellable);
  g_cancellable_cancel (self->customer_cancellable);
  g_clear_pointer (&self->request_id, g_free);
  self->placed_order_id = 0;
  self->customer_id = 0;
  g_list_store_remove_all (self->cart_store);
  bjb_customer_picker_set_customer (self->customer_picker, 0, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->shipping_entry), "");
  gtk_check_button_set_active (self->delivery_check, TRUE);
  _bjb_new_order_show (self, self->message_label, NULL);
  _bjb_new_order_show (self, self->warning_label, NULL);
  gtk_label_set_text (self->result_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  _bjb_new_order_request_quote (self);
  _bjb_new_order_update_actions (self);
}

void
_bjb_new_order_class_init_place (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, result_label);

  gtk_widget_class_install_action (widget_class, "new-order.place", NULL, action_place);
  gtk_widget_class_install_action (widget_class, "new-order.reset", NULL, action_reset);
}
