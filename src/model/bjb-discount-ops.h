/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-discount-rule.h"

G_BEGIN_DECLS

/*
 * The admin's discount rules (0007): the list with each rule's state and use, saving a
 * rule (new or edited, with the version its form began from: BJ020 when somebody saved in
 * between) and the list's on/off switch. The statements are constants in
 * bjb-discount-ops.c; errors are the database's (BJ011 per field, BJ020 stale).
 */

/* What the form sends; strings borrowed. */
typedef struct
{
  gint64 id;                /* 0: a new rule */
  int version;              /* the version the form was loaded with (edits) */
  const char *name;
  int percent;
  const char *audience;     /* "customer" or "loyal" */
  gint64 customer_id;       /* 0: none */
  const char *scope;        /* "single_product", "all_products", "cart_threshold" */
  gint64 product_id;        /* 0: none */
  gint64 min_cart_total;    /* -1: none */
  const char *valid_until;  /* yyyy-mm-dd, NULL: no end date */
  gboolean active;
} BjbDiscountRuleEdit;

/* Finish: (transfer full): a GPtrArray of BjbDiscountRule, active rules first, by name */
BJB_OPS_DECLARE (GPtrArray *, bjb_discount_ops_list);

/* Finish: the rule's id (0 with @error set); @version: (out) (optional) its new version */
BJB_OPS_ASYNC (bjb_discount_ops_save, const BjbDiscountRuleEdit *edit);
BJB_OPS_FINISH (gint64, bjb_discount_ops_save, int *version);

BJB_OPS_DECLARE (gboolean, bjb_discount_ops_set_active, gint64 id, int version, gboolean active);

G_END_DECLS
