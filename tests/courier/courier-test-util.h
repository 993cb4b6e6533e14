/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "bjb-delivery-spool.h"

G_BEGIN_DECLS

/* What the courier window's tests set up and check in the database, through the UI
 * harness's superuser link (bjb-ui-test) and, for customer service's side, a real t_cs
 * connection. */

void                   courier_test_seed            (void);
/* A delivery order, paid (proof + confirmation as the superuser): its id. */
gint64                 courier_test_paid_order      (void);
/* Runs @sql with $1 = @order_id as t_cs, on a connection of its own; asserts success. */
void                   courier_test_as_cs           (const char  *sql,
                                                     gint64       order_id);
/* (transfer full): bjb.sales_order.@column of the order, as text */
char                  *courier_test_order_value     (gint64       order_id,
                                                     const char  *column);
/* (transfer full): "recipient|delivery photos|order_completed events|t", the last "t" when
 * the stored completion time lies within [@before, @after] and the upload came after it. */
char                  *courier_test_completion_check (gint64      order_id,
                                                      GDateTime  *before,
                                                      GDateTime  *after);
/* (transfer full): a PNG photo in @directory (made once) */
char                  *courier_test_photo_file      (const char  *directory);
/* (transfer full): a completion of @order_id with a real JPEG */
BjbDeliveryCompletion *courier_test_completion      (gint64       order_id,
                                                     const char  *recipient,
                                                     GDateTime   *captured_at);
/* Puts @completion in @login's spool, as a run cut short before sending would have left it. */
void                   courier_test_queue_before_sign_in (const char                  *login,
                                                          const BjbDeliveryCompletion *completion);
/* Whether this run's cluster may be stopped and started (pg_virtualenv, or BJB_TEST_PG_CTL). */
gboolean               courier_test_can_restart     (void);
/* "stop" or "start" the cluster (pg_ctlcluster). */
void                   courier_test_server          (const char  *action);
void                   courier_test_remove_tree     (const char  *directory);

G_END_DECLS
