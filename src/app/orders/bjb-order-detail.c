/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include "bjb-error-sentence.h"
#include "bjb-history-entry.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-order-detail-private.h"
#include "bjb-order-format.h"
#include "bjb-order-line-item.h"
#include "bjb-order-ops.h"
#include "bjb-page.h"
#include "bjb-widgets.h"

static void bjb_order_detail_page_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbOrderDetail, bjb_order_detail, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, bjb_order_detail_page_init))

enum {
  PROP_0,
  PROP_CONNECTION,
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

/* ------------------------------------------------------------------ messages and state */

static GtkLabel *
area_label (BjbOrderDetail     *self,
            BjbOrderDetailArea  area)
{
  switch (area)
    {
    case BJB_ORDER_DETAIL_AREA_PROOF:
      return self->proof_message_label;
    case BJB_ORDER_DETAIL_AREA_ACTIONS:
      return self->action_message_label;
    case BJB_ORDER_DETAIL_AREA_FEEDBACK:
      return self->feedback_message_label;
    case BJB_ORDER_DETAIL_AREA_ORDER:
    case BJB_ORDER_DETAIL_N_AREAS:
    default:
      return self->message_label;
    }
}

/* Only what the order's status allows is shown (a disabled form for a paid order's proof
 * only asks "why can't I?"): the proof intake and confirming while it awaits payment
 * (rejecting once there is a proof), cancelling until it is shipped, once paid the courier
 * for a delivery or the hand-over for a pickup, the feedback form once completed. Keyed on
 * the status, not on the busy state, so nothing jumps while the order reloads. The
 * actions' heading stays while an action's message stands under it. */
static void
show_sections (BjbOrderDetail *self)
{
  const char *status = _bjb_order_detail_status (self);
  gboolean pending = g_strcmp0 (status, "pending_payment") == 0;
  gboolean paid = g_strcmp0 (status, "paid") == 0;
  gboolean completed = g_strcmp0 (status, "completed") == 0;
  gboolean delivery = _bjb_order_detail_is_delivery (self);

  gtk_widget_set_visible (self->proof_intake_box, pending);
  gtk_widget_set_visible (self->proof_reject_box, self->proof_id > 0);
  gtk_widget_set_visible (self->confirm_button, pending);
  gtk_widget_set_visible (GTK_WIDGET (self->courier_dropdown), delivery);
  gtk_widget_set_visible (self->ship_button, delivery);
  gtk_widget_set_visible (self->handover_button, !delivery);
  gtk_widget_set_visible (self->payment_actions_box, pending || paid);
  gtk_widget_set_visible (self->handover_actions_box, paid);
  gtk_widget_set_visible (self->actions_heading,
                          pending || paid ||
                          gtk_widget_get_visible (GTK_WIDGET (self->action_message_label)));
  gtk_widget_set_visible (self->feedback_input_box, completed);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_box), completed);
}

/* One sentence at a time: showing one in an area clears the others, so an old error never
 * sits beside a new success. */
void
_bjb_order_detail_show (BjbOrderDetail     *self,
                        BjbOrderDetailArea  area,
                        const char         *text,
                        gboolean            is_error)
{
  g_free (self->message);
  self->message = g_strdup (text ? text : "");
  for (guint i = 0; i < BJB_ORDER_DETAIL_N_AREAS; i++)
    {
      GtkWidget *label = GTK_WIDGET (area_label (self, i));
      gboolean here = i == area && *self->message != '\0';

      gtk_label_set_text (GTK_LABEL (label), here ? self->message : "");
      gtk_widget_set_visible (label, here);
      if (!here)
        continue;
      gtk_widget_remove_css_class (label, is_error ? "success" : "error");
      gtk_widget_add_css_class (label, is_error ? "error" : "success");
    }
  show_sections (self);
}

void
_bjb_order_detail_show_error (BjbOrderDetail     *self,
                              BjbOrderDetailArea  area,
                              const GError       *error)
{
  g_autofree char *text = bjb_error_sentence (error);

  _bjb_order_detail_show (self, area, text, TRUE);
}

const char *
_bjb_order_detail_status (BjbOrderDetail *self)
{
  return bjb_json_string (bjb_json_object (self->detail, "order"), "status");
}

/* Brought to the customer by a courier, rather than picked up at the depot. */
gboolean
_bjb_order_detail_is_delivery (BjbOrderDetail *self)
{
  return g_strcmp0 (bjb_json_string (bjb_json_object (self->detail, "order"), "delivery"), "delivery") == 0;
}

void
_bjb_order_detail_changed (BjbOrderDetail *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
_bjb_order_detail_update_actions (BjbOrderDetail *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const char *status = _bjb_order_detail_status (self);
  gboolean loaded = self->detail != NULL && !self->busy;
  gboolean pending = loaded && g_strcmp0 (status, "pending_payment") == 0;
  gboolean paid = loaded && g_strcmp0 (status, "paid") == 0;
  gboolean delivery = _bjb_order_detail_is_delivery (self);
  gboolean completed = loaded && g_strcmp0 (status, "completed") == 0;
  gboolean has_proof_image = bjb_image_drop_box_get_image (self->proof_box) != NULL;
  gboolean has_couriers = self->couriers != NULL && g_list_model_get_n_items (self->couriers) > 0;

  gtk_widget_action_set_enabled (widget, "order.refresh", self->order_id > 0);
  gtk_widget_action_set_enabled (widget, "order.confirm-payment", pending && self->proof_id > 0);
  gtk_widget_action_set_enabled (widget, "order.reject-proof", pending && self->proof_id > 0);
  gtk_widget_action_set_enabled (widget, "order.choose-proof", pending);
  gtk_widget_action_set_enabled (widget, "order.paste-proof", pending);
  gtk_widget_action_set_enabled (widget, "order.attach-proof", pending && has_proof_image);
  gtk_widget_action_set_enabled (widget, "order.cancel", pending || paid);
  gtk_widget_action_set_enabled (widget, "order.ship", paid && delivery && has_couriers);
  gtk_widget_action_set_enabled (widget, "order.handover", paid && !delivery);
  gtk_widget_action_set_enabled (widget, "order.choose-feedback-photo", completed);
  gtk_widget_action_set_enabled (widget, "order.record-feedback", completed);
  gtk_widget_action_set_enabled (widget, "order.print-invoice", loaded);
  gtk_widget_action_set_enabled (widget, "order.save-invoice", loaded);

  bjb_image_drop_box_set_accepting (self->proof_box, pending,
                                    _("A payment proof can be attached only while the order awaits payment."));
  bjb_image_drop_box_set_accepting (self->feedback_box, completed,
                                    _("A photo can be added to the feedback once the order is completed."));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_reason_entry), pending || paid);
  gtk_widget_set_sensitive (GTK_WIDGET (self->bank_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reference_entry), pending);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reject_reason_entry), pending && self->proof_id > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->courier_dropdown), paid && delivery);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feedback_entry), completed);
  show_sections (self);
}

/* ------------------------------------------------------------------ drawing */

static void
apply_header (BjbOrderDetail *self)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  JsonObject *customer = bjb_json_object (self->detail, "customer");
  const char *status = bjb_json_string (order, "status");
  g_autoptr(GDateTime) placed = bjb_json_time (order, "placed_at");
  g_autoptr(GDateTime) due = bjb_json_time (order, "payment_due_at");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *placed_text = bjb_order_format_time (placed);
  g_autofree char *due_text = bjb_order_format_time (due);
  g_autofree char *where = NULL;
  g_autofree char *info = NULL;

  gtk_label_set_text (self->number_label, bjb_json_string (order, "number"));
  gtk_label_set_text (self->status_label, bjb_order_status_label (status));

  if (_bjb_order_detail_is_delivery (self))
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

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "warning");
  if (g_strcmp0 (status, "pending_payment") == 0)
    {
      gboolean urgent = FALSE;
      g_autofree char *left = bjb_order_format_time_left (due, now, &urgent);
      g_autofree char *text = g_strdup_printf (_("Pay by %s (%s)"), due_text, left);

      gtk_label_set_text (self->due_label, text);
      if (urgent)
        gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "warning");
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
}

static void
apply_lines (BjbOrderDetail *self)
{
  JsonObject *order = bjb_json_object (self->detail, "order");
  JsonArray *lines = bjb_json_array (self->detail, "lines");
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  struct { GtkLabel *label; const char *member; int sign; } totals[] = {
    { self->subtotal_value, "subtotal", 1 },
    { self->discount_value, "discount_total", -1 },
    { self->shipping_value, "shipping_cost", 1 },
    { self->total_value, "total", 1 },
  };

  for (guint i = 0; lines && i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);
      BjbOrderLineItem *item = bjb_order_line_item_new ();
      g_autofree char *qty = g_strdup_printf ("%" G_GINT64_FORMAT " %s", bjb_json_int (line, "qty"),
                                              bjb_json_string (line, "unit") ?: "");

      bjb_order_line_item_set_product_id (item, bjb_json_int (line, "product_id"));
      bjb_order_line_item_set_name (item, bjb_json_string (line, "name"));
      bjb_order_line_item_set_qty (item, bjb_json_int (line, "qty"));
      bjb_order_line_item_set_qty_text (item, qty);
      bjb_order_line_item_set_priced (item, line);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->lines_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines_store)),
                       items->pdata, items->len);

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      g_autofree char *money = bjb_money_format (totals[i].sign * bjb_json_int (order, totals[i].member));

      gtk_label_set_text (totals[i].label, money);
    }
}

static void
apply_history (BjbOrderDetail *self)
{
  JsonArray *history = bjb_json_array (self->detail, "history");
  const char *courier = bjb_json_string (bjb_json_object (self->detail, "order"), "courier");
  const char *courier_name = bjb_json_string (self->detail, "courier_name");
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; history && i < json_array_get_length (history); i++)
    {
      JsonObject *step = json_array_get_object_element (history, i);
      BjbHistoryEntry *entry = bjb_history_entry_new ();
      g_autoptr(GDateTime) at = bjb_json_time (step, "at");
      g_autofree char *at_text = bjb_order_format_time (at);

      bjb_history_entry_set_status_label (entry, bjb_order_status_label (bjb_json_string (step, "status")));
      bjb_history_entry_set_at_text (entry, at_text);
      /* The name a clerk knows; the login (who exactly) on hover. */
      bjb_history_entry_set_actor (entry, bjb_json_string (step, "actor_name"));
      bjb_history_entry_set_actor_login (entry, bjb_json_string (step, "actor"));
      /* bjb.ship_order notes the courier's login: say who it is. */
      if (g_strcmp0 (bjb_json_string (step, "status"), "shipped") == 0 && courier_name != NULL &&
          g_strcmp0 (bjb_json_string (step, "note"), courier) == 0)
        {
          g_autofree char *note = g_strdup_printf (_("Courier: %s"), courier_name);

          bjb_history_entry_set_note (entry, note);
        }
      else
        bjb_history_entry_set_note (entry, bjb_json_string (step, "note") ?: "");
      g_ptr_array_add (steps, entry);
    }
  g_list_store_splice (self->history_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->history_store)),
                       steps->pdata, steps->len);
}

static void
apply_detail (BjbOrderDetail *self)
{
  apply_header (self);
  apply_lines (self);
  _bjb_order_detail_apply_proof (self);
  _bjb_order_detail_apply_feedback (self);
  apply_history (self);
  _bjb_order_detail_update_actions (self);
}

/* ------------------------------------------------------------------ loading */

static void
on_detail_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) detail = bjb_order_ops_get_detail_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (self->load_again)
    {
      /* An event arrived while this answer was on its way: it may already be stale. */
      self->load_again = FALSE;
      bjb_order_detail_reload (self);
    }
  if (detail == NULL)
    {
      _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_ORDER, error);
      return;
    }
  g_clear_pointer (&self->detail, json_object_unref);
  self->detail = g_steal_pointer (&detail);
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
  g_autoptr(JsonObject) business = bjb_order_ops_get_business_finish (result, &error);

  /* Without it the nota prints without the letterhead; nothing to tell the clerk now. */
  if (business == NULL)
    return;
  g_clear_pointer (&self->business, json_object_unref);
  self->business = g_steal_pointer (&business);
}

void
bjb_order_detail_reload (BjbOrderDetail *self)
{
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

  /* Closing the widget cancels the load too. */
  bjb_order_ops_get_detail_async (self->connection, self->order_id,
                                  bjb_ops_restart_cancellable (&self->load_cancellable, self->cancellable),
                                  on_detail_loaded, self);
  if (self->business == NULL)
    bjb_order_ops_get_business_async (self->connection, self->cancellable, on_business_loaded, self);
}

/* ------------------------------------------------------------------ the page contract */

static void
set_connection (BjbOrderDetail *self,
                BjbConnection  *connection)
{
  if (self->connection == connection)
    return;
  /* Whatever was asked of the old connection is not wanted any more. */
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  self->loading = FALSE;
  self->load_again = FALSE;
  self->busy = FALSE;
  g_set_object (&self->connection, connection);
  _bjb_order_detail_load_couriers (self);
  bjb_order_detail_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

static void
bjb_order_detail_set_session (BjbPage    *page,
                              BjbSession *session)
{
  set_connection (BJB_ORDER_DETAIL (page), session ? bjb_session_get_connection (session) : NULL);
}

static void
bjb_order_detail_refresh (BjbPage *page)
{
  bjb_order_detail_reload (BJB_ORDER_DETAIL (page));
}

static void
bjb_order_detail_event_received (BjbPage  *page,
                                 BjbEvent *event)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (page);

  if (self->order_id > 0 && bjb_event_get_order_id (event) == self->order_id)
    bjb_order_detail_reload (self);
}

static void
bjb_order_detail_page_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_order_detail_set_session;
  iface->refresh = bjb_order_detail_refresh;
  iface->event_received = bjb_order_detail_event_received;
}

/* ------------------------------------------------------------------ GObject */

static void
bjb_order_detail_dispose (GObject *object)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (object);

  g_cancellable_cancel (self->cancellable);
  _bjb_order_detail_dispose_print (self);
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
  g_clear_object (&self->couriers);
  g_clear_pointer (&self->detail, json_object_unref);
  g_clear_pointer (&self->business, json_object_unref);
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

  /* Set by bjb_page_set_session() in the window; directly by tests and bjb_order_detail_new(). */
  properties[PROP_CONNECTION] = bjb_widgets_connection_property ();
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
  g_type_ensure (BJB_TYPE_IMAGE_DROP_BOX);

  /* The line columns are shared cell factories (ui/cells/line-*.ui). */
  bjb_widgets_ensure_resources ();
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
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, history_store);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_intake_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, proof_reject_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, actions_heading);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, payment_actions_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, handover_actions_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, feedback_input_box);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, ship_button);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, handover_button);

  gtk_widget_class_install_action (widget_class, "order.refresh", NULL, bjb_page_refresh_action);
  _bjb_order_detail_class_init_actions (widget_class);
  _bjb_order_detail_class_init_proof (widget_class);
  _bjb_order_detail_class_init_feedback (widget_class);
  _bjb_order_detail_class_init_print (widget_class);
}

static void
bjb_order_detail_init (BjbOrderDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->proof_amount = -1;
  _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ORDER, NULL, FALSE);
  _bjb_order_detail_init_proof (self);
  _bjb_order_detail_init_feedback (self);
  _bjb_order_detail_update_actions (self);
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
  self->busy = FALSE;
  _bjb_order_detail_reset_proof (self);
  _bjb_order_detail_reset_feedback (self);
  _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ORDER, NULL, FALSE);
  _bjb_order_detail_update_actions (self);
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
  return _bjb_order_detail_status (self);
}

gboolean
bjb_order_detail_has_pending_proof (BjbOrderDetail *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_DETAIL (self), FALSE);
  return bjb_image_drop_box_get_image (self->proof_box) != NULL;
}
