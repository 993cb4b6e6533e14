/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The read-only typed properties of a row GObject, said once as a table of its struct's
 * fields: the catalogue's rows (products, stock movements, price changes, categories) are
 * plain values a GtkColumnView binds from the .ui, and writing the same get_property and
 * "copy and notify what changed" for each would repeat the same lines five times.
 *
 *   static const BjbRowField fields[] = {
 *     { "name", BJB_ROW_STRING, G_STRUCT_OFFSET (BjbAdminProduct, name) }, …
 *   };
 *
 * Property ids are 1 … n in the table's order.
 */
typedef enum
{
  BJB_ROW_INT64,
  BJB_ROW_INT,
  BJB_ROW_BOOLEAN,
  BJB_ROW_STRING,
  BJB_ROW_STRV,
  BJB_ROW_DOUBLE,
} BjbRowFieldType;

typedef struct
{
  const char      *name;
  BjbRowFieldType  type;
  gsize            offset;
} BjbRowField;

/* Installs one read-only property per field; @pspecs (n + 1 entries, [0] unused) receives
 * them. */
void bjb_row_fields_install (GObjectClass      *klass,
                             const BjbRowField *fields,
                             guint              n_fields,
                             GParamSpec       **pspecs);
/* For get_property: FALSE when @prop_id is not a field's. */
gboolean bjb_row_fields_get (gconstpointer      instance,
                             const BjbRowField *fields,
                             guint              n_fields,
                             guint              prop_id,
                             GValue            *value);
/* Copies every field of @from into @instance (same type), notifying only those that
 * changed, so a cell bound to @instance redraws only when its value is new. */
void bjb_row_fields_update (GObject           *instance,
                            GObject           *from,
                            const BjbRowField *fields,
                            guint              n_fields,
                            GParamSpec       **pspecs);
/* For finalize: frees the string fields. */
void bjb_row_fields_clear (gpointer           instance,
                           const BjbRowField *fields,
                           guint              n_fields);

G_END_DECLS
