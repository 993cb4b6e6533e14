/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-value-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_FEEDBACK_ENTRY (bjb_feedback_entry_get_type ())
G_DECLARE_FINAL_TYPE (BjbFeedbackEntry, bjb_feedback_entry, BJB, FEEDBACK_ENTRY, BjbValueRow)

/*
 * BjbFeedbackEntry: one completed order's feedback, a row of bjb.list_feedback() ("id" is
 * the order's id). "feedback-at" is the server's text of the time (the next page starts
 * before it); "photo-ids" the ids of its feedback photos as the server writes a bigint[]
 * ("{12,13}"). "feedback-at-text" is filled in by the page's query.
 */
typedef enum
{
  BJB_FEEDBACK_ENTRY_ID = 1,
  BJB_FEEDBACK_ENTRY_NUMBER,
  BJB_FEEDBACK_ENTRY_CUSTOMER_ID,
  BJB_FEEDBACK_ENTRY_CUSTOMER_NAME,
  BJB_FEEDBACK_ENTRY_FEEDBACK,
  BJB_FEEDBACK_ENTRY_FEEDBACK_AT,
  BJB_FEEDBACK_ENTRY_COMPLETED_AT,
  BJB_FEEDBACK_ENTRY_PHOTO_IDS,
  BJB_FEEDBACK_ENTRY_FEEDBACK_AT_TEXT,
  BJB_FEEDBACK_ENTRY_N_PROPS
} BjbFeedbackEntryProperty;

G_END_DECLS
