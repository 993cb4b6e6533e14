/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_CATEGORY (bjb_category_get_type ())
G_DECLARE_FINAL_TYPE (BjbCategory, bjb_category, BJB, CATEGORY, BjbFieldRow)

/* A product category (bjb.category) for the product picker's filter; id 0 is "all".
 * Read-only properties "id" and "display-name", so a GtkDropDown's expression binds to
 * them from the .ui. */
BjbCategory *bjb_category_new (gint64 id,
                               const char *display_name);
gint64 bjb_category_get_id (BjbCategory *self);

G_END_DECLS
