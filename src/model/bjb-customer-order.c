/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-order"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-order.h"
#include "bjb-money.h"

struct _BjbCustomerOrder
{
  GObject parent_instance;

  gint64 id;
  char *number;
  char *status;
  GDateTime *placed_at;
  gint64 total;
  char *feedback;
};

G_DEFINE_FINAL_TYPE (BjbCustomerOrder, bjb_customer_order, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_PLACED_LABEL,
  PROP_TOTAL_LABEL,
  PROP_FEEDBACK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
bjb_customer_order_finalize (GObject *object)
{
  BjbCustomerOrder *self = (BjbCustomerOrder *)object;

  g_free (self->number);
  g_free (self->status);
  g_free (self->feedback);
  g_clear_pointer (&self->placed_at, g_date_time_unref);

  G_OBJECT_CLASS (bjb_customer_order_parent_class)->finalize (object);
}

static void
bjb_customer_order_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbCustomerOrder *self = BJB_CUSTOMER_ORDER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, bjb_customer_order_status_label (self->status));
      break;
    case PROP_PLACED_LABEL:
      if (self->placed_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (self->placed_at);
          /* Translators: when an order was placed, see g_date_time_format() */
          g_value_take_string (value, g_date_time_format (local, _("%-d %b %Y %H:%M")));
        }
      else
        g_value_set_string (value, "");
      break;
    case PROP_TOTAL_LABEL:
      g_value_take_string (value, bjb_money_format (self->total));
      break;
    case PROP_FEEDBACK:
      g_value_set_string (value, self->feedback);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_order_class_init (BjbCustomerOrderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_customer_order_finalize;
  object_class->get_property = bjb_customer_order_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  properties[PROP_PLACED_LABEL] = g_param_spec_string ("placed-label", NULL, NULL, NULL, ro);
  properties[PROP_TOTAL_LABEL] = g_param_spec_string ("total-label", NULL, NULL, NULL, ro);
  properties[PROP_FEEDBACK] = g_param_spec_string ("feedback", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_customer_order_init (BjbCustomerOrder *self)
{
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
  const char *placed;

  self->id = member_int (object, "id");
  self->number = g_strdup (member_string (object, "number") ?: "");
  self->status = g_strdup (member_string (object, "status") ?: "");
  self->total = member_int (object, "total");
  self->feedback = g_strdup (member_string (object, "feedback"));
  placed = member_string (object, "placed_at");
  if (placed != NULL)
    self->placed_at = g_date_time_new_from_iso8601 (placed, NULL);
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
