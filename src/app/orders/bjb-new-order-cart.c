/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-new-order"

#include "config.h"

#include "bjb-error-sentence.h"
#include "bjb-money.h"
#include "bjb-new-order-private.h"
#include "bjb-ops-query.h"
#include "bjb-order-format.h"
#include "bjb-order-ops.h"

/* The cart and its live quote: every change asks bjb.quote again (the one in flight is
 * cancelled), and the answer sets each line's price, discount and the rule behind it. */

static BjbOrderLineItem *
find_line (BjbNewOrder *self,
           gint64       product_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderLineItem) line = g_list_model_get_item (G_LIST_MODEL (self->cart_store), i);

      if (bjb_order_line_item_get_product_id (line) == product_id)
        return line;   /* the store keeps it alive */
    }
  return NULL;
}

static void
set_line_qty (BjbOrderLineItem *line,
              gint64            qty)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, qty);

  bjb_order_line_item_set_qty (line, qty);
  bjb_order_line_item_set_qty_text (line, text);
}

/* Trims @wanted to what is in stock; returns the quantity to use (0: refuse) and says why. */
static gint64
fit_to_stock (BjbNewOrder *self,
              const char  *name,
              gint64       wanted,
              gint64       stock)
{
  g_autofree char *left = NULL;
  g_autofree char *text = NULL;

  if (wanted <= stock)
    return wanted;
  if (stock <= 0)
    {
      text = g_strdup_printf (_("%s is out of stock."), name);
      _bjb_new_order_show (self, self->warning_label, text);
      return 0;
    }
  left = g_strdup_printf ("%" G_GINT64_FORMAT, stock);
  text = g_strdup_printf (_("Only %s of %s left: the quantity was set to %s."), left, name, left);
  _bjb_new_order_show (self, self->warning_label, text);
  return stock;
}

GArray *
_bjb_new_order_cart_items (BjbNewOrder *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));
  GArray *items = g_array_sized_new (FALSE, FALSE, sizeof (BjbOrderItem), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderLineItem) line = g_list_model_get_item (G_LIST_MODEL (self->cart_store), i);
      BjbOrderItem item = { bjb_order_line_item_get_product_id (line), bjb_order_line_item_get_qty (line) };

      g_array_append_val (items, item);
    }
  return items;
}

void
_bjb_new_order_cart_changed (BjbNewOrder *self)
{
  _bjb_new_order_update_actions (self);
  _bjb_new_order_request_quote (self);
}

static void
add_product (BjbNewOrder   *self,
             BjbProductHit *hit)
{
  gint64 wanted = gtk_spin_button_get_value_as_int (self->qty_spin);
  BjbOrderLineItem *line;
  gint64 have = 0;
  gint64 qty;

  _bjb_new_order_show (self, self->warning_label, NULL);
  line = find_line (self, bjb_product_hit_get_id (hit));
  if (line != NULL)
    have = bjb_order_line_item_get_qty (line);

  qty = fit_to_stock (self, bjb_product_hit_get_name (hit), have + wanted, bjb_product_hit_get_stock (hit));
  if (qty <= have)
    {
      if (qty == have && have > 0)
        {
          g_autofree char *all = g_strdup_printf ("%" G_GINT64_FORMAT, have);
          g_autofree char *text = g_strdup_printf (_("No more %s left: the order already has all %s."),
                                                   bjb_product_hit_get_name (hit), all);

          _bjb_new_order_show (self, self->warning_label, text);
        }
      return;
    }

  if (line == NULL)
    {
      g_autoptr(BjbOrderLineItem) added = bjb_order_line_item_new ();

      bjb_order_line_item_set_product_id (added, bjb_product_hit_get_id (hit));
      bjb_order_line_item_set_name (added, bjb_product_hit_get_name (hit));
      bjb_order_line_item_set_stock (added, bjb_product_hit_get_stock (hit));
      bjb_order_line_item_set_price_text (added, bjb_product_hit_get_price_text (hit));
      set_line_qty (added, qty);
      g_list_store_append (self->cart_store, added);
    }
  else
    set_line_qty (line, qty);
  _bjb_new_order_cart_changed (self);
}

static void
action_add_product (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  BjbProductHit *hit = bjb_product_picker_get_selected (self->product_picker);

  if (hit != NULL)
    add_product (self, hit);
}

static void
on_product_activated (BjbNewOrder   *self,
                      BjbProductHit *hit)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "new-order.add-product", NULL);
}

static void
on_product_failed (BjbNewOrder *self,
                   const char  *sentence)
{
  _bjb_new_order_show (self, self->warning_label, sentence);
}

static void
on_cart_view_activate (BjbNewOrder *self,
                       guint        position)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->line_qty_spin));
}

static void
on_cart_selected (BjbNewOrder *self)
{
  BjbOrderLineItem *line = gtk_single_selection_get_selected_item (self->cart_selection);

  if (line != NULL)
    gtk_spin_button_set_value (self->line_qty_spin, bjb_order_line_item_get_qty (line));
  _bjb_new_order_update_actions (self);
}

static void
action_set_quantity (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  BjbOrderLineItem *line = gtk_single_selection_get_selected_item (self->cart_selection);
  gint64 qty;

  if (line == NULL)
    return;
  _bjb_new_order_show (self, self->warning_label, NULL);
  qty = fit_to_stock (self, bjb_order_line_item_get_name (line),
                      gtk_spin_button_get_value_as_int (self->line_qty_spin),
                      bjb_order_line_item_get_stock (line));
  if (qty <= 0)
    return;
  set_line_qty (line, qty);
  gtk_spin_button_set_value (self->line_qty_spin, qty);
  _bjb_new_order_cart_changed (self);
}

static void
action_remove_line (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  guint position = gtk_single_selection_get_selected (self->cart_selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  g_list_store_remove (self->cart_store, position);
  _bjb_new_order_cart_changed (self);
}

/* ------------------------------------------------------------------ quote */

/* Applies one quoted line; TRUE when its quantity had to be trimmed to the stock. */
static gboolean
apply_quoted_line (BjbNewOrder *self,
                   JsonObject  *q)
{
  BjbOrderLineItem *line = find_line (self, bjb_json_int (q, "product_id"));
  gint64 stock = bjb_json_int (q, "stock");
  g_autofree char *subtotal = NULL;
  gboolean trimmed = FALSE;

  if (line == NULL)
    return FALSE;
  bjb_order_line_item_set_stock (line, stock);
  /* Someone else's order may have taken stock since the product was added. */
  if (bjb_order_line_item_get_qty (line) > stock && stock > 0)
    {
      set_line_qty (line, fit_to_stock (self, bjb_order_line_item_get_name (line),
                                        bjb_order_line_item_get_qty (line), stock));
      trimmed = TRUE;
    }
  subtotal = bjb_money_format (bjb_json_int (q, "subtotal"));
  bjb_order_line_item_set_subtotal_text (line, subtotal);
  bjb_order_line_item_set_priced (line, q);
  return trimmed;
}

static void
on_quote (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) quote = bjb_order_ops_quote_finish (result, &error);
  g_autoptr(GString) flags = g_string_new (NULL);
  JsonArray *lines;
  gboolean trimmed = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* This was the latest quote (an older one would have been cancelled). */
  g_clear_object (&self->quote_cancellable);
  if (quote == NULL)
    {
      g_autofree char *text = bjb_error_sentence (error);

      gtk_label_set_text (self->quote_label, "");
      _bjb_new_order_show (self, self->message_label, text);
      self->quote_failed = TRUE;
      return;
    }

  lines = bjb_json_array (quote, "lines");
  for (guint i = 0; lines && i < json_array_get_length (lines); i++)
    trimmed |= apply_quoted_line (self, json_array_get_object_element (lines, i));
  _bjb_new_order_show_totals (self, bjb_json_int (quote, "subtotal"), bjb_json_int (quote, "discount_total"));

  if (bjb_json_bool (quote, "loyal"))
    g_string_append (flags, _("Loyal customer"));
  if (bjb_json_bool (quote, "birthday"))
    {
      if (flags->len > 0)
        g_string_append (flags, " · ");
      g_string_append (flags, _("Birthday today"));
    }
  gtk_label_set_text (self->quote_label, flags->str);
  /* Only our own earlier failure is cleared; a placing error stays in view. */
  if (self->quote_failed)
    _bjb_new_order_show (self, self->message_label, NULL);
  self->quote_failed = FALSE;

  if (trimmed)
    _bjb_new_order_request_quote (self);
  else
    _bjb_new_order_emit_quoted (self);
}

void
_bjb_new_order_request_quote (BjbNewOrder *self)
{
  g_autoptr(GArray) items = NULL;

  /* A newer cart makes the quote in flight worthless. */
  g_cancellable_cancel (self->quote_cancellable);
  g_clear_object (&self->quote_cancellable);

  if (self->connection == NULL || self->customer_id <= 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->cart_store)) == 0)
    {
      _bjb_new_order_show_totals (self, 0, 0);
      gtk_label_set_text (self->quote_label,
                          self->customer_id <= 0 ? _("Choose the customer to see prices and discounts.") : "");
      return;
    }

  items = _bjb_new_order_cart_items (self);
  gtk_label_set_text (self->quote_label, _("Updating prices…"));
  bjb_order_ops_quote_async (self->connection, self->customer_id, items,
                             bjb_ops_restart_cancellable (&self->quote_cancellable, self->cancellable),
                             on_quote, self);
}

static void
on_shipping_changed (BjbNewOrder *self)
{
  gint64 shipping;

  if (!_bjb_new_order_get_shipping (self, &shipping, NULL))
    return;
  _bjb_new_order_request_quote (self);
}

static void
on_delivery_toggled (BjbNewOrder *self)
{
  _bjb_new_order_update_actions (self);
  _bjb_new_order_request_quote (self);
}

void
_bjb_new_order_init_cart (BjbNewOrder *self)
{
  g_signal_connect_object (self->cart_selection, "notify::selected",
                           G_CALLBACK (on_cart_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (bjb_product_picker_get_results (self->product_picker), "notify::selected",
                           G_CALLBACK (_bjb_new_order_update_actions), self, G_CONNECT_SWAPPED);
}

void
_bjb_new_order_class_init_cart (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, product_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, qty_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, cart_selection);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, cart_store);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, line_qty_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, quote_label);
  gtk_widget_class_bind_template_callback (widget_class, on_product_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_product_failed);
  gtk_widget_class_bind_template_callback (widget_class, on_cart_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_delivery_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_shipping_changed);

  gtk_widget_class_install_action (widget_class, "new-order.add-product", NULL, action_add_product);
  gtk_widget_class_install_action (widget_class, "new-order.set-quantity", NULL, action_set_quantity);
  gtk_widget_class_install_action (widget_class, "new-order.remove-line", NULL, action_remove_line);
}
