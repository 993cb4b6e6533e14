/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-outbox-row"

#include "config.h"

#include "bjb-outbox-row.h"

struct _BjbOutboxRow
{
  BjbValueRow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbOutboxRow, bjb_outbox_row, BJB_TYPE_VALUE_ROW)

static void
bjb_outbox_row_class_init (BjbOutboxRowClass *klass)
{
  /* In the order of BjbOutboxRowProperty. */
  static const BjbValueRowField fields[] = {
    { "id", G_TYPE_INT64 },
    { "created-at", G_TYPE_STRING },
    { "status", G_TYPE_STRING },
    { "channel", G_TYPE_STRING },
    { "kind", G_TYPE_STRING },
    { "customer-id", G_TYPE_INT64 },
    { "customer-name", G_TYPE_STRING },
    { "recipient", G_TYPE_STRING },
    { "order-id", G_TYPE_INT64 },
    { "order-number", G_TYPE_STRING },
    { "subject", G_TYPE_STRING },
    { "attempts", G_TYPE_INT },
    { "last-error", G_TYPE_STRING },
    { "next-attempt-at", G_TYPE_STRING },
    { "sent-at", G_TYPE_STRING },
    { "provider-id", G_TYPE_STRING },
    { "created-text", G_TYPE_STRING },
    { "status-label", G_TYPE_STRING },
    { "channel-label", G_TYPE_STRING },
    { "kind-label", G_TYPE_STRING },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == BJB_OUTBOX_ROW_N_PROPS - 1);
  bjb_value_row_class_install (BJB_VALUE_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
bjb_outbox_row_init (BjbOutboxRow *self)
{
}
