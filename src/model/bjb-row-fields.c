/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-row-fields"

#include "config.h"

#include <string.h>

#include "bjb-row-fields.h"

#define FIELD(instance, field) ((guint8 *) (instance) + (field)->offset)

void
bjb_row_fields_install (GObjectClass      *klass,
                        const BjbRowField *fields,
                        guint              n_fields,
                        GParamSpec       **pspecs)
{
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *name = fields[i].name;
      GParamSpec *pspec = NULL;

      switch (fields[i].type)
        {
        case BJB_ROW_INT64:
          pspec = g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
          break;
        case BJB_ROW_INT:
          pspec = g_param_spec_int (name, NULL, NULL, G_MININT, G_MAXINT, 0, flags);
          break;
        case BJB_ROW_BOOLEAN:
          pspec = g_param_spec_boolean (name, NULL, NULL, FALSE, flags);
          break;
        case BJB_ROW_STRING:
          pspec = g_param_spec_string (name, NULL, NULL, NULL, flags);
          break;
        case BJB_ROW_STRV:
          pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case BJB_ROW_DOUBLE:
          pspec = g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      pspecs[i + 1] = pspec;
      g_object_class_install_property (klass, i + 1, pspec);
    }
}

gboolean
bjb_row_fields_get (gconstpointer      instance,
                    const BjbRowField *fields,
                    guint              n_fields,
                    guint              prop_id,
                    GValue            *value)
{
  const BjbRowField *field;

  if (prop_id == 0 || prop_id > n_fields)
    return FALSE;
  field = &fields[prop_id - 1];
  switch (field->type)
    {
    case BJB_ROW_INT64:
      g_value_set_int64 (value, *(gint64 *) FIELD (instance, field));
      break;
    case BJB_ROW_INT:
      g_value_set_int (value, *(int *) FIELD (instance, field));
      break;
    case BJB_ROW_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) FIELD (instance, field));
      break;
    case BJB_ROW_STRING:
      g_value_set_string (value, *(char **) FIELD (instance, field));
      break;
    case BJB_ROW_STRV:
      g_value_set_boxed (value, *(char ***) FIELD (instance, field));
      break;
    case BJB_ROW_DOUBLE:
      g_value_set_double (value, *(double *) FIELD (instance, field));
      break;
    default:
      g_assert_not_reached ();
    }
  return TRUE;
}

static gboolean
strv_equal (char **a,
            char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

void
bjb_row_fields_update (GObject           *instance,
                       GObject           *from,
                       const BjbRowField *fields,
                       guint              n_fields,
                       GParamSpec       **pspecs)
{
  g_return_if_fail (G_OBJECT_TYPE (instance) == G_OBJECT_TYPE (from));

  g_object_freeze_notify (instance);
  for (guint i = 0; i < n_fields; i++)
    {
      const BjbRowField *field = &fields[i];
      gpointer dst = FIELD (instance, field);
      gpointer src = FIELD (from, field);
      gboolean changed = FALSE;

      switch (field->type)
        {
        case BJB_ROW_INT64:
          changed = *(gint64 *) dst != *(gint64 *) src;
          *(gint64 *) dst = *(gint64 *) src;
          break;
        case BJB_ROW_INT:
          changed = *(int *) dst != *(int *) src;
          *(int *) dst = *(int *) src;
          break;
        case BJB_ROW_BOOLEAN:
          changed = *(gboolean *) dst != *(gboolean *) src;
          *(gboolean *) dst = *(gboolean *) src;
          break;
        case BJB_ROW_STRING:
          changed = g_strcmp0 (*(char **) dst, *(char **) src) != 0;
          if (changed)
            {
              g_free (*(char **) dst);
              *(char **) dst = g_strdup (*(char **) src);
            }
          break;
        case BJB_ROW_DOUBLE:
          changed = *(double *) dst != *(double *) src;
          *(double *) dst = *(double *) src;
          break;
        case BJB_ROW_STRV:
          changed = !strv_equal (*(char ***) dst, *(char ***) src);
          if (changed)
            {
              g_strfreev (*(char ***) dst);
              *(char ***) dst = g_strdupv (*(char ***) src);
            }
          break;
        default:
          g_assert_not_reached ();
        }
      if (changed)
        g_object_notify_by_pspec (instance, pspecs[i + 1]);
    }
  g_object_thaw_notify (instance);
}

void
bjb_row_fields_clear (gpointer           instance,
                      const BjbRowField *fields,
                      guint              n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (fields[i].type == BJB_ROW_STRING)
        g_clear_pointer ((char **) FIELD (instance, &fields[i]), g_free);
      else if (fields[i].type == BJB_ROW_STRV)
        g_clear_pointer ((char ***) FIELD (instance, &fields[i]), g_strfreev);
    }
}
