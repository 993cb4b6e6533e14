/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-notification"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "bjb-field-props.h"
#include "bjb-money.h"
#include "bjb-notification.h"

/* One row of the notification centre: a bjb.event seen by this staff member,
 * already worded for people, with its read state from bjb.notification_read. */
struct _BjbNotification
{
  GObject parent_instance;

  gint64 id;
  gint64 order_id;
  char *kind;
  char *title;
  char *body;
  char *when;
  char *subtitle;
  GDateTime *created_at;
  gboolean read;
};

G_DEFINE_FINAL_TYPE (BjbNotification, bjb_notification, G_TYPE_OBJECT)

/* The properties are fields (bjb-field-props), but for "unread", which only mirrors "read". */
enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_ORDER_ID,
  PROP_TITLE,
  PROP_BODY,
  PROP_CREATED_AT,
  PROP_WHEN,
  PROP_SUBTITLE,
  PROP_READ,
  PROP_UNREAD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
bjb_notification_finalize (GObject *object)
{
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_notification_parent_class)->finalize (object);
}

static void
bjb_notification_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  if (prop_id == PROP_UNREAD)
    g_value_set_boolean (value, !BJB_NOTIFICATION (object)->read);
  else
    bjb_field_props_get_property (object, prop_id, value, pspec);
}

static void
bjb_notification_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  /* "read" changes "unread" too */
  if (prop_id == PROP_READ)
    bjb_notification_set_read (BJB_NOTIFICATION (object), g_value_get_boolean (value));
  else
    bjb_field_props_set_property (object, prop_id, value, pspec);
}

static void
bjb_notification_constructed (GObject *object)
{
  BjbNotification *self = (BjbNotification *)object;

  G_OBJECT_CLASS (bjb_notification_parent_class)->constructed (object);

  if (self->created_at != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (self->created_at);

      /* Translators: date and time of a notification, see g_date_time_format() */
      self->when = g_date_time_format (local, _("%-d %B %Y, %H:%M"));
    }
  else
    self->when = g_strdup ("");

  if (self->body != NULL && *self->body != '\0')
    self->subtitle = g_strdup_printf ("%s · %s", self->body, self->when);
  else
    self->subtitle = g_strdup (self->when);
}

static void
bjb_notification_class_init (BjbNotificationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags given = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags worded = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  const gsize offsets[] = {
    [PROP_ID] = G_STRUCT_OFFSET (BjbNotification, id),
    [PROP_KIND] = G_STRUCT_OFFSET (BjbNotification, kind),
    [PROP_ORDER_ID] = G_STRUCT_OFFSET (BjbNotification, order_id),
    [PROP_TITLE] = G_STRUCT_OFFSET (BjbNotification, title),
    [PROP_BODY] = G_STRUCT_OFFSET (BjbNotification, body),
    [PROP_CREATED_AT] = G_STRUCT_OFFSET (BjbNotification, created_at),
    [PROP_WHEN] = G_STRUCT_OFFSET (BjbNotification, when),
    [PROP_SUBTITLE] = G_STRUCT_OFFSET (BjbNotification, subtitle),
    [PROP_READ] = G_STRUCT_OFFSET (BjbNotification, read),
  };

  object_class->finalize = bjb_notification_finalize;
  object_class->constructed = bjb_notification_constructed;
  object_class->get_property = bjb_notification_get_property;
  object_class->set_property = bjb_notification_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, given);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, given);
  properties[PROP_ORDER_ID] =
    g_param_spec_int64 ("order-id", NULL, NULL, 0, G_MAXINT64, 0, given);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, given);
  properties[PROP_BODY] = g_param_spec_string ("body", NULL, NULL, NULL, given);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, given);
  properties[PROP_WHEN] = g_param_spec_string ("when", NULL, NULL, NULL, worded);
  /* The second line of a row: who it concerns, and when. */
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, worded);
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* For the list's unread dot: expressions cannot negate. */
  properties[PROP_UNREAD] =
    g_param_spec_boolean ("unread", NULL, NULL, TRUE, worded);

  for (guint i = PROP_ID; i < PROP_UNREAD; i++)
    bjb_field_props_install (object_class, i, offsets[i], properties[i]);
  g_object_class_install_property (object_class, PROP_UNREAD, properties[PROP_UNREAD]);
}

static void
bjb_notification_init (BjbNotification *self)
{
}

/**
 * bjb_notification_new:
 * @created_at: (nullable): when the event happened
 *
 * Returns: (transfer full): a new notification
 */
BjbNotification *
bjb_notification_new (gint64      id,
                      const char *kind,
                      gint64      order_id,
                      const char *title,
                      const char *body,
                      GDateTime  *created_at,
                      gboolean    read)
{
  return g_object_new (BJB_TYPE_NOTIFICATION,
                       "id", id,
                       "kind", kind,
                       "order-id", order_id,
                       "title", title,
                       "body", body,
                       "created-at", created_at,
                       "read", read,
                       NULL);
}

gint64
bjb_notification_get_id (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), 0);
  return self->id;
}

const char *
bjb_notification_get_kind (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->kind;
}

gint64
bjb_notification_get_order_id (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), 0);
  return self->order_id;
}

const char *
bjb_notification_get_title (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->title;
}

const char *
bjb_notification_get_body (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->body;
}

/**
 * bjb_notification_get_created_at:
 *
 * Returns: (transfer none) (nullable): when the event happened
 */
GDateTime *
bjb_notification_get_created_at (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), NULL);
  return self->created_at;
}

gboolean
bjb_notification_get_read (BjbNotification *self)
{
  g_return_val_if_fail (BJB_IS_NOTIFICATION (self), FALSE);
  return self->read;
}

void
bjb_notification_set_read (BjbNotification *self,
                           gboolean         read)
{
  g_return_if_fail (BJB_IS_NOTIFICATION (self));

  read = !!read;
  if (self->read == read)
    return;

  self->read = read;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNREAD]);
}

static const char *
json_get_string (JsonObject *object,
                 const char *member)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return NULL;

  node = json_object_get_member (object, member);
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);

  return NULL;
}

static gboolean
json_get_int (JsonObject *object,
              const char *member,
              gint64     *value)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, member))
    return FALSE;

  node = json_object_get_member (object, member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;

  *value = json_node_get_int (node);
  return TRUE;
}

/* The parts that are there, joined by " · "; "" when none is. */
static char *
join_present (const char *first,
              const char *second,
              const char *third)
{
  const char *parts[] = { first, second, third };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || *parts[i] == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, parts[i]);
    }

  return g_string_free (text, FALSE);
}

/**
 * bjb_notification_new_from_event:
 * @event: a row of bjb.event
 * @role: (nullable): the reader's role; a courier reads "yours to deliver"
 * @read: whether the reader has marked it read
 *
 * The notification centre's wording of an event, in the UI's language.
 *
 * Returns: (transfer full): the notification
 */
BjbNotification *
bjb_notification_new_from_event (BjbEvent   *event,
                                 const char *role,
                                 gboolean    read)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *order = NULL;
  g_autofree char *title = NULL;
  g_autofree char *product = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total_text = NULL;
  JsonObject *details = NULL;
  gint64 total;
  const char *kind = bjb_event_get_kind (event);
  const char *customer;
  const char *number;

  if (json_parser_load_from_data (parser, bjb_event_get_details (event), -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    details = json_node_get_object (json_parser_get_root (parser));

  number = json_get_string (details, "number");
  if (number == NULL)
    number = json_get_string (details, "order_number");
  if (number != NULL)
    order = g_strdup (number);
  else
    order = g_strdup_printf ("#%" G_GINT64_FORMAT, bjb_event_get_order_id (event));

  customer = json_get_string (details, "customer_name");
  if (customer == NULL)
    customer = json_get_string (details, "customer");

  if (json_get_string (details, "product_name") != NULL)
    product = g_strdup (json_get_string (details, "product_name"));
  else if (json_get_string (details, "name") != NULL)
    product = g_strdup (json_get_string (details, "name"));
  else
    product = g_strdup_printf ("#%" G_GINT64_FORMAT, bjb_event_get_product_id (event));

  if (g_strcmp0 (kind, "order_placed") == 0)
    title = g_strdup_printf (_("New order %s"), order);
  else if (g_strcmp0 (kind, "payment_proof_attached") == 0)
    title = g_strdup_printf (_("Payment proof received for order %s"), order);
  else if (g_strcmp0 (kind, "payment_confirmed") == 0)
    title = g_strdup_printf (_("Payment confirmed for order %s"), order);
  else if (g_strcmp0 (kind, "order_shipped") == 0 && g_strcmp0 (role, "courier") == 0)
    title = g_strdup_printf (_("Order %s is yours to deliver"), order);
  else if (g_strcmp0 (kind, "order_shipped") == 0)
    title = g_strdup_printf (_("Order %s is out for delivery"), order);
  else if (g_strcmp0 (kind, "order_completed") == 0)
    title = g_strdup_printf (_("Order %s completed"), order);
  else if (g_strcmp0 (kind, "order_cancelled") == 0)
    title = g_strdup_printf (_("Order %s cancelled"), order);
  else if (g_strcmp0 (kind, "order_expired") == 0)
    title = g_strdup_printf (_("Order %s expired unpaid"), order);
  else if (g_strcmp0 (kind, "stock_low") == 0)
    title = g_strdup_printf (_("Stock is running low: %s"), product);
  else if (g_strcmp0 (kind, "feedback_recorded") == 0)
    title = g_strdup_printf (_("Customer feedback on order %s"), order);
  else if (g_strcmp0 (kind, "payment_proof_rejected") == 0)
    title = g_strdup_printf (_("Payment proof rejected for order %s"), order);
  else if (g_strcmp0 (kind, "delivery_problem") == 0)
    title = g_strdup_printf (_("Order %s could not be delivered"), order);
  else if (g_strcmp0 (kind, "delivery_reassigned") == 0)
    title = g_strdup_printf (_("Order %s was given to another courier"), order);
  else if (g_strcmp0 (kind, "delivery_proof_kept") == 0)
    title = g_strdup_printf (_("Delivery photo received for order %s"), order);
  else if (g_strcmp0 (kind, "delivery_note_changed") == 0)
    title = g_strdup_printf (_("Delivery note changed for order %s"), order);
  else
    title = g_strdup_printf (_("Event “%s”"), kind);

  /* Who, and how much: "Ibu Sari · Rp 1.250.000"; for a failed delivery who reported it
   * and why: "Pak Joko · Alamat tidak ditemukan · pagar terkunci" (the reason's label
   * comes worded from the server; events from before 0021 carry only the login). */
  if (json_get_int (details, "total", &total))
    total_text = bjb_money_format (total);
  if (g_strcmp0 (kind, "delivery_problem") == 0)
    body = join_present (json_get_string (details, "courier_name") ?:
                           json_get_string (details, "courier"),
                         json_get_string (details, "label"),
                         json_get_string (details, "note"));
  else
    body = join_present (customer, total_text, NULL);

  return bjb_notification_new (bjb_event_get_id (event),
                               kind,
                               bjb_event_get_order_id (event),
                               title,
                               body,
                               bjb_event_get_created_at (event),
                               read);
}
