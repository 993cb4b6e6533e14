/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the courier pages' templates (/id/barokahjaya/BackOffice/courier/) once; every
 * widget class of this library calls it from its class_init. */
void bjb_courier_ensure_resources (void);

G_END_DECLS
