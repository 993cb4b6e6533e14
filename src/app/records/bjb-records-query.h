/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-paged-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_RECORDS_QUERY (bjb_records_query_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbRecordsQuery, bjb_records_query, BJB, RECORDS_QUERY, GObject)

/*
 * BjbRecordsQuery: what the records pages' queries (audit, feedback, outbox) share: the
 * "connection" they read through and filters that are string properties (NULL or "" is
 * off), one g_object_set() of any number of them being one "changed" of BjbPagedQuery.
 * A subclass names its filters with bjb_records_query_class_install_filters() (property
 * ids 2 … n) and implements BjbPagedQuery's fetch; can_fetch is TRUE with a connection.
 */
struct _BjbRecordsQueryClass
{
  GObjectClass parent_class;

  /*< private >*/
  guint    n_filters;
  gpointer padding[4];
};

/* @names: [n_names] static property names, the filters 0 … n_names - 1 */
void           bjb_records_query_class_install_filters (BjbRecordsQueryClass *klass,
                                                        const char *const    *names,
                                                        guint                 n_names);

/* (transfer none) (nullable) */
BjbConnection *bjb_records_query_get_connection (BjbRecordsQuery *self);
void           bjb_records_query_set_connection (BjbRecordsQuery *self,
                                                 BjbConnection   *connection);
/* Returns: (nullable): filter number @index, NULL when off */
const char    *bjb_records_query_get_filter     (BjbRecordsQuery *self,
                                                 guint            index);

G_END_DECLS
