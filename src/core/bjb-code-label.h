/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The words a person reads for a code the program or the server uses (a role, a status,
 * a reason, a rule, a SQLSTATE): a table of codes and their words marked with N_(), and
 * one lookup, instead of an if-chain or a loop of each table's own.
 *
 *   static const BjbCodeLabel roles[] = {
 *     { "admin", N_("Administrator") },
 *     { "cs", N_("Customer service") },
 *   };
 *
 *   return bjb_code_label (roles, G_N_ELEMENTS (roles), role, "");
 */
typedef struct
{
  const char *code;
  const char *label;   /* marked with N_(), translated when looked up */
} BjbCodeLabel;

/* Returns: (transfer none) (nullable): the translated label of @code (nullable) in @table,
 * or @fallback when @code is NULL or not in it. */
const char *bjb_code_label (const BjbCodeLabel *table,
                            gsize               n_entries,
                            const char         *code,
                            const char         *fallback);

G_END_DECLS
