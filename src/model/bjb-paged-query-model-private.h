/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-paged-query-model.h"

G_BEGIN_DECLS

/* bjb-paged-query-model-diff.c: how a refresh tells a view what moved. */
void _bjb_paged_query_model_move_to (GListModel *self,
                                     GPtrArray  *items,
                                     GPtrArray  *wanted);

G_END_DECLS
