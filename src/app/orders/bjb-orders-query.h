/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-connection.h"

G_BEGIN_DECLS

/*
 * bjb_orders_query_async: bjb_connection_query_async() for the order widgets, plus one
 * thing: a statement the server cancelled although *our* cancellable was not cancelled
 * (SQLSTATE 57014) is sent again, up to twice. That happens when the cancel request for an
 * earlier, abandoned query (a stale quote, a superseded page) reaches the server only after
 * that query finished and this one started. Every statement the widgets send is safe to
 * repeat after a cancel: a cancelled statement did not commit, and place_order carries its
 * request_id.
 */
void       bjb_orders_query_async  (BjbConnection       *connection,
                                    const char          *sql,
                                    guint                n_params,
                                    const char *const   *params,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
/* Returns: (transfer full) (nullable) */
BjbResult *bjb_orders_query_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
