/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_MESSAGE_TEMPLATES (bjb_message_templates_get_type ())
G_DECLARE_FINAL_TYPE (BjbMessageTemplates, bjb_message_templates, BJB, MESSAGE_TEMPLATES, GtkWidget)

/*
 * BjbMessageTemplates: the Messages page's Templates view. Every message kind on each
 * channel (bjb.message_templates), the one chosen in an editor with the placeholders it may
 * use; "templates.preview" renders the draft with sample values (bjb.preview_message),
 * "templates.save" stores it, "templates.reset" goes back to the built-in text. A draft the
 * server refuses (an unknown placeholder) keeps what was typed and says why.
 */

void bjb_message_templates_set_connection (BjbMessageTemplates *self,
                                           BjbConnection       *connection);
/* Re-reads the templates, keeping the one chosen. */
void bjb_message_templates_reload         (BjbMessageTemplates *self);

G_END_DECLS
