/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

void      bjb_password_store_lookup_async  (const char          *profile,
                                            const char          *login,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char     *bjb_password_store_lookup_finish (GAsyncResult        *result,
                                            GError             **error);
void      bjb_password_store_save          (const char          *profile,
                                            const char          *login,
                                            const char          *password);
void      bjb_password_store_forget        (const char          *profile,
                                            const char          *login);

G_END_DECLS
