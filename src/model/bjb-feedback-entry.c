/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-entry"

#include "config.h"

#include "bjb-feedback-entry.h"

struct _BjbFeedbackEntry
{
  BjbValueRow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbFeedbackEntry, bjb_feedback_entry, BJB_TYPE_VALUE_ROW)

static void
bjb_feedback_entry_class_init (BjbFeedbackEntryClass *klass)
{
  /* In the order of BjbFeedbackEntryProperty. */
  static const BjbValueRowField fields[] = {
    { "id", G_TYPE_INT64 },
    { "number", G_TYPE_STRING },
    { "customer-id", G_TYPE_INT64 },
    { "customer-name", G_TYPE_STRING },
    { "feedback", G_TYPE_STRING },
    { "feedback-at", G_TYPE_STRING },
    { "completed-at", G_TYPE_STRING },
    { "photo-ids", G_TYPE_STRING },
    { "feedback-at-text", G_TYPE_STRING },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == BJB_FEEDBACK_ENTRY_N_PROPS - 1);
  bjb_value_row_class_install (BJB_VALUE_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
bjb_feedback_entry_init (BjbFeedbackEntry *self)
{
}
