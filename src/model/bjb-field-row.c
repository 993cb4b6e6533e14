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

gpointer
bjb_field_row_new_from_result (GType      type,
                               BjbResult *result,
                               guint      row)
{
  BjbFieldRowClass *klass;
  gpointer self;

  g_return_val_if_fail (g_type_is_a (type, BJB_TYPE_FIELD_ROW), NULL);
  g_return_val_if_fail (BJB_IS_RESULT (result), NULL);
  g_return_val_if_fail (row < bjb_result_get_n_rows (result), NULL);

  self = g_object_new (type, NULL);
  klass = FIELD_ROW_GET_CLASS (self);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      const BjbRowField *field = &klass->fields[i];
      g_autofree char *column = g_strdelimit (g_strdup (field->name), "-", '_');
      gpointer dst = (guint8 *) self + field->offset;

      if (!bjb_result_has_column (result, column))
        continue;
      switch (field->type)
        {
        case BJB_ROW_INT64:
          *(gint64 *) dst = bjb_result_get_int64 (result, row, column);
          break;
        case BJB_ROW_INT:
          *(int *) dst = (int) bjb_result_get_int64 (result, row, column);
          break;
        case BJB_ROW_BOOLEAN:
          *(gboolean *) dst = bjb_result_get_boolean (result, row, column);
          break;
        case BJB_ROW_STRING:
          *(char **) dst = g_strdup (bjb_result_get_string (result, row, column));
          break;
        case BJB_ROW_DOUBLE:
          *(double *) dst = bjb_result_get_double (result, row, column);
          break;
        case BJB_ROW_STRV:
          /* A list (of style classes) is the row's own work, never a column. */
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return self;
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
