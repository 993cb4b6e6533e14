/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-stock-movement"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-money.h"
#include "bjb-field-row.h"
#include "bjb-stock-movement.h"

struct _BjbStockMovement
{
  BjbFieldRow parent_instance;

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
};

G_DEFINE_FINAL_TYPE (BjbStockMovement, bjb_stock_movement, BJB_TYPE_FIELD_ROW)

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

static void
bjb_stock_movement_class_init (BjbStockMovementClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_stock_movement_init (BjbStockMovement *self)
{
}

const char *
bjb_stock_movement_reason_label (const char *reason)
{
  /* Every reason stock_movement allows (0001 and 0007). */
  static const BjbCodeLabel labels[] = {
    { "order", N_("Order") },
    { "cancel", N_("Order cancelled") },
    { "expire", N_("Order expired") },
    { "restock", N_("Restock") },
    { "damaged", N_("Damaged") },
    { "stocktake", N_("Stocktake") },
    { "correction", N_("Correction") },
    { "return", N_("Return") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), reason, reason != NULL ? reason : "");
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
  BjbStockMovement *self = bjb_field_row_new_from_result (BJB_TYPE_STOCK_MOVEMENT, result, row);
  g_autoptr(GDateTime) at = bjb_result_get_datetime (result, row, "at");
  g_autofree char *amount = NULL;
  const char *actor_name = bjb_result_get_string (result, row, "actor_name");

  if (at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (at);

      self->at_text = g_date_time_format (local, _("%-d %b %Y %H:%M"));
    }
  amount = bjb_money_format_plain (ABS (self->delta));
  /* A real minus sign: the column is read as numbers. */
  self->delta_text = g_strconcat (self->delta < 0 ? "−" : "+", amount, NULL);
  self->delta_classes = g_strsplit (self->delta < 0 ? "numeric catalog-stock-out"
                                                    : "numeric catalog-stock-in", " ", -1);
  self->reason_text = g_strdup (bjb_stock_movement_reason_label (self->reason));
  self->actor_text = g_strdup (actor_name != NULL ? actor_name
                                                  : bjb_result_get_string (result, row, "actor"));
  return self;
}

const char *
bjb_stock_movement_get_reason (BjbStockMovement *self)
{
  g_return_val_if_fail (BJB_IS_STOCK_MOVEMENT (self), NULL);
  return self->reason;
}
