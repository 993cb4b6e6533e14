/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_ADMIN_CATEGORY (bjb_admin_category_get_type ())
G_DECLARE_FINAL_TYPE (BjbAdminCategory, bjb_admin_category, BJB, ADMIN_CATEGORY, BjbFieldRow)

/*
 * A category as the admin edits it (a row of bjb.admin_categories): read-only "id", "name",
 * "version" (what save_category / delete_category check), "products" (how many use it),
 * "products-text" ("3 products").
 */
BjbAdminCategory *bjb_admin_category_new_from_result (BjbResult        *result,
                                                      guint             row);
gint64      bjb_admin_category_get_id       (BjbAdminCategory *self);
const char *bjb_admin_category_get_name     (BjbAdminCategory *self);
int         bjb_admin_category_get_version  (BjbAdminCategory *self);

G_END_DECLS
