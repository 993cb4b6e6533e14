/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-paged-row-base.h"
#include "bjb-result.h"
#include "bjb-row-fields.h"

G_BEGIN_DECLS

#define BJB_TYPE_FIELD_ROW (bjb_field_row_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbFieldRow, bjb_field_row, BJB, FIELD_ROW, BjbPagedRowBase)

/*
 * BjbFieldRow: a row GObject whose read-only properties are fields of its own struct, said
 * once as a BjbRowField table. The base does the rest every such row used to write again:
 * get_property, finalize (the string fields), and BjbPagedRow (BjbPagedRowBase keeps the
 * "placeholder"; the id is the field "id", update() copies the fields and notifies those that
 * changed).
 *
 *   struct _BjbCategory { BjbFieldRow parent_instance; gint64 id; char *name; };
 *   G_DEFINE_FINAL_TYPE (BjbCategory, bjb_category, BJB_TYPE_FIELD_ROW)
 *   class_init: bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields,
 *                                            G_N_ELEMENTS (fields), NULL);
 *
 * A subclass with properties of its own (writable ones) installs them after the fields,
 * with ids from n_fields + 1, and sets its own get_property/set_property; for the field ids
 * its get_property calls bjb_row_fields_get().
 */
struct _BjbFieldRowClass
{
  BjbPagedRowBaseClass parent_class;

  /*< private >*/
  const BjbRowField  *fields;
  guint               n_fields;
  GParamSpec        **pspecs;
  int                 id_field;
  gpointer            padding[4];
};

/* @pspecs: (nullable): n_fields + 1 entries (at least), [0] unused; receives the fields'
 * properties, ids 1 … n_fields, for a subclass that notifies them itself; NULL when only
 * the base needs them. @fields must outlive the class (a static table). */
void bjb_field_row_class_install (BjbFieldRowClass  *klass,
                                  const BjbRowField *fields,
                                  guint              n_fields,
                                  GParamSpec       **pspecs);

/* (transfer full): a new row of @type, a BjbFieldRow subclass, each field that has a column
 * of its name ("category-name": category_name) read from @row of @result; the row's
 * _new_from_result() works out the rest (the texts it shows). */
gpointer bjb_field_row_new_from_result (GType      type,
                                        BjbResult *result,
                                        guint      row);

G_END_DECLS
