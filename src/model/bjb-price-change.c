/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-price-change"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"
#include "bjb-price-change.h"
#include "bjb-field-row.h"

struct _BjbPriceChange
{
  BjbFieldRow parent_instance;

  char *at_text;
  gint64 old_price;
  gint64 new_price;
  char *change_text;
  char *actor_text;
};

G_DEFINE_FINAL_TYPE (BjbPriceChange, bjb_price_change, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbPriceChange, field) }
static const BjbRowField fields[] = {
  F ("at-text", BJB_ROW_STRING, at_text),
  F ("old-price", BJB_ROW_INT64, old_price),
  F ("new-price", BJB_ROW_INT64, new_price),
  F ("change-text", BJB_ROW_STRING, change_text),
  F ("actor-text", BJB_ROW_STRING, actor_text),
};
#undef F

static void
bjb_price_change_class_init (BjbPriceChangeClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_price_change_init (BjbPriceChange *self)
{
}

/**
 * bjb_price_change_new_from_result:
 *
 * Returns: (transfer full): the change of @row (a row of bjb.price_history)
 */
BjbPriceChange *
bjb_price_change_new_from_result (BjbResult *result,
                                  guint      row)
{
  BjbPriceChange *self = bjb_field_row_new_from_result (BJB_TYPE_PRICE_CHANGE, result, row);
  g_autoptr(GDateTime) at = bjb_result_get_datetime (result, row, "at");
  g_autofree char *new_text = NULL;
  const char *actor_name = bjb_result_get_string (result, row, "actor_name");

  if (at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (at);

      self->at_text = g_date_time_format (local, _("%-d %b %Y %H:%M"));
    }
  /* The first price has none before it: -1, not the 0 a NULL reads as. */
  if (bjb_result_is_null (result, row, "old_price"))
    self->old_price = -1;
  new_text = bjb_money_format (self->new_price);
  if (self->old_price < 0)
    /* Translators: the first line of a price history: the product was created at this price */
    self->change_text = g_strdup_printf (_("%s (first price)"), new_text);
  else
    {
      g_autofree char *old_text = bjb_money_format (self->old_price);

      self->change_text = g_strdup_printf ("%s → %s", old_text, new_text);
    }
  self->actor_text = g_strdup (actor_name != NULL ? actor_name
                                                  : bjb_result_get_string (result, row, "actor"));
  return self;
}

gint64
bjb_price_change_get_old_price (BjbPriceChange *self)
{
  g_return_val_if_fail (BJB_IS_PRICE_CHANGE (self), 0);
  return self->old_price;
}

gint64
bjb_price_change_get_new_price (BjbPriceChange *self)
{
  g_return_val_if_fail (BJB_IS_PRICE_CHANGE (self), 0);
  return self->new_price;
}

const char *
bjb_price_change_get_actor_text (BjbPriceChange *self)
{
  g_return_val_if_fail (BJB_IS_PRICE_CHANGE (self), NULL);
  return self->actor_text;
}

const char *
bjb_price_change_get_change_text (BjbPriceChange *self)
{
  g_return_val_if_fail (BJB_IS_PRICE_CHANGE (self), NULL);
  return self->change_text;
}
