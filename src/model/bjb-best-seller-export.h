/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-dashboard-ops.h"
#include "bjb-export-spec.h"

G_BEGIN_DECLS

/* The best sellers of a period as an export: every product that sold in it (up to the
 * server's 100), ranked as the page ranks them. */
BjbExportSpec *bjb_best_seller_export_spec (const GDate        *from,
                                            const GDate        *to,
                                            BjbBestSellersBy    by);

G_END_DECLS
