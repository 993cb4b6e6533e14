/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-image.h"

G_BEGIN_DECLS

#define BJB_TYPE_IMAGE_DROP_BOX (bjb_image_drop_box_get_type ())

G_DECLARE_FINAL_TYPE (BjbImageDropBox, bjb_image_drop_box, BJB, IMAGE_DROP_BOX, GtkWidget)

/*
 * BjbImageDropBox: where a photo comes in — a chosen file, a drop, a paste — checked by
 * content and scaled by bjb_image_* in a thread, then previewed fitted to the width, with
 * zoom (buttons, Ctrl + scroll, pinch) and a full-window view. It also shows a stored
 * photo (bjb_image_drop_box_show_jpeg()). What went wrong is said beside the preview, in a
 * sentence (bjb_error_sentence()), and handed to the page with "failed".
 *
 * The page owns the commands, enabled as the page's state allows: actions of its own class
 * that bjb_image_drop_box_install_commands() makes (or its own, calling _choose_file() and
 * _paste()); the box owns the zoom actions "image.zoom-in", "image.zoom-out",
 * "image.zoom-fit" and "image.full-window".
 *
 * Properties: "title" (the file chooser's), "accepting" (FALSE: drops and pastes are
 * refused with "refusal", the sentence the page gives), "has-image" (a checked image
 * waits), "zoom" (1.0: fitted to the width).
 * Signals: "image-ready" after a new checked image; "failed" (const char *sentence).
 */
void       bjb_image_drop_box_choose_file    (BjbImageDropBox *self);
void       bjb_image_drop_box_paste          (BjbImageDropBox *self);
/* Installs on @owner_class the action @choose_action, which opens the file chooser of the
 * drop box kept at @box_offset of the owner's instance struct, and (unless NULL)
 * @paste_action, which pastes into it. */
void       bjb_image_drop_box_install_commands (GtkWidgetClass *owner_class,
                                                gsize           box_offset,
                                                const char     *choose_action,
                                                const char     *paste_action);
void       bjb_image_drop_box_load_file      (BjbImageDropBox *self,
                                              GFile           *file);
void       bjb_image_drop_box_load_texture   (BjbImageDropBox *self,
                                              GdkTexture      *texture);
/* Drops anywhere on @area (e.g. the whole order) arrive here too. */
void       bjb_image_drop_box_watch_drops    (BjbImageDropBox *self,
                                              GtkWidget       *area);
/* (transfer none) (nullable): the checked image waiting to be saved */
BjbImage  *bjb_image_drop_box_get_image      (BjbImageDropBox *self);
/* Shows a stored JPEG (no image waits afterwards); NULL hides the preview. */
void       bjb_image_drop_box_show_jpeg      (BjbImageDropBox *self,
                                              GBytes          *jpeg);
/* Forgets the waiting image, the preview and the error. */
void       bjb_image_drop_box_clear          (BjbImageDropBox *self);
void       bjb_image_drop_box_set_accepting  (BjbImageDropBox *self,
                                              gboolean         accepting,
                                              const char      *refusal);
double     bjb_image_drop_box_get_zoom       (BjbImageDropBox *self);
gboolean   bjb_image_drop_box_has_preview    (BjbImageDropBox *self);

G_END_DECLS
