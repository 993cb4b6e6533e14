/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-delivery.h"

struct _BjbDelivery
{
  GObject parent_instance;

  /* Owned */
  JsonObject *row;
  char       *items_text;
  char       *waiting_text;
  char       *completed_text;
  GDateTime  *shipped_at;
  GDateTime  *completed_at;
  JsonArray  *problems;
};

G_DEFINE_FINAL_TYPE (BjbDelivery, bjb_delivery, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ORDER_ID,
  PROP_NUMBER,
  PROP_CUSTOMER_NAME,
  PROP_ADDRESS,
  PROP_PHONE,
  PROP_ITEMS_TEXT,
  PROP_COURIER_NOTE,
  PROP_WAITING_TEXT,
  PROP_RECIPIENT,
  PROP_NOTE,
  PROP_COMPLETED_TEXT,
  PROP_N_PROBLEMS,
  PROP_TITLE_TEXT,
  PROP_RECEIVED_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* NULL for a missing or null member. */
static const char *
row_string (BjbDelivery *self,
            const char  *member)
{
  JsonNode *node = json_object_get_member (self->row, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
}

static GDateTime *
row_time (BjbDelivery *self,
          const char  *member)
{
  const char *text = row_string (self, member);
  g_autoptr(GDateTime) utc = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

/* "120 m² Paving Segi Enam 8 cm", one line per item, as the truck is loaded. */
static char *
format_items (JsonObject *row)
{
  JsonNode *node = json_object_get_member (row, "items");
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *items;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("");
  items = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s",
                              json_object_get_int_member_with_default (item, "qty", 0),
                              json_object_get_string_member_with_default (item, "unit", ""),
                              json_object_get_string_member_with_default (item, "name", ""));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

char *
bjb_delivery_format_moment (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  local = g_date_time_to_local (time);
  /* The day as the lists and the delivered page write it ("2 Des"): "02/12" was a third way
   * of writing a day, and reads as 12 February to some. */
  /* Translators: a day and time on the courier's screens, see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %H:%M"));
}

char *
bjb_delivery_format_waiting (BjbDelivery *self,
                             GDateTime   *now)
{
  g_autofree char *since = NULL;
  GTimeSpan span;
  gint64 minutes;

  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);

  if (self->shipped_at == NULL)
    return g_strdup ("");
  /* Translators: a time of day, see g_date_time_format() */
  since = g_date_time_format (self->shipped_at, _("%H:%M"));
  span = g_date_time_difference (now, self->shipped_at);
  minutes = MAX (span / G_TIME_SPAN_MINUTE, 0);
  if (minutes >= 24 * 60)
    {
      g_autofree char *day = bjb_delivery_format_moment (self->shipped_at);

      /* Translators: an order waiting for delivery since a day and time, then how many days */
      return g_strdup_printf (ngettext ("since %s, %d day", "since %s, %d days",
                                        (int) (minutes / (24 * 60))),
                              day, (int) (minutes / (24 * 60)));
    }
  if (minutes >= 60)
    /* Translators: waiting since a time, then hours and minutes */
    return g_strdup_printf (_("since %s, %d h %d min"), since, (int) (minutes / 60),
                            (int) (minutes % 60));
  /* Translators: waiting since a time, then minutes */
  return g_strdup_printf (_("since %s, %d min"), since, (int) minutes);
}

void
bjb_delivery_tick (BjbDelivery *self,
                   GDateTime   *now)
{
  g_autofree char *text = NULL;

  g_return_if_fail (BJB_IS_DELIVERY (self));

  text = bjb_delivery_format_waiting (self, now);
  if (g_strcmp0 (text, self->waiting_text) == 0)
    return;
  g_free (self->waiting_text);
  self->waiting_text = g_steal_pointer (&text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_TEXT]);
}

char *
bjb_delivery_map_uri (BjbDelivery *self)
{
  g_autofree char *query = NULL;

  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);

  query = g_uri_escape_string (bjb_delivery_get_address (self), NULL, FALSE);
  return g_strconcat ("https://www.google.com/maps/search/?api=1&query=", query, NULL);
}

char *
bjb_delivery_reason_label (const char *code,
                           const char *fallback)
{
  static const BjbCodeLabel reasons[] = {
    { "customer_absent", N_("Nobody there to receive it") },
    { "wrong_address", N_("Wrong address or not found") },
    { "unreachable", N_("The truck cannot reach the site") },
    { "refused", N_("The customer refused the goods") },
    { "damaged", N_("Goods damaged on the way") },
    { "other", N_("Something else") },
  };

  return g_strdup (bjb_code_label (reasons, G_N_ELEMENTS (reasons), code,
                                   fallback != NULL ? fallback : code));
}

static void
bjb_delivery_finalize (GObject *object)
{
  BjbDelivery *self = BJB_DELIVERY (object);

  g_clear_pointer (&self->row, json_object_unref);
  g_clear_pointer (&self->problems, json_array_unref);
  g_clear_pointer (&self->shipped_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_free (self->items_text);
  g_free (self->waiting_text);
  g_free (self->completed_text);

  G_OBJECT_CLASS (bjb_delivery_parent_class)->finalize (object);
}

static void
bjb_delivery_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BjbDelivery *self = BJB_DELIVERY (object);

  switch (prop_id)
    {
    case PROP_ORDER_ID:
      g_value_set_int64 (value, bjb_delivery_get_order_id (self));
      break;
    case PROP_NUMBER:
      g_value_set_string (value, bjb_delivery_get_number (self));
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, bjb_delivery_get_customer_name (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, bjb_delivery_get_address (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, bjb_delivery_get_phone (self));
      break;
    case PROP_ITEMS_TEXT:
      g_value_set_string (value, self->items_text);
      break;
    case PROP_COURIER_NOTE:
      g_value_set_string (value, bjb_delivery_get_courier_note (self));
      break;
    case PROP_WAITING_TEXT:
      g_value_set_string (value, self->waiting_text);
      break;
    case PROP_RECIPIENT:
      g_value_set_string (value, bjb_delivery_get_recipient (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, row_string (self, "note"));
      break;
    case PROP_COMPLETED_TEXT:
      g_value_set_string (value, self->completed_text);
      break;
    case PROP_TITLE_TEXT:
      g_value_take_string (value, g_strdup_printf ("%s · %s", bjb_delivery_get_number (self),
                                                   bjb_delivery_get_customer_name (self)));
      break;
    case PROP_RECEIVED_TEXT:
      /* Translators: who signed for a delivery */
      g_value_take_string (value, g_strdup_printf (_("Received by %s"),
                                                   bjb_delivery_get_recipient (self) ?: "—"));
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, json_array_get_length (self->problems));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_delivery_class_init (BjbDeliveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_delivery_finalize;
  object_class->get_property = bjb_delivery_get_property;

  properties[PROP_ORDER_ID] = g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_string ("number", NULL, NULL, NULL, flags);
  properties[PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, NULL, flags);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, flags);
  properties[PROP_ITEMS_TEXT] = g_param_spec_string ("items-text", NULL, NULL, NULL, flags);
  properties[PROP_COURIER_NOTE] = g_param_spec_string ("courier-note", NULL, NULL, NULL, flags);
  properties[PROP_WAITING_TEXT] = g_param_spec_string ("waiting-text", NULL, NULL, NULL, flags);
  properties[PROP_RECIPIENT] = g_param_spec_string ("recipient", NULL, NULL, NULL, flags);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, flags);
  properties[PROP_COMPLETED_TEXT] = g_param_spec_string ("completed-text", NULL, NULL, NULL, flags);
  properties[PROP_N_PROBLEMS] = g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE_TEXT] = g_param_spec_string ("title-text", NULL, NULL, NULL, flags);
  properties[PROP_RECEIVED_TEXT] = g_param_spec_string ("received-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_delivery_init (BjbDelivery *self)
{
}

BjbDelivery *
bjb_delivery_new_from_json (JsonObject *row)
{
  BjbDelivery *self;
  JsonNode *problems;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (row != NULL, NULL);

  self = g_object_new (BJB_TYPE_DELIVERY, NULL);
  self->row = json_object_ref (row);
  self->items_text = format_items (row);
  self->shipped_at = row_time (self, "shipped_at");
  self->completed_at = row_time (self, "completed_at");
  self->completed_text = self->completed_at != NULL
                         ? g_date_time_format (self->completed_at, _("%H:%M")) : g_strdup ("");
  problems = json_object_get_member (row, "problems");
  self->problems = problems != NULL && JSON_NODE_HOLDS_ARRAY (problems)
                   ? json_array_ref (json_node_get_array (problems)) : json_array_new ();
  self->waiting_text = bjb_delivery_format_waiting (self, now);
  return self;
}

gint64
bjb_delivery_get_order_id (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), 0);
  return json_object_get_int_member_with_default (self->row, "order_id", 0);
}

const char *
bjb_delivery_get_number (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return row_string (self, "number");
}

const char *
bjb_delivery_get_customer_name (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return row_string (self, "customer_name");
}

const char *
bjb_delivery_get_address (BjbDelivery *self)
{
  const char *address;

  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  address = row_string (self, "address");
  return address != NULL ? address : "";
}

const char *
bjb_delivery_get_phone (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return row_string (self, "phone");
}

const char *
bjb_delivery_get_items_text (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return self->items_text;
}

const char *
bjb_delivery_get_courier_note (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return row_string (self, "courier_note");
}

const char *
bjb_delivery_get_recipient (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return row_string (self, "recipient");
}

JsonArray *
bjb_delivery_get_problems (BjbDelivery *self)
{
  g_return_val_if_fail (BJB_IS_DELIVERY (self), NULL);
  return self->problems;
}
