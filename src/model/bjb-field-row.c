/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-field-row"

#include "config.h"

#include "bjb-field-row.h"

G_DEFINE_ABSTRACT_TYPE (BjbFieldRow, bjb_field_row, BJB_TYPE_PAGED_ROW_BASE)

#define FIELD_ROW_GET_CLASS(object) BJB_FIELD_ROW_CLASS (G_OBJECT_GET_CLASS (object))

/* The fields' properties belong to the subclass: GObject asks the class that owns them. */
static void
get_field_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  BjbFieldRowClass *klass = g_type_class_peek (pspec->owner_type);

  if (!bjb_row_fields_get (object, klass->fields, klass->n_fields, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_field_row_finalize (GObject *object)
{
  BjbFieldRowClass *klass = FIELD_ROW_GET_CLASS (object);

  bjb_row_fields_clear (object, klass->fields, klass->n_fields);

  G_OBJECT_CLASS (bjb_field_row_parent_class)->finalize (object);
}

/* BjbPagedRowBase */

static gint64
field_row_get_id (BjbPagedRowBase *row)
{
  BjbFieldRowClass *klass = FIELD_ROW_GET_CLASS (row);

  g_return_val_if_fail (klass->id_field >= 0, 0);
  return *(gint64 *) ((guint8 *) row + klass->fields[klass->id_field].offset);
}

static void
field_row_update (BjbPagedRowBase *row,
                  BjbPagedRowBase *from)
{
  BjbFieldRowClass *klass = FIELD_ROW_GET_CLASS (row);

  bjb_row_fields_update (G_OBJECT (row), G_OBJECT (from), klass->fields, klass->n_fields,
                         klass->pspecs);
}

static void
bjb_field_row_class_init (BjbFieldRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_field_row_finalize;
  BJB_PAGED_ROW_BASE_CLASS (klass)->get_id = field_row_get_id;
  BJB_PAGED_ROW_BASE_CLASS (klass)->update = field_row_update;
}

static void
bjb_field_row_init (BjbFieldRow *self)
{
}

void
bjb_field_row_class_install (BjbFieldRowClass  *klass,
                             const BjbRowField *fields,
                             guint              n_fields,
                             GParamSpec       **pspecs)
{
  g_return_if_fail (BJB_IS_FIELD_ROW_CLASS (klass));
  g_return_if_fail (fields != NULL && n_fields > 0);

  klass->fields = fields;
  klass->n_fields = n_fields;
  /* Kept for update(); a class that notifies its fields itself passes its own array. The
   * class lives as long as the program, and so does the array. */
  klass->pspecs = pspecs != NULL ? pspecs : g_new0 (GParamSpec *, n_fields + 1);
  klass->id_field = -1;
  for (guint i = 0; i < n_fields; i++)
    if (fields[i].type == BJB_ROW_INT64 && g_str_equal (fields[i].name, "id"))
      klass->id_field = (int) i;

  G_OBJECT_CLASS (klass)->get_property = get_field_property;
  bjb_row_fields_install (G_OBJECT_CLASS (klass), fields, n_fields, klass->pspecs);
}
