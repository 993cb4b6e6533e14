/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BJB_TYPE_FEEDBACK_PAGE (bjb_feedback_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbFeedbackPage, bjb_feedback_page, BJB, FEEDBACK_PAGE, AdwBin)

/*
 * BjbFeedbackPage: completed orders' feedback for the admin, newest first (a
 * BjbPagedQueryModel over BjbFeedbackQuery), with a date range. Each entry: the order
 * number (a click shows it selectable, to copy into a search), the customer, when, the
 * comment and the photos as thumbnails; a click on one shows it over the list, full size.
 * A BjbPage: "feedback_recorded" and a feedback photo's "order_completed" refresh it.
 * Actions: "feedback.refresh" (F5), "feedback.close-photo" (Escape).
 */

G_END_DECLS
