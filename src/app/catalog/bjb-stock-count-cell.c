/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-count-cell"

#include "config.h"

#include "bjb-catalog.h"
#include "bjb-object-prop.h"
#include "bjb-stock-count-cell.h"

struct _BjbStockCountCell
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSpinButton *spin;
  GtkAdjustment *adjustment;

  /* Owned */
  BjbStockCount *count;
  GBinding *binding;
};

G_DEFINE_FINAL_TYPE (BjbStockCountCell, bjb_stock_count_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_stock_count_cell_dispose (GObject *object)
{
  BjbStockCountCell *self = (BjbStockCountCell *)object;

  bjb_stock_count_cell_set_count (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_STOCK_COUNT_CELL);

  G_OBJECT_CLASS (bjb_stock_count_cell_parent_class)->dispose (object);
}

static void
bjb_stock_count_cell_class_init (BjbStockCountCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_stock_count_cell_dispose;

  properties[PROP_COUNT] =
    g_param_spec_object ("count", NULL, NULL, BJB_TYPE_STOCK_COUNT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  bjb_object_prop_install (object_class, properties[PROP_COUNT],
                           G_STRUCT_OFFSET (BjbStockCountCell, count),
                           (BjbObjectPropSetter) bjb_stock_count_cell_set_count);

  bjb_catalog_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-stock-count-cell.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BjbStockCountCell, spin);
  gtk_widget_class_bind_template_child (widget_class, BjbStockCountCell, adjustment);
}

static void
bjb_stock_count_cell_init (BjbStockCountCell *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
bjb_stock_count_cell_set_count (BjbStockCountCell *self,
                                BjbStockCount     *count)
{
  g_return_if_fail (BJB_IS_STOCK_COUNT_CELL (self));

  if (self->count == count)
    return;
  if (self->binding != NULL)
    g_binding_unbind (self->binding);
  self->binding = NULL;
  g_set_object (&self->count, count);
  /* The line keeps the number (int64); the spin shows and edits it. */
  if (count != NULL)
    self->binding = g_object_bind_property (count, "counted", self->adjustment, "value",
                                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}
