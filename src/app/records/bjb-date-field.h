/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BJB_TYPE_DATE_FIELD (bjb_date_field_get_type ())
G_DECLARE_FINAL_TYPE (BjbDateField, bjb_date_field, BJB, DATE_FIELD, GtkWidget)

/*
 * BjbDateField: a day typed as DD-MM-YYYY or picked from a calendar popover beside the
 * entry (the pick fills the entry, so what is shown is what filters). Properties "text"
 * (what the entry holds, notified as it changes) and "placeholder-text"; "invalid" marks
 * the entry as wrong (the page decides what is wrong: a bad day, a range backwards).
 */

const char *bjb_date_field_get_text    (BjbDateField *self);
void        bjb_date_field_set_text    (BjbDateField *self,
                                        const char   *text);
void        bjb_date_field_set_invalid (BjbDateField *self,
                                        gboolean      invalid);

G_END_DECLS
