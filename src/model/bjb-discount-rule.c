/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-rule"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-code-label.h"
#include "bjb-discount-rule.h"
#include "bjb-field-row.h"
#include "bjb-money.h"

struct _BjbDiscountRule
{
  BjbFieldRow parent_instance;

  gint64 id;
  char *name;
  int percent;
  char *audience;
  gint64 customer_id;
  char *customer_name;
  char *scope;
  gint64 product_id;
  char *product_name;
  gint64 min_cart_total;
  char *valid_until;
  gboolean active;
  char *state;
  gint64 orders_used;
  int version;
  /* The list's words for the values above, in the UI language */
  char *audience_label;
  char *scope_label;
  char *percent_label;
  char *min_cart_label;
  char *valid_until_label;
  char *state_label;
};

G_DEFINE_FINAL_TYPE (BjbDiscountRule, bjb_discount_rule, BJB_TYPE_FIELD_ROW)

#define F(name, type, field) { name, type, G_STRUCT_OFFSET (BjbDiscountRule, field) }
static const BjbRowField fields[] = {
  F ("id", BJB_ROW_INT64, id),
  F ("name", BJB_ROW_STRING, name),
  F ("percent", BJB_ROW_INT, percent),
  F ("audience", BJB_ROW_STRING, audience),
  F ("customer-id", BJB_ROW_INT64, customer_id),
  F ("customer-name", BJB_ROW_STRING, customer_name),
  F ("scope", BJB_ROW_STRING, scope),
  F ("product-id", BJB_ROW_INT64, product_id),
  F ("product-name", BJB_ROW_STRING, product_name),
  F ("min-cart-total", BJB_ROW_INT64, min_cart_total),
  F ("valid-until", BJB_ROW_STRING, valid_until),
  F ("active", BJB_ROW_BOOLEAN, active),
  F ("state", BJB_ROW_STRING, state),
  F ("orders-used", BJB_ROW_INT64, orders_used),
  F ("version", BJB_ROW_INT, version),
  F ("audience-label", BJB_ROW_STRING, audience_label),
  F ("scope-label", BJB_ROW_STRING, scope_label),
  F ("percent-label", BJB_ROW_STRING, percent_label),
  F ("min-cart-label", BJB_ROW_STRING, min_cart_label),
  F ("valid-until-label", BJB_ROW_STRING, valid_until_label),
  F ("state-label", BJB_ROW_STRING, state_label),
};
#undef F

const char *
bjb_discount_rule_audience_label (const char *audience)
{
  static const BjbCodeLabel labels[] = {
    { "customer", N_("One customer") },
    { "loyal", N_("All loyal customers") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), audience, "");
}

const char *
bjb_discount_rule_scope_label (const char *scope)
{
  static const BjbCodeLabel labels[] = {
    { "single_product", N_("One product") },
    { "all_products", N_("All products") },
    { "cart_threshold", N_("Minimum cart") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), scope, "");
}

const char *
bjb_discount_rule_state_label (const char *state)
{
  static const BjbCodeLabel labels[] = {
    { "active", N_("Active") },
    { "inactive", N_("Inactive") },
    /* The quote ignores a rule past its last day: say so rather than show it as active. */
    { "expired", N_("Expired") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), state, "");
}

const char *
bjb_discount_rule_quote_label (const char *rule)
{
  /* The same words as the order desk's lines (bjb-order-format.c). */
  static const BjbCodeLabel labels[] = {
    { "manual_product", N_("Customer discount (product)") },
    { "manual_all", N_("Customer discount") },
    { "loyalty", N_("Loyal customer discount") },
    { "birthday_top3", N_("Birthday discount") },
    { "cart_threshold", N_("Large order discount") },
    { "birthday_cart", N_("Birthday discount (cart)") },
  };

  return bjb_code_label (labels, G_N_ELEMENTS (labels), rule, rule);
}

static char *
valid_until_label (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) date = NULL;

  if (iso == NULL)
    return g_strdup (_("No end date"));
  text = g_strconcat (iso, "T00:00:00", NULL);
  date = g_date_time_new_from_iso8601 (text, utc);
  if (date == NULL)
    return g_strdup (iso);
  /* Translators: date a customer was added, see g_date_time_format() */
  return g_date_time_format (date, _("%-d %b %Y"));
}

static void
bjb_discount_rule_class_init (BjbDiscountRuleClass *klass)
{
  bjb_field_row_class_install (BJB_FIELD_ROW_CLASS (klass), fields, G_N_ELEMENTS (fields), NULL);
}

static void
bjb_discount_rule_init (BjbDiscountRule *self)
{
}

BjbDiscountRule *
bjb_discount_rule_new_from_result (BjbResult *result,
                                   guint      row)
{
  BjbDiscountRule *self = bjb_field_row_new_from_result (BJB_TYPE_DISCOUNT_RULE, result, row);

  /* No minimum cart: -1, not the 0 a NULL reads as. */
  if (bjb_result_is_null (result, row, "min_cart_total"))
    self->min_cart_total = -1;

  /* A rule for one customer or one product shows its name. */
  if (g_strcmp0 (self->audience, "customer") == 0 && self->customer_name != NULL)
    self->audience_label = g_strdup (self->customer_name);
  else
    self->audience_label = g_strdup (bjb_discount_rule_audience_label (self->audience));
  if (g_strcmp0 (self->scope, "single_product") == 0 && self->product_name != NULL)
    self->scope_label = g_strdup (self->product_name);
  else
    self->scope_label = g_strdup (bjb_discount_rule_scope_label (self->scope));
  self->percent_label = g_strdup_printf ("%d %%", self->percent);
  self->min_cart_label = self->min_cart_total >= 0 ? bjb_money_format (self->min_cart_total)
                                                   : g_strdup ("—");
  self->valid_until_label = valid_until_label (self->valid_until);
  self->state_label = g_strdup (bjb_discount_rule_state_label (self->state));
  return self;
}

#define GETTER(type, field, fallback) \
  type bjb_discount_rule_get_##field (BjbDiscountRule *self) \
  { \
    g_return_val_if_fail (BJB_IS_DISCOUNT_RULE (self), fallback); \
    return self->field; \
  }

GETTER (gint64, id, 0)
GETTER (const char *, name, NULL)
GETTER (int, percent, 0)
GETTER (const char *, audience, NULL)
GETTER (gint64, customer_id, 0)
GETTER (const char *, customer_name, NULL)
GETTER (const char *, scope, NULL)
GETTER (gint64, product_id, 0)
GETTER (const char *, product_name, NULL)
GETTER (gint64, min_cart_total, -1)
GETTER (const char *, valid_until, NULL)
GETTER (gboolean, active, FALSE)
GETTER (const char *, state, NULL)
GETTER (gint64, orders_used, 0)
GETTER (int, version, 0)
