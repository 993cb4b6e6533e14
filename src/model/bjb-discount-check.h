/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * What the discount-rule form checks before anything is sent, with the limits of
 * bjb.save_discount_rule (0007): percent 1–100, a minimum cart above Rp 0, a last day not
 * in the past (Jakarta). Each returns the reason in the UI language, or NULL when fine.
 */

/* @text: "10", "10 %"; @percent: (out) */
char       *bjb_discount_check_percent     (const char *text,
                                            int        *percent);
/* @text: "Rp 5.000.000", "5000000"; @rupiah: (out) */
char       *bjb_discount_check_min_cart    (const char *text,
                                            gint64     *rupiah);
/* @text: "" (no end date), "31-12-2026", "31/12/2026" or "2026-12-31"; @today: yyyy-mm-dd
 * (NULL: today in Jakarta); @iso: (out) (transfer full) (nullable): yyyy-mm-dd, NULL for
 * no end date. A date before @today is refused unless it equals @unchanged (an old rule's
 * own date, which the server keeps). */
char       *bjb_discount_check_valid_until (const char  *text,
                                            const char  *today,
                                            const char  *unchanged,
                                            char       **iso);

/* Today in Jakarta as yyyy-mm-dd, the business's date. (transfer full) */
char       *bjb_discount_check_today       (void);

/**
 * bjb_discount_check_field_of_error:
 *
 * Which form field a refusal of bjb.save_discount_rule concerns ("name", "percent",
 * "customer", "product", "min_cart", "valid_until"), or NULL for the whole form: the
 * column 0007's check names in PG_DIAG_COLUMN_NAME (bjb_db_error_get_column()).
 */
const char *bjb_discount_check_field_of_error (const GError *error);

G_END_DECLS
