/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-filter-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_CUSTOMER_QUERY (bjb_customer_query_get_type ())
G_DECLARE_FINAL_TYPE (BjbCustomerQuery, bjb_customer_query, BJB, CUSTOMER_QUERY, BjbFilterQuery)

/*
 * BjbCustomerQuery: the customer list's BjbPagedQuery (bjb_customer_ops_search_async and
 * _count_async). Its filters are properties, so a page's .ui or code sets them and the
 * model starts over: "text" (name, phone or email fragment), "status" ("active",
 * "inactive", "" any), "loyal-only", "product-id" (0 any), "birthday-days" (0 none), "sort"
 * ("name", "-total_spend", …). Nothing is fetched until "connection" is set.
 */

BjbCustomerQuery *bjb_customer_query_new            (BjbConnection    *connection);
/* (transfer none) (nullable) */
BjbConnection    *bjb_customer_query_get_connection (BjbCustomerQuery *self);
void              bjb_customer_query_set_connection (BjbCustomerQuery *self,
                                                     BjbConnection    *connection);
void              bjb_customer_query_set_text       (BjbCustomerQuery *self,
                                                     const char       *text);
void              bjb_customer_query_set_sort       (BjbCustomerQuery *self,
                                                     const char       *sort);

G_END_DECLS
