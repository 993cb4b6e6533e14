/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
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
void       bjb_discount_ops_list_async        (BjbConnection             *connection,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
GPtrArray *bjb_discount_ops_list_finish       (GAsyncResult              *result,
                                               GError                   **error);

/* Finish: the rule's id (0 with @error set); @version: (out) (optional) its new version */
void       bjb_discount_ops_save_async        (BjbConnection             *connection,
                                               const BjbDiscountRuleEdit *edit,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
gint64     bjb_discount_ops_save_finish       (GAsyncResult              *result,
                                               int                       *version,
                                               GError                   **error);

void       bjb_discount_ops_set_active_async  (BjbConnection             *connection,
                                               gint64                     id,
                                               int                        version,
                                               gboolean                   active,
                                               GCancellable              *cancellable,
                                               GAsyncReadyCallback        callback,
                                               gpointer                   user_data);
gboolean   bjb_discount_ops_set_active_finish (GAsyncResult              *result,
                                               GError                   **error);

G_END_DECLS
