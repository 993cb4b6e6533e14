/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BJB_TYPE_HISTORY_ENTRY (bjb_history_entry_get_type ())
G_DECLARE_FINAL_TYPE (BjbHistoryEntry, bjb_history_entry, BJB, HISTORY_ENTRY, GObject)

/* One step of an order's status history: what, when, who (display name; login on hover).
 * Plain properties so GtkColumnView cells bind to them from the .ui. */
BjbHistoryEntry *bjb_history_entry_new (void);
const char *bjb_history_entry_get_status_label (BjbHistoryEntry *self);
void bjb_history_entry_set_status_label (BjbHistoryEntry *self, const char *value);
void bjb_history_entry_set_at_text (BjbHistoryEntry *self, const char *value);
const char *bjb_history_entry_get_actor (BjbHistoryEntry *self);
void bjb_history_entry_set_actor (BjbHistoryEntry *self, const char *value);
/* The login behind the display name, for the tooltip. */
const char *bjb_history_entry_get_actor_login (BjbHistoryEntry *self);
void bjb_history_entry_set_actor_login (BjbHistoryEntry *self, const char *value);
const char *bjb_history_entry_get_note (BjbHistoryEntry *self);
void bjb_history_entry_set_note (BjbHistoryEntry *self, const char *value);

G_END_DECLS
