/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-feedback-entry.h"

G_BEGIN_DECLS

/* Completed orders' feedback for the admin, newest first, a keyset page at a time
 * (bjb.list_feedback; the statement is in bjb-feedback-ops.c). The photos themselves are
 * read with bjb_photo_ops_get_jpeg_async(). */

/**
 * bjb_feedback_ops_list_async:
 * @from: (nullable): the first Jakarta day shown, "YYYY-MM-DD"
 * @to: (nullable): the last Jakarta day shown (inclusive)
 * @after: (nullable): the last entry of the previous page
 */
/* Returns: (transfer full) (element-type BjbFeedbackEntry) */
BJB_OPS_DECLARE (GPtrArray *, bjb_feedback_ops_list, const char *from, const char *to,
                 BjbFeedbackEntry *after, guint limit);

G_END_DECLS
