/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-value-row"

#include "config.h"

#include "bjb-ops-query.h"
#include "bjb-value-row.h"

typedef struct
{
  GValue   *values;         /* [n_pspecs], index = property id; [0] unused */
} BjbValueRowPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (BjbValueRow, bjb_value_row, BJB_TYPE_PAGED_ROW_BASE)

/* The values are made on first use: while a parent's instance_init runs, the class of the
 * instance is not yet the subclass that knows the properties. */
static GValue *
values_of (BjbValueRow *self)
{
  BjbValueRowPrivate *priv = bjb_value_row_get_instance_private (self);
  BjbValueRowClass *klass = BJB_VALUE_ROW_GET_CLASS (self);

  if (priv->values == NULL)
    {
      priv->values = g_new0 (GValue, klass->n_pspecs);
      for (guint i = 1; i < klass->n_pspecs; i++)
        {
          g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
          g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
        }
    }
  return priv->values;
}

static GValue *
value_at (BjbValueRow *self,
          guint        prop_id)
{
  g_assert (prop_id > 0 && prop_id < BJB_VALUE_ROW_GET_CLASS (self)->n_pspecs);
  return &values_of (self)[prop_id];
}

/* The properties of the subclass */

static void
values_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  g_value_copy (value_at (BJB_VALUE_ROW (object), prop_id), value);
}

static void
values_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  GValue *slot = value_at (BJB_VALUE_ROW (object), prop_id);

  if (g_param_values_cmp (pspec, slot, value) == 0)
    return;
  g_value_copy (value, slot);
  g_object_notify_by_pspec (object, pspec);
}

/* BjbPagedRow */

/* BjbPagedRowBase */

static gint64
value_row_get_id (BjbPagedRowBase *row)
{
  return bjb_value_row_get_int64 (BJB_VALUE_ROW (row), 1);
}

static void
value_row_update (BjbPagedRowBase *row,
                  BjbPagedRowBase *from)
{
  BjbValueRow *self = BJB_VALUE_ROW (row);
  BjbValueRowClass *klass = BJB_VALUE_ROW_GET_CLASS (self);
  GValue *source = values_of (BJB_VALUE_ROW (from));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < klass->n_pspecs; i++)
    g_object_set_property (G_OBJECT (self), klass->pspecs[i]->name, &source[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* GObject */

static void
bjb_value_row_finalize (GObject *object)
{
  BjbValueRow *self = BJB_VALUE_ROW (object);
  BjbValueRowPrivate *priv = bjb_value_row_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 1; i < BJB_VALUE_ROW_GET_CLASS (self)->n_pspecs; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }

  G_OBJECT_CLASS (bjb_value_row_parent_class)->finalize (object);
}

static void
bjb_value_row_class_init (BjbValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_value_row_finalize;
  BJB_PAGED_ROW_BASE_CLASS (klass)->get_id = value_row_get_id;
  BJB_PAGED_ROW_BASE_CLASS (klass)->update = value_row_update;
}

static void
bjb_value_row_init (BjbValueRow *self)
{
}

void
bjb_value_row_class_install (BjbValueRowClass       *klass,
                             const BjbValueRowField *fields,
                             guint                   n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamSpec **pspecs;

  g_return_if_fail (BJB_IS_VALUE_ROW_CLASS (klass));
  g_return_if_fail (n_fields > 0 && g_str_equal (fields[0].name, "id"));
  g_return_if_fail (fields[0].type == G_TYPE_INT64);

  /* Kept for the life of the class, as class data is. */
  pspecs = g_new0 (GParamSpec *, n_fields + 1);
  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = fields[i].name;
      GType type = fields[i].type;

      if (type == G_TYPE_STRING)
        pspecs[i + 1] = g_param_spec_string (name, NULL, NULL, NULL, rw);
      else if (type == G_TYPE_INT64)
        pspecs[i + 1] = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, rw);
      else if (type == G_TYPE_INT)
        pspecs[i + 1] = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, rw);
      else if (type == G_TYPE_BOOLEAN)
        pspecs[i + 1] = g_param_spec_boolean (name, NULL, NULL, FALSE, rw);
      else
        g_return_if_reached ();
    }
  object_class->get_property = values_get_property;
  object_class->set_property = values_set_property;
  klass->pspecs = pspecs;
  klass->n_pspecs = n_fields + 1;
  g_object_class_install_properties (object_class, n_fields + 1, pspecs);
}

gpointer
bjb_value_row_new_from_result (GType      type,
                               BjbResult *result,
                               guint      row)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  BjbValueRowClass *row_class = BJB_VALUE_ROW_CLASS (klass);
  BjbValueRow *self;
  GValue *values;

  g_return_val_if_fail (g_type_is_a (type, BJB_TYPE_VALUE_ROW), NULL);
  g_return_val_if_fail (row < bjb_result_get_n_rows (result), NULL);

  self = g_object_new (type, NULL);
  values = values_of (self);
  for (guint i = 1; i < row_class->n_pspecs; i++)
    {
      g_autofree char *column = g_strdelimit (g_strdup (row_class->pspecs[i]->name), "-", '_');
      GType value_type = row_class->pspecs[i]->value_type;

      if (!bjb_result_has_column (result, column))
        continue;
      if (value_type == G_TYPE_STRING)
        g_value_set_string (&values[i], bjb_result_get_string (result, row, column));
      else if (value_type == G_TYPE_INT64)
        g_value_set_int64 (&values[i], bjb_result_get_int64 (result, row, column));
      else if (value_type == G_TYPE_INT)
        g_value_set_int (&values[i], (int) bjb_result_get_int64 (result, row, column));
      else if (value_type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&values[i], bjb_result_get_boolean (result, row, column));
      else
        g_critical ("%s: no column conversion for %s", column, g_type_name (value_type));
    }
  return self;
}

static GPtrArray *
array_from_result (GType      type,
                   BjbResult *result)
{
  guint n = bjb_result_get_n_rows (result);
  GPtrArray *rows = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (rows, bjb_value_row_new_from_result (type, result, i));
  return rows;
}

GPtrArray *
bjb_value_row_array_finish (GAsyncResult  *result,
                            gpointer       source_tag,
                            GType          type,
                            GError       **error)
{
  g_autoptr(BjbResult) answer = bjb_ops_query_finish (result, source_tag, error);

  return answer != NULL ? array_from_result (type, answer) : NULL;
}

char *
bjb_value_row_int_param (gpointer row,
                         guint    prop_id)
{
  return row != NULL ? bjb_ops_int_param (bjb_value_row_get_int64 (row, prop_id)) : NULL;
}

const char *
bjb_value_row_string_param (gpointer row,
                            guint    prop_id)
{
  return row != NULL ? bjb_value_row_get_string (row, prop_id) : NULL;
}

const char *
bjb_value_row_get_string (BjbValueRow *self,
                          guint        prop_id)
{
  g_return_val_if_fail (BJB_IS_VALUE_ROW (self), NULL);
  return g_value_get_string (value_at (self, prop_id));
}

gint64
bjb_value_row_get_int64 (BjbValueRow *self,
                         guint        prop_id)
{
  g_return_val_if_fail (BJB_IS_VALUE_ROW (self), 0);
  return g_value_get_int64 (value_at (self, prop_id));
}

gboolean
bjb_value_row_get_boolean (BjbValueRow *self,
                           guint        prop_id)
{
  g_return_val_if_fail (BJB_IS_VALUE_ROW (self), FALSE);
  return g_value_get_boolean (value_at (self, prop_id));
}

void
bjb_value_row_set_string (BjbValueRow *self,
                          guint        prop_id,
                          const char  *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (BJB_IS_VALUE_ROW (self));
  g_value_init (&v, G_TYPE_STRING);
  g_value_set_static_string (&v, value);
  g_object_set_property (G_OBJECT (self), BJB_VALUE_ROW_GET_CLASS (self)->pspecs[prop_id]->name, &v);
}
