/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Properties kept in fields of the instance struct, said once where they are installed:
 *
 *   bjb_field_props_install (object_class, PROP_NOTE,
 *                            G_STRUCT_OFFSET (BjbHistoryEntry, note),
 *                            g_param_spec_string ("note", NULL, NULL, NULL, flags));
 *
 * and read, written and freed by the functions below, instead of a get_property and a
 * set_property switch, a finalize and a "compare, store, notify" setter of each class's
 * own. A field is a char * (G_TYPE_STRING), a char ** (G_TYPE_STRV), another boxed pointer
 * (a GDateTime: a new pointer counts as a change), an object (a reference, for an object or
 * interface pspec), a gboolean, an int (or an enum), a guint, a gint64 or a double, of the
 * pspec's value type.
 *
 * Writing a field notifies its property only when the value changed (so a cell bound to it
 * redraws only then): declare the pspecs G_PARAM_EXPLICIT_NOTIFY.
 */

/* Installs @pspec as @prop_id of @klass, its value in the field at @offset. */
void     bjb_field_props_install      (GObjectClass *klass,
                                       guint         prop_id,
                                       gsize         offset,
                                       GParamSpec   *pspec);

/* For a class_init whose GObjectClass is `object_class` and whose pspecs are kept in
 * `properties[]`: properties[@prop] = @pspec, installed as @prop with its value in the
 * field @field of the instance struct @Type. */
#define BJB_FIELD_PROP(Type, prop, field, pspec) \
  bjb_field_props_install (object_class, (prop), G_STRUCT_OFFSET (Type, field), \
                           properties[prop] = (pspec))

/* TRUE when @pspec was installed with bjb_field_props_install() */
gboolean bjb_field_props_has_field    (GParamSpec   *pspec);

/* get_property / set_property for classes whose properties are all fields (or, called
 * from a class's own, for those that are). */
void     bjb_field_props_get_property (GObject      *object,
                                       guint         prop_id,
                                       GValue       *value,
                                       GParamSpec   *pspec);
void     bjb_field_props_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec);

/* For the C setters: store @value in @pspec's field, notifying if it changed. */
void     bjb_field_props_set_string   (gpointer            object,
                                       GParamSpec         *pspec,
                                       const char         *value);
void     bjb_field_props_set_strv     (gpointer            object,
                                       GParamSpec         *pspec,
                                       const char * const *value);
void     bjb_field_props_set_boolean  (gpointer            object,
                                       GParamSpec         *pspec,
                                       gboolean            value);
void     bjb_field_props_set_int      (gpointer            object,
                                       GParamSpec         *pspec,
                                       int                 value);
void     bjb_field_props_set_uint     (gpointer            object,
                                       GParamSpec         *pspec,
                                       guint               value);
void     bjb_field_props_set_int64    (gpointer            object,
                                       GParamSpec         *pspec,
                                       gint64              value);
/* @value: (nullable) (transfer none) */
void     bjb_field_props_set_object   (gpointer            object,
                                       GParamSpec         *pspec,
                                       gpointer            value);

/* For finalize (or dispose): frees the string and boxed fields and drops the objects of
 * every field property of @object. */
void     bjb_field_props_clear        (gpointer            object);

G_END_DECLS
