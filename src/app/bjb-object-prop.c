/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-object-prop"

#include "config.h"

#include "bjb-object-prop.h"

/* On the pspec: the field's offset + 1, and the setter. */
static GQuark offset_quark;
static GQuark setter_quark;

GObject **
bjb_object_prop_field (gpointer    self,
                       GParamSpec *pspec)
{
  gsize offset = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, offset_quark));

  g_assert (offset > 0);
  return (GObject **) (gpointer) ((guint8 *) self + offset - 1);
}

/* The class's only property, so @pspec is always the one installed. */
static void
get_property (GObject    *object,
              guint       prop_id,
              GValue     *value,
              GParamSpec *pspec)
{
  g_value_set_object (value, *bjb_object_prop_field (object, pspec));
}

static void
set_property (GObject      *object,
              guint         prop_id,
              const GValue *value,
              GParamSpec   *pspec)
{
  BjbObjectPropSetter setter = g_param_spec_get_qdata (pspec, setter_quark);

  setter (object, g_value_get_object (value));
}

void
bjb_object_prop_install (GObjectClass        *klass,
                         GParamSpec          *pspec,
                         gsize                offset,
                         BjbObjectPropSetter  setter)
{
  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (G_IS_PARAM_SPEC_OBJECT (pspec));
  g_return_if_fail (setter != NULL || !(pspec->flags & G_PARAM_WRITABLE));

  if (offset_quark == 0)
    {
      offset_quark = g_quark_from_static_string ("bjb-object-prop-offset");
      setter_quark = g_quark_from_static_string ("bjb-object-prop-setter");
    }
  g_param_spec_set_qdata (pspec, offset_quark, GSIZE_TO_POINTER (offset + 1));
  g_param_spec_set_qdata (pspec, setter_quark, (gpointer) setter);
  klass->get_property = get_property;
  klass->set_property = set_property;
  g_object_class_install_property (klass, 1, pspec);
}
