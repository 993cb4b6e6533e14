/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Shared by the order widgets: how statuses, times and server answers read. */

/* Registers the .ui templates of the order widgets (once; from their class_init). */
void        bjb_orders_ensure_resources (void);

/* (transfer none): translated label of a bjb.order_status value */
const char *bjb_order_status_label      (const char *status);
/* (transfer full): "21 Nov 2026 14:05" in local time, "" for NULL */
char       *bjb_order_format_time       (GDateTime  *time);
/* (transfer full) (nullable): "2 h 15 min left" / "overdue"; NULL when not pending */
char       *bjb_order_format_time_left  (GDateTime  *due,
                                         GDateTime  *now,
                                         gboolean   *urgent);
/* (transfer full): "10 %" or "" */
char       *bjb_order_format_percent    (gint64      percent);
/* (transfer none) (nullable): the rule's name for the discount column */
const char *bjb_order_rule_label        (const char *rule);

/* Null-safe JSON member access (a JSON null reads as NULL / 0 / FALSE). */
const char *bjb_json_string             (JsonObject *object,
                                         const char *member);
gint64      bjb_json_int                (JsonObject *object,
                                         const char *member);
gboolean    bjb_json_bool               (JsonObject *object,
                                         const char *member);
JsonObject *bjb_json_object             (JsonObject *object,
                                         const char *member);
JsonArray  *bjb_json_array              (JsonObject *object,
                                         const char *member);
/* (transfer full) (nullable) */
GDateTime  *bjb_json_time               (JsonObject *object,
                                         const char *member);

G_END_DECLS
