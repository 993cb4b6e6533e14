/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-card"

#include "config.h"

#include <string.h>

#include "bjb-customer-card.h"
#include "bjb-customer-order.h"

struct _BjbCustomerCard
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *phone;
  char *email;
  char *address;
  char *birth_date;
  char *notes;
  gboolean active;
  GDateTime *created_at;
  JsonNode *summary;
  GArray *preference_ids;
  char *preferences;
  GListStore *orders;
};

G_DEFINE_FINAL_TYPE (BjbCustomerCard, bjb_customer_card, G_TYPE_OBJECT)

static void
bjb_customer_card_finalize (GObject *object)
{
  BjbCustomerCard *self = (BjbCustomerCard *)object;

  g_free (self->name);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->birth_date);
  g_free (self->notes);
  g_free (self->preferences);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->summary, json_node_unref);
  g_clear_pointer (&self->preference_ids, g_array_unref);
  g_clear_object (&self->orders);

  G_OBJECT_CLASS (bjb_customer_card_parent_class)->finalize (object);
}

static void
bjb_customer_card_class_init (BjbCustomerCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_customer_card_finalize;
}

static void
bjb_customer_card_init (BjbCustomerCard *self)
{
  self->preference_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->orders = g_list_store_new (BJB_TYPE_CUSTOMER_ORDER);
}

/* "{3,7}", a bigint[] in text form */
static void
parse_ids (GArray     *ids,
           const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *inner = NULL;

  if (text == NULL || strlen (text) <= 2)
    return;
  inner = g_strndup (text + 1, strlen (text) - 2);
  parts = g_strsplit (inner, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (parts[i], NULL, 10);

      g_array_append_val (ids, id);
    }
}

/**
 * bjb_customer_card_new_from_result:
 *
 * Returns: (transfer full): the card of @row (columns as CARD_SQL of bjb-customer-ops.c)
 */
BjbCustomerCard *
bjb_customer_card_new_from_result (BjbResult *result,
                                   guint      row)
{
  BjbCustomerCard *self = g_object_new (BJB_TYPE_CUSTOMER_CARD, NULL);
  g_autoptr(JsonNode) orders = NULL;

  self->id = bjb_result_get_int64 (result, row, "id");
  self->name = g_strdup (bjb_result_get_string (result, row, "name"));
  self->phone = g_strdup (bjb_result_get_string (result, row, "phone"));
  self->email = g_strdup (bjb_result_get_string (result, row, "email"));
  self->address = g_strdup (bjb_result_get_string (result, row, "address"));
  self->birth_date = g_strdup (bjb_result_get_string (result, row, "birth_date"));
  self->notes = g_strdup (bjb_result_get_string (result, row, "notes"));
  self->active = g_strcmp0 (bjb_result_get_string (result, row, "status"), "active") == 0;
  self->created_at = bjb_result_get_datetime (result, row, "created_at");
  self->summary = bjb_result_get_json (result, row, "summary");
  if (self->summary != NULL && !JSON_NODE_HOLDS_OBJECT (self->summary))
    g_clear_pointer (&self->summary, json_node_unref);
  parse_ids (self->preference_ids, bjb_result_get_string (result, row, "preference_ids"));
  self->preferences = g_strdup (bjb_result_get_string (result, row, "preferences"));

  orders = bjb_result_get_json (result, row, "orders");
  if (orders != NULL && JSON_NODE_HOLDS_ARRAY (orders))
    {
      JsonArray *array = json_node_get_array (orders);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autoptr(BjbCustomerOrder) order =
            bjb_customer_order_new_from_json (json_array_get_object_element (array, i));

          g_list_store_append (self->orders, order);
        }
    }
  return self;
}

gint64
bjb_customer_card_get_id (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), 0);
  return self->id;
}

const char *
bjb_customer_card_get_name (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->name;
}

const char *
bjb_customer_card_get_phone (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->phone;
}

const char *
bjb_customer_card_get_email (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->email;
}

const char *
bjb_customer_card_get_address (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->address;
}

const char *
bjb_customer_card_get_birth_date (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->birth_date;
}

const char *
bjb_customer_card_get_notes (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->notes;
}

gboolean
bjb_customer_card_get_active (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), FALSE);
  return self->active;
}

GDateTime *
bjb_customer_card_get_created_at (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->created_at;
}

JsonObject *
bjb_customer_card_get_summary (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->summary != NULL ? json_node_get_object (self->summary) : NULL;
}

GArray *
bjb_customer_card_get_preference_ids (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->preference_ids;
}

const char *
bjb_customer_card_get_preferences (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return self->preferences;
}

GListModel *
bjb_customer_card_get_orders (BjbCustomerCard *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_CARD (self), NULL);
  return G_LIST_MODEL (self->orders);
}
