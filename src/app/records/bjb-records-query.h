/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-filter-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_RECORDS_QUERY (bjb_records_query_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbRecordsQuery, bjb_records_query, BJB, RECORDS_QUERY, BjbFilterQuery)

/*
 * BjbRecordsQuery: the type the records pages (audit, feedback, messages) hand their
 * connection to, whichever of the three queries their .ui declares. Everything else is
 * BjbFilterQuery's: a subclass keeps its filters in its struct, adds them with
 * bjb_filter_query_class_add_text() (NULL or "" is off) and sets the class's fetch.
 */
struct _BjbRecordsQueryClass
{
  BjbFilterQueryClass parent_class;
};

/* (transfer none) (nullable) */
BjbConnection *bjb_records_query_get_connection (BjbRecordsQuery *self);
void           bjb_records_query_set_connection (BjbRecordsQuery *self,
                                                 BjbConnection   *connection);

G_END_DECLS
