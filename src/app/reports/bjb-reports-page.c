/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-reports-page"

#include "config.h"

#include "bjb-customer-report-section.h"
#include "bjb-page.h"
#include "bjb-report-ops.h"
#include "bjb-reports-page.h"
#include "bjb-reports.h"
#include "bjb-session.h"
#include "bjb-transactions-report.h"

struct _BjbReportsPage
{
  AdwBin parent_instance;

  /* Template widgets */
  AdwViewStack             *stack;
  BjbTransactionsReport    *transactions;
  BjbCustomerReportSection *status_section;
  BjbCustomerReportSection *new_section;
  BjbCustomerReportSection *top_section;
  BjbCustomerReportSection *preferences_section;
  BjbCustomerReportSection *lapsed_section;
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbReportsPage, bjb_reports_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static BjbCustomerReportSection *
section (BjbReportsPage *self,
         int             report)
{
  BjbCustomerReportSection *sections[] = { self->status_section, self->new_section,
                                           self->top_section, self->preferences_section,
                                           self->lapsed_section };

  g_assert (report >= 0 && report < (int) G_N_ELEMENTS (sections));
  return sections[report];
}

/* BjbPage */

static void
bjb_reports_page_set_session (BjbPage    *page,
                              BjbSession *session)
{
  BjbReportsPage *self = BJB_REPORTS_PAGE (page);
  BjbConnection *connection = session != NULL ? bjb_session_get_connection (session) : NULL;

  bjb_transactions_report_set_connection (self->transactions, connection);
  for (int i = BJB_CUSTOMER_REPORT_STATUS; i <= BJB_CUSTOMER_REPORT_LAPSED; i++)
    bjb_customer_report_section_set_connection (section (self, i), connection);
}

static void
bjb_reports_page_refresh (BjbPage *page)
{
  BjbReportsPage *self = BJB_REPORTS_PAGE (page);

  bjb_transactions_report_refresh (self->transactions);
  for (int i = BJB_CUSTOMER_REPORT_STATUS; i <= BJB_CUSTOMER_REPORT_LAPSED; i++)
    bjb_customer_report_section_refresh (section (self, i));
}

/* Reports are read when asked for (F5, a filter): an order event does not reload a
 * million-order report under the reader's eyes. */
static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_reports_page_set_session;
  iface->refresh = bjb_reports_page_refresh;
}

GtkWidget *
bjb_reports_page_get_transactions (BjbReportsPage *self)
{
  g_return_val_if_fail (BJB_IS_REPORTS_PAGE (self), NULL);
  return GTK_WIDGET (self->transactions);
}

GtkWidget *
bjb_reports_page_get_section (BjbReportsPage *self,
                              int             report)
{
  g_return_val_if_fail (BJB_IS_REPORTS_PAGE (self), NULL);
  return GTK_WIDGET (section (self, report));
}

void
bjb_reports_page_show (BjbReportsPage *self,
                       const char     *name)
{
  g_return_if_fail (BJB_IS_REPORTS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

static void
bjb_reports_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_REPORTS_PAGE);
  G_OBJECT_CLASS (bjb_reports_page_parent_class)->dispose (object);
}

static void
bjb_reports_page_class_init (BjbReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_reports_page_dispose;

  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, bjb_page_refresh_action);

  g_type_ensure (BJB_TYPE_TRANSACTIONS_REPORT);
  g_type_ensure (BJB_TYPE_CUSTOMER_REPORT_SECTION);
  bjb_reports_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/reports/bjb-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, transactions);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, status_section);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, new_section);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, top_section);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, preferences_section);
  gtk_widget_class_bind_template_child (widget_class, BjbReportsPage, lapsed_section);
}

static void
bjb_reports_page_init (BjbReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
