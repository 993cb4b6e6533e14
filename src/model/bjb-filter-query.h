/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bjb-connection.h"
#include "bjb-paged-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_FILTER_QUERY (bjb_filter_query_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbFilterQuery, bjb_filter_query, BJB, FILTER_QUERY, GObject)

/*
 * BjbFilterQuery: what every list's BjbPagedQuery had written again around its ops call:
 * the "connection" property (nothing is fetched before it is set), filters that are
 * properties kept in fields of the subclass's struct, "changed" once per g_object_set(),
 * and the freeing of it all.
 *
 * A subclass (G_DEFINE_FINAL_TYPE_WITH_CODE on BJB_TYPE_FILTER_QUERY, implementing
 * BjbPagedQuery with can_fetch = bjb_filter_query_can_fetch) adds each filter in its
 * class_init:
 *
 *   bjb_filter_query_class_add (klass, G_STRUCT_OFFSET (BjbOrderQuery, status),
 *                               g_param_spec_string ("status", NULL, NULL, NULL,
 *                                                    BJB_FILTER_QUERY_PARAM_FLAGS));
 *
 * A filter is a string (char *; setting NULL gives the property's default), a gboolean,
 * an int, a guint or a gint64; it notifies only when its value changes.
 */
struct _BjbFilterQueryClass
{
  GObjectClass parent_class;

  gpointer padding[4];
};

#define BJB_FILTER_QUERY_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

/* Installs @pspec (sunk; its id follows the class's last) on @klass, stored at @offset of
 * the instance struct. */
void           bjb_filter_query_class_add      (gpointer        klass,
                                                gsize           offset,
                                                GParamSpec     *pspec);

/* A string filter (default NULL) for which "" and NULL both mean "any": it keeps one value
 * for it, so neither is a change after the other. */
void           bjb_filter_query_class_add_text (gpointer        klass,
                                                gsize           offset,
                                                const char     *name);

/* (transfer none) (nullable) */
BjbConnection *bjb_filter_query_get_connection (BjbFilterQuery *self);
void           bjb_filter_query_set_connection (BjbFilterQuery *self,
                                                BjbConnection  *connection);

/* BjbPagedQueryInterface.can_fetch: TRUE once there is a connection */
gboolean       bjb_filter_query_can_fetch      (BjbPagedQuery  *query);

G_END_DECLS
