/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-photo-ops"

#include "config.h"

#include "bjb-ops-query.h"
#include "bjb-photo-ops.h"

static const char ATTACH_PAYMENT_PROOF_SQL[] =
  "SELECT bjb.attach_payment_proof($1, 'image/jpeg', $2::bytea, $3::bytea, $4, $5, $6, $7, $8) AS id";

static const char REJECT_PAYMENT_PROOF_SQL[] =
  "SELECT bjb.reject_payment_proof($1, $2)";

static const char ATTACH_PHOTO_SQL[] =
  "SELECT bjb.attach_photo($1, $2, 'image/jpeg', $3::bytea, $4::bytea, $5, $6) AS id";

/* RLS on bjb.photo decides: office staff see every photo, a courier those of its orders. */
static const char GET_JPEG_SQL[] =
  "SELECT * FROM bjb.photo_data($1::bigint)";

/* The parameters an image adds to a statement, in the order both functions take them:
 * data, thumbnail, width, height. */
typedef struct
{
  char *data;
  char *thumb;
  char *width;
  char *height;
} ImageParams;

static void
image_params_init (ImageParams *p,
                   BjbImage    *image)
{
  p->data = bjb_bytes_to_bytea_hex (bjb_image_get_jpeg (image));
  p->thumb = bjb_bytes_to_bytea_hex (bjb_image_get_thumbnail (image));
  p->width = g_strdup_printf ("%d", bjb_image_get_width (image));
  p->height = g_strdup_printf ("%d", bjb_image_get_height (image));
}

static void
image_params_clear (ImageParams *p)
{
  g_free (p->data);
  g_free (p->thumb);
  g_free (p->width);
  g_free (p->height);
}

BJB_OPS_ASYNC (bjb_photo_ops_attach_payment_proof, gint64 order_id, BjbImage *image,
               const char *bank, gint64 amount, const char *reference)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  g_autofree char *amount_text = amount >= 0 ? bjb_ops_int_param (amount) : NULL;
  ImageParams image_params;

  g_return_if_fail (image != NULL);

  image_params_init (&image_params, image);
  {
    const char *params[] = { order, image_params.data, image_params.thumb, image_params.width,
                             image_params.height, bank, amount_text, reference };

    bjb_ops_query_async (connection, ATTACH_PAYMENT_PROOF_SQL, G_N_ELEMENTS (params), params,
                         cancellable, bjb_photo_ops_attach_payment_proof_async, callback, user_data);
  }
  image_params_clear (&image_params);
}

BJB_OPS_FINISH (gint64, bjb_photo_ops_attach_payment_proof)
{
  return bjb_ops_query_finish_id (result, bjb_photo_ops_attach_payment_proof_async, error);
}

BJB_OPS_ASYNC (bjb_photo_ops_reject_payment_proof, gint64 photo_id, const char *reason)
{
  g_autofree char *photo = bjb_ops_int_param (photo_id);
  const char *params[] = { photo, reason };

  bjb_ops_query_async (connection, REJECT_PAYMENT_PROOF_SQL, G_N_ELEMENTS (params), params,
                       cancellable, bjb_photo_ops_reject_payment_proof_async, callback, user_data);
}

BJB_OPS_FINISH (gboolean, bjb_photo_ops_reject_payment_proof)
{
  return bjb_ops_query_finish_ok (result, bjb_photo_ops_reject_payment_proof_async, error);
}

BJB_OPS_ASYNC (bjb_photo_ops_attach, gint64 order_id, const char *kind, BjbImage *image)
{
  g_autofree char *order = bjb_ops_int_param (order_id);
  ImageParams image_params;

  g_return_if_fail (kind != NULL);
  g_return_if_fail (image != NULL);

  image_params_init (&image_params, image);
  {
    const char *params[] = { order, kind, image_params.data, image_params.thumb,
                             image_params.width, image_params.height };

    bjb_ops_query_async (connection, ATTACH_PHOTO_SQL, G_N_ELEMENTS (params), params,
                         cancellable, bjb_photo_ops_attach_async, callback, user_data);
  }
  image_params_clear (&image_params);
}

BJB_OPS_FINISH (gint64, bjb_photo_ops_attach)
{
  return bjb_ops_query_finish_id (result, bjb_photo_ops_attach_async, error);
}

BJB_OPS_ASYNC (bjb_photo_ops_get_jpeg, gint64 photo_id)
{
  bjb_ops_query_id_async (connection, GET_JPEG_SQL, photo_id, cancellable,
                          bjb_photo_ops_get_jpeg_async, callback, user_data);
}

BJB_OPS_FINISH (GBytes *, bjb_photo_ops_get_jpeg)
{
  return bjb_ops_query_finish_bytes (result, bjb_photo_ops_get_jpeg_async, "data", error);
}
