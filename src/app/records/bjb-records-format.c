/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-records-format"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "bjb-audit-labels.h"
#include "bjb-code-label.h"
#include "bjb-date.h"
#include "bjb-money.h"
#include "bjb-records-format.h"
#include "bjb-records-resources.h"
#include "bjb-widgets.h"

/* Changed values longer than this are cut: a customer's note must not fill the screen. */
#define MAX_VALUE_CHARS 80

void
bjb_records_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_records_register_resource);
}

/* An unknown name is shown as it is. */
#define LOOKUP(labels, name) \
  bjb_code_label (labels, G_N_ELEMENTS (labels), name, name != NULL ? name : "")

/* Every table with the audit trigger (0001, 0004, 0006, 0007, 0008). */
const char *
bjb_records_table_label (const char *table)
{
  static const BjbCodeLabel labels[] = {
    { "setting", N_("Settings") },
    { "staff", N_("Staff") },
    { "category", N_("Categories") },
    { "product", N_("Products") },
    { "product_photo", N_("Product photos") },
    { "customer", N_("Customers") },
    { "customer_preference", N_("Customer preferences") },
    { "discount_rule", N_("Discount rules") },
    { "sales_order", N_("Orders") },
    { "order_line", N_("Order lines") },
    { "photo", N_("Order photos") },
    { "payment_proof_note", N_("Payment proof notes") },
    { "delivery_attempt", N_("Delivery attempts") },
    { "customer_message", N_("Customer messages") },
    { "message_template", N_("Message templates") },
  };

  return LOOKUP (labels, table);
}

const char *
bjb_records_status_label (const char *status)
{
  static const BjbCodeLabel labels[] = {
    { "pending", N_("Waiting") },
    { "sending", N_("Sending") },
    { "sent", N_("Sent") },
    { "failed", N_("Failed") },
    { "uncertain", N_("Uncertain") },
    { "skipped", N_("Skipped") },
  };

  return LOOKUP (labels, status);
}

const char *
bjb_records_channel_label (const char *channel)
{
  static const BjbCodeLabel labels[] = {
    { "whatsapp", N_("WhatsApp") },
    { "email", N_("Email") },
  };

  return LOOKUP (labels, channel);
}

const char *
bjb_records_kind_label (const char *kind)
{
  static const BjbCodeLabel labels[] = {
    { "payment_confirmed", N_("Payment confirmed") },
    { "order_shipped", N_("Order shipped") },
    { "order_completed", N_("Order completed") },
    { "order_expired", N_("Order expired") },
    { "birthday", N_("Birthday greeting") },
    { "new_product", N_("New product") },
    { "back_in_stock", N_("Back in stock") },
  };

  return LOOKUP (labels, kind);
}

static GDateTime *
parse_time (const char *text)
{
  g_autofree char *iso = NULL;
  gsize len;

  if (text == NULL || *text == '\0')
    return NULL;
  /* "2026-12-01 14:05:00.123+07" (the server's text) → ISO 8601 GLib reads. */
  iso = g_strdup (text);
  if (strlen (iso) > 10 && iso[10] == ' ')
    iso[10] = 'T';
  len = strlen (iso);
  /* "+07" → "+07:00" */
  if (len > 3 && (iso[len - 3] == '+' || iso[len - 3] == '-') && iso[len - 6] != '+')
    {
      char *longer = g_strconcat (iso, ":00", NULL);

      g_free (iso);
      iso = longer;
    }
  return g_date_time_new_from_iso8601 (iso, NULL);
}

static char *
format_time (const char *server_time,
             const char *format)
{
  g_autoptr(GDateTime) time = parse_time (server_time);
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (server_time != NULL ? server_time : "");
  local = g_date_time_to_local (time);
  return g_date_time_format (local, format);
}

char *
bjb_records_format_time (const char *server_time)
{
  /* The same words as the stock and price histories ("2 Dec 2026 14:05"), not a day of its
   * own with a leading zero. */
  return format_time (server_time, _("%-d %b %Y %H:%M"));
}

/* Columns that hold whole rupiah (DESIGN.md: money is bigint rupiah). */
static gboolean
is_money_field (const char *field)
{
  static const char *const money[] = {
    "price", "unit_price", "subtotal", "discount_total", "discount_amount", "total",
    "shipping_cost", "min_cart_total", "amount", "old_price", "new_price",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (money); i++)
    if (g_str_equal (field, money[i]))
      return TRUE;
  return FALSE;
}

/* A row's key or version: written as the id it is ("ID: 12345"), not as a count. */
static gboolean
is_identifier_field (const char *field)
{
  return g_str_equal (field, "id") || g_str_has_suffix (field, "_id") ||
         g_str_equal (field, "version");
}

static gboolean
looks_like_time (const char *text)
{
  return strlen (text) >= 19 && g_ascii_isdigit (text[0]) && text[4] == '-' && text[7] == '-' &&
         (text[10] == 'T' || text[10] == ' ') && text[13] == ':' && text[16] == ':';
}

/* Takes @text. */
static char *
shorten (char *text)
{
  g_autofree char *whole = text;

  if (g_utf8_strlen (whole, -1) <= MAX_VALUE_CHARS)
    return g_steal_pointer (&whole);
  *g_utf8_offset_to_pointer (whole, MAX_VALUE_CHARS - 1) = '\0';
  return g_strconcat (whole, "…", NULL);
}

static char *
format_value (const char *table,
              const char *field,
              JsonNode   *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("—");
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64 && is_money_field (field))
        return bjb_money_format (json_node_get_int (node));
      if (type == G_TYPE_INT64 && is_identifier_field (field))
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      /* A count (stock, a quantity, a threshold) grouped as the stock page writes it. */
      if (type == G_TYPE_INT64)
        return bjb_money_format_plain (json_node_get_int (node));
      if (type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));
      /* To the second: an edit's updated_at often moves within one minute. */
      if (type == G_TYPE_STRING && looks_like_time (json_node_get_string (node)))
        /* Translators: an audited time to the second, see g_date_time_format() */
        return format_time (json_node_get_string (node), _("%-d %b %Y %H:%M:%S"));
      if (type == G_TYPE_STRING)
        {
          /* A status or role in the words the rest of the UI uses; one line per field: a
           * multi-line note becomes one. */
          char *text = bjb_audit_value_label (table, field, json_node_get_string (node));

          if (text == NULL && *json_node_get_string (node) == '\0')
            return g_strdup ("—");
          if (text == NULL)
            text = g_strdup (json_node_get_string (node));

          return shorten (g_strdelimit (text, "\r\n", ' '));
        }
    }
  return shorten (json_to_string (node, FALSE));
}

static const char *
change_field (JsonObject *change)
{
  return json_object_get_string_member_with_default (change, "field", "");
}

static int
compare_rank (gconstpointer a,
              gconstpointer b,
              gpointer      table)
{
  guint rank_a = bjb_audit_field_rank (table, change_field (*(JsonObject **) a));
  guint rank_b = bjb_audit_field_rank (table, change_field (*(JsonObject **) b));

  return (rank_a > rank_b) - (rank_a < rank_b);
}

char *
bjb_records_format_changes (const char *table,
                            const char *changes)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  JsonArray *array;

  if (changes == NULL || (root = json_from_string (changes, NULL)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (root))
    return g_strdup ("");
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (ordered, json_array_get_object_element (array, i));
  /* The server sends the columns by name; a reader wants what changed before who and when
   * (g_ptr_array_sort is stable, so columns of one rank keep the server's order). */
  g_ptr_array_sort_with_data (ordered, compare_rank, (gpointer) table);
  for (guint i = 0; i < ordered->len; i++)
    {
      JsonObject *change = g_ptr_array_index (ordered, i);
      const char *field = change_field (change);
      JsonNode *old = json_object_get_member (change, "old");
      JsonNode *new = json_object_get_member (change, "new");
      const char *label = bjb_audit_field_label (table, field);
      g_autofree char *old_text = format_value (table, field, old);
      g_autofree char *new_text = format_value (table, field, new);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (old == NULL || JSON_NODE_HOLDS_NULL (old))
        g_string_append_printf (text, "%s: %s", label, new_text);
      else if (new == NULL || JSON_NODE_HOLDS_NULL (new))
        g_string_append_printf (text, "%s: %s → —", label, old_text);
      else
        g_string_append_printf (text, "%s: %s → %s", label, old_text, new_text);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

GDate *
bjb_records_parse_date (const char *text,
                        gboolean   *ok)
{
  GDate date;

  *ok = TRUE;
  if (text == NULL || *text == '\0')
    return NULL;
  *ok = bjb_date_parse (text, &date);
  return *ok ? g_date_copy (&date) : NULL;
}

char *
bjb_records_local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date),
                                                         g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return g_date_time_format_iso8601 (midnight);
}
