/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
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
BJB_OPS_DECLARE (gint64, bjb_photo_ops_attach_payment_proof, gint64 order_id, BjbImage *image,
                 const char *bank, gint64 amount, const char *reference);

BJB_OPS_DECLARE (gboolean, bjb_photo_ops_reject_payment_proof, gint64 photo_id,
                 const char *reason);

/* @kind: "payment_proof", "delivery" or "feedback". Finish: the new photo's id. */
BJB_OPS_DECLARE (gint64, bjb_photo_ops_attach, gint64 order_id, const char *kind, BjbImage *image);

/* Finish: (transfer full) (nullable): the JPEG; NULL without error when the caller may not
 * see that photo (RLS) or it does not exist. */
BJB_OPS_DECLARE (GBytes *, bjb_photo_ops_get_jpeg, gint64 photo_id);

G_END_DECLS
