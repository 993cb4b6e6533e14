/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-message-template"

#include "config.h"

#include "bjb-message-template.h"

struct _BjbMessageTemplate
{
  BjbValueRow parent_instance;
};

G_DEFINE_FINAL_TYPE (BjbMessageTemplate, bjb_message_template, BJB_TYPE_VALUE_ROW)

static void
bjb_message_template_class_init (BjbMessageTemplateClass *klass)
{
  /* In the order of BjbMessageTemplateProperty. */
  static const BjbValueRowField fields[] = {
    { "id", G_TYPE_INT64 },
    { "kind", G_TYPE_STRING },
    { "channel", G_TYPE_STRING },
    { "subject", G_TYPE_STRING },
    { "body", G_TYPE_STRING },
    { "custom", G_TYPE_BOOLEAN },
    { "default-subject", G_TYPE_STRING },
    { "default-body", G_TYPE_STRING },
    { "placeholders", G_TYPE_STRING },
    { "updated-at", G_TYPE_STRING },
    { "updated-by", G_TYPE_STRING },
    { "title", G_TYPE_STRING },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == BJB_MESSAGE_TEMPLATE_N_PROPS - 1);
  bjb_value_row_class_install (BJB_VALUE_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields));
}

static void
bjb_message_template_init (BjbMessageTemplate *self)
{
}
