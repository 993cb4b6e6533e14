/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * The courier's last seen deliveries, for a depot or a truck without a connection:
 * <directory>/cache.json (the spool's directory, bjb_delivery_spool_default_directory()),
 * {"saved_at": ISO 8601, "rows": [bjb.my_deliveries() rows], "titles": {order id: "number ·
 * customer"}} — the titles also of orders no longer listed whose completion still waits,
 * so the queue can name them after a restart. Written to a temporary file,
 * synced and renamed, so a cut-short write leaves the previous cache, never half a one.
 */

/* @titles: (nullable) */
gboolean   bjb_delivery_cache_save (const char  *directory,
                                    JsonArray   *rows,
                                    JsonObject  *titles,
                                    GDateTime   *saved_at,
                                    GError     **error);

/* (transfer full) (nullable): the rows, NULL with @error when there is no readable cache;
 * @titles: (out) (optional) (transfer full) (nullable): the titles kept with them;
 * @saved_at: (out) (optional) (transfer full): when they were seen */
JsonArray *bjb_delivery_cache_load (const char  *directory,
                                    JsonObject **titles,
                                    GDateTime  **saved_at,
                                    GError     **error);

G_END_DECLS
