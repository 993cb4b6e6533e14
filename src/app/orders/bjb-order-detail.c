/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-history-entry.h"
#include "bjb-image.h"
#include "bjb-invoice.h"
#include "bjb-money.h"
#include "bjb-order-detail.h"
#include "bjb-order-format.h"
#include "bjb-order-line-item.h"

struct _BjbOrderDetail
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel      *number_label;
  GtkLabel      *status_label;
  GtkLabel      *info_label;
  GtkLabel      *due_label;
  GtkLabel      *message_label;
  GListStore    *lines_store;
  GtkLabel      *subtotal_value;
  GtkLabel      *discount_value;
  GtkLabel      *shipping_value;
  GtkLabel      *total_value;
  GtkLabel      *proof_status_label;
  GtkWidget     *proof_scroller;
  GtkPicture    *proof_picture;
  GtkEntry      *bank_entry;
  GtkEntry      *amount_entry;
  GtkEntry      *reference_entry;
  GtkEntry      *reject_reason_entry;
  GtkEntry      *cancel_reason_entry;
  GtkDropDown   *courier_dropdown;
  GtkStringList *courier_names;
  GtkLabel      *feedback_label;
  GtkEntry      *feedback_entry;
  GtkLabel      *feedback_photo_label;
  GListStore    *history_store;

  /* Owned */
  BjbConnection        *connection;
  BjbListener          *listener;
  GCancellable         *cancellable;      /* everything; cancelled in dispose */
  GCancellable         *load_cancellable; /* the current load only */
  JsonObject           *detail;
  JsonObject           *business;
  GPtrArray            *courier_logins;
  BjbImage             *pending_proof;
  BjbImage             *feedback_photo;
  GtkFileChooserNative *chooser;
  char                 *message;
  gint64                order_id;
  gint64                proof_id;         /* latest proof not rejected; 0: none */
  gint64                shown_photo_id;
  gboolean              busy;
  gboolean              has_couriers;
  gboolean              loading;          /* a load of order_id is in flight */
  gboolean              load_again;       /* something changed while it was */
};

G_DEFINE_FINAL_TYPE (BjbOrderDetail, bjb_order_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_LISTENER,
  PROP_ORDER_ID,
  N_PROPS
};

enum {
  LOADED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void load_couriers (BjbOrderDetail *self);

/* ------------------------------------------------------------------ messages and state */

static void
set_message (BjbOrderDetail *self,
             const char     *text,
             gboolean        is_error)
{
  g_free (self->message);
  self->message = g_strdup (text ? text : "");
  gtk_label_set_text (self->message_label, self->message);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), *self->message != '\0');
  if (is_error)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "success");
    }
}

static void
set_error (BjbOrderDetail *self,
           const GError   *error)
{
  g_autofree char *text = bjb_order_error_text (error);

  set_message (self, text, TRUE);
}

static const char *
order_status (BjbOrderDetail *self)
{
  return bjb_json_string (bjb_json_object (self->detail, "order"), "status");
}

static void
update_actions (BjbOrderDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  JsonObject *order = bjb_json_object (self->detail, "order");
  const char *status = order_status (self);
  gboolean loaded = self->detail != NULL && !self->busy;
  gboolean pending = loaded && g_strcmp0 (status, "pending_payment") == 0;
  gboolean paid = loaded && g_strcmp0 (status, "paid") == 0;
  gboolean delivery = g_strcmp0 (bjb_json_string (order, "delivery"), "delivery") == 0;
  gboolean completed = loaded && g_strcmp0 (status, "completed") == 0;

  gtk_widget_action_set_enabled (widget, "order.refresh", self->order_id > 0);
  gtk_widget_action_set_enabled (widget, "order.confirm-payment", pending && self->proof_id > 0);
  gtk_widget_action_set_enabled (widget, "order.reject-proof", pending && self->proof_id > 0);
  gtk_widget_action_set_enabled (widget, "order.choose-proof", pending);
  gtk_widget_action_set_enabled (widget, "order.paste-proof", pending);
  gtk_widget_action_set_enabled (widget, "order.attach-proof", pending && self->pending_proof != NULL);
  gtk_widget_action_set_enabled (widget, "order.cancel", pending || paid);
  gtk_widget_action_set_enabled (widget, "order.ship", paid && delivery && self->has_couriers);
  gtk_widget_action_set_enabled (widget, "order.handover", paid && !delivery);
  gtk_widget_action_set_enabled (widget, "order.choose-feedback-photo", completed);
  gtk_widget_action_set_enabled (widget, "order.record-feedback", completed);
  gtk_widget_action_set_enabled (widget, "order.print-invoice", loaded);
  gtk_widget_action_set_enabled (widget, "order.save-invoice", loaded);

  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_reason_entry), pending || paid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bank_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reference_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reject_reason_entry), pending && self->proof_id > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->courier_dropdown), paid && delivery);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feedback_entry), completed);
}

static void
show_jpeg (BjbOrderDetail *self,
           GBytes         *jpeg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (jpeg, &error);

  if (texture == NULL)
    {
      g_warning ("cannot show a stored photo: %s", error->message);
      return;
    }
  gtk_picture_set_paintable (self->proof_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->proof_scroller, TRUE);
}

/* ------------------------------------------------------------------ loading */

static void
on_photo_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GBytes) data = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    return;
  /* A new image the clerk is about to attach wins over the stored one. */
  if (self->pending_proof != NULL)
    return;
  data = bjb_result_get_bytes (rows, 0, "data");
  if (data != NULL)
    show_jpeg (self, data);
}

static void
apply_detail (BjbOrderDetail *self)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  JsonObject *customer = bjb_json_object (self->detail, "customer");
  JsonArray *lines = bjb_json_array (self->detail, "lines");
  JsonArray *history = bjb_json_array (self->detail, "history");
  JsonArray *photos = bjb_json_array (self->detail, "photos");
  const char *status = bjb_json_string (order, "status");
  const char *delivery = bjb_json_string (order, "delivery");
  g_autoptr(GDateTime) placed = bjb_json_time (order, "placed_at");
  g_autoptr(GDateTime) due = bjb_json_time (order, "payment_due_at");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *placed_text = bjb_order_format_time (placed);
  g_autofree char *due_text = bjb_order_format_time (due);
  g_autofree char *where = NULL;
  g_autofree char *info = NULL;
  g_autofree char *money = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 latest_proof = 0;
  gint64 latest_any_proof = 0;
  JsonObject *proof = NULL;
  JsonObject *any_proof = NULL;

  gtk_label_set_text (self->number_label, bjb_json_string (order, "number"));
  gtk_label_set_text (self->status_label, bjb_order_status_label (status));

  if (g_strcmp0 (delivery, "delivery") == 0)
    where = g_strdup_printf (_("Delivery to %s"), bjb_json_string (order, "address"));
  else
    where = g_strdup (_("Pickup at the depot"));
  info = g_strdup_printf (_("%s · %s · placed %s"),
                          bjb_json_string (customer, "name"), where, placed_text);
  if (bjb_json_string (order, "courier") != NULL)
    {
      g_autofree char *with = g_strdup_printf (_("%s · courier %s"), info,
                                               bjb_json_string (self->detail, "courier_name"));
      g_free (info);
      info = g_steal_pointer (&with);
    }
  gtk_label_set_text (self->info_label, info);

  if (g_strcmp0 (status, "pending_payment") == 0)
    {
      gboolean urgent = FALSE;
      g_autofree char *left = bjb_order_format_time_left (due, now, &urgent);
      g_autofree char *text = g_strdup_printf (_("Pay by %s (%s)"), due_text, left);

      gtk_label_set_text (self->due_label, text);
      if (urgent)
        gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
    }
  else if (g_strcmp0 (status, "cancelled") == 0)
    {
      g_autofree char *text = g_strdup_printf (_("Cancelled: %s"), bjb_json_string (order, "cancel_reason"));

      gtk_label_set_text (self->due_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->due_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->due_label), FALSE);

  for (guint i = 0; lines && i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      BjbOrderLineItem *item = bjb_order_line_item_new ();
      g_autofree char *qty = g_strdup_printf ("%" G_GINT64_FORMAT " %s", bjb_json_int (line, "qty"),
                                              bjb_json_string (line, "unit") ?: "");
      g_autofree char *price = bjb_money_format (bjb_json_int (line, "unit_price"));
      g_autofree char *total = bjb_money_format (bjb_json_int (line, "total"));
      g_autofree char *discount = NULL;
      g_autofree char *reason = NULL;

      if (bjb_json_int (line, "discount_amount") > 0)
        {
          g_autofree char *amount = bjb_money_format (-bjb_json_int (line, "discount_amount"));
          g_autofree char *percent = bjb_order_format_percent (bjb_json_int (line, "discount_percent"));

          discount = g_strdup_printf ("%s (%s)", amount, percent);
          reason = g_strdup_printf ("%s — %s", percent,
                                    bjb_json_string (line, "reason") ?: bjb_order_rule_label (bjb_json_string (line, "rule")));
        }
      bjb_order_line_item_set_product_id (item, bjb_json_int (line, "product_id"));
      bjb_order_line_item_set_name (item, bjb_json_string (line, "name"));
      bjb_order_line_item_set_qty (item, bjb_json_int (line, "qty"));
      bjb_order_line_item_set_qty_text (item, qty);
      bjb_order_line_item_set_price_text (item, price);
      bjb_order_line_item_set_discount_text (item, discount ? discount : "");
      bjb_order_line_item_set_reason (item, reason ? reason : "");
      bjb_order_line_item_set_total_text (item, total);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->lines_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines_store)),
                       items->pdata, items->len);

  money = bjb_money_format (bjb_json_int (order, "subtotal"));
  gtk_label_set_text (self->subtotal_value, money);
  g_free (money);
  money = bjb_money_format (-bjb_json_int (order, "discount_total"));
  gtk_label_set_text (self->discount_value, money);
  g_free (money);
  money = bjb_money_format (bjb_json_int (order, "shipping_cost"));
  gtk_label_set_text (self->shipping_value, money);
  g_free (money);
  money = bjb_money_format (bjb_json_int (order, "total"));
  gtk_label_set_text (self->total_value, money);

  for (guint i = 0; photos && i < json_array_get_length (photos); i++)
    {
      JsonObject *photo = json_array_get_object_element (photos, i);

      if (g_strcmp0 (bjb_json_string (photo, "kind"), "payment_proof") != 0)
        continue;
      latest_any_proof = bjb_json_int (photo, "id");
      any_proof = photo;
      if (bjb_json_string (photo, "rejected_at") == NULL)
        {
          latest_proof = latest_any_proof;
          proof = photo;
        }
    }
  self->proof_id = latest_proof;

  if (self->pending_proof == NULL)
    {
      JsonObject *shown = proof ? proof : any_proof;

      if (shown == NULL)
        {
          gtk_label_set_text (self->proof_status_label,
                              g_strcmp0 (status, "pending_payment") == 0
                              ? _("No payment proof yet. Payment can be confirmed only with a proof.")
                              : _("No payment proof."));
          gtk_widget_set_visible (self->proof_scroller, FALSE);
          gtk_picture_set_paintable (self->proof_picture, NULL);
          self->shown_photo_id = 0;
        }
      else
        {
          g_autoptr(GDateTime) at = bjb_json_time (shown, "uploaded_at");
          g_autofree char *at_text = bjb_order_format_time (at);
          g_autofree char *amount = bjb_json_string (shown, "amount") || bjb_json_int (shown, "amount")
            ? bjb_money_format (bjb_json_int (shown, "amount")) : g_strdup ("—");
          g_autofree char *text = NULL;

          if (bjb_json_string (shown, "rejected_at") != NULL)
            text = g_strdup_printf (_("Proof rejected by %s: %s. Attach a new proof."),
                                    bjb_json_string (shown, "rejected_by_name") ?: bjb_json_string (shown, "rejected_by"),
                                    bjb_json_string (shown, "reject_reason"));
          else
            text = g_strdup_printf (_("Proof from %s on %s · bank %s · amount %s · reference %s"),
                                    bjb_json_string (shown, "uploaded_by_name") ?: bjb_json_string (shown, "uploaded_by"),
                                    at_text,
                                    bjb_json_string (shown, "bank") ?: "—", amount,
                                    bjb_json_string (shown, "reference") ?: "—");
          gtk_label_set_text (self->proof_status_label, text);
          if (self->shown_photo_id != bjb_json_int (shown, "id"))
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, bjb_json_int (shown, "id"));
              const char *params[] = { id };

              self->shown_photo_id = bjb_json_int (shown, "id");
              bjb_connection_query_async (self->connection,
                                          "SELECT data FROM bjb.photo WHERE id = $1",
                                          1, params, self->cancellable, on_photo_loaded, self);
            }
        }
    }

  if (bjb_json_string (order, "feedback") != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Feedback: “%s”"), bjb_json_string (order, "feedback"));

      gtk_label_set_text (self->feedback_label, text);
    }
  else
    gtk_label_set_text (self->feedback_label,
                        g_strcmp0 (status, "completed") == 0
                        ? _("No feedback recorded yet.")
                        : _("Feedback can be recorded once the order is completed."));

  for (guint i = 0; history && i < json_array_get_length (history); i++)
    {
      JsonObject *step = json_array_get_object_element (history, i);
      BjbHistoryEntry *entry = bjb_history_entry_new ();
      g_autoptr(GDateTime) at = bjb_json_time (step, "at");
      g_autofree char *at_text = bjb_order_format_time (at);

      bjb_history_entry_set_status_label (entry, bjb_order_status_label (bjb_json_string (step, "status")));
      bjb_history_entry_set_at_text (entry, at_text);
      bjb_history_entry_set_actor (entry, bjb_json_string (step, "actor_name"));
      bjb_history_entry_set_note (entry, bjb_json_string (step, "note") ?: "");
      g_ptr_array_add (steps, entry);
    }
  g_list_store_splice (self->history_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->history_store)),
                       steps->pdata, steps->len);

  update_actions (self);
}

static void
on_detail_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(JsonNode) node = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (self->load_again)
    {
      /* An event arrived while this answer was on its way: it may already be stale. */
      self->load_again = FALSE;
      bjb_order_detail_reload (self);
    }
  if (rows == NULL)
    {
      set_error (self, error);
      return;
    }
  node = bjb_result_get_json (rows, 0, "d");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  g_clear_pointer (&self->detail, json_object_unref);
  self->detail = json_object_ref (json_node_get_object (node));
  apply_detail (self);
  g_signal_emit (self, signals[LOADED], 0);
}

static void
on_business_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(JsonNode) node = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || rows == NULL)
    return;
  node = bjb_result_get_json (rows, 0, "s");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_clear_pointer (&self->business, json_object_unref);
      self->business = json_object_ref (json_node_get_object (node));
    }
}

void
bjb_order_detail_reload (BjbOrderDetail *self)
{
  g_autofree char *id = NULL;
  const char *params[1];

  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));

  if (self->connection == NULL || self->order_id <= 0)
    return;
  /* A burst of events about this order makes one more load, not a cancel storm. */
  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }
  self->loading = TRUE;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  /* Closing the widget cancels the load too. */
  g_signal_connect_object (self->cancellable, "cancelled", G_CALLBACK (g_cancellable_cancel),
                           self->load_cancellable, G_CONNECT_SWAPPED);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, self->order_id);
  params[0] = id;
  bjb_connection_query_async (self->connection, "SELECT bjb.order_detail($1) AS d", 1, params,
                              self->load_cancellable, on_detail_loaded, self);
  if (self->business == NULL)
    bjb_connection_query_async (self->connection,
                                "SELECT jsonb_object_agg(key, value) AS s FROM bjb.setting "
                                "WHERE key IN ('business_name', 'business_address', "
                                "'business_phone', 'bank_accounts')",
                                0, NULL, self->cancellable, on_business_loaded, self);
}

/* ------------------------------------------------------------------ order actions */

static void
on_action_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  const char *done;

  /* Cancelled: the widget may be gone; touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  done = g_object_get_data (G_OBJECT (self), "bjb-done-message");
  self->busy = FALSE;
  if (rows == NULL)
    {
      set_error (self, error);
      update_actions (self);
      /* The order may have moved on at another desk: show how it is now. */
      bjb_order_detail_reload (self);
      return;
    }
  set_message (self, done, FALSE);
  /* What was typed for this step is done with; on an error above it stays for a retry. */
  gtk_editable_set_text (GTK_EDITABLE (self->cancel_reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reject_reason_entry), "");
  if (g_object_get_data (G_OBJECT (self), "bjb-clear-proof-fields"))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->bank_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), "");
      g_object_set_data (G_OBJECT (self), "bjb-clear-proof-fields", NULL);
    }
  bjb_order_detail_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Runs one order function; @done is the sentence shown on success. */
static void
run_order_function (BjbOrderDetail    *self,
                    const char        *sql,
                    guint              n_params,
                    const char *const *params,
                    const char        *done)
{
  if (self->busy)
    return;
  self->busy = TRUE;
  update_actions (self);
  g_object_set_data_full (G_OBJECT (self), "bjb-done-message", g_strdup (done), g_free);
  bjb_connection_query_async (self->connection, sql, n_params, params, self->cancellable,
                              on_action_done, self);
}

static char *
order_id_text (BjbOrderDetail *self)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, self->order_id);
}

static void
action_refresh (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  bjb_order_detail_reload (BJB_ORDER_DETAIL (widget));
}

static void
action_confirm_payment (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  const char *params[] = { id };

  run_order_function (self, "SELECT bjb.confirm_payment($1)", 1, params, _("Payment confirmed."));
}

static void
action_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cancel_reason_entry))));
  const char *params[] = { id, reason };

  if (*reason == '\0')
    {
      set_message (self, _("Write why the order is cancelled first."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->cancel_reason_entry));
      return;
    }
  run_order_function (self, "SELECT bjb.cancel_order($1, $2)", 2, params,
                      _("Order cancelled; the stock was put back."));
}

static void
action_ship (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  guint selected = gtk_drop_down_get_selected (self->courier_dropdown);
  const char *params[2];

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->courier_logins->len)
    {
      set_message (self, _("Choose a courier first."), TRUE);
      return;
    }
  params[0] = id;
  params[1] = g_ptr_array_index (self->courier_logins, selected);
  run_order_function (self, "SELECT bjb.ship_order($1, $2)", 2, params,
                      _("Handed to the courier."));
}

static void
action_handover (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  const char *params[] = { id };

  run_order_function (self, "SELECT bjb.complete_order($1)", 1, params,
                      _("Handed over to the customer; the order is completed."));
}

static void
action_reject_proof (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *photo = g_strdup_printf ("%" G_GINT64_FORMAT, self->proof_id);
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reject_reason_entry))));
  const char *params[] = { photo, reason };

  if (*reason == '\0')
    {
      set_message (self, _("Write why the proof is rejected first."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->reject_reason_entry));
      return;
    }
  run_order_function (self, "SELECT bjb.reject_payment_proof($1, $2)", 2, params,
                      _("Proof rejected. Payment can be confirmed only with a new proof."));
}

/* ------------------------------------------------------------------ payment proof */

static void
on_proof_image_ready (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_load_finish (result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->pending_proof, bjb_image_unref);
  self->pending_proof = g_steal_pointer (&image);
  show_jpeg (self, bjb_image_get_jpeg (self->pending_proof));
  text = g_strdup_printf (_("New proof, %d × %d px: note the bank, amount and reference, then attach it."),
                          bjb_image_get_width (self->pending_proof),
                          bjb_image_get_height (self->pending_proof));
  gtk_label_set_text (self->proof_status_label, text);
  set_message (self, NULL, FALSE);
  update_actions (self);
}

void
bjb_order_detail_load_proof_file (BjbOrderDetail *self,
                                  GFile          *file)
{
  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  set_message (self, _("Checking the image…"), FALSE);
  bjb_image_load_file_async (file, self->cancellable, on_proof_image_ready, self);
}

static void
load_proof_texture (BjbOrderDetail *self,
                    GdkTexture     *texture)
{
  g_autoptr(GBytes) png = gdk_texture_save_to_png_bytes (texture);

  bjb_image_load_bytes_async (png, self->cancellable, on_proof_image_ready, self);
}

static void
on_chooser_response (GtkNativeDialog *dialog,
                     int              response,
                     gpointer         user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GFile) file = NULL;
  gboolean feedback = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bjb-feedback"));
  gboolean save = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "bjb-save"));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  if (save)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL || !bjb_order_detail_export_invoice (self, path, &error))
        set_message (self, error ? error->message : _("The invoice could not be saved there."), TRUE);
      else
        set_message (self, _("Invoice saved."), FALSE);
    }
  else if (feedback)
    bjb_order_detail_load_feedback_photo_file (self, file);
  else
    bjb_order_detail_load_proof_file (self, file);
}

static void
open_chooser (BjbOrderDetail *self,
              const char     *title,
              gboolean        feedback,
              gboolean        save)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               save ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                    : GTK_FILE_CHOOSER_ACTION_OPEN,
                                               save ? _("_Save") : _("_Open"), _("_Cancel"));
  if (save)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf",
                                               bjb_json_string (bjb_json_object (self->detail, "order"), "number"));

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }
  else
    {
      /* Only a hint for the clerk: the bytes are checked by gdk-pixbuf anyway. */
      gtk_file_filter_set_name (filter, _("Images"));
      gtk_file_filter_add_pixbuf_formats (filter);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "bjb-feedback", GINT_TO_POINTER (feedback));
  g_object_set_data (G_OBJECT (self->chooser), "bjb-save", GINT_TO_POINTER (save));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
action_choose_proof (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_chooser (BJB_ORDER_DETAIL (widget), _("Choose the Payment Proof"), FALSE, FALSE);
}

static void
on_clipboard_texture (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      set_message (self, _("The clipboard holds no image. Copy the transfer screenshot first."), TRUE);
      return;
    }
  load_proof_texture (self, texture);
}

static void
action_paste_proof (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_texture_async (clipboard, self->cancellable, on_clipboard_texture, self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  BjbOrderDetail *self = user_data;

  if (!gtk_widget_is_sensitive (GTK_WIDGET (self)) ||
      g_strcmp0 (order_status (self), "pending_payment") != 0)
    {
      set_message (self, _("A payment proof can be attached only while the order awaits payment."), TRUE);
      return FALSE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files == NULL)
        return FALSE;
      bjb_order_detail_load_proof_file (self, files->data);
      g_slist_free (files);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      bjb_order_detail_load_proof_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      load_proof_texture (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

static void
action_attach_proof (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  g_autofree char *data = NULL;
  g_autofree char *thumb = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  g_autofree char *amount = NULL;
  const char *amount_text = gtk_editable_get_text (GTK_EDITABLE (self->amount_entry));
  const char *params[9];

  if (self->pending_proof == NULL)
    return;
  if (*amount_text != '\0')
    {
      g_autoptr(GError) error = NULL;
      gint64 rupiah = 0;

      if (!bjb_money_parse (amount_text, &rupiah, &error))
        {
          g_autofree char *text = g_strdup_printf (_("Amount: %s"), error->message);

          set_message (self, text, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (self->amount_entry));
          return;
        }
      amount = g_strdup_printf ("%" G_GINT64_FORMAT, rupiah);
    }

  data = bjb_bytes_to_bytea_hex (bjb_image_get_jpeg (self->pending_proof));
  thumb = bjb_bytes_to_bytea_hex (bjb_image_get_thumbnail (self->pending_proof));
  width = g_strdup_printf ("%d", bjb_image_get_width (self->pending_proof));
  height = g_strdup_printf ("%d", bjb_image_get_height (self->pending_proof));
  params[0] = id;
  params[1] = "image/jpeg";
  params[2] = data;
  params[3] = thumb;
  params[4] = width;
  params[5] = height;
  params[6] = gtk_editable_get_text (GTK_EDITABLE (self->bank_entry));
  params[7] = amount;
  params[8] = gtk_editable_get_text (GTK_EDITABLE (self->reference_entry));

  g_object_set_data (G_OBJECT (self), "bjb-clear-proof-fields", GINT_TO_POINTER (TRUE));
  /* Attached (or refused): the stored proof is what is shown from now on. */
  g_clear_pointer (&self->pending_proof, bjb_image_unref);
  self->shown_photo_id = 0;
  run_order_function (self,
                      "SELECT bjb.attach_payment_proof($1, $2, $3::bytea, $4::bytea, $5, $6, $7, $8, $9)",
                      9, params, _("Payment proof attached."));
}

/* ------------------------------------------------------------------ feedback */

static void
on_feedback_image_ready (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_load_finish (result, &error);
  g_autofree char *text = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL)
    {
      set_message (self, error->message, TRUE);
      return;
    }
  g_clear_pointer (&self->feedback_photo, bjb_image_unref);
  self->feedback_photo = g_steal_pointer (&image);
  text = g_strdup_printf (_("Photo ready (%d × %d px); it is saved with the feedback."),
                          bjb_image_get_width (self->feedback_photo),
                          bjb_image_get_height (self->feedback_photo));
  gtk_label_set_text (self->feedback_photo_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), TRUE);
}

void
bjb_order_detail_load_feedback_photo_file (BjbOrderDetail *self,
                                           GFile          *file)
{
  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));
  g_return_if_fail (G_IS_FILE (file));

  bjb_image_load_file_async (file, self->cancellable, on_feedback_image_ready, self);
}

static void
action_choose_feedback_photo (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  open_chooser (BJB_ORDER_DETAIL (widget), _("Choose a Photo for the Feedback"), TRUE, FALSE);
}

static void
on_feedback_photo_attached (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      set_error (self, error);
      return;
    }
  g_clear_pointer (&self->feedback_photo, bjb_image_unref);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), FALSE);
  set_message (self, _("Feedback and photo recorded."), FALSE);
  bjb_order_detail_reload (self);
}

static void
on_feedback_recorded (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autofree char *id = NULL;
  g_autofree char *data = NULL;
  g_autofree char *thumb = NULL;
  g_autofree char *width = NULL;
  g_autofree char *height = NULL;
  const char *params[7];

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  if (rows == NULL)
    {
      set_error (self, error);
      update_actions (self);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->feedback_entry), "");
  g_signal_emit (self, signals[CHANGED], 0);
  if (self->feedback_photo == NULL)
    {
      set_message (self, _("Feedback recorded."), FALSE);
      bjb_order_detail_reload (self);
      return;
    }

  id = order_id_text (self);
  data = bjb_bytes_to_bytea_hex (bjb_image_get_jpeg (self->feedback_photo));
  thumb = bjb_bytes_to_bytea_hex (bjb_image_get_thumbnail (self->feedback_photo));
  width = g_strdup_printf ("%d", bjb_image_get_width (self->feedback_photo));
  height = g_strdup_printf ("%d", bjb_image_get_height (self->feedback_photo));
  params[0] = id;
  params[1] = "feedback";
  params[2] = "image/jpeg";
  params[3] = data;
  params[4] = thumb;
  params[5] = width;
  params[6] = height;
  bjb_connection_query_async (self->connection,
                              "SELECT bjb.attach_photo($1, $2, $3, $4::bytea, $5::bytea, $6, $7)",
                              7, params, self->cancellable, on_feedback_photo_attached, self);
}

static void
action_record_feedback (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *id = order_id_text (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->feedback_entry))));
  const char *params[] = { id, text };

  if (*text == '\0')
    {
      set_message (self, _("Write what the customer said first."), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->feedback_entry));
      return;
    }
  if (self->busy)
    return;
  self->busy = TRUE;
  update_actions (self);
  bjb_connection_query_async (self->connection, "SELECT bjb.record_feedback($1, $2)", 2, params,
                              self->cancellable, on_feedback_recorded, self);
}

/* ------------------------------------------------------------------ invoice */

static BjbInvoice *
create_invoice (BjbOrderDetail *self)
{
  if (self->detail == NULL)
    return NULL;
  return bjb_invoice_new (self->detail, self->business);
}

gboolean
bjb_order_detail_export_invoice (BjbOrderDetail  *self,
                                 const char      *filename,
                                 GError         **error)
{
  g_autoptr(BjbInvoice) invoice = NULL;

  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), FALSE);

  invoice = create_invoice (self);
  if (invoice == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("No order is loaded."));
      return FALSE;
    }
  return bjb_invoice_export_pdf (invoice, filename, error);
}

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               gpointer                 user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      set_message (self, error ? error->message : _("Printing failed."), TRUE);
    }
  g_object_unref (operation);
}

static void
action_print_invoice (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autoptr(BjbInvoice) invoice = create_invoice (self);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkPrintOperation *operation;

  if (invoice == NULL)
    return;
  operation = bjb_invoice_create_operation (invoice);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  /* The dialog also offers "Print to File" (PDF). "done" drops the reference. */
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    set_message (self, error->message, TRUE);
}

static void
action_save_invoice (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  open_chooser (BJB_ORDER_DETAIL (widget), _("Save the Invoice as PDF"), FALSE, TRUE);
}

/* ------------------------------------------------------------------ couriers, events */

static void
on_couriers_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbResult) rows = bjb_connection_query_finish (BJB_CONNECTION (source), result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (rows == NULL)
    {
      set_error (self, error);
      return;
    }
  g_ptr_array_set_size (self->courier_logins, 0);
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      g_ptr_array_add (self->courier_logins, g_strdup (bjb_result_get_string (rows, i, "login")));
      g_ptr_array_add (names, g_strdup (bjb_result_get_string (rows, i, "display_name")));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->courier_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->courier_names)),
                          (const char * const *) names->pdata);
  self->has_couriers = self->courier_logins->len > 0;
  update_actions (self);
}

static void
load_couriers (BjbOrderDetail *self)
{
  if (self->connection == NULL)
    return;
  bjb_connection_query_async (self->connection,
                              "SELECT login, display_name FROM bjb.staff "
                              "WHERE role = 'courier' AND active ORDER BY display_name, login",
                              0, NULL, self->cancellable, on_couriers_loaded, self);
}

static void
on_event_received (BjbListener *listener,
                   BjbEvent    *event,
                   gpointer     user_data)
{
  BjbOrderDetail *self = user_data;

  if (self->order_id > 0 && bjb_event_get_order_id (event) == self->order_id)
    bjb_order_detail_reload (self);
}

/* ------------------------------------------------------------------ GObject */

static void
set_connection (BjbOrderDetail *self,
                BjbConnection  *connection)
{
  if (!g_set_object (&self->connection, connection))
    return;
  load_couriers (self);
  bjb_order_detail_reload (self);
}

static void
set_listener (BjbOrderDetail *self,
              BjbListener    *listener)
{
  if (self->listener == listener)
    return;
  if (self->listener != NULL)
    g_signal_handlers_disconnect_by_func (self->listener, on_event_received, self);
  g_set_object (&self->listener, listener);
  if (listener != NULL)
    g_signal_connect_object (listener, "event-received", G_CALLBACK (on_event_received), self, 0);
}

static void
bjb_order_detail_dispose (GObject *object)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  set_listener (self, NULL);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->connection);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_ORDER_DETAIL);

  G_OBJECT_CLASS (bjb_order_detail_parent_class)->dispose (object);
}

static void
bjb_order_detail_finalize (GObject *object)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->detail, json_object_unref);
  g_clear_pointer (&self->business, json_object_unref);
  g_clear_pointer (&self->courier_logins, g_ptr_array_unref);
  g_clear_pointer (&self->pending_proof, bjb_image_unref);
  g_clear_pointer (&self->feedback_photo, bjb_image_unref);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (bjb_order_detail_parent_class)->finalize (object);
}

static void
bjb_order_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, self->connection);
      break;
    case PROP_LISTENER:
      g_value_set_object (value, self->listener);
      break;
    case PROP_ORDER_ID:
      g_value_set_int64 (value, self->order_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      set_connection (self, g_value_get_object (value));
      break;
    case PROP_LISTENER:
      set_listener (self, g_value_get_object (value));
      break;
    case PROP_ORDER_ID:
      bjb_order_detail_set_order_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_detail_class_init (BjbOrderDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_order_detail_dispose;
  object_class->finalize = bjb_order_detail_finalize;
  object_class->get_property = bjb_order_detail_get_property;
  object_class->set_property = bjb_order_detail_set_property;

  properties[PROP_CONNECTION] =
    g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LISTENER] =
    g_param_spec_object ("listener", NULL, NULL, BJB_TYPE_LISTENER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BJB_TYPE_ORDER_LINE_ITEM);
  g_type_ensure (BJB_TYPE_HISTORY_ENTRY);

  bjb_orders_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/orders/bjb-order-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, number_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, info_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, due_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, lines_store);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, subtotal_value);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, discount_value);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, shipping_value);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, total_value);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_picture);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, bank_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, reject_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, cancel_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, courier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, courier_names);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_photo_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, history_store);

  gtk_widget_class_install_action (widget_class, "order.refresh", NULL, action_refresh);
  gtk_widget_class_install_action (widget_class, "order.confirm-payment", NULL, action_confirm_payment);
  gtk_widget_class_install_action (widget_class, "order.reject-proof", NULL, action_reject_proof);
  gtk_widget_class_install_action (widget_class, "order.choose-proof", NULL, action_choose_proof);
  gtk_widget_class_install_action (widget_class, "order.paste-proof", NULL, action_paste_proof);
  gtk_widget_class_install_action (widget_class, "order.attach-proof", NULL, action_attach_proof);
  gtk_widget_class_install_action (widget_class, "order.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "order.ship", NULL, action_ship);
  gtk_widget_class_install_action (widget_class, "order.handover", NULL, action_handover);
  gtk_widget_class_install_action (widget_class, "order.choose-feedback-photo", NULL,
                                   action_choose_feedback_photo);
  gtk_widget_class_install_action (widget_class, "order.record-feedback", NULL, action_record_feedback);
  gtk_widget_class_install_action (widget_class, "order.print-invoice", NULL, action_print_invoice);
  gtk_widget_class_install_action (widget_class, "order.save-invoice", NULL, action_save_invoice);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "order.paste-proof", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "order.print-invoice", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "order.refresh", NULL);
}

static void
bjb_order_detail_init (BjbOrderDetail *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->courier_logins = g_ptr_array_new_with_free_func (g_free);
  set_message (self, NULL, FALSE);
  gtk_widget_set_visible (self->proof_scroller, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_photo_label), FALSE);

  /* A drop is accepted anywhere on the order. */
  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  update_actions (self);
}

GtkWidget *
bjb_order_detail_new (BjbConnection *connection)
{
  return g_object_new (BJB_TYPE_ORDER_DETAIL, "connection", connection, NULL);
}

void
bjb_order_detail_set_order_id (BjbOrderDetail *self,
                               gint64          order_id)
{
  g_return_if_fail (BJB_IS_ORDER_DETAIL (self));

  if (self->order_id == order_id)
    return;
  self->order_id = order_id;
  /* Another order: whatever is in flight is for the old one. */
  g_cancellable_cancel (self->load_cancellable);
  self->loading = FALSE;
  self->load_again = FALSE;
  g_clear_pointer (&self->detail, json_object_unref);
  g_clear_pointer (&self->pending_proof, bjb_image_unref);
  g_clear_pointer (&self->feedback_photo, bjb_image_unref);
  self->proof_id = 0;
  self->shown_photo_id = 0;
  self->busy = FALSE;
  set_message (self, NULL, FALSE);
  gtk_picture_set_paintable (self->proof_picture, NULL);
  gtk_widget_set_visible (self->proof_scroller, FALSE);
  update_actions (self);
  bjb_order_detail_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_ID]);
}

gint64
bjb_order_detail_get_order_id (BjbOrderDetail *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), 0);
  return self->order_id;
}

const char *
bjb_order_detail_get_message (BjbOrderDetail *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), NULL);
  return self->message ? self->message : "";
}

const char *
bjb_order_detail_get_status (BjbOrderDetail *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), NULL);
  return order_status (self);
}

gboolean
bjb_order_detail_has_pending_proof (BjbOrderDetail *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), FALSE);
  return self->pending_proof != NULL;
}
