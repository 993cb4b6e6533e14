/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-value-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_MESSAGE_TEMPLATE (bjb_message_template_get_type ())
G_DECLARE_FINAL_TYPE (BjbMessageTemplate, bjb_message_template, BJB, MESSAGE_TEMPLATE, BjbValueRow)

/*
 * BjbMessageTemplate: the text of one message kind on one channel (a row of
 * bjb.message_templates(); "id" is its place in that list): what is in force, whether the
 * admin changed it ("custom"), the built-in default and the placeholders it may use
 * ("placeholders", the server's text[] "{customer_name,…}"). "title" is what the list shows,
 * filled in by the page.
 */
typedef enum
{
  BJB_MESSAGE_TEMPLATE_ID = 1,
  BJB_MESSAGE_TEMPLATE_KIND,
  BJB_MESSAGE_TEMPLATE_CHANNEL,
  BJB_MESSAGE_TEMPLATE_SUBJECT,
  BJB_MESSAGE_TEMPLATE_BODY,
  BJB_MESSAGE_TEMPLATE_CUSTOM,
  BJB_MESSAGE_TEMPLATE_DEFAULT_SUBJECT,
  BJB_MESSAGE_TEMPLATE_DEFAULT_BODY,
  BJB_MESSAGE_TEMPLATE_PLACEHOLDERS,
  BJB_MESSAGE_TEMPLATE_UPDATED_AT,
  BJB_MESSAGE_TEMPLATE_UPDATED_BY,
  BJB_MESSAGE_TEMPLATE_TITLE,
  BJB_MESSAGE_TEMPLATE_N_PROPS
} BjbMessageTemplateProperty;

G_END_DECLS
