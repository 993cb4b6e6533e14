/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-records-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_FEEDBACK_QUERY (bjb_feedback_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbFeedbackQuery, bjb_feedback_query, BJB, FEEDBACK_QUERY, BjbRecordsQuery)

/* The feedback page's query (bjb_feedback_ops_list), newest first. Filters: "from" and
 * "to", Jakarta days as YYYY-MM-DD, both inclusive. Rows are BjbFeedbackEntry. */

G_END_DECLS
