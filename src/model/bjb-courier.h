/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-field-row.h"

G_BEGIN_DECLS

#define BJB_TYPE_COURIER (bjb_courier_get_type ())
G_DECLARE_FINAL_TYPE (BjbCourier, bjb_courier, BJB, COURIER, BjbFieldRow)

/* A courier an order can be handed to (bjb.staff, role courier, active).
 * Read-only properties "login" and "display-name", so a GtkDropDown's expression binds to
 * them from the .ui. */
BjbCourier *bjb_courier_new (const char *login,
                             const char *display_name);
const char *bjb_courier_get_login (BjbCourier *self);
const char *bjb_courier_get_display_name (BjbCourier *self);

G_END_DECLS
