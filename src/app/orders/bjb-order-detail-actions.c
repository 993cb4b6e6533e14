/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-detail"

#include "config.h"

#include "bjb-courier.h"
#include "bjb-order-detail-private.h"
#include "bjb-order-ops.h"

/* The order's steps. Each action checks what the clerk must have typed, then hands the step
 * to bjb-order-ops; the database decides, and its answer is shown beside the actions. */

void
_bjb_order_detail_begin_step (BjbOrderDetail *self,
                              const char     *done)
{
  g_free (self->step_done);
  self->step_done = g_strdup (done);
  self->busy = TRUE;
  _bjb_order_detail_update_actions (self);
}

void
_bjb_order_detail_end_step (BjbOrderDetail     *self,
                            BjbOrderDetailArea  area,
                            const GError       *error)
{
  g_autofree char *done = g_steal_pointer (&self->step_done);

  self->busy = FALSE;
  if (error != NULL)
    {
      _bjb_order_detail_show_error (self, area, error);
      _bjb_order_detail_update_actions (self);
      /* The order may have moved on at another desk: show how it is now. What was typed
       * stays for a retry. */
      bjb_order_detail_reload (self);
      return;
    }
  _bjb_order_detail_show (self, area, done, FALSE);
  /* What was typed for this step is done with. */
  gtk_editable_set_text (GTK_EDITABLE (self->cancel_reason_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->reject_reason_entry), "");
  bjb_order_detail_reload (self);
  _bjb_order_detail_changed (self);
}

char *
_bjb_order_detail_required_text (BjbOrderDetail     *self,
                                 GtkEntry           *entry,
                                 BjbOrderDetailArea  area,
                                 const char         *missing)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    {
      _bjb_order_detail_show (self, area, missing, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return NULL;
    }
  return g_steal_pointer (&text);
}

static void
on_step_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  bjb_order_ops_step_finish (result, &error);
  /* Cancelled: the widget may be gone; touch nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _bjb_order_detail_end_step (BJB_ORDER_DETAIL (user_data), BJB_ORDER_DETAIL_AREA_ACTIONS, error);
}

static void
action_confirm_payment (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);

  _bjb_order_detail_begin_step (self, _("Payment confirmed."));
  bjb_order_ops_confirm_payment_async (self->connection, self->order_id, self->cancellable,
                                       on_step_done, self);
}

static void
action_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  g_autofree char *reason = _bjb_order_detail_required_text (self, self->cancel_reason_entry,
                                                             BJB_ORDER_DETAIL_AREA_ACTIONS,
                                                             _("Write why the order is cancelled first."));

  if (reason == NULL)
    return;
  _bjb_order_detail_begin_step (self, _("Order cancelled; the stock was put back."));
  bjb_order_ops_cancel_async (self->connection, self->order_id, reason, self->cancellable,
                              on_step_done, self);
}

static void
action_ship (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);
  guint selected = gtk_drop_down_get_selected (self->courier_dropdown);
  g_autoptr(BjbCourier) courier = NULL;

  if (self->couriers != NULL && selected != GTK_INVALID_LIST_POSITION)
    courier = g_list_model_get_item (self->couriers, selected);
  if (courier == NULL)
    {
      _bjb_order_detail_show (self, BJB_ORDER_DETAIL_AREA_ACTIONS, _("Choose a courier first."), TRUE);
      return;
    }
  _bjb_order_detail_begin_step (self, _("Handed to the courier."));
  bjb_order_ops_ship_async (self->connection, self->order_id, bjb_courier_get_login (courier),
                            self->cancellable, on_step_done, self);
}

static void
action_handover (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbOrderDetail *self = BJB_ORDER_DETAIL (widget);

  _bjb_order_detail_begin_step (self, _("Handed over to the customer; the order is completed."));
  bjb_order_ops_complete_async (self->connection, self->order_id, self->cancellable,
                                on_step_done, self);
}

/* ------------------------------------------------------------------ couriers */

static void
on_couriers_loaded (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  BjbOrderDetail *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) couriers = bjb_order_ops_list_couriers_finish (result, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (couriers == NULL)
    {
      _bjb_order_detail_show_error (self, BJB_ORDER_DETAIL_AREA_ACTIONS, error);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (couriers); i++)
    {
      g_autoptr(BjbCourier) courier = g_list_model_get_item (couriers, i);

      /* The list keeps the courier, and with it the name, alive. */
      g_ptr_array_add (names, (char *) bjb_courier_get_display_name (courier));
    }
  g_ptr_array_add (names, NULL);
  g_set_object (&self->couriers, couriers);
  gtk_string_list_splice (self->courier_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->courier_names)),
                          (const char * const *) names->pdata);
  _bjb_order_detail_update_actions (self);
}

void
_bjb_order_detail_load_couriers (BjbOrderDetail *self)
{
  if (self->connection == NULL)
    return;
  bjb_order_ops_list_couriers_async (self->connection, self->cancellable, on_couriers_loaded, self);
}

void
_bjb_order_detail_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, action_message_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, cancel_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, courier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbOrderDetail, courier_names);

  gtk_widget_class_install_action (widget_class, "order.confirm-payment", NULL, action_confirm_payment);
  gtk_widget_class_install_action (widget_class, "order.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "order.ship", NULL, action_ship);
  gtk_widget_class_install_action (widget_class, "order.handover", NULL, action_handover);
}
