/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-adjust"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-ops-query.h"
#include "bjb-product-ops.h"
#include "bjb-stock-adjust.h"
#include "bjb-widgets.h"

struct _BjbStockAdjust
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *frame;
  GtkLabel *title_label;
  GtkLabel *amount_label;
  GtkSpinButton *amount_spin;
  GtkAdjustment *amount_adjustment;
  GtkLabel *amount_error;
  GtkLabel *reason_label;
  GtkDropDown *reason_dropdown;
  GtkEntry *note_entry;
  GtkLabel *error_label;
  GtkSpinner *spinner;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  char *product_name;
  gint64 product_id;
  gboolean correction;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbStockAdjust, bjb_stock_adjust, GTK_TYPE_WIDGET)

enum {
  APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* In the dropdown's order. */
static const char * const reasons[] = { "damaged", "stocktake", "correction", "return" };

static const char *
current_reason (BjbStockAdjust *self)
{
  guint selected = gtk_drop_down_get_selected (self->reason_dropdown);

  if (!self->correction)
    return "restock";
  return selected < G_N_ELEMENTS (reasons) ? reasons[selected] : "correction";
}

static void
set_busy (BjbStockAdjust *self,
          gboolean        busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, self->spinner, "adjust.apply", NULL);
}

/* What is wrong with the amount for the reason, before anything is sent (NULL: fine). */
static const char *
amount_reason (BjbStockAdjust *self,
               gint64          amount)
{
  const char *reason = current_reason (self);

  if (amount == 0)
    return self->correction ? _("Enter how much the stock changes, e.g. −5 or 3.")
                            : _("Enter how many arrived.");
  if (g_str_equal (reason, "damaged") && amount > 0)
    return _("Damaged goods take stock away: enter a negative number, e.g. −5.");
  if ((g_str_equal (reason, "restock") || g_str_equal (reason, "return")) && amount < 0)
    return _("Goods that come in add stock: enter a positive number.");
  return NULL;
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BjbStockAdjust) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 stock = bjb_product_ops_adjust_stock_finish (result, &error);
  const char *sqlstate;
  const char *server;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (stock >= 0)
    {
      g_signal_emit (self, signals[APPLIED], 0, stock);
      return;
    }

  /* The amount and the note stay as typed: the admin fixes and applies again. */
  sqlstate = bjb_db_error_get_sqlstate (error);
  server = bjb_db_error_get_server_message (error);
  if (g_strcmp0 (sqlstate, "BJ001") == 0 ||
      (g_strcmp0 (sqlstate, "BJ011") == 0 &&
       g_strcmp0 (bjb_db_error_get_column (error), "delta") == 0))
    {
      g_autofree char *sentence = NULL;

      if (server != NULL && bjb_ui_speaks_server_language ())
        sentence = g_strdup (server);
      else if (g_strcmp0 (sqlstate, "BJ001") == 0)
        /* Translators: %s is a product */
        sentence = g_strdup_printf (_("Not enough %s in stock: the stock cannot go below zero."),
                                    self->product_name);
      else
        sentence = bjb_error_sentence (error);
      bjb_widgets_show_label (self->amount_error, sentence);
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_spin));
      return;
    }
  {
    g_autofree char *text = bjb_form_not_saved (error, NULL);

    bjb_widgets_show_label (self->error_label, text);
  }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BjbStockAdjust *self = BJB_STOCK_ADJUST (widget);
  gint64 amount;
  const char *reason;

  if (self->busy || self->connection == NULL || self->product_id == 0)
    return;
  gtk_spin_button_update (self->amount_spin);
  amount = (gint64) gtk_spin_button_get_value (self->amount_spin);
  bjb_widgets_show_label (self->error_label, NULL);
  reason = amount_reason (self, amount);
  bjb_widgets_show_label (self->amount_error, reason);
  if (reason != NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->amount_spin));
      return;
    }
  set_busy (self, TRUE);
  bjb_product_ops_adjust_stock_async (self->connection, self->product_id, amount,
                                      current_reason (self),
                                      gtk_editable_get_text (GTK_EDITABLE (self->note_entry)),
                                      self->cancellable, applied_cb, g_object_ref (self));
}

/* Template callbacks */

static void
amount_changed_cb (BjbStockAdjust *self)
{
  bjb_widgets_show_label (self->amount_error, NULL);
}

static void
activate_cb (BjbStockAdjust *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "adjust.apply", NULL);
}

/* GObject */

static void
bjb_stock_adjust_dispose (GObject *object)
{
  BjbStockAdjust *self = (BjbStockAdjust *)object;

  bjb_connected_dispose (self, BJB_TYPE_STOCK_ADJUST, &self->cancellable);

  G_OBJECT_CLASS (bjb_stock_adjust_parent_class)->dispose (object);
}

static void
bjb_stock_adjust_finalize (GObject *object)
{
  g_free (BJB_STOCK_ADJUST (object)->product_name);

  G_OBJECT_CLASS (bjb_stock_adjust_parent_class)->finalize (object);
}

static void
bjb_stock_adjust_class_init (BjbStockAdjustClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_stock_adjust_dispose;
  object_class->finalize = bjb_stock_adjust_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStockAdjust, connection),
                               (BjbConnectedSetter) bjb_stock_adjust_set_connection);

  signals[APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  bjb_catalog_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-stock-adjust.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, frame);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, amount_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, amount_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, amount_adjustment);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, amount_error);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, reason_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, reason_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStockAdjust, spinner);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);

  gtk_widget_class_install_action (widget_class, "adjust.apply", NULL, apply_action);
  bjb_form_class_install_cancel (widget_class, "adjust.cancel", NULL);
}

static void
bjb_stock_adjust_init (BjbStockAdjust *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
bjb_stock_adjust_set_connection (BjbStockAdjust *self,
                                 BjbConnection  *connection)
{
  g_return_if_fail (BJB_IS_STOCK_ADJUST (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  set_busy (self, FALSE);
}

void
bjb_stock_adjust_start (BjbStockAdjust *self,
                        gint64          product_id,
                        const char     *product_name,
                        gboolean        correction)
{
  g_autofree char *title = NULL;

  g_return_if_fail (BJB_IS_STOCK_ADJUST (self));

  self->product_id = product_id;
  self->correction = correction;
  g_free (self->product_name);
  self->product_name = g_strdup (product_name);
  /* Translators: %s is a product */
  title = g_strdup_printf (correction ? _("Correct the stock of %s") : _("Restock %s"),
                           product_name);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->amount_label, correction ? _("_Change (±)") : _("_Quantity"));
  gtk_adjustment_set_lower (self->amount_adjustment, correction ? -10000000 : 0);
  gtk_spin_button_set_value (self->amount_spin, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), correction);
  gtk_widget_set_visible (GTK_WIDGET (self->reason_dropdown), correction);
  gtk_drop_down_set_selected (self->reason_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  bjb_widgets_show_label (self->amount_error, NULL);
  bjb_widgets_show_label (self->error_label, NULL);
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->amount_spin));
}

void
bjb_stock_adjust_set_values (BjbStockAdjust *self,
                             gint64          amount,
                             const char     *reason,
                             const char     *note)
{
  g_return_if_fail (BJB_IS_STOCK_ADJUST (self));

  gtk_spin_button_set_value (self->amount_spin, (double) amount);
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i]))
      gtk_drop_down_set_selected (self->reason_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
}

const char *
bjb_stock_adjust_get_error (BjbStockAdjust *self,
                            const char     *field)
{
  GtkLabel *label;

  g_return_val_if_fail (BJB_IS_STOCK_ADJUST (self), NULL);

  label = g_strcmp0 (field, "amount") == 0 ? self->amount_error : self->error_label;
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

gboolean
bjb_stock_adjust_get_busy (BjbStockAdjust *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_ADJUST (self), FALSE);
  return self->busy;
}
