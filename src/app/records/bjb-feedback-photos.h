/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_FEEDBACK_PHOTOS (bjb_feedback_photos_get_type ())
G_DECLARE_FINAL_TYPE (BjbFeedbackPhotos, bjb_feedback_photos, BJB, FEEDBACK_PHOTOS, GtkWidget)

/*
 * BjbFeedbackPhotos: the thumbnails of one order's feedback photos in the feedback list.
 * "photo-ids" is the server's bigint[] text ("{12,13}"); each photo is read through
 * "connection" (bjb_photo_ops_get_jpeg) once per process, since a stored photo never
 * changes. A click on one emits "photo-activated" with its GdkTexture (full size).
 */

void        bjb_feedback_photos_set_connection (BjbFeedbackPhotos *self,
                                                BjbConnection     *connection);
void        bjb_feedback_photos_set_photo_ids  (BjbFeedbackPhotos *self,
                                                const char        *photo_ids);
/* The photos loaded so far (GdkTexture items). (transfer none) */
GListModel *bjb_feedback_photos_get_photos     (BjbFeedbackPhotos *self);
/* As a click on photo @position does. */
void        bjb_feedback_photos_activate       (BjbFeedbackPhotos *self,
                                                guint              position);

G_END_DECLS
