/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-new-order"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"
#include "bjb-new-order.h"
#include "bjb-order-format.h"
#include "bjb-order-line-item.h"
#include "bjb-product-hit.h"

struct _BjbNewOrder
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkSearchEntry     *customer_entry;
  GtkLabel           *customer_label;
  GtkSingleSelection *customer_selection;
  GtkStringList      *customer_results;
  GtkSearchEntry     *product_entry;
  GtkDropDown        *category_dropdown;
  GtkStringList      *category_names;
  GtkSpinButton      *qty_spin;
  GtkSingleSelection *product_selection;
  GListStore         *product_store;
  GtkLabel           *warning_label;
  GtkSingleSelection *cart_selection;
  GListStore         *cart_store;
  GtkSpinButton      *line_qty_spin;
  GtkLabel           *quote_label;
  GtkLabel           *subtotal_value;
  GtkLabel           *discount_value;
  GtkLabel           *shipping_value;
  GtkLabel           *total_value;
  GtkCheckButton     *delivery_check;
  GtkCheckButton     *pickup_check;
  GtkEntry           *address_entry;
  GtkEntry           *shipping_entry;
  GtkLabel           *message_label;
  GtkLabel           *result_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;          /* everything; cancelled in dispose */
  GCancellable  *quote_cancellable;    /* the quote in flight */
  GCancellable  *customer_cancellable; /* the customer search in flight */
  GCancellable  *product_cancellable;  /* the product search in flight */
  GArray        *customer_ids;         /* gint64, parallel to customer_results */
  GPtrArray     *customer_addresses;   /* parallel to customer_results */
  GArray        *category_ids;         /* gint64, parallel to category_names; 0 = all */
  char          *customer_name;
  char          *request_id;
  char          *message;
  gint64         customer_id;
  gint64         quote_total;
  gint64         placed_order_id;
  gboolean       placing;
  gboolean       quote_failed;         /* message_label shows a quote error */
};

G_DEFINE_FINAL_TYPE (BjbNewOrder, bjb_new_order, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

enum {
  ORDER_PLACED,
  QUOTE_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void request_quote (BjbNewOrder *self);

static void
show_message (BjbNewOrder *self,
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

static gboolean
is_delivery (BjbNewOrder *self)
{
  return gtk_check_button_get_active (self->delivery_check);
}

/* Shipping as typed; FALSE (and the entry marked) when it does not parse. */
static gboolean
get_shipping (BjbNewOrder *self,
              gint64      *rupiah,
              GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->shipping_entry));

  *rupiah = 0;
  gtk_widget_remove_css_class (GTK_WIDGET (self->shipping_entry), "error");
  if (!is_delivery (self) || *text == '\0')
    return TRUE;
  if (!bjb_money_parse (text, rupiah, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->shipping_entry), "error");
      return FALSE;
    }
  return TRUE;
}

static void
update_actions (BjbNewOrder *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  guint n_lines = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));
  gboolean open = self->placed_order_id == 0 && !self->placing;
  gboolean has_line = gtk_single_selection_get_selected_item (self->cart_selection) != NULL;
  gboolean has_product = gtk_single_selection_get_selected_item (self->product_selection) != NULL;

  gtk_widget_action_set_enabled (widget, "new-order.add-product", open && has_product);
  gtk_widget_action_set_enabled (widget, "new-order.set-quantity", open && has_line);
  gtk_widget_action_set_enabled (widget, "new-order.remove-line", open && has_line);
  gtk_widget_action_set_enabled (widget, "new-order.place", open && n_lines > 0 && self->customer_id > 0);
  gtk_widget_action_set_enabled (widget, "new-order.reset", !self->placing);
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_entry), is_delivery (self) && open);
  gtk_widget_set_sensitive (GTK_WIDGET (self->shipping_entry), is_delivery (self) && open);
}

static void
set_money (GtkLabel *label,
           gint64    rupiah)
{
  g_autofree char *text = bjb_money_format (rupiah);

  gtk_label_set_text (label, text);
}

static void
show_totals (BjbNewOrder *self,
             gint64       subtotal,
             gint64       discount)
{
  gint64 shipping = 0;

  get_shipping (self, &shipping, NULL);
  set_money (self->subtotal_value, subtotal);
  set_money (self->discount_value, -discount);
  set_money (self->shipping_value, shipping);
  set_money (self->total_value, subtotal - discount + shipping);
  self->quote_total = subtotal - discount + shipping;
}

/* ------------------------------------------------------------------ cart */

static BjbOrderLineItem *
find_line (BjbNewOrder *self,
           gint64       product_id,
           guint       *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderLineItem) line = g_list_model_get_item (G_LIST_MODEL (self->cart_store), i);

      if (bjb_order_line_item_get_product_id (line) == product_id)
        {
          if (position)
            *position = i;
          return line;   /* the store keeps it alive */
        }
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
  if (wanted <= stock)
    return wanted;
  if (stock <= 0)
    {
      g_autofree char *text = g_strdup_printf (_("%s is out of stock."), name);

      show_message (self, self->warning_label, text);
      return 0;
    }
  {
    g_autofree char *left = g_strdup_printf ("%" G_GINT64_FORMAT, stock);
    g_autofree char *text = g_strdup_printf (_("Only %s of %s left: the quantity was set to %s."),
                                             left, name, left);

    show_message (self, self->warning_label, text);
  }
  return stock;
}

static char *
items_json (BjbNewOrder *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cart_store));

  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbOrderLineItem) line = g_list_model_get_item (G_LIST_MODEL (self->cart_store), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "product_id");
      json_builder_add_int_value (builder, bjb_order_line_item_get_product_id (line));
      json_builder_set_member_name (builder, "qty");
      json_builder_add_int_value (builder, bjb_order_line_item_get_qty (line));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static void
cart_changed (BjbNewOrder *self)
{
  update_actions (self);
  request_quote (self);
}

static void
action_add_product (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  BjbProductHit *hit = gtk_single_selection_get_selected_item (self->product_selection);
  gint64 wanted = gtk_spin_button_get_value_as_int (self->qty_spin);
  BjbOrderLineItem *line;
  gint64 have = 0;
  gint64 qty;

  if (hit == NULL)
    return;
  show_message (self, self->warning_label, NULL);
  line = find_line (self, bjb_product_hit_get_id (hit), NULL);
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

          show_message (self, self->warning_label, text);
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
  cart_changed (self);
}

static void
on_product_view_activate (BjbNewOrder *self,
                          guint        position)
{
  gtk_single_selection_set_selected (self->product_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "new-order.add-product", NULL);
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
  update_actions (self);
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
  show_message (self, self->warning_label, NULL);
  qty = fit_to_stock (self, bjb_order_line_item_get_name (line),
                      gtk_spin_button_get_value_as_int (self->line_qty_spin),
                      bjb_order_line_item_get_stock (line));
  if (qty <= 0)
    return;
  set_line_qty (line, qty);
  gtk_spin_button_set_value (self->line_qty_spin, qty);
  cart_changed (self);
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
  cart_changed (self);
}

/* ------------------------------------------------------------------ quote */

static void
on_quote (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *quote;
  JsonArray *lines;
  gboolean trimmed = FALSE;
  GString *flags = g_string_new (NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_string_free (flags, TRUE);
      return;
    }
  /* This was the latest quote (an older one would have been cancelled). */
  g_clear_object (&self->quote_cancellable);
  if (rows == NULL)
    {
      g_autofree char *text = bjb_order_error_text (error);

      gtk_label_set_text (self->quote_label, "");
      show_message (self, self->message_label, text);
      self->quote_failed = TRUE;
      g_string_free (flags, TRUE);
      return;
    }

  node = bjb_result_get_json (rows, 0, "q");
  quote = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  lines = bjb_json_array (quote, "lines");
  for (guint i = 0; lines && i < json_array_get_length (lines); i++)
    {
      JsonObject *q = json_array_get_object_element (lines, i);
      BjbOrderLineItem *line = find_line (self, bjb_json_int (q, "product_id"), NULL);
      gint64 stock = bjb_json_int (q, "stock");
      g_autofree char *price = NULL;
      g_autofree char *subtotal = NULL;
      g_autofree char *total = NULL;
      g_autofree char *discount = NULL;
      g_autofree char *reason = NULL;

      if (line == NULL)
        continue;
      bjb_order_line_item_set_stock (line, stock);
      /* Someone else's order may have taken stock since the product was added. */
      if (bjb_order_line_item_get_qty (line) > stock && stock > 0)
        {
          set_line_qty (line, fit_to_stock (self, bjb_order_line_item_get_name (line),
                                            bjb_order_line_item_get_qty (line), stock));
          trimmed = TRUE;
        }
      price = bjb_money_format (bjb_json_int (q, "unit_price"));
      subtotal = bjb_money_format (bjb_json_int (q, "subtotal"));
      total = bjb_money_format (bjb_json_int (q, "total"));
      if (bjb_json_int (q, "discount_amount") > 0)
        {
          g_autofree char *amount = bjb_money_format (-bjb_json_int (q, "discount_amount"));
          g_autofree char *percent = bjb_order_format_percent (bjb_json_int (q, "discount_percent"));

          discount = g_strdup_printf ("%s (%s)", amount, percent);
          /* The server's reason names the rule ("Diskon ulang tahun — produk favorit"). */
          reason = g_strdup_printf ("%s — %s", percent,
                                    bjb_json_string (q, "reason") ?: bjb_order_rule_label (bjb_json_string (q, "rule")));
        }
      bjb_order_line_item_set_price_text (line, price);
      bjb_order_line_item_set_subtotal_text (line, subtotal);
      bjb_order_line_item_set_total_text (line, total);
      bjb_order_line_item_set_discount_text (line, discount ? discount : "");
      bjb_order_line_item_set_reason (line, reason ? reason : "");
    }
  show_totals (self, bjb_json_int (quote, "subtotal"), bjb_json_int (quote, "discount_total"));

  if (bjb_json_bool (quote, "loyal"))
    g_string_append (flags, _("Loyal customer"));
  if (bjb_json_bool (quote, "birthday"))
    {
      if (flags->len > 0)
        g_string_append (flags, " · ");
      g_string_append (flags, _("Birthday today"));
    }
  gtk_label_set_text (self->quote_label, flags->str);
  g_string_free (flags, TRUE);
  /* Only our own earlier failure is cleared; a placing error stays in view. */
  if (self->quote_failed)
    show_message (self, self->message_label, NULL);
  self->quote_failed = FALSE;

  if (trimmed)
    request_quote (self);
  else
    g_signal_emit (self, signals[QUOTE_UPDATED], 0);
}

static void
request_quote (BjbNewOrder *self)
{
  g_autofree char *customer = NULL;
  g_autofree char *items = NULL;
  const char *params[2];

  /* A newer cart makes the quote in flight worthless. */
  g_cancellable_cancel (self->quote_cancellable);
  g_clear_object (&self->quote_cancellable);

  if (self->connection == NULL || self->customer_id <= 0 ||
      g_list_model_get_n_items (G_LIST_MODEL (self->cart_store)) == 0)
    {
      show_totals (self, 0, 0);
      gtk_label_set_text (self->quote_label,
                          self->customer_id <= 0 ? _("Choose the customer to see prices and discounts.") : "");
      return;
    }

  self->quote_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->quote_cancellable, G_CONNECT_SWAPPED);
  customer = g_strdup_printf ("%" G_GINT64_FORMAT, self->customer_id);
  items = items_json (self);
  params[0] = customer;
  params[1] = items;
  gtk_label_set_text (self->quote_label, _("Updating prices…"));
  bjb_connection_query_async (self->connection, "SELECT bjb.quote($1, $2::jsonb) AS q", 2, params,
                              self->quote_cancellable, on_quote, self);
}

static void
on_shipping_changed (BjbNewOrder *self)
{
  g_autoptr(GError) error = NULL;
  gint64 shipping;

  if (!get_shipping (self, &shipping, &error))
    return;
  request_quote (self);
}

static void
on_delivery_toggled (BjbNewOrder *self)
{
  update_actions (self);
  request_quote (self);
}

/* ------------------------------------------------------------------ customer */

static void
on_customer_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    {
      g_autofree char *message = rows ? g_strdup (_("This customer was not found or is inactive."))
                                      : bjb_order_error_text (error);

      show_message (self, self->message_label, message);
      return;
    }
  self->customer_id = bjb_result_get_int64 (rows, 0, "id");
  g_free (self->customer_name);
  self->customer_name = g_strdup (bjb_result_get_string (rows, 0, "name"));
  text = g_strdup_printf (_("Customer: %s"), self->customer_name);
  gtk_label_set_text (self->customer_label, text);
  /* The usual address, editable for this order. */
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), bjb_result_get_string (rows, 0, "address"));
  show_message (self, self->message_label, NULL);
  cart_changed (self);
}

void
bjb_new_order_set_customer (BjbNewOrder *self,
                            gint64       customer_id)
{
  g_autofree char *id = NULL;
  const char *params[1];

  g_return_if_fail (BJB_IS_NEW_ORDER (self));

  if (self->connection == NULL || self->placed_order_id != 0)
    return;
  id = g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);
  params[0] = id;
  bjb_connection_query_async (self->connection,
                              "SELECT id, name, coalesce(address, '') AS address FROM bjb.customer "
                              "WHERE id = $1 AND status = 'active'",
                              1, params, self->cancellable, on_customer_loaded, self);
}

static void
on_customer_selected (BjbNewOrder *self)
{
  guint position = gtk_single_selection_get_selected (self->customer_selection);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->customer_ids->len)
    return;
  bjb_new_order_set_customer (self, g_array_index (self->customer_ids, gint64, position));
}

static void
on_customer_view_activate (BjbNewOrder *self,
                           guint        position)
{
  gtk_single_selection_set_selected (self->customer_selection, position);
  on_customer_selected (self);
}

static void
on_customers_found (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      g_autofree char *text = bjb_order_error_text (error);

      show_message (self, self->message_label, text);
      return;
    }
  g_array_set_size (self->customer_ids, 0);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      gint64 id = bjb_result_get_int64 (rows, i, "id");
      const char *phone = bjb_result_get_string (rows, i, "phone");

      g_array_append_val (self->customer_ids, id);
      g_ptr_array_add (labels, phone ? g_strdup_printf ("%s — %s", bjb_result_get_string (rows, i, "name"), phone)
                                     : g_strdup (bjb_result_get_string (rows, i, "name")));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->customer_results, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->customer_results)),
                          (const char * const *) labels->pdata);
  gtk_single_selection_set_selected (self->customer_selection, GTK_INVALID_LIST_POSITION);
}

static char *
like_pattern (const char *text)
{
  GString *out = g_string_new ("%");

  /* What the clerk types is literal text, not LIKE syntax. */
  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

static void
on_customer_search (BjbNewOrder *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));
  const char *params[1];

  if (self->connection == NULL)
    return;
  g_cancellable_cancel (self->customer_cancellable);
  g_clear_object (&self->customer_cancellable);
  self->customer_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->customer_cancellable, G_CONNECT_SWAPPED);
  params[0] = text;
  /* The customer pages' search: name, phone (08… or +62…) or email, planned for 100 000
   * customers; only active customers can order. */
  bjb_connection_query_async (self->connection,
                              "SELECT id, name, phone FROM bjb.search_customers($1, 'active', NULL, NULL, "
                              "NULL, 'name', NULL, 20)",
                              1, params, self->customer_cancellable, on_customers_found, self);
}

/* ------------------------------------------------------------------ products */

static void
on_products_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      g_autofree char *text = bjb_order_error_text (error);

      show_message (self, self->message_label, text);
      return;
    }
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      BjbProductHit *hit = bjb_product_hit_new ();
      gint64 stock = bjb_result_get_int64 (rows, i, "stock");
      g_autofree char *price = bjb_money_format (bjb_result_get_int64 (rows, i, "price"));
      g_autofree char *price_text = g_strdup_printf ("%s / %s", price, bjb_result_get_string (rows, i, "unit"));
      g_autofree char *stock_text = stock > 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT " %s", stock, bjb_result_get_string (rows, i, "unit"))
        : g_strdup (_("Out of stock"));

      bjb_product_hit_set_id (hit, bjb_result_get_int64 (rows, i, "id"));
      bjb_product_hit_set_name (hit, bjb_result_get_string (rows, i, "name"));
      bjb_product_hit_set_category (hit, bjb_result_get_string (rows, i, "category"));
      bjb_product_hit_set_unit (hit, bjb_result_get_string (rows, i, "unit"));
      bjb_product_hit_set_price (hit, bjb_result_get_int64 (rows, i, "price"));
      bjb_product_hit_set_price_text (hit, price_text);
      bjb_product_hit_set_stock (hit, stock);
      bjb_product_hit_set_stock_text (hit, stock_text);
      g_ptr_array_add (hits, hit);
    }
  g_list_store_splice (self->product_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->product_store)),
                       hits->pdata, hits->len);
  gtk_single_selection_set_selected (self->product_selection, hits->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

static void
on_product_search (BjbNewOrder *self)
{
  g_autofree char *pattern = like_pattern (gtk_editable_get_text (GTK_EDITABLE (self->product_entry)));
  guint category = gtk_drop_down_get_selected (self->category_dropdown);
  g_autofree char *category_id = NULL;
  const char *params[2];

  if (self->connection == NULL)
    return;
  if (category != GTK_INVALID_LIST_POSITION && category < self->category_ids->len &&
      g_array_index (self->category_ids, gint64, category) > 0)
    category_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (self->category_ids, gint64, category));

  g_cancellable_cancel (self->product_cancellable);
  g_clear_object (&self->product_cancellable);
  self->product_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->product_cancellable, G_CONNECT_SWAPPED);
  params[0] = pattern;
  params[1] = category_id;
  bjb_connection_query_async (self->connection,
                              "SELECT p.id, p.name, c.name AS category, p.unit, p.price, p.stock "
                              "FROM bjb.product p JOIN bjb.category c ON c.id = p.category_id "
                              "WHERE p.active AND p.name ILIKE $1 "
                              "AND ($2::bigint IS NULL OR p.category_id = $2::bigint) "
                              "ORDER BY p.name, p.id LIMIT 50",
                              2, params, self->product_cancellable, on_products_found, self);
}

static void
on_categories_loaded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 all = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, all);
  g_ptr_array_add (names, (char *) _("All categories"));
  for (guint i = 0; rows && i < bjb_result_get_n_rows (rows); i++)
    {
      gint64 id = bjb_result_get_int64 (rows, i, "id");

      g_array_append_val (self->category_ids, id);
      g_ptr_array_add (names, (char *) bjb_result_get_string (rows, i, "name"));
    }
  g_ptr_array_add (names, NULL);
  g_signal_handlers_block_by_func (self->category_dropdown, on_product_search, self);
  gtk_string_list_splice (self->category_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->category_names)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->category_dropdown, on_product_search, self);
  on_product_search (self);
}

/* ------------------------------------------------------------------ placing */

static void
on_placed_order_loaded (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  BjbNewOrder *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *total = NULL;
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, self->placed_order_id);
      g_autofree char *id = g_strdup_printf (_("Order #%s placed."), number);

      gtk_label_set_text (self->result_label, id);
      return;
    }
  due = bjb_result_get_datetime (rows, 0, "payment_due_at");
  due_text = bjb_order_format_time (due);
  total = bjb_money_format (bjb_result_get_int64 (rows, 0, "total"));
  text = g_strdup_printf (_("Order %s placed: %s, to be paid by %s."),
                          bjb_result_get_string (rows, 0, "number"), total, due_text);
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
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autofree char *id = NULL;
  const char *params[1];

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->placing = FALSE;
  if (rows == NULL)
    {
      g_autofree char *text = NULL;

      /* The request_id stays: placing again returns the order if this one did commit. */
      if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED) ||
          g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED))
        text = g_strdup (_("The connection dropped while the order was being placed. Place it again "
                           "when the connection is back: it will not be made twice."));
      else
        text = bjb_order_error_text (error);
      show_message (self, self->message_label, text);
      update_actions (self);
      /* Stock may have changed under us (BJ001): show the fresh numbers. */
      request_quote (self);
      return;
    }

  self->placed_order_id = bjb_result_get_int64 (rows, 0, "id");
  show_message (self, self->message_label, NULL);
  show_message (self, self->warning_label, NULL);
  update_actions (self);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->placed_order_id);
  params[0] = id;
  bjb_connection_query_async (self->connection,
                              "SELECT number, total, payment_due_at FROM bjb.sales_order WHERE id = $1",
                              1, params, self->cancellable, on_placed_order_loaded, self);
  g_signal_emit (self, signals[ORDER_PLACED], 0, self->placed_order_id);
}

static void
action_place (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *items = NULL;
  g_autofree char *shipping_text = NULL;
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_entry))));
  gint64 shipping = 0;
  const char *params[6];

  if (self->placing || self->placed_order_id != 0)
    return;
  if (self->customer_id <= 0)
    {
      show_message (self, self->message_label, _("Choose the customer first."));
      return;
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (self->cart_store)) == 0)
    {
      show_message (self, self->message_label, _("Add at least one product."));
      return;
    }
  if (is_delivery (self) && *address == '\0')
    {
      show_message (self, self->message_label, _("A delivery needs an address."));
      gtk_widget_grab_focus (GTK_WIDGET (self->address_entry));
      return;
    }
  if (!get_shipping (self, &shipping, &error))
    {
      g_autofree char *text = g_strdup_printf (_("Shipping cost: %s"), error->message);

      show_message (self, self->message_label, text);
      gtk_widget_grab_focus (GTK_WIDGET (self->shipping_entry));
      return;
    }

  /* One id per order the clerk means to place, kept across retries. */
  if (self->request_id == NULL)
    self->request_id = g_uuid_string_random ();

  customer = g_strdup_printf ("%" G_GINT64_FORMAT, self->customer_id);
  items = items_json (self);
  shipping_text = g_strdup_printf ("%" G_GINT64_FORMAT, shipping);
  params[0] = customer;
  params[1] = items;
  params[2] = is_delivery (self) ? "delivery" : "pickup";
  params[3] = is_delivery (self) ? address : NULL;
  params[4] = shipping_text;
  params[5] = self->request_id;

  self->placing = TRUE;
  update_actions (self);
  show_message (self, self->message_label, NULL);
  bjb_connection_query_async (self->connection,
                              "SELECT bjb.place_order($1, $2::jsonb, $3, $4, $5, $6::uuid) AS id",
                              6, params, self->cancellable, on_placed, self);
}

static void
action_reset (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbNewOrder *self = BJB_NEW_ORDER (widget);

  g_cancellable_cancel (self->quote_cancellable);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  self->placed_order_id = 0;
  self->customer_id = 0;
  g_list_store_remove_all (self->cart_store);
  gtk_label_set_text (self->customer_label, "");
  gtk_editable_set_text (GTK_EDITABLE (self->customer_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->shipping_entry), "");
  gtk_check_button_set_active (self->delivery_check, TRUE);
  show_message (self, self->message_label, NULL);
  show_message (self, self->warning_label, NULL);
  gtk_label_set_text (self->result_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  request_quote (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ GObject */

static void
set_connection (BjbNewOrder   *self,
                BjbConnection *connection)
{
  if (!g_set_object (&self->connection, connection) || connection == NULL)
    return;
  bjb_connection_query_async (connection, "SELECT id, name FROM bjb.category ORDER BY name, id",
                              0, NULL, self->cancellable, on_categories_loaded, self);
}

static void
bjb_new_order_dispose (GObject *object)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->quote_cancellable);
  g_clear_object (&self->customer_cancellable);
  g_clear_object (&self->product_cancellable);
  g_clear_object (&self->connection);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_NEW_ORDER);

  G_OBJECT_CLASS (bjb_new_order_parent_class)->dispose (object);
}

static void
bjb_new_order_finalize (GObject *object)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->customer_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->request_id, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bjb_new_order_parent_class)->finalize (object);
}

static void
bjb_new_order_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_new_order_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BjbNewOrder *self = BJB_NEW_ORDER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      set_connection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_new_order_class_init (BjbNewOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_new_order_dispose;
  object_class->finalize = bjb_new_order_finalize;
  object_class->get_property = bjb_new_order_get_property;
  object_class->set_property = bjb_new_order_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[ORDER_PLACED] = g_signal_new ("order-placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[QUOTE_UPDATED] = g_signal_new ("quote-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BJB_TYPE_PRODUCT_HIT);
  g_type_ensure (BJB_TYPE_ORDER_LINE_ITEM);
  bjb_orders_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/orders/bjb-new-order.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, customer_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, customer_selection);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, customer_results);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, product_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, category_names);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, qty_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, product_selection);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, product_store);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, warning_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, cart_selection);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, cart_store);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, line_qty_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, quote_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, subtotal_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, discount_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, shipping_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, total_value);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, delivery_check);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, pickup_check);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, address_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, shipping_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbNewOrder, result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_search);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_product_search);
  gtk_widget_class_bind_template_callback (widget_class, on_product_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_cart_view_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_delivery_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_shipping_changed);

  gtk_widget_class_install_action (widget_class, "new-order.add-product", NULL, action_add_product);
  gtk_widget_class_install_action (widget_class, "new-order.set-quantity", NULL, action_set_quantity);
  gtk_widget_class_install_action (widget_class, "new-order.remove-line", NULL, action_remove_line);
  gtk_widget_class_install_action (widget_class, "new-order.place", NULL, action_place);
  gtk_widget_class_install_action (widget_class, "new-order.reset", NULL, action_reset);
}

static void
bjb_new_order_init (BjbNewOrder *self)
{
  self->cancellable = g_cancellable_new ();
  self->customer_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->customer_selection, "notify::selected",
                           G_CALLBACK (on_customer_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->cart_selection, "notify::selected",
                           G_CALLBACK (on_cart_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->product_selection, "notify::selected",
                           G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
  show_message (self, self->message_label, NULL);
  show_message (self, self->warning_label, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->result_label), FALSE);
  show_totals (self, 0, 0);
  update_actions (self);
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
  return GTK_SELECTION_MODEL (self->customer_selection);
}

GtkSelectionModel *
bjb_new_order_get_product_results (BjbNewOrder *self)
{
  g_return_val_if_fail (BJB_IS_NEW_ORDER (self), NULL);
  return GTK_SELECTION_MODEL (self->product_selection);
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
