/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-image.h"

G_BEGIN_DECLS

/*
 * Photos of an order: payment proofs (with what the clerk read off the slip), feedback and
 * delivery photos, and the stored JPEG of one photo. Images arrive already checked and
 * scaled by bjb_image_* (the database checks again). Statements: bjb-photo-ops.c.
 */

/*
 * bjb_photo_ops_attach_payment_proof_async:
 * @bank: (nullable): as read off the slip
 * @amount: rupiah, or -1 when the clerk did not note it
 * @reference: (nullable)
 *
 * Finish: the new photo's id (0 with @error set).
 */
void     bjb_photo_ops_attach_payment_proof_async  (BjbConnection        *connection,
                                                    gint64                order_id,
                                                    BjbImage             *image,
                                                    const char           *bank,
                                                    gint64                amount,
                                                    const char           *reference,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gint64   bjb_photo_ops_attach_payment_proof_finish (GAsyncResult         *result,
                                                    GError              **error);

void     bjb_photo_ops_reject_payment_proof_async  (BjbConnection        *connection,
                                                    gint64                photo_id,
                                                    const char           *reason,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean bjb_photo_ops_reject_payment_proof_finish (GAsyncResult         *result,
                                                    GError              **error);

/* @kind: "payment_proof", "delivery" or "feedback". Finish: the new photo's id. */
void     bjb_photo_ops_attach_async                (BjbConnection        *connection,
                                                    gint64                order_id,
                                                    const char           *kind,
                                                    BjbImage             *image,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gint64   bjb_photo_ops_attach_finish               (GAsyncResult         *result,
                                                    GError              **error);

/* Finish: (transfer full) (nullable): the JPEG; NULL without error when the caller may not
 * see that photo (RLS) or it does not exist. */
void     bjb_photo_ops_get_jpeg_async              (BjbConnection        *connection,
                                                    gint64                photo_id,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
GBytes  *bjb_photo_ops_get_jpeg_finish             (GAsyncResult         *result,
                                                    GError              **error);

G_END_DECLS
