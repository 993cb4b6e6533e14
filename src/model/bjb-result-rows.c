/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-result-rows"

#include "config.h"

#include "bjb-result-rows.h"

struct _BjbResultRows
{
  GObject parent_instance;

  BjbResult *result;
  GType item_type;
  BjbResultRowFunc make;
  GPtrArray *items;      /* one slot a row, NULL until asked for */
};

/* Slots of rows never asked for stay NULL. */
static void
unref_made (gpointer item)
{
  if (item != NULL)
    g_object_unref (item);
}

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbResultRows, bjb_result_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
bjb_result_rows_get_item_type (GListModel *model)
{
  return BJB_RESULT_ROWS (model)->item_type;
}

static guint
bjb_result_rows_get_n_items (GListModel *model)
{
  return BJB_RESULT_ROWS (model)->items->len;
}

static gpointer
bjb_result_rows_get_item (GListModel *model,
                          guint       position)
{
  BjbResultRows *self = BJB_RESULT_ROWS (model);

  if (position >= self->items->len)
    return NULL;
  if (g_ptr_array_index (self->items, position) == NULL)
    g_ptr_array_index (self->items, position) = self->make (self->result, position);
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bjb_result_rows_get_item_type;
  iface->get_n_items = bjb_result_rows_get_n_items;
  iface->get_item = bjb_result_rows_get_item;
}

static void
bjb_result_rows_finalize (GObject *object)
{
  BjbResultRows *self = BJB_RESULT_ROWS (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->result);

  G_OBJECT_CLASS (bjb_result_rows_parent_class)->finalize (object);
}

static void
bjb_result_rows_class_init (BjbResultRowsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_result_rows_finalize;
}

static void
bjb_result_rows_init (BjbResultRows *self)
{
}

/**
 * bjb_result_rows_new:
 *
 * Returns: (transfer full): the rows of @result, made by @make on demand
 */
BjbResultRows *
bjb_result_rows_new (BjbResult        *result,
                     GType             item_type,
                     BjbResultRowFunc  make)
{
  BjbResultRows *self = g_object_new (BJB_TYPE_RESULT_ROWS, NULL);
  guint n = bjb_result_get_n_rows (result);

  self->result = g_object_ref (result);
  self->item_type = item_type;
  self->make = make;
  self->items = g_ptr_array_new_full (n, unref_made);
  g_ptr_array_set_size (self->items, n);
  return self;
}

int
bjb_result_rows_find (BjbResultRows *self,
                      const char    *column,
                      gint64         value)
{
  g_return_val_if_fail (BJB_IS_RESULT_ROWS (self), -1);

  for (guint i = 0; i < self->items->len; i++)
    if (bjb_result_get_int64 (self->result, i, column) == value)
      return (int) i;
  return -1;
}
