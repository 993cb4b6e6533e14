/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-preview"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-customer-picker.h"
#include "bjb-discount-preview.h"
#include "bjb-discount-rule.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-order-ops.h"
#include "bjb-people.h"
#include "bjb-product-picker.h"
#include "bjb-widgets.h"

struct _BjbDiscountPreview
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  BjbCustomerPicker *customer_picker;
  BjbProductPicker *product_picker;
  GtkSpinButton *qty_spin;
  GtkListBox *cart_list;
  GtkLabel *message_label;
  GtkListBox *quote_list;
  GtkLabel *totals_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  GCancellable *quote_cancellable;
  GListModel *rules;
  GArray *items;              /* BjbOrderItem, the cart */
  GPtrArray *names;           /* the cart's product names, parallel to items */
  JsonObject *quote;
  GPtrArray *line_texts;      /* what each quote row says, for tests */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbDiscountPreview, bjb_discount_preview, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, row);
}

static gint64
int_member (JsonObject *object,
            const char *name)
{
  return json_object_get_int_member_with_default (object, name, 0);
}

/* (transfer full): the rupiah amount in @name of @object, as "Rp 1.250.000" */
static char *
money_member (JsonObject *object,
              const char *name)
{
  return bjb_money_format (int_member (object, name));
}

static const char *
rule_name (BjbDiscountPreview *self,
           gint64              rule_id)
{
  guint n = self->rules != NULL ? g_list_model_get_n_items (self->rules) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbDiscountRule) rule = g_list_model_get_item (self->rules, i);

      if (bjb_discount_rule_get_id (rule) == rule_id)
        return bjb_discount_rule_get_name (rule);
    }
  return NULL;
}

/* Which rule won a line and why: the server's reason when the clerk reads its language,
 * else the kind of discount and the rule's name. */
static char *
winner_text (BjbDiscountPreview *self,
             JsonObject         *line)
{
  const char *rule = json_object_get_string_member_with_default (line, "rule", NULL);
  const char *reason = json_object_get_string_member_with_default (line, "reason", NULL);
  gint64 rule_id = int_member (line, "rule_id");
  const char *name;

  if (rule == NULL)
    return g_strdup (_("No discount applies to this line."));
  if (reason != NULL && bjb_ui_speaks_server_language ())
    return g_strdup (reason);
  name = rule_id > 0 ? rule_name (self, rule_id) : NULL;
  if (name != NULL)
    return g_strdup_printf ("%s: %s", bjb_discount_rule_quote_label (rule), name);
  return g_strdup (bjb_discount_rule_quote_label (rule));
}

static void
show_message (BjbDiscountPreview *self,
              const char         *text)
{
  gtk_label_set_text (self->message_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), text != NULL);
}

static void
show_quote (BjbDiscountPreview *self)
{
  JsonArray *lines = json_object_get_array_member (self->quote, "lines");
  g_autofree char *subtotal = money_member (self->quote, "subtotal");
  g_autofree char *discount = money_member (self->quote, "discount_total");
  g_autofree char *total = money_member (self->quote, "total");
  g_autoptr(GString) totals = g_string_new (NULL);

  clear_list (self->quote_list);
  g_ptr_array_set_size (self->line_texts, 0);
  for (guint i = 0; lines != NULL && i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autofree char *line_subtotal = money_member (line, "subtotal");
      g_autofree char *line_discount = money_member (line, "discount_amount");
      g_autofree char *line_total = money_member (line, "total");
      g_autofree char *winner = winner_text (self, line);
      char *text;

      title = g_strdup_printf ("%s × %" G_GINT64_FORMAT,
                               json_object_get_string_member_with_default (line, "name", "?"),
                               int_member (line, "qty"));
      if (int_member (line, "discount_amount") > 0)
        /* Translators: a quote line: subtotal, percent, discount amount, total, then the rule */
        text = g_strdup_printf (_("%s − %d %% (%s) = %s\n%s"), line_subtotal,
                                (int) int_member (line, "discount_percent"),
                                line_discount, line_total, winner);
      else
        text = g_strdup_printf ("%s\n%s", line_total, winner);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_list_box_append (self->quote_list, row);
      g_ptr_array_add (self->line_texts, text);
    }
  g_string_printf (totals, _("Subtotal %s · Discount %s · Total %s"), subtotal, discount, total);
  if (json_object_get_boolean_member_with_default (self->quote, "loyal", FALSE))
    g_string_append_printf (totals, "\n%s", _("A loyal customer."));
  if (json_object_get_boolean_member_with_default (self->quote, "birthday", FALSE))
    g_string_append_printf (totals, "\n%s", _("Their birthday is today."));
  gtk_label_set_text (self->totals_label, totals->str);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->totals_label), TRUE);
  show_message (self, NULL);
}

static void
quote_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BjbDiscountPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  JsonObject *quote = bjb_order_ops_quote_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  g_clear_pointer (&self->quote, json_object_unref);
  if (quote == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);
      g_autofree char *text = g_strdup_printf (_("No quote: %s"), sentence);

      g_debug ("quote: %s", error->message);
      show_message (self, text);
      gtk_widget_set_visible (GTK_WIDGET (self->quote_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->totals_label), FALSE);
      return;
    }
  self->quote = quote;
  show_quote (self);
}

void
bjb_discount_preview_requote (BjbDiscountPreview *self)
{
  gint64 customer;
  GCancellable *cancellable;

  g_return_if_fail (BJB_IS_DISCOUNT_PREVIEW (self));

  customer = bjb_customer_picker_get_customer_id (self->customer_picker);
  if (self->connection == NULL || customer <= 0 || self->items->len == 0)
    {
      g_cancellable_cancel (self->quote_cancellable);
      self->busy = FALSE;
      g_clear_pointer (&self->quote, json_object_unref);
      gtk_widget_set_visible (GTK_WIDGET (self->quote_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->totals_label), FALSE);
      show_message (self, customer <= 0 ? _("Pick a customer to see the quote.")
                                        : _("Add products to the cart to see the quote."));
      return;
    }
  cancellable = bjb_ops_restart_cancellable (&self->quote_cancellable, self->cancellable);
  self->busy = TRUE;
  bjb_order_ops_quote_async (self->connection, customer, self->items, cancellable, quote_cb,
                             g_object_ref (self));
}

static void
show_cart (BjbDiscountPreview *self)
{
  clear_list (self->cart_list);
  for (guint i = 0; i < self->items->len; i++)
    {
      BjbOrderItem *item = &g_array_index (self->items, BjbOrderItem, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *qty = g_strdup_printf ("× %" G_GINT64_FORMAT, item->qty);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (self->names, i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), qty);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _("Remove from the cart"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "discount-preview.remove");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "i", (gint32) i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->cart_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->cart_list), self->items->len > 0);
  bjb_discount_preview_requote (self);
}

void
bjb_discount_preview_add_item (BjbDiscountPreview *self,
                               gint64              product_id,
                               const char         *name,
                               gint64              qty)
{
  BjbOrderItem item = { product_id, qty };

  g_return_if_fail (BJB_IS_DISCOUNT_PREVIEW (self));
  g_return_if_fail (product_id > 0 && qty > 0);

  /* The same product again adds to its line, as bjb.quote would merge it. */
  for (guint i = 0; i < self->items->len; i++)
    if (g_array_index (self->items, BjbOrderItem, i).product_id == product_id)
      {
        g_array_index (self->items, BjbOrderItem, i).qty += qty;
        show_cart (self);
        return;
      }
  g_array_append_val (self->items, item);
  g_ptr_array_add (self->names, g_strdup (name));
  show_cart (self);
}

static void
add_hit (BjbDiscountPreview *self,
         BjbProductHit      *hit)
{
  if (hit == NULL)
    {
      show_message (self, _("Pick a product in the list first."));
      return;
    }
  bjb_discount_preview_add_item (self, bjb_product_hit_get_id (hit), bjb_product_hit_get_name (hit),
                                 gtk_spin_button_get_value_as_int (self->qty_spin));
}

static void
product_activated_cb (BjbDiscountPreview *self,
                      BjbProductHit      *hit)
{
  add_hit (self, hit);
}

static void
inputs_changed_cb (BjbDiscountPreview *self)
{
  bjb_discount_preview_requote (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BjbDiscountPreview *self = BJB_DISCOUNT_PREVIEW (widget);

  add_hit (self, bjb_product_picker_get_selected (self->product_picker));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbDiscountPreview *self = BJB_DISCOUNT_PREVIEW (widget);
  gint32 i = g_variant_get_int32 (parameter);

  if (i < 0 || (guint) i >= self->items->len)
    return;
  g_array_remove_index (self->items, (guint) i);
  g_ptr_array_remove_index (self->names, (guint) i);
  show_cart (self);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbDiscountPreview *self = BJB_DISCOUNT_PREVIEW (widget);

  g_array_set_size (self->items, 0);
  g_ptr_array_set_size (self->names, 0);
  show_cart (self);
}

/* GObject */

static void
bjb_discount_preview_dispose (GObject *object)
{
  BjbDiscountPreview *self = (BjbDiscountPreview *)object;

  bjb_connected_dispose (self, BJB_TYPE_DISCOUNT_PREVIEW, &self->cancellable);
  g_clear_object (&self->quote_cancellable);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (bjb_discount_preview_parent_class)->dispose (object);
}

static void
bjb_discount_preview_finalize (GObject *object)
{
  BjbDiscountPreview *self = (BjbDiscountPreview *)object;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  g_clear_pointer (&self->line_texts, g_ptr_array_unref);
  g_clear_pointer (&self->quote, json_object_unref);

  G_OBJECT_CLASS (bjb_discount_preview_parent_class)->finalize (object);
}

static void
bjb_discount_preview_class_init (BjbDiscountPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_discount_preview_dispose;
  object_class->finalize = bjb_discount_preview_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbDiscountPreview, connection),
                               (BjbConnectedSetter) bjb_discount_preview_set_connection);

  bjb_people_ensure_resources ();
  g_type_ensure (BJB_TYPE_CUSTOMER_PICKER);
  g_type_ensure (BJB_TYPE_PRODUCT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-discount-preview.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, content);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, product_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, qty_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, cart_list);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, quote_list);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountPreview, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, product_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, inputs_changed_cb);

  gtk_widget_class_install_action (widget_class, "discount-preview.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "discount-preview.remove", "i", remove_action);
  gtk_widget_class_install_action (widget_class, "discount-preview.clear", NULL, clear_action);
}

static void
bjb_discount_preview_init (BjbDiscountPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  /* In the 400-px pane the category column left the names "Batak…". */
  bjb_product_picker_set_show_category (self->product_picker, FALSE);
  self->cancellable = g_cancellable_new ();
  self->items = g_array_new (FALSE, FALSE, sizeof (BjbOrderItem));
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->line_texts = g_ptr_array_new_with_free_func (g_free);
  show_cart (self);
}

void
bjb_discount_preview_set_connection (BjbDiscountPreview *self,
                                     BjbConnection      *connection)
{
  g_return_if_fail (BJB_IS_DISCOUNT_PREVIEW (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  bjb_customer_picker_set_connection (self->customer_picker, connection);
  bjb_product_picker_set_connection (self->product_picker, connection);
  bjb_discount_preview_requote (self);
}

void
bjb_discount_preview_set_rules (BjbDiscountPreview *self,
                                GListModel         *rules)
{
  g_return_if_fail (BJB_IS_DISCOUNT_PREVIEW (self));
  g_set_object (&self->rules, rules);
}

void
bjb_discount_preview_set_customer (BjbDiscountPreview *self,
                                   gint64              id,
                                   const char         *name)
{
  g_return_if_fail (BJB_IS_DISCOUNT_PREVIEW (self));
  bjb_customer_picker_set_customer (self->customer_picker, id, name);
}

JsonObject *
bjb_discount_preview_get_quote (BjbDiscountPreview *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_PREVIEW (self), NULL);
  return self->quote;
}

char *
bjb_discount_preview_get_line_text (BjbDiscountPreview *self,
                                    guint               i)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_PREVIEW (self), NULL);
  g_return_val_if_fail (i < self->line_texts->len, NULL);
  return g_strdup (g_ptr_array_index (self->line_texts, i));
}

gboolean
bjb_discount_preview_get_busy (BjbDiscountPreview *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_PREVIEW (self), FALSE);
  return self->busy;
}
