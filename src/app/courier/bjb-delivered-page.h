/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BJB_TYPE_DELIVERED_PAGE (bjb_delivered_page_get_type ())

G_DECLARE_FINAL_TYPE (BjbDeliveredPage, bjb_delivered_page, BJB, DELIVERED_PAGE, AdwBin)

/*
 * BjbDeliveredPage: "Delivered" (a BjbPage): what the signed-in courier delivered on a
 * business day (bjb.delivered_on()), today unless another day is picked in the calendar.
 * Read again whenever it is shown, on a completion event and on "delivered.today".
 */

/* (transfer none) */
GListModel *bjb_delivered_page_get_model   (BjbDeliveredPage *self);
gboolean    bjb_delivered_page_get_loading (BjbDeliveredPage *self);
void        bjb_delivered_page_set_day     (BjbDeliveredPage *self,
                                            GDateTime        *day);

G_END_DECLS
