/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Registers the templates of the shared widgets (/id/barokahjaya/BackOffice/widgets/) and of
 * the shared cell factories (…/cells/) once; every widget class of this library calls it
 * from its class_init, and a page whose .ui uses a cell factory calls it too. */
void bjb_widgets_ensure_resources (void);

G_END_DECLS
