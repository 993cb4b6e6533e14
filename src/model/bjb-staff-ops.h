/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * What the client tells the server about the signed-in staff member themselves.
 *
 * bjb_staff_ops_record_sign_in_async: bjb.record_sign_in() (0007), once after each
 * successful sign-in, so the admin's staff list shows when each login last signed in.
 * Every staff role may call it (it writes only the caller's own row).
 */
void     bjb_staff_ops_record_sign_in_async  (BjbConnection        *connection,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean bjb_staff_ops_record_sign_in_finish (GAsyncResult         *result,
                                              GError              **error);

G_END_DECLS
