/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-ops-query.h"
#include "bjb-customer.h"
#include "bjb-customer-card.h"

G_BEGIN_DECLS

/*
 * The customer desk's operations: the list (search, count), one customer's card (detail and
 * form), saving, the customers a duplicate phone or email belongs to, and the products a
 * preference can name. Each is one statement, a constant in bjb-customer-ops.c; RLS and the
 * grants decide what a login may read. Errors are the database's: show them through
 * bjb_error_sentence().
 */

/* The list's filters; NULL / 0 / FALSE means "any". */
typedef struct
{
  const char *text;           /* name, phone or email fragment */
  const char *status;         /* "active", "inactive" */
  gboolean    loyal_only;
  gint64      product_id;     /* prefers this product */
  int         birthday_days;  /* birthday within this many days */
} BjbCustomerFilter;

/*
 * bjb_customer_ops_search_async:
 * @sort: "name", "-name", "created_at", "-created_at", "total_spend", "-total_spend"
 * @after: (nullable): the last row of the previous page (keyset); NULL for the first page
 *
 * Finish: (transfer full): a GPtrArray of at most @limit BjbCustomer, in @sort order.
 */
BJB_OPS_DECLARE (GPtrArray *, bjb_customer_ops_search, const BjbCustomerFilter *filter,
                 const char *sort, BjbCustomer *after, guint limit);

/* The count stops here: a count above BJB_CUSTOMER_OPS_COUNT_CAP means "more than the cap"
 * (bjb.count_customers_upto, 0012: counting every one of 16 000 matches on each keystroke
 * cost more than the page of rows). */
#define BJB_CUSTOMER_OPS_COUNT_CAP 1000

/* Finish: how many customers match @filter, at most BJB_CUSTOMER_OPS_COUNT_CAP + 1; -1 with
 * @error set. */
BJB_OPS_DECLARE (gint64, bjb_customer_ops_count, const BjbCustomerFilter *filter);

/* Finish: (transfer full) (nullable): the card with the latest @history_limit orders;
 * NULL without an error when the customer does not exist (or RLS hides it). */
BJB_OPS_DECLARE (BjbCustomerCard *, bjb_customer_ops_get_card, gint64 customer_id,
                 guint history_limit);

/* What the form saves (bjb.save_customer); NULL strings are stored as empty / NULL. */
typedef struct
{
  gint64      id;             /* 0: a new customer */
  const char *name;
  const char *address;
  const char *phone;          /* normalised +62… */
  const char *email;
  const char *birth_date;     /* ISO yyyy-mm-dd */
  const char *status;         /* "active", "inactive" */
  const char *notes;
  GArray     *product_ids;    /* gint64, the preferences (replaces the old ones) */
} BjbCustomerEdit;

/* Finish: the customer's id, 0 with @error set (23505 on a phone or email another customer
 * has, 23514 with the constraint's name on a refused value, BJ006 for an unknown id). */
BJB_OPS_DECLARE (gint64, bjb_customer_ops_save, const BjbCustomerEdit *edit);

/* Finish: the customer that has @phone (exactly) and the one that has @email (any case),
 * each id 0 / name NULL when nobody; @phone_name and @email_name are (transfer full). */
BJB_OPS_ASYNC (bjb_customer_ops_find_duplicates, const char *phone, const char *email);
BJB_OPS_FINISH (gboolean, bjb_customer_ops_find_duplicates, gint64 *phone_id, char **phone_name,
                gint64 *email_id, char **email_name);

/* Finish: the active products a preference can name, by name: @ids (gint64) and @names,
 * both (transfer full) and of the same length. */
BJB_OPS_ASYNC (bjb_customer_ops_list_preference_products);
BJB_OPS_FINISH (gboolean, bjb_customer_ops_list_preference_products, GArray **ids, GStrv *names);

G_END_DECLS
