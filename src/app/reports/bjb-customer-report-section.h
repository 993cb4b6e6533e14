/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_REPORT_SECTION (bjb_customer_report_section_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerReportSection, bjb_customer_report_section, BJB,
                      CUSTOMER_REPORT_SECTION, AdwBin)

/*
 * BjbCustomerReportSection: one of the five customer analyses (construct property
 * "report", a BjbCustomerReport): its heading, its own filters (months, days), its table
 * and its export. Activating a customer row activates app.open-customer with the
 * customer's id (int64): the application opens it at the customer-service desk.
 */

void                bjb_customer_report_section_set_connection (BjbCustomerReportSection *self,
                                                                BjbConnection            *connection);
void                bjb_customer_report_section_refresh        (BjbCustomerReportSection *self);
/* (transfer none): for tests */
BjbPagedQueryModel *bjb_customer_report_section_get_model      (BjbCustomerReportSection *self);
/* Sets the days as if typed (tests). */
void                bjb_customer_report_section_set_days       (BjbCustomerReportSection *self,
                                                                int                       days);
/* Activates row @position as a double-click does. */
void                bjb_customer_report_section_activate_row   (BjbCustomerReportSection *self,
                                                                guint                     position);
const char         *bjb_customer_report_section_get_status_text (BjbCustomerReportSection *self);

G_END_DECLS
