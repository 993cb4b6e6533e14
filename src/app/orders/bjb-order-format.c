/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-format"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-order.h"
#include "bjb-order-format.h"
#include "bjb-orders-resources.h"
#include "bjb-widgets.h"

void
bjb_orders_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_orders_register_resource);
}

const char *
bjb_order_status_label (const char *status)
{
  /* One set of words for a status wherever it shows (issue 8 #6), kept with the order rows. */
  return bjb_customer_order_status_label (status);
}

const char *
bjb_order_rule_label (const char *rule)
{
  if (rule == NULL)
    return NULL;
  if (g_str_equal (rule, "manual_product"))
    return _("Customer discount (product)");
  if (g_str_equal (rule, "manual_all"))
    return _("Customer discount");
  if (g_str_equal (rule, "loyalty"))
    return _("Loyal customer discount");
  if (g_str_equal (rule, "birthday_top3"))
    return _("Birthday discount");
  if (g_str_equal (rule, "cart_threshold"))
    return _("Large order discount");
  if (g_str_equal (rule, "birthday_cart"))
    return _("Birthday discount (cart)");
  return rule;
}

char *
bjb_order_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("");
  local = g_date_time_to_local (time);
  /* The customer's order history and the admin lists write a moment this way ("2 Des 2026
   * 06.58" in Indonesian); a fixed "02 Dec 2026 06:58" here made one order read two ways. */
  /* Translators: when an order was placed, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y %H:%M"));
}

char *
bjb_order_format_time_left (GDateTime *due,
                            GDateTime *now,
                            gboolean  *urgent)
{
  GTimeSpan left;
  gint64 minutes;

  if (urgent)
    *urgent = FALSE;
  if (due == NULL || now == NULL)
    return NULL;

  left = g_date_time_difference (due, now);
  if (left <= 0)
    {
      if (urgent)
        *urgent = TRUE;
      return g_strdup (_("Payment overdue"));
    }
  minutes = left / G_TIME_SPAN_MINUTE;
  /* "Overdue soon": less than six hours of a 24-hour window left. */
  if (urgent)
    *urgent = left < 6 * G_TIME_SPAN_HOUR;
  if (minutes < 60)
    return g_strdup_printf (_("%d min left to pay"), (int) minutes);
  return g_strdup_printf (_("%d h %02d min left to pay"), (int) (minutes / 60), (int) (minutes % 60));
}

char *
bjb_order_format_percent (gint64 percent)
{
  if (percent <= 0)
    return g_strdup ("");
  return g_strdup_printf ("%d %%", (int) percent);
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

const char *
bjb_json_string (JsonObject *object,
                 const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gint64
bjb_json_int (JsonObject *object,
              const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtoll (json_node_get_string (node), NULL, 10);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (node);
  return json_node_get_int (node);
}

gboolean
bjb_json_bool (JsonObject *object,
               const char *name)
{
  JsonNode *node = member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

JsonObject *
bjb_json_object (JsonObject *object,
                 const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
bjb_json_array (JsonObject *object,
                const char *name)
{
  JsonNode *node = member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

GDateTime *
bjb_json_time (JsonObject *object,
               const char *name)
{
  const char *text = bjb_json_string (object, name);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}
