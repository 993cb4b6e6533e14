/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-transactions-report"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-courier.h"
#include "bjb-customer-ops.h"
#include "bjb-date-entry.h"
#include "bjb-error-sentence.h"
#include "bjb-export-button.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-order-format.h"
#include "bjb-order-ops.h"
#include "bjb-paged-query.h"
#include "bjb-report-row.h"
#include "bjb-reports.h"
#include "bjb-transaction-query.h"
#include "bjb-transactions-report.h"

struct _BjbTransactionsReport
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkEntry            *from_entry;
  GtkEntry            *to_entry;
  GtkDropDown         *status_dropdown;
  GtkSearchEntry      *customer_entry;
  GtkDropDown         *courier_dropdown;
  GtkStringList       *courier_names;
  GtkDropDown         *delivery_dropdown;
  BjbExportButton     *export_button;
  BjbPagedQueryModel  *list_model;
  BjbTransactionQuery *query;
  GtkLabel            *totals_label;
  GtkLabel            *message_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *cancellable;          /* cancelled in dispose */
  GCancellable  *totals_cancellable;
  GCancellable  *customer_cancellable;
  GPtrArray     *courier_logins;       /* char*, parallel to courier_names after "All" */
  char          *customer_name;        /* the customer filtered on, for the export */
  char          *date_error;           /* a date typed wrong: said until it is mended */
  BjbTransactionTotals totals;
  gboolean       totals_valid;
  gboolean       totals_refused;       /* the server turned the filters down */
};

G_DEFINE_FINAL_TYPE (BjbTransactionsReport, bjb_transactions_report, ADW_TYPE_BIN)

static const char *const status_values[] = { "", "pending_payment", "paid", "shipped", "completed", "cancelled" };
static const char *const delivery_values[] = { "", "delivery", "pickup" };

static void
update_message (BjbTransactionsReport *self,
                const GError          *totals_error)
{
  const GError *error = bjb_paged_query_model_get_error (self->list_model);
  g_autofree char *text = NULL;

  if (self->date_error != NULL)
    text = g_strdup (self->date_error);
  else if (totals_error != NULL)
    text = bjb_error_sentence (totals_error);
  else if (error != NULL)
    text = bjb_error_sentence (error);
  else if (bjb_paged_query_model_get_loading (self->list_model))
    text = g_strdup (_("Loading orders…"));
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->list_model)) == 0)
    text = g_strdup (_("No orders match."));
  else
    text = g_strdup ("");
  gtk_label_set_text (self->message_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), *text != '\0');
  /* An export writes what the filters ask: while a day is typed wrong it would be of the last
   * good filters, not of what is on screen, and a refused range would only fail again. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->date_error == NULL && !self->totals_refused && error == NULL);
}

static void
on_list_changed (BjbTransactionsReport *self)
{
  update_message (self, NULL);
}

static void
show_totals (BjbTransactionsReport *self)
{
  g_autofree char *orders = bjb_money_format_plain (self->totals.orders);
  g_autofree char *gross = bjb_money_format (self->totals.gross);
  g_autofree char *discount = bjb_money_format (self->totals.discount);
  g_autofree char *shipping = bjb_money_format (self->totals.shipping);
  g_autofree char *net = bjb_money_format (self->totals.net);
  /* Translators: the totals of the filtered orders */
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                        "%s order · gross %s · discount %s · shipping %s · net %s",
                                                        "%s orders · gross %s · discount %s · shipping %s · net %s",
                                                        (gulong) self->totals.orders),
                                           orders, gross, discount, shipping, net);

  gtk_label_set_text (self->totals_label, text);
}

static void
on_totals (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbTransactionsReport *self = user_data;
  g_autoptr(GError) error = NULL;
  BjbTransactionTotals totals;

  if (!bjb_report_ops_transaction_totals_finish (result, &totals, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->totals_valid = FALSE;
      self->totals_refused = TRUE;
      gtk_label_set_text (self->totals_label, "");
      update_message (self, error);
      return;
    }
  self->totals = totals;
  self->totals_valid = TRUE;
  self->totals_refused = FALSE;
  show_totals (self);
  update_message (self, NULL);
}

static void
refresh_totals (BjbTransactionsReport *self)
{
  BjbTransactionFilter filter;
  GCancellable *cancellable;

  self->totals_valid = FALSE;
  if (self->connection == NULL)
    return;
  cancellable = bjb_ops_restart_cancellable (&self->totals_cancellable, self->cancellable);
  bjb_transaction_query_get_filter (self->query, &filter);
  bjb_report_ops_transaction_totals_async (self->connection, &filter, cancellable, on_totals, self);
}

static void
on_filter_changed (BjbTransactionsReport *self)
{
  gboolean from_ok, to_ok;
  g_autofree char *from = bjb_date_entry_read_iso (GTK_EDITABLE (self->from_entry), &from_ok);
  g_autofree char *to = bjb_date_entry_read_iso (GTK_EDITABLE (self->to_entry), &to_ok);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint courier = gtk_drop_down_get_selected (self->courier_dropdown);
  guint delivery = gtk_drop_down_get_selected (self->delivery_dropdown);

  g_clear_pointer (&self->date_error, g_free);
  if (!from_ok || !to_ok)
    {
      /* Nothing is asked with half a date; the last good result stays. */
      self->date_error = g_strdup (bjb_date_entry_hint ());
      update_message (self, NULL);
      return;
    }
  g_object_set (self->query,
                "from", from,
                "to", to,
                "status", status < G_N_ELEMENTS (status_values) ? status_values[status] : "",
                "courier", courier > 0 && courier <= self->courier_logins->len
                           ? g_ptr_array_index (self->courier_logins, courier - 1) : "",
                "delivery", delivery < G_N_ELEMENTS (delivery_values) ? delivery_values[delivery] : "",
                NULL);
  refresh_totals (self);
  update_message (self, NULL);
}

static void
on_customer_found (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  BjbTransactionsReport *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = bjb_customer_ops_search_finish (result, &error);
  BjbCustomer *customer;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (customers == NULL)
    {
      update_message (self, error);
      return;
    }
  /* No such customer: show nothing rather than everyone. */
  if (customers->len == 0)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->customer_entry), "error");
      g_object_set (self->query, "customer-id", (gint64) -1, NULL);
    }
  else
    {
      customer = g_ptr_array_index (customers, 0);
      g_free (self->customer_name);
      self->customer_name = g_strdup (bjb_customer_get_name (customer));
      g_object_set (self->query, "customer-id", bjb_customer_get_id (customer), NULL);
    }
  refresh_totals (self);
}

static void
on_customer_changed (BjbTransactionsReport *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->customer_entry));
  BjbCustomerFilter filter = { .text = text };
  GCancellable *cancellable;

  gtk_widget_remove_css_class (GTK_WIDGET (self->customer_entry), "error");
  g_clear_pointer (&self->customer_name, g_free);
  if (*text == '\0' || self->connection == NULL)
    {
      g_cancellable_cancel (self->customer_cancellable);
      g_object_set (self->query, "customer-id", (gint64) 0, NULL);
      refresh_totals (self);
      return;
    }
  /* The customer list's own search; the first match by name is the one filtered on. */
  cancellable = bjb_ops_restart_cancellable (&self->customer_cancellable, self->cancellable);
  bjb_customer_ops_search_async (self->connection, &filter, "name", NULL, 1, cancellable,
                                 on_customer_found, self);
}

static void
on_couriers (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  BjbTransactionsReport *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) couriers = bjb_order_ops_list_couriers_finish (result, &error);
  guint n;

  if (couriers == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        update_message (self, error);
      return;
    }
  n = g_list_model_get_n_items (couriers);
  g_ptr_array_set_size (self->courier_logins, 0);
  gtk_string_list_splice (self->courier_names, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->courier_names)) - 1, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbCourier) courier = g_list_model_get_item (couriers, i);

      g_ptr_array_add (self->courier_logins, g_strdup (bjb_courier_get_login (courier)));
      gtk_string_list_append (self->courier_names, bjb_courier_get_display_name (courier));
    }
}

/* An order row opens the order at the customer-service desk (the application's action). */
static void
on_row_activated (BjbTransactionsReport *self,
                  guint                  position)
{
  g_autoptr(BjbReportRow) row = g_list_model_get_item (G_LIST_MODEL (self->list_model), position);

  if (row == NULL || bjb_paged_row_get_placeholder (BJB_PAGED_ROW (row)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-order", "x",
                              bjb_paged_row_get_id (BJB_PAGED_ROW (row)));
}

void
bjb_transactions_report_activate_row (BjbTransactionsReport *self,
                                      guint                  position)
{
  g_return_if_fail (BJB_IS_TRANSACTIONS_REPORT (self));
  on_row_activated (self, position);
}

static BjbExportSpec *
build_spec (gpointer user_data)
{
  BjbTransactionsReport *self = user_data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_null_terminated (12, NULL, TRUE);
  BjbTransactionFilter filter;
  BjbExportSpec *spec;
  guint selected;

  for (guint i = 1; i < G_N_ELEMENTS (status_values); i++)
    {
      g_ptr_array_add (labels, (gpointer) status_values[i]);
      g_ptr_array_add (labels, (gpointer) bjb_order_status_label (status_values[i]));
    }
  bjb_transaction_query_get_filter (self->query, &filter);
  spec = bjb_report_ops_transactions_spec (&filter, (const char *const *) labels->pdata);
  if (filter.from != NULL || filter.to != NULL)
    {
      g_autofree char *range = g_strdup_printf ("%s – %s", filter.from != NULL ? filter.from : "…",
                                                filter.to != NULL ? filter.to : "…");
      bjb_export_spec_add_filter (spec, _("Period"), range);
    }
  if (filter.status != NULL)
    bjb_export_spec_add_filter (spec, _("Status"), bjb_order_status_label (filter.status));
  if (filter.customer_id > 0 && self->customer_name != NULL)
    bjb_export_spec_add_filter (spec, _("Customer"), self->customer_name);
  selected = gtk_drop_down_get_selected (self->courier_dropdown);
  if (filter.courier != NULL && selected > 0)
    bjb_export_spec_add_filter (spec, _("Courier"),
                                gtk_string_list_get_string (self->courier_names, selected));
  if (filter.delivery != NULL)
    bjb_export_spec_add_filter (spec, _("Delivery"),
                                g_str_equal (filter.delivery, "pickup") ? _("Pickup") : _("Delivery"));
  return spec;
}

void
bjb_transactions_report_set_connection (BjbTransactionsReport *self,
                                        BjbConnection         *connection)
{
  g_return_if_fail (BJB_IS_TRANSACTIONS_REPORT (self));

  if (!bjb_connected_store (self, connection, NULL))
    return;
  bjb_transaction_query_set_connection (self->query, connection);
  bjb_export_button_set_connection (self->export_button, connection);
  if (connection == NULL)
    return;
  bjb_order_ops_list_couriers_async (connection, self->cancellable, on_couriers, self);
  refresh_totals (self);
}

void
bjb_transactions_report_refresh (BjbTransactionsReport *self)
{
  g_return_if_fail (BJB_IS_TRANSACTIONS_REPORT (self));
  bjb_paged_query_model_refresh (self->list_model);
  refresh_totals (self);
}

BjbPagedQueryModel *
bjb_transactions_report_get_model (BjbTransactionsReport *self)
{
  g_return_val_if_fail (BJB_IS_TRANSACTIONS_REPORT (self), NULL);
  return self->list_model;
}

static guint
index_of (const char *const *values,
          guint              n,
          const char        *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value != NULL ? value : "") == 0)
      return i;
  return 0;
}

void
bjb_transactions_report_set_filters (BjbTransactionsReport *self,
                                     const char            *from,
                                     const char            *to,
                                     const char            *status,
                                     const char            *delivery)
{
  g_return_if_fail (BJB_IS_TRANSACTIONS_REPORT (self));

  bjb_date_entry_show_text (GTK_EDITABLE (self->from_entry), from);
  bjb_date_entry_show_text (GTK_EDITABLE (self->to_entry), to);
  gtk_drop_down_set_selected (self->status_dropdown,
                              index_of (status_values, G_N_ELEMENTS (status_values), status));
  gtk_drop_down_set_selected (self->delivery_dropdown,
                              index_of (delivery_values, G_N_ELEMENTS (delivery_values), delivery));
}

gboolean
bjb_transactions_report_get_totals (BjbTransactionsReport *self,
                                    BjbTransactionTotals  *totals)
{
  g_return_val_if_fail (BJB_IS_TRANSACTIONS_REPORT (self), FALSE);

  *totals = self->totals;
  return self->totals_valid;
}

const char *
bjb_transactions_report_get_message (BjbTransactionsReport *self)
{
  g_return_val_if_fail (BJB_IS_TRANSACTIONS_REPORT (self), NULL);
  return gtk_label_get_text (self->message_label);
}

GtkWidget *
bjb_transactions_report_get_export_button (BjbTransactionsReport *self)
{
  g_return_val_if_fail (BJB_IS_TRANSACTIONS_REPORT (self), NULL);
  return GTK_WIDGET (self->export_button);
}

static void
bjb_transactions_report_dispose (GObject *object)
{
  BjbTransactionsReport *self = BJB_TRANSACTIONS_REPORT (object);

  bjb_connected_dispose (self, BJB_TYPE_TRANSACTIONS_REPORT, &self->cancellable);
  g_clear_object (&self->totals_cancellable);
  g_clear_object (&self->customer_cancellable);

  G_OBJECT_CLASS (bjb_transactions_report_parent_class)->dispose (object);
}

static void
bjb_transactions_report_finalize (GObject *object)
{
  BjbTransactionsReport *self = BJB_TRANSACTIONS_REPORT (object);

  g_ptr_array_unref (self->courier_logins);
  g_free (self->customer_name);
  g_free (self->date_error);

  G_OBJECT_CLASS (bjb_transactions_report_parent_class)->finalize (object);
}

static void
bjb_transactions_report_class_init (BjbTransactionsReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_transactions_report_dispose;
  object_class->finalize = bjb_transactions_report_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbTransactionsReport, connection),
                               (BjbConnectedSetter) bjb_transactions_report_set_connection);

  g_type_ensure (BJB_TYPE_REPORT_ROW);
  g_type_ensure (BJB_TYPE_TRANSACTION_QUERY);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  g_type_ensure (BJB_TYPE_EXPORT_BUTTON);
  bjb_reports_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/reports/bjb-transactions-report.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, courier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, courier_names);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, delivery_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, export_button);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, query);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, totals_label);
  gtk_widget_class_bind_template_child (widget_class, BjbTransactionsReport, message_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_list_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
bjb_transactions_report_init (BjbTransactionsReport *self)
{
  self->cancellable = g_cancellable_new ();
  self->courier_logins = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_export_button_set_spec_func (self->export_button, build_spec, self);
}
