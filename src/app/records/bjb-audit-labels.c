/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-labels"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-audit-labels.h"
#include "bjb-code-label.h"
#include "bjb-customer-order.h"
#include "bjb-delivery.h"
#include "bjb-discount-rule.h"
#include "bjb-records-format.h"
#include "bjb-staff-member.h"

typedef struct
{
  const char *table; /* NULL: the column means the same in every audited table */
  const char *field;
  const char *label;
} FieldLabel;

/* The columns of the audited tables (bjb_records_table_label lists them), in the order the
 * change lines are shown: what a row is first, its bookkeeping last. A table-specific row
 * comes before the general one: "name" is a product's name but a setting's "key" is the
 * setting itself. The columns the trigger strips (photo data, the lower-case search copies)
 * never reach the log and have no label. */
static const FieldLabel field_labels[] = {
  { "setting", "key", N_("Setting") },
  { "setting", "value", N_("Value") },
  { "sales_order", "number", N_("Order number") },
  { "sales_order", "delivery", N_("Delivery") },
  { "sales_order", "address", N_("Delivery address") },
  { "delivery_attempt", "at", N_("Reported at") },
  { "delivery_attempt", "recipient", N_("Received by") },
  { "order_line", "rule", N_("Discount") },
  { NULL, "login", N_("Login") },
  { NULL, "display_name", N_("Name") },
  { NULL, "name", N_("Name") },
  { NULL, "label", N_("Label") },
  { NULL, "description", N_("Description") },
  { NULL, "role", N_("Role") },
  { NULL, "active", N_("Active") },
  { NULL, "status", N_("Status") },
  { NULL, "phone", N_("Phone") },
  { NULL, "email", N_("Email") },
  { NULL, "address", N_("Address") },
  { NULL, "birth_date", N_("Birthday") },
  { NULL, "notes", N_("Notes") },
  { NULL, "note", N_("Note") },
  { NULL, "email_opt_out", N_("Refuses email messages") },
  { NULL, "whatsapp_opt_out", N_("Refuses WhatsApp messages") },
  { NULL, "category_id", N_("Category") },
  { NULL, "product_id", N_("Product") },
  { NULL, "customer_id", N_("Customer") },
  { NULL, "order_id", N_("Order") },
  { NULL, "photo_id", N_("Photo") },
  { NULL, "rule_id", N_("Discount rule") },
  { NULL, "price", N_("Price") },
  { NULL, "unit", N_("Unit") },
  { NULL, "stock", N_("Stock") },
  { NULL, "line_no", N_("Line") },
  { NULL, "qty", N_("Quantity") },
  { NULL, "unit_price", N_("Unit price") },
  { NULL, "subtotal", N_("Subtotal") },
  { NULL, "discount_percent", N_("Discount (%)") },
  { NULL, "discount_amount", N_("Discount") },
  { NULL, "discount_total", N_("Discount") },
  { NULL, "shipping_cost", N_("Shipping cost") },
  { NULL, "total", N_("Total") },
  { NULL, "reason", N_("Reason") },
  { NULL, "placed_at", N_("Placed at") },
  { NULL, "payment_due_at", N_("Payment due") },
  { NULL, "paid_at", N_("Paid at") },
  { NULL, "shipped_at", N_("Shipped at") },
  { NULL, "completed_at", N_("Completed at") },
  { NULL, "cancelled_at", N_("Cancelled at") },
  { NULL, "cancel_reason", N_("Why cancelled") },
  { NULL, "courier", N_("Courier") },
  { NULL, "courier_note", N_("Note for the courier") },
  { NULL, "recipient_name", N_("Received by") },
  { NULL, "delivery_note", N_("Delivery note") },
  { NULL, "delivery_received_at", N_("Received at") },
  { NULL, "delivery_captured_at", N_("Photo taken at") },
  { NULL, "captured_at", N_("Photo taken at") },
  { NULL, "outcome", N_("Outcome") },
  { NULL, "feedback", N_("Feedback") },
  { NULL, "feedback_at", N_("Feedback given at") },
  { NULL, "request_id", N_("Request") },
  { NULL, "completion_key", N_("Completion key") },
  { NULL, "client_key", N_("Client key") },
  { NULL, "kind", N_("Kind") },
  { NULL, "mime", N_("File type") },
  { NULL, "width", N_("Width") },
  { NULL, "height", N_("Height") },
  { NULL, "uploaded_at", N_("Uploaded at") },
  { NULL, "uploaded_by", N_("Uploaded by") },
  { NULL, "amount", N_("Amount") },
  { NULL, "bank", N_("Bank") },
  { NULL, "reference", N_("Reference") },
  { NULL, "reject_reason", N_("Why rejected") },
  { NULL, "rejected_at", N_("Rejected at") },
  { NULL, "rejected_by", N_("Rejected by") },
  { NULL, "audience", N_("Who gets it") },
  { NULL, "scope", N_("Applies to") },
  { NULL, "percent", N_("Percent") },
  { NULL, "min_cart_total", N_("Minimum cart") },
  { NULL, "valid_until", N_("Last day") },
  { NULL, "channel", N_("Channel") },
  { NULL, "subject", N_("Subject") },
  { NULL, "body", N_("Text") },
  { NULL, "attempts", N_("Attempts") },
  { NULL, "last_error", N_("Last error") },
  { NULL, "next_attempt_at", N_("Next attempt at") },
  { NULL, "sent_at", N_("Sent at") },
  { NULL, "resent_at", N_("Sent again at") },
  { NULL, "resent_by", N_("Sent again by") },
  /* Bookkeeping last: who and when matter less than what changed. */
  { NULL, "edited_at", N_("Edited at") },
  { NULL, "edited_by", N_("Edited by") },
  { NULL, "updated_at", N_("Changed at") },
  { NULL, "updated_by", N_("Changed by") },
  { NULL, "created_at", N_("Created at") },
  { NULL, "created_by", N_("Created by") },
  { NULL, "version", N_("Version") },
  { NULL, "id", N_("ID") },
};

static gssize
find_field (const char *table,
            const char *field)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if ((field_labels[i].table == NULL || g_strcmp0 (field_labels[i].table, table) == 0) &&
        g_str_equal (field_labels[i].field, field))
      return i;
  return -1;
}

const char *
bjb_audit_field_label (const char *table,
                       const char *field)
{
  gssize i;

  g_return_val_if_fail (field != NULL, "");

  i = find_field (table, field);
  return i >= 0 ? _(field_labels[i].label) : field;
}

guint
bjb_audit_field_rank (const char *table,
                      const char *field)
{
  gssize i;

  g_return_val_if_fail (field != NULL, G_MAXUINT);

  /* A column added after this list was written goes before the bookkeeping, not after it. */
  i = find_field (table, field);
  return i >= 0 ? (guint) i : find_field (NULL, "edited_at");
}

/* The codes no other page names. */
static const BjbCodeLabel customer_statuses[] = {
  { "active", N_("Active") },
  { "inactive", N_("Inactive") },
};
static const BjbCodeLabel photo_kinds[] = {
  { "payment_proof", N_("Payment proof") },
  { "delivery", N_("Delivery photo") },
  { "feedback", N_("Feedback photo") },
};
static const BjbCodeLabel order_deliveries[] = {
  { "delivery", N_("Delivered by courier") },
  { "pickup", N_("Pickup") },
};
static const BjbCodeLabel delivery_outcomes[] = {
  { "delivered", N_("Delivered") },
  { "problem", N_("Could not deliver") },
};

typedef const char *(*LabelFunc) (const char *value);

typedef struct
{
  const char *table;
  const char *field;
  /* Either a table of codes, or the label function another page uses for them. */
  const BjbCodeLabel *codes;
  gsize n_codes;
  LabelFunc label;
} ValueLabeller;

#define CODES(table, field, codes) { table, field, codes, G_N_ELEMENTS (codes), NULL }
#define FUNC(table, field, func) { table, field, NULL, 0, func }

static const ValueLabeller value_labellers[] = {
  CODES ("customer", "status", customer_statuses),
  CODES ("photo", "kind", photo_kinds),
  CODES ("sales_order", "delivery", order_deliveries),
  CODES ("delivery_attempt", "outcome", delivery_outcomes),
  /* The same words as the pages that show these codes. */
  FUNC ("sales_order", "status", bjb_customer_order_status_label),
  FUNC ("staff", "role", bjb_staff_member_role_label),
  FUNC ("discount_rule", "audience", bjb_discount_rule_audience_label),
  FUNC ("discount_rule", "scope", bjb_discount_rule_scope_label),
  FUNC ("customer_message", "status", bjb_records_status_label),
  FUNC ("customer_message", "channel", bjb_records_channel_label),
  FUNC ("customer_message", "kind", bjb_records_kind_label),
  FUNC ("message_template", "channel", bjb_records_channel_label),
  FUNC ("message_template", "kind", bjb_records_kind_label),
};

/* A label function returns its argument, or "", for a value it does not know: only a
 * different, non-empty text is a label. */
static char *
known (const char *label,
       const char *value)
{
  if (label == NULL || *label == '\0' || g_strcmp0 (label, value) == 0)
    return NULL;
  return g_strdup (label);
}

static gboolean
is (const char *table,
    const char *field,
    const char *want_table,
    const char *want_field)
{
  return g_strcmp0 (table, want_table) == 0 && g_str_equal (field, want_field);
}

char *
bjb_audit_value_label (const char *table,
                       const char *field,
                       const char *value)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (value == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (value_labellers); i++)
    {
      const ValueLabeller *labeller = &value_labellers[i];

      if (!is (table, field, labeller->table, labeller->field))
        continue;
      if (labeller->codes != NULL)
        return known (bjb_code_label (labeller->codes, labeller->n_codes, value, NULL), value);
      return known (labeller->label (value), value);
    }
  if (is (table, field, "delivery_attempt", "reason"))
    {
      g_autofree char *label = bjb_delivery_reason_label (value, NULL);

      return known (label, value);
    }
  return NULL;
}

const char *
bjb_audit_row_label (const char *table,
                     const char *row_key)
{
  /* The keys of bjb.set_setting (0007), titled as the settings page titles them. */
  static const BjbCodeLabel settings[] = {
    { "loyalty_threshold", N_("Loyalty threshold (Rp)") },
    { "birthday_cart_min", N_("Birthday cart minimum (Rp)") },
    { "birthday_percent", N_("Birthday discount (%)") },
    { "payment_window", N_("Payment window (hours)") },
    { "low_stock_threshold", N_("Low-stock threshold") },
    { "require_second_confirmer", N_("Payments confirmed by a second staff member") },
    { "business_name", N_("Business name") },
    { "business_address", N_("Business address") },
    { "business_phone", N_("Business phone") },
    { "bank_accounts", N_("Bank accounts for transfers (separate with ;)") },
  };

  if (g_strcmp0 (table, "setting") != 0)
    return row_key;
  return bjb_code_label (settings, G_N_ELEMENTS (settings), row_key, row_key);
}
