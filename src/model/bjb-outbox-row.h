/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-value-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_OUTBOX_ROW (bjb_outbox_row_get_type ())
G_DECLARE_FINAL_TYPE (BjbOutboxRow, bjb_outbox_row, BJB, OUTBOX_ROW, BjbValueRow)

/*
 * BjbOutboxRow: one customer message of the outbox as the admin's Messages page lists it
 * (a row of bjb.list_messages()). The *-label and *-text properties are filled in by the
 * page's query in the UI's language.
 */
typedef enum
{
  BJB_OUTBOX_ROW_ID = 1,
  BJB_OUTBOX_ROW_CREATED_AT,
  BJB_OUTBOX_ROW_STATUS,
  BJB_OUTBOX_ROW_CHANNEL,
  BJB_OUTBOX_ROW_KIND,
  BJB_OUTBOX_ROW_CUSTOMER_ID,
  BJB_OUTBOX_ROW_CUSTOMER_NAME,
  BJB_OUTBOX_ROW_RECIPIENT,
  BJB_OUTBOX_ROW_ORDER_ID,
  BJB_OUTBOX_ROW_ORDER_NUMBER,
  BJB_OUTBOX_ROW_SUBJECT,
  BJB_OUTBOX_ROW_ATTEMPTS,
  BJB_OUTBOX_ROW_LAST_ERROR,
  BJB_OUTBOX_ROW_NEXT_ATTEMPT_AT,
  BJB_OUTBOX_ROW_SENT_AT,
  BJB_OUTBOX_ROW_PROVIDER_ID,
  BJB_OUTBOX_ROW_CREATED_TEXT,
  BJB_OUTBOX_ROW_STATUS_LABEL,
  BJB_OUTBOX_ROW_CHANNEL_LABEL,
  BJB_OUTBOX_ROW_KIND_LABEL,
  BJB_OUTBOX_ROW_N_PROPS
} BjbOutboxRowProperty;

G_END_DECLS
