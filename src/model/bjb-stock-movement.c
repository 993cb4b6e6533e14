/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-movement"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"
#include "bjb-paged-query.h"
#include "bjb-row-fields.h"
#include "bjb-stock-movement.h"

struct _BjbStockMovement
{
  GObject parent_instance;

  gint64 id;
  char *at_text;
  gint64 product_id;
  char *product_name;
  gint64 delta;
  char *delta_text;
  char **delta_classes;
  char *reason;
  char *reason_text;
  gint64 order_id;
  char *order_number;
  char *note;
  char *actor_text;
  gboolean placeholder;
};

static void paged_row_iface_init (BjbPagedRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbStockMovement, bjb_stock_movement, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_ROW, paged_row_iface_init))

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbStockMovement, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("at-text", BJB_ROW_STRING, at_text),
  F ("product-id", BJB_ROW_INT64, product_id),
  F ("product-name", BJB_ROW_STRING, product_name),
  F ("delta", BJB_ROW_INT64, delta),
  F ("delta-text", BJB_ROW_STRING, delta_text),
  F ("delta-classes", BJB_ROW_STRV, delta_classes),
  F ("reason", BJB_ROW_STRING, reason),
  F ("reason-text", BJB_ROW_STRING, reason_text),
  F ("order-id", BJB_ROW_INT64, order_id),
  F ("order-number", BJB_ROW_STRING, order_number),
  F ("note", BJB_ROW_STRING, note),
  F ("actor-text", BJB_ROW_STRING, actor_text),
};
#undef F

#define N_FIELDS G_N_ELEMENTS (fields)
#define PROP_PLACEHOLDER (N_FIELDS + 1)

static GParamSpec *properties[N_FIELDS + 1];

static void
bjb_stock_movement_finalize (GObject *object)
{
  bjb_row_fields_clear (object, fields, N_FIELDS);

  G_OBJECT_CLASS (bjb_stock_movement_parent_class)->finalize (object);
}

static void
bjb_stock_movement_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbStockMovement *self = BJB_STOCK_MOVEMENT (object);

  if (prop_id == PROP_PLACEHOLDER)
    g_value_set_boolean (value, self->placeholder);
  else if (!bjb_row_fields_get (self, fields, N_FIELDS, prop_id, value))
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_stock_movement_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BjbStockMovement *self = BJB_STOCK_MOVEMENT (object);

  if (prop_id == PROP_PLACEHOLDER)
    self->placeholder = g_value_get_boolean (value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_stock_movement_class_init (BjbStockMovementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_stock_movement_finalize;
  object_class->get_property = bjb_stock_movement_get_property;
  object_class->set_property = bjb_stock_movement_set_property;

  bjb_row_fields_install (object_class, fields, N_FIELDS, properties);
  g_object_class_override_property (object_class, PROP_PLACEHOLDER, "placeholder");
}

static void
bjb_stock_movement_init (BjbStockMovement *self)
{
}

/* BjbPagedRow */

static gint64
paged_get_id (BjbPagedRow *row)
{
  return BJB_STOCK_MOVEMENT (row)->id;
}

static gboolean
paged_get_placeholder (BjbPagedRow *row)
{
  return BJB_STOCK_MOVEMENT (row)->placeholder;
}

static void
paged_update (BjbPagedRow *row,
              BjbPagedRow *from)
{
  BJB_STOCK_MOVEMENT (row)->placeholder = FALSE;
  bjb_row_fields_update (G_OBJECT (row), G_OBJECT (from), fields, N_FIELDS, properties);
}

static void
paged_row_iface_init (BjbPagedRowInterface *iface)
{
  iface->get_id = paged_get_id;
  iface->update = paged_update;
  iface->get_placeholder = paged_get_placeholder;
}

const char *
bjb_stock_movement_reason_label (const char *reason)
{
  /* Every reason stock_movement allows (0001 and 0007). */
  static const struct { const char *reason, *label; } labels[] = {
    { "order", N_("Order") },
    { "cancel", N_("Order cancelled") },
    { "expire", N_("Order expired") },
    { "restock", N_("Restock") },
    { "damaged", N_("Damaged") },
    { "stocktake", N_("Stocktake") },
    { "correction", N_("Correction") },
    { "return", N_("Return") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (reason, labels[i].reason) == 0)
      return _(labels[i].label);
  return reason != NULL ? reason : "";
}

/**
 * bjb_stock_movement_new_from_result:
 *
 * Returns: (transfer full): the ledger line of @row (a row of bjb.stock_ledger)
 */
BjbStockMovement *
bjb_stock_movement_new_from_result (BjbResult *result,
                                    guint      row)
{
  BjbStockMovement *self = g_object_new (BJB_TYPE_STOCK_MOVEMENT, NULL);
  g_autoptr(GDateTime) at = bjb_result_get_datetime (result, row, "at");
  g_autofree char *amount = NULL;
  const char *actor_name = bjb_result_get_string (result, row, "actor_name");

  self->id = bjb_result_get_int64 (result, row, "id");
  if (at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (at);

      self->at_text = g_date_time_format (local, _("%-d %b %Y %H:%M"));
    }
  self->product_id = bjb_result_get_int64 (result, row, "product_id");
  self->product_name = g_strdup (bjb_result_get_string (result, row, "product_name"));
  self->delta = bjb_result_get_int64 (result, row, "delta");
  amount = bjb_money_format_plain (ABS (self->delta));
  /* A real minus sign: the column is read as numbers. */
  self->delta_text = g_strconcat (self->delta < 0 ? "−" : "+", amount, NULL);
  self->delta_classes = g_strsplit (self->delta < 0 ? "numeric catalog-stock-out"
                                                    : "numeric catalog-stock-in", " ", -1);
  self->reason = g_strdup (bjb_result_get_string (result, row, "reason"));
  self->reason_text = g_strdup (bjb_stock_movement_reason_label (self->reason));
  self->order_id = bjb_result_get_int64 (result, row, "order_id");
  self->order_number = g_strdup (bjb_result_get_string (result, row, "order_number"));
  self->note = g_strdup (bjb_result_get_string (result, row, "note"));
  self->actor_text = g_strdup (actor_name != NULL ? actor_name
                                                  : bjb_result_get_string (result, row, "actor"));
  return self;
}

gint64
bjb_stock_movement_get_id (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), 0);
  return self->id;
}

gint64
bjb_stock_movement_get_delta (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), 0);
  return self->delta;
}

const char *
bjb_stock_movement_get_reason (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), NULL);
  return self->reason;
}

const char *
bjb_stock_movement_get_note (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), NULL);
  return self->note;
}

const char *
bjb_stock_movement_get_actor_text (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), NULL);
  return self->actor_text;
}
