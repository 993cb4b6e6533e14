/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libpq-fe.h>

#include "bjb-result.h"

G_BEGIN_DECLS

/* Takes ownership of @result (a PGRES_TUPLES_OK or PGRES_COMMAND_OK result). */
BjbResult *bjb_result_new_take (PGresult *result);

G_END_DECLS
