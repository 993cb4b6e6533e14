/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * A class whose one property is an object it keeps in a field of its instance struct (a
 * widget's connection or session, a cell's row): said once where the class is made,
 *
 *   bjb_object_prop_install (object_class,
 *                            g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION, flags),
 *                            G_STRUCT_OFFSET (BjbOfflineBanner, session),
 *                            (BjbObjectPropSetter) bjb_offline_banner_set_session);
 *
 * instead of a get_property and a set_property switch of each class's own.
 */

typedef void (*BjbObjectPropSetter) (gpointer self,
                                     gpointer value);

/* Installs @pspec (an object pspec) as the only property of @klass, kept in the field at
 * @offset and written through @setter, which stores it and notifies; sets the class's
 * get_property and set_property. */
void      bjb_object_prop_install (GObjectClass        *klass,
                                   GParamSpec          *pspec,
                                   gsize                offset,
                                   BjbObjectPropSetter  setter);

/* (transfer none): where @pspec, installed by bjb_object_prop_install(), keeps its value
 * in @self */
GObject **bjb_object_prop_field   (gpointer             self,
                                   GParamSpec          *pspec);

G_END_DECLS
