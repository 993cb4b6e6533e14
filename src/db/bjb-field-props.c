/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-field-props"

#include "config.h"

#include "bjb-field-props.h"

/* On a field's pspec: its offset + 1 (0 is "no field"). On a class's GType: the string and
 * boxed (strv, GDateTime…) pspecs it installed, what bjb_field_props_clear() frees without
 * listing every property of every row it finalizes (written in class_init only). */
static GQuark offset_quark;
static GQuark fields_quark;

static void
ensure_quarks (void)
{
  if (offset_quark == 0)
    {
      offset_quark = g_quark_from_static_string ("bjb-field-props-offset");
      fields_quark = g_quark_from_static_string ("bjb-field-props-fields");
    }
}

static gpointer
field_of (gpointer    object,
          GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, offset_quark));

  g_assert (offset > 0);
  return (guint8 *) object + offset - 1;
}

static void
notify (gpointer    object,
        GParamSpec *pspec)
{
  g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

/* An object field (a GObject or an interface such as GListModel) holds a reference. */
static gboolean
is_object (GType type)
{
  return g_type_is_a (type, G_TYPE_OBJECT) || G_TYPE_IS_INTERFACE (type);
}

void
bjb_field_props_install (GObjectClass *klass,
                         guint         prop_id,
                         gsize         offset,
                         GParamSpec   *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  ensure_quarks ();
  g_return_if_fail (type == G_TYPE_STRING || G_TYPE_IS_BOXED (type) || is_object (type) ||
                    type == G_TYPE_BOOLEAN || type == G_TYPE_INT || G_TYPE_IS_ENUM (type) ||
                    type == G_TYPE_UINT ||
                    type == G_TYPE_INT64 || type == G_TYPE_DOUBLE);

  g_param_spec_set_qdata (pspec, offset_quark, GSIZE_TO_POINTER (offset + 1));
  g_object_class_install_property (klass, prop_id, pspec);

  if (type == G_TYPE_STRING || G_TYPE_IS_BOXED (type) || is_object (type))
    {
      GPtrArray *fields = g_type_get_qdata (G_TYPE_FROM_CLASS (klass), fields_quark);

      if (fields == NULL)
        {
          /* Lives as long as the type: the program. */
          fields = g_ptr_array_new ();
          g_type_set_qdata (G_TYPE_FROM_CLASS (klass), fields_quark, fields);
        }
      g_ptr_array_add (fields, pspec);
    }
}

gboolean
bjb_field_props_has_field (GParamSpec *pspec)
{
  ensure_quarks ();
  return g_param_spec_get_qdata (pspec, offset_quark) != NULL;
}

/* The field of @pspec, or NULL (with GObject's warning) when @pspec is not a field's. */
static gpointer
field_or_warn (GObject    *object,
               guint       prop_id,
               GParamSpec *pspec)
{
  if (bjb_field_props_has_field (pspec))
    return field_of (object, pspec);
  G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  return NULL;
}

void
bjb_field_props_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  gpointer field = field_or_warn (object, prop_id, pspec);

  if (field == NULL)
    return;
  switch (G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    {
    case G_TYPE_STRING:
      g_value_set_string (value, *(char **) field);
      break;
    case G_TYPE_BOOLEAN:
      g_value_set_boolean (value, *(gboolean *) field);
      break;
    case G_TYPE_INT:
      g_value_set_int (value, *(int *) field);
      break;
    case G_TYPE_ENUM:
      g_value_set_enum (value, *(int *) field);
      break;
    case G_TYPE_UINT:
      g_value_set_uint (value, *(guint *) field);
      break;
    case G_TYPE_INT64:
      g_value_set_int64 (value, *(gint64 *) field);
      break;
    case G_TYPE_DOUBLE:
      g_value_set_double (value, *(double *) field);
      break;
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      g_value_set_object (value, *(gpointer *) field);
      break;
    default:
      /* boxed: a strv, a GDateTime… */
      g_value_set_boxed (value, *(gpointer *) field);
    }
}

/* Any other boxed value (a GDateTime): a new pointer is a change. */
static void
set_boxed (GObject      *object,
           GParamSpec   *pspec,
           gconstpointer value)
{
  gpointer *field = field_of (object, pspec);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (*field == value)
    return;
  if (*field != NULL)
    g_boxed_free (type, *field);
  *field = value != NULL ? g_boxed_copy (type, value) : NULL;
  notify (object, pspec);
}

#define SET_SCALAR(ctype, getter) \
  G_STMT_START { \
    ctype v = getter (value); \
    if (*(ctype *) field != v) \
      { \
        *(ctype *) field = v; \
        notify (object, pspec); \
      } \
  } G_STMT_END

void
bjb_field_props_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  gpointer field = field_or_warn (object, prop_id, pspec);

  if (field == NULL)
    return;
  switch (G_TYPE_FUNDAMENTAL (G_PARAM_SPEC_VALUE_TYPE (pspec)))
    {
    case G_TYPE_STRING:
      bjb_field_props_set_string (object, pspec, g_value_get_string (value));
      break;
    case G_TYPE_BOOLEAN:
      SET_SCALAR (gboolean, g_value_get_boolean);
      break;
    case G_TYPE_INT:
      SET_SCALAR (int, g_value_get_int);
      break;
    case G_TYPE_ENUM:
      SET_SCALAR (int, g_value_get_enum);
      break;
    case G_TYPE_UINT:
      SET_SCALAR (guint, g_value_get_uint);
      break;
    case G_TYPE_INT64:
      SET_SCALAR (gint64, g_value_get_int64);
      break;
    case G_TYPE_DOUBLE:
      SET_SCALAR (double, g_value_get_double);
      break;
    case G_TYPE_OBJECT:
    case G_TYPE_INTERFACE:
      bjb_field_props_set_object (object, pspec, g_value_get_object (value));
      break;
    default:
      if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRV)
        bjb_field_props_set_strv (object, pspec, g_value_get_boxed (value));
      else
        set_boxed (object, pspec, g_value_get_boxed (value));
    }
}

#undef SET_SCALAR

void
bjb_field_props_set_string (gpointer    object,
                            GParamSpec *pspec,
                            const char *value)
{
  char **field = field_of (object, pspec);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  notify (object, pspec);
}

void
bjb_field_props_set_strv (gpointer            object,
                          GParamSpec         *pspec,
                          const char * const *value)
{
  char ***field = field_of (object, pspec);

  if (*field == NULL && value == NULL)
    return;
  if (*field != NULL && value != NULL && g_strv_equal ((const char * const *) *field, value))
    return;
  g_strfreev (*field);
  *field = g_strdupv ((char **) value);
  notify (object, pspec);
}

/* The scalar setters: store, and notify when the value is new. */
#define DEFINE_SCALAR_SETTER(name, ctype) \
  void \
  bjb_field_props_set_##name (gpointer    object, \
                              GParamSpec *pspec, \
                              ctype       value) \
  { \
    ctype *field = field_of (object, pspec); \
    if (*field == value) \
      return; \
    *field = value; \
    notify (object, pspec); \
  }

DEFINE_SCALAR_SETTER (boolean, gboolean)
DEFINE_SCALAR_SETTER (int, int)
DEFINE_SCALAR_SETTER (uint, guint)
DEFINE_SCALAR_SETTER (int64, gint64)

#undef DEFINE_SCALAR_SETTER

void
bjb_field_props_set_object (gpointer    object,
                            GParamSpec *pspec,
                            gpointer    value)
{
  if (g_set_object ((GObject **) field_of (object, pspec), value))
    notify (object, pspec);
}

void
bjb_field_props_clear (gpointer object)
{
  ensure_quarks ();
  for (GType type = G_OBJECT_TYPE (object); type != G_TYPE_OBJECT; type = g_type_parent (type))
    {
      GPtrArray *fields = g_type_get_qdata (type, fields_quark);

      for (guint i = 0; fields != NULL && i < fields->len; i++)
        {
          GParamSpec *pspec = g_ptr_array_index (fields, i);

          gpointer *field = field_of (object, pspec);

          if (G_PARAM_SPEC_VALUE_TYPE (pspec) == G_TYPE_STRING)
            g_clear_pointer ((char **) field, g_free);
          else if (is_object (G_PARAM_SPEC_VALUE_TYPE (pspec)))
            g_clear_object ((GObject **) field);
          else if (*field != NULL)
            g_boxed_free (G_PARAM_SPEC_VALUE_TYPE (pspec), g_steal_pointer (field));
        }
    }
}
