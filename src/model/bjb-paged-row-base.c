/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-paged-row-base"

#include "config.h"

#include "bjb-paged-row-base.h"

typedef struct
{
  gboolean placeholder;
} BjbPagedRowBasePrivate;

static void paged_row_iface_init (BjbPagedRowInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (BjbPagedRowBase, bjb_paged_row_base, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (BjbPagedRowBase)
                                  G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_ROW,
                                                         paged_row_iface_init))

enum {
  PROP_0,
  PROP_PLACEHOLDER,
  N_PROPS
};

/* Only "placeholder" is this class's: GObject asks the subclasses for their own. */
static void
bjb_paged_row_base_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbPagedRowBasePrivate *priv =
    bjb_paged_row_base_get_instance_private (BJB_PAGED_ROW_BASE (object));

  if (prop_id == PROP_PLACEHOLDER)
    g_value_set_boolean (value, priv->placeholder);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_paged_row_base_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BjbPagedRowBasePrivate *priv =
    bjb_paged_row_base_get_instance_private (BJB_PAGED_ROW_BASE (object));

  if (prop_id == PROP_PLACEHOLDER)
    priv->placeholder = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_paged_row_base_class_init (BjbPagedRowBaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = bjb_paged_row_base_get_property;
  object_class->set_property = bjb_paged_row_base_set_property;

  g_object_class_override_property (object_class, PROP_PLACEHOLDER, "placeholder");
}

static void
bjb_paged_row_base_init (BjbPagedRowBase *self)
{
}

/* BjbPagedRow */

static gint64
paged_get_id (BjbPagedRow *row)
{
  return BJB_PAGED_ROW_BASE_GET_CLASS (row)->get_id (BJB_PAGED_ROW_BASE (row));
}

static gboolean
paged_get_placeholder (BjbPagedRow *row)
{
  BjbPagedRowBasePrivate *priv = bjb_paged_row_base_get_instance_private (BJB_PAGED_ROW_BASE (row));

  return priv->placeholder;
}

static void
paged_update (BjbPagedRow *row,
              BjbPagedRow *from)
{
  BjbPagedRowBasePrivate *priv = bjb_paged_row_base_get_instance_private (BJB_PAGED_ROW_BASE (row));

  priv->placeholder = FALSE;
  BJB_PAGED_ROW_BASE_GET_CLASS (row)->update (BJB_PAGED_ROW_BASE (row), BJB_PAGED_ROW_BASE (from));
}

static void
paged_row_iface_init (BjbPagedRowInterface *iface)
{
  iface->get_id = paged_get_id;
  iface->update = paged_update;
  iface->get_placeholder = paged_get_placeholder;
}
