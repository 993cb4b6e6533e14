/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-ops"

#include "config.h"

#include "bjb-ops-query.h"
#include "bjb-staff-ops.h"

static const char RECORD_SIGN_IN_SQL[] = "SELECT bjb.record_sign_in()";

void
bjb_staff_ops_record_sign_in_async (BjbConnection       *connection,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  bjb_ops_query_async (connection, RECORD_SIGN_IN_SQL, 0, NULL, cancellable,
                       bjb_staff_ops_record_sign_in_async, callback, user_data);
}

gboolean
bjb_staff_ops_record_sign_in_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(BjbResult) rows = bjb_ops_query_finish (result, bjb_staff_ops_record_sign_in_async,
                                                    error);

  return rows != NULL;
}
