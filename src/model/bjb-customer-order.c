/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-order"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-order.h"
#include "bjb-field-row.h"
#include "bjb-money.h"

struct _BjbCustomerOrder
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *number;
  char *status;
  char *feedback;
  /* The detail pane's words for the order, in the UI language */
  char *status_label;
  char *placed_label;
  char *total_label;
};

G_DEFINE_FINAL_TYPE (BjbCustomerOrder, bjb_customer_order, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbCustomerOrder, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("number", BJB_ROW_STRING, number),
  F ("status", BJB_ROW_STRING, status),
  F ("status-label", BJB_ROW_STRING, status_label),
  F ("placed-label", BJB_ROW_STRING, placed_label),
  F ("total-label", BJB_ROW_STRING, total_label),
  F ("feedback", BJB_ROW_STRING, feedback),
};
#undef F

const char *
bjb_customer_order_status_label (const char *status)
{
  /* What the clerk must chase, the same words as the orders list (issue 8 #6). */
  if (g_strcmp0 (status, "pending_payment") == 0)
    return _("Awaiting payment");
  if (g_strcmp0 (status, "paid") == 0)
    return C_("order status", "Paid");
  if (g_strcmp0 (status, "shipped") == 0)
    return C_("order status", "Shipped");
  if (g_strcmp0 (status, "completed") == 0)
    return C_("order status", "Completed");
  if (g_strcmp0 (status, "cancelled") == 0)
    return C_("order status", "Cancelled");
  return status ?: "";
}

static void
bjb_customer_order_class_init (BjbCustomerOrderClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_customer_order_init (BjbCustomerOrder *self)
{
}

static char *
placed_label (const char *placed_at)
{
  g_autoptr(GDateTime) placed = placed_at != NULL ? g_date_time_new_from_iso8601 (placed_at, NULL)
                                                  : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (placed == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (placed);
  /* Translators: when an order was placed, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

/* NULL for a missing member or JSON null (the _with_default getters warn on null). */
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  return json_node_get_int (node);
}

BjbCustomerOrder *
bjb_customer_order_new_from_json (JsonObject *object)
{
  BjbCustomerOrder *self = g_object_new (BJB_TYPE_CUSTOMER_ORDER, NULL);

  self->id = member_int (object, "id");
  self->number = g_strdup (member_string (object, "number") ?: "");
  self->status = g_strdup (member_string (object, "status") ?: "");
  self->feedback = g_strdup (member_string (object, "feedback"));
  self->status_label = g_strdup (bjb_customer_order_status_label (self->status));
  self->placed_label = placed_label (member_string (object, "placed_at"));
  self->total_label = bjb_money_format (member_int (object, "total"));
  return self;
}

const char *
bjb_customer_order_get_number (BjbCustomerOrder *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_ORDER (self), NULL);
  return self->number;
}

const char *
bjb_customer_order_get_status (BjbCustomerOrder *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_ORDER (self), NULL);
  return self->status;
}

const char *
bjb_customer_order_get_feedback (BjbCustomerOrder *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_ORDER (self), NULL);
  return self->feedback;
}
