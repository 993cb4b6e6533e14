/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"
#include "bjb-delivery.h"

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERY_PROBLEM_DIALOG (bjb_delivery_problem_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BjbDeliveryProblemDialog, bjb_delivery_problem_dialog, BJB,
                      DELIVERY_PROBLEM_DIALOG, AdwWindow)

/*
 * The failed-delivery sheet: the reasons of bjb.delivery_problem_reasons() as large radio
 * rows, a note (required for "other"), "problem.report" → bjb.report_delivery_problem.
 * Closes itself once the server recorded it, after "reported" (gint64 order_id).
 */
GtkWidget *bjb_delivery_problem_dialog_new         (GtkWindow                *parent,
                                                    BjbConnection            *connection,
                                                    BjbDelivery              *delivery);
/* Picks a reason as a tap on its row would (tests). */
gboolean   bjb_delivery_problem_dialog_choose      (BjbDeliveryProblemDialog *self,
                                                    const char               *code);
gboolean   bjb_delivery_problem_dialog_get_loaded  (BjbDeliveryProblemDialog *self);

G_END_DECLS
