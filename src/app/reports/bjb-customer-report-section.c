/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-report-section"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-report-query.h"
#include "bjb-customer-report-section.h"
#include "bjb-date-entry.h"
#include "bjb-error-sentence.h"
#include "bjb-export-button.h"
#include "bjb-field-props.h"
#include "bjb-report-ops.h"
#include "bjb-report-row.h"
#include "bjb-reports.h"

struct _BjbCustomerReportSection
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel               *title_label;
  GtkLabel               *description_label;
  GtkEntry               *from_entry;
  GtkEntry               *to_entry;
  GtkLabel               *days_label;
  GtkSpinButton          *days_spin;
  BjbExportButton        *export_button;
  GtkColumnView          *view;
  BjbPagedQueryModel     *list_model;
  BjbCustomerReportQuery *query;
  GtkColumnViewColumn    *title_column;
  GtkColumnViewColumn    *subtitle_column;
  GtkColumnViewColumn    *date_column;
  GtkColumnViewColumn    *count_column;
  GtkColumnViewColumn    *amount_column;
  GtkColumnViewColumn    *detail_column;
  GtkLabel               *status_label;

  /* Owned */
  BjbConnection *connection;
  int report;
  gboolean range_valid;
};

G_DEFINE_FINAL_TYPE (BjbCustomerReportSection, bjb_customer_report_section, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each report calls its columns; NULL hides the column. */
typedef struct
{
  const char *title;
  const char *description;
  const char *columns[6];      /* title, subtitle, date, count, amount, detail */
  gboolean months;
  gboolean days;
  gboolean customers;          /* rows are customers (activate opens them) */
} ReportLayout;

static const ReportLayout layouts[] = {
  [BJB_CUSTOMER_REPORT_STATUS] = {
    N_("Customers by status"), N_("Active and inactive customers, loyal or not."),
    { N_("Status"), NULL, NULL, N_("Customers"), NULL, N_("Loyalty") }, FALSE, FALSE, FALSE },
  [BJB_CUSTOMER_REPORT_NEW] = {
    N_("New customers per month"), N_("Customers added in each month of the range."),
    { NULL, NULL, N_("Month"), N_("New customers"), NULL, NULL }, TRUE, FALSE, FALSE },
  [BJB_CUSTOMER_REPORT_TOP] = {
    N_("Top customers"), N_("Who spent most on paid, shipped and completed orders in the months of the range."),
    { N_("Customer"), N_("Phone"), NULL, N_("Orders"), N_("Spend"), N_("Loyalty") }, TRUE, FALSE, TRUE },
  [BJB_CUSTOMER_REPORT_PREFERENCES] = {
    N_("Customers by product preference"), N_("How many customers prefer each product."),
    { N_("Product"), N_("Category"), NULL, N_("Customers"), NULL, N_("Of them loyal") }, FALSE, FALSE, FALSE },
  [BJB_CUSTOMER_REPORT_LAPSED] = {
    N_("Customers to call back"), N_("Active customers whose last order is older than the days chosen, the most recent first."),
    { N_("Customer"), N_("Phone"), N_("Last order"), N_("Orders"), N_("Spend"), NULL }, FALSE, TRUE, TRUE },
};

static void
update_status (BjbCustomerReportSection *self)
{
  const GError *error = bjb_paged_query_model_get_error (self->list_model);
  g_autofree char *text = NULL;

  if (!self->range_valid)
    text = g_strdup (bjb_date_entry_hint ());
  else if (error != NULL)
    text = bjb_error_sentence (error);
  else if (bjb_paged_query_model_get_loading (self->list_model))
    text = g_strdup (_("Loading…"));
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->list_model)) == 0)
    text = g_strdup (_("Nothing to show."));
  else
    text = g_strdup ("");
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), *text != '\0');
  /* While a day is typed wrong the table is the last good range's; an export then would be
   * of that range, not of the one the entries say. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->range_valid && error == NULL);
}

static void
on_filter_changed (BjbCustomerReportSection *self)
{
  gboolean from_ok, to_ok;
  g_autofree char *from = bjb_date_entry_read_iso (GTK_EDITABLE (self->from_entry), &from_ok);
  g_autofree char *to = bjb_date_entry_read_iso (GTK_EDITABLE (self->to_entry), &to_ok);

  self->range_valid = from_ok && to_ok;
  /* A half-typed date keeps the last good table: nothing is asked until it parses. */
  if (self->range_valid)
    g_object_set (self->query, "from", from, "to", to,
                  "days", gtk_spin_button_get_value_as_int (self->days_spin), NULL);
  update_status (self);
}

static void
on_row_activated (BjbCustomerReportSection *self,
                  guint                     position)
{
  g_autoptr(BjbReportRow) row = g_list_model_get_item (G_LIST_MODEL (self->list_model), position);

  if (row == NULL || !layouts[self->report].customers || bjb_report_row_get_customer_id (row) == 0)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-customer", "x",
                              bjb_report_row_get_customer_id (row));
}

static BjbExportSpec *
build_spec (gpointer user_data)
{
  BjbCustomerReportSection *self = user_data;
  BjbCustomerReportParams params;
  BjbExportSpec *spec;

  bjb_customer_report_query_get_params (self->query, &params);
  spec = bjb_report_ops_customers_spec (&params);
  if (layouts[self->report].months && params.from != NULL && params.to != NULL)
    {
      g_autofree char *range = g_strdup_printf ("%s – %s", params.from, params.to);

      bjb_export_spec_add_filter (spec, _("Months"), range);
    }
  if (layouts[self->report].days)
    {
      g_autofree char *days = g_strdup_printf ("%d", params.days);

      bjb_export_spec_add_filter (spec, _("Days without an order"), days);
    }
  return spec;
}

/* The range a report starts with: the last twelve months (new customers), the last three
 * (top customers). */
static void
set_default_range (BjbCustomerReportSection *self)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (jakarta == NULL)
    jakarta = g_time_zone_new_utc ();
  now = g_date_time_new_now (jakarta);
  first = g_date_time_add_months (now, self->report == BJB_CUSTOMER_REPORT_NEW ? -11 : -2);
  from = g_strdup_printf ("%04d-%02d-01", g_date_time_get_year (first), g_date_time_get_month (first));
  to = g_date_time_format (now, "%Y-%m-%d");

  bjb_date_entry_show_text (GTK_EDITABLE (self->from_entry), from);
  bjb_date_entry_show_text (GTK_EDITABLE (self->to_entry), to);
}

static void
apply_layout (BjbCustomerReportSection *self)
{
  const ReportLayout *layout = &layouts[self->report];
  GtkColumnViewColumn *columns[] = { self->title_column, self->subtitle_column, self->date_column,
                                     self->count_column, self->amount_column, self->detail_column };
  gboolean expanded = FALSE;

  gtk_label_set_text (self->title_label, _(layout->title));
  gtk_label_set_text (self->description_label, _(layout->description));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      /* The first column shown takes the width left, so the table fills its card. */
      gtk_column_view_column_set_expand (columns[i], layout->columns[i] != NULL && !expanded);
      expanded = expanded || layout->columns[i] != NULL;
      gtk_column_view_column_set_visible (columns[i], layout->columns[i] != NULL);
      if (layout->columns[i] != NULL)
        gtk_column_view_column_set_title (columns[i], _(layout->columns[i]));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->from_entry), layout->months);
  gtk_widget_set_visible (GTK_WIDGET (self->to_entry), layout->months);
  gtk_widget_set_visible (GTK_WIDGET (self->days_label), layout->days);
  gtk_widget_set_visible (GTK_WIDGET (self->days_spin), layout->days);
  g_object_set (self->query, "report", self->report, NULL);
  if (layout->months)
    set_default_range (self);
  on_filter_changed (self);
}

void
bjb_customer_report_section_set_connection (BjbCustomerReportSection *self,
                                            BjbConnection            *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self));

  if (!g_set_object (&self->connection, connection))
    return;
  bjb_customer_report_query_set_connection (self->query, connection);
  bjb_export_button_set_connection (self->export_button, connection);
}

void
bjb_customer_report_section_refresh (BjbCustomerReportSection *self)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self));
  bjb_paged_query_model_refresh (self->list_model);
}

BjbPagedQueryModel *
bjb_customer_report_section_get_model (BjbCustomerReportSection *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self), NULL);
  return self->list_model;
}

void
bjb_customer_report_section_set_days (BjbCustomerReportSection *self,
                                      int                       days)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self));
  gtk_spin_button_set_value (self->days_spin, days);
}

void
bjb_customer_report_section_activate_row (BjbCustomerReportSection *self,
                                          guint                     position)
{
  g_return_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self));
  on_row_activated (self, position);
}

const char *
bjb_customer_report_section_get_status_text (BjbCustomerReportSection *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_REPORT_SECTION (self), NULL);
  return gtk_label_get_text (self->status_label);
}

static void
bjb_customer_report_section_constructed (GObject *object)
{
  BjbCustomerReportSection *self = BJB_CUSTOMER_REPORT_SECTION (object);

  G_OBJECT_CLASS (bjb_customer_report_section_parent_class)->constructed (object);
  apply_layout (self);
}

static void
bjb_customer_report_section_dispose (GObject *object)
{
  BjbCustomerReportSection *self = BJB_CUSTOMER_REPORT_SECTION (object);

  g_clear_object (&self->connection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_CUSTOMER_REPORT_SECTION);

  G_OBJECT_CLASS (bjb_customer_report_section_parent_class)->dispose (object);
}

static void
bjb_customer_report_section_class_init (BjbCustomerReportSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bjb_customer_report_section_constructed;
  object_class->dispose = bjb_customer_report_section_dispose;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;

  BJB_FIELD_PROP (BjbCustomerReportSection, PROP_REPORT, report,
                  g_param_spec_int ("report", NULL, NULL, BJB_CUSTOMER_REPORT_STATUS,
                                    BJB_CUSTOMER_REPORT_LAPSED, BJB_CUSTOMER_REPORT_STATUS,
                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                    G_PARAM_STATIC_STRINGS));

  g_type_ensure (BJB_TYPE_REPORT_ROW);
  g_type_ensure (BJB_TYPE_CUSTOMER_REPORT_QUERY);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  g_type_ensure (BJB_TYPE_EXPORT_BUTTON);
  bjb_reports_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/reports/bjb-customer-report-section.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, description_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, to_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, days_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, days_spin);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, export_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, view);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, query);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, title_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, subtitle_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, date_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, count_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, amount_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, detail_column);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerReportSection, status_label);
  gtk_widget_class_bind_template_callback (widget_class, update_status);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
bjb_customer_report_section_init (BjbCustomerReportSection *self)
{
  self->range_valid = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_export_button_set_spec_func (self->export_button, build_spec, self);
}
