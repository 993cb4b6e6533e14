/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-paged-row-base.h"
#include "bjb-result.h"

G_BEGIN_DECLS

#define BJB_TYPE_VALUE_ROW (bjb_value_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbValueRow, bjb_value_row, BJB, VALUE_ROW, BjbPagedRowBase)

/*
 * BjbValueRow: a list row whose typed properties are kept in one array of GValues, so a row
 * type (an audit entry, a feedback, an outbox message) is its property list and nothing else:
 * no get/set/update code of its own. A BjbPagedRow: its first property must be the gint64
 * "id"; update() copies every property that differs and notifies just those.
 *
 * A subclass lists its properties (ids 1 … n - 1, in the order of its property enum) as
 * BjbValueRowField and installs them with bjb_value_row_class_install() in its class_init.
 */
typedef struct
{
  const char *name;   /* static; "actor-name" reads the column actor_name */
  GType       type;   /* G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT or G_TYPE_BOOLEAN */
} BjbValueRowField;

struct _BjbValueRowClass
{
  BjbPagedRowBaseClass parent_class;

  /*< private >*/
  GParamSpec **pspecs;
  guint        n_pspecs;
  gpointer     padding[4];
};

/* @fields: [n_fields] the properties 1 … n_fields, the first {"id", G_TYPE_INT64} */
void         bjb_value_row_class_install   (BjbValueRowClass       *klass,
                                            const BjbValueRowField *fields,
                                            guint                   n_fields);

/**
 * bjb_value_row_new_from_result:
 * @type: a BjbValueRow subclass
 *
 * Returns: (transfer full): a row of @type whose properties are the columns of row @row of
 *   @result with the same names ("actor-name" from the column actor_name); properties the
 *   result has no column for stay at their defaults (the texts a page fills in).
 */
gpointer     bjb_value_row_new_from_result (GType       type,
                                            BjbResult  *result,
                                            guint       row);

/* The _finish of an ops query that lists rows of @type (bjb_ops_query_async() started with
 * @source_tag). Returns: (transfer full) (element-type BjbValueRow) (nullable): every row of
 * the answer as a @type, or NULL with @error set. */
GPtrArray   *bjb_value_row_array_finish    (GAsyncResult  *result,
                                            gpointer       source_tag,
                                            GType          type,
                                            GError       **error);

const char  *bjb_value_row_get_string      (BjbValueRow *self,
                                            guint        prop_id);
gint64       bjb_value_row_get_int64       (BjbValueRow *self,
                                            guint        prop_id);
gboolean     bjb_value_row_get_boolean     (BjbValueRow *self,
                                            guint        prop_id);
/* The keyset of a page after @row (a BjbValueRow, or NULL for the first page): its
 * @prop_id as a query parameter, NULL when there is no row. int_param is (transfer full). */
char        *bjb_value_row_int_param       (gpointer     row,
                                            guint        prop_id);
const char  *bjb_value_row_string_param    (gpointer     row,
                                            guint        prop_id);

/* These notify only when the value changes. */
void         bjb_value_row_set_string      (BjbValueRow *self,
                                            guint        prop_id,
                                            const char  *value);

G_END_DECLS
