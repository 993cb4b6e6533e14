/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-rule"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-discount-rule.h"
#include "bjb-money.h"

struct _BjbDiscountRule
{
  GObject parent_instance;

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
};

G_DEFINE_FINAL_TYPE (BjbDiscountRule, bjb_discount_rule, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PERCENT,
  PROP_AUDIENCE,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_SCOPE,
  PROP_PRODUCT_ID,
  PROP_PRODUCT_NAME,
  PROP_MIN_CART_TOTAL,
  PROP_VALID_UNTIL,
  PROP_ACTIVE,
  PROP_STATE,
  PROP_ORDERS_USED,
  PROP_VERSION,
  PROP_AUDIENCE_LABEL,
  PROP_SCOPE_LABEL,
  PROP_PERCENT_LABEL,
  PROP_MIN_CART_LABEL,
  PROP_VALID_UNTIL_LABEL,
  PROP_STATE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
bjb_discount_rule_audience_label (const char *audience)
{
  if (g_strcmp0 (audience, "customer") == 0)
    return _("One customer");
  if (g_strcmp0 (audience, "loyal") == 0)
    return _("All loyal customers");
  return "";
}

const char *
bjb_discount_rule_scope_label (const char *scope)
{
  if (g_strcmp0 (scope, "single_product") == 0)
    return _("One product");
  if (g_strcmp0 (scope, "all_products") == 0)
    return _("All products");
  if (g_strcmp0 (scope, "cart_threshold") == 0)
    return _("Minimum cart");
  return "";
}

const char *
bjb_discount_rule_state_label (const char *state)
{
  if (g_strcmp0 (state, "active") == 0)
    return _("Active");
  if (g_strcmp0 (state, "inactive") == 0)
    return _("Inactive");
  /* The quote ignores a rule past its last day: say so rather than show it as active. */
  if (g_strcmp0 (state, "expired") == 0)
    return _("Expired");
  return "";
}

const char *
bjb_discount_rule_quote_label (const char *rule)
{
  /* The same words as the order desk's lines (bjb-order-format.c). */
  static const struct { const char *rule, *label; } labels[] = {
    { "manual_product", N_("Customer discount (product)") },
    { "manual_all", N_("Customer discount") },
    { "loyalty", N_("Loyal customer discount") },
    { "birthday_top3", N_("Birthday discount") },
    { "cart_threshold", N_("Large order discount") },
    { "birthday_cart", N_("Birthday discount (cart)") },
  };

  for (guint i = 0; rule != NULL && i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (rule, labels[i].rule))
      return _(labels[i].label);
  return rule;
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
bjb_discount_rule_finalize (GObject *object)
{
  BjbDiscountRule *self = BJB_DISCOUNT_RULE (object);

  g_free (self->name);
  g_free (self->audience);
  g_free (self->customer_name);
  g_free (self->scope);
  g_free (self->product_name);
  g_free (self->valid_until);
  g_free (self->state);

  G_OBJECT_CLASS (bjb_discount_rule_parent_class)->finalize (object);
}

static void
bjb_discount_rule_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BjbDiscountRule *self = BJB_DISCOUNT_RULE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PERCENT: g_value_set_int (value, self->percent); break;
    case PROP_AUDIENCE: g_value_set_string (value, self->audience); break;
    case PROP_CUSTOMER_ID: g_value_set_int64 (value, self->customer_id); break;
    case PROP_CUSTOMER_NAME: g_value_set_string (value, self->customer_name); break;
    case PROP_SCOPE: g_value_set_string (value, self->scope); break;
    case PROP_PRODUCT_ID: g_value_set_int64 (value, self->product_id); break;
    case PROP_PRODUCT_NAME: g_value_set_string (value, self->product_name); break;
    case PROP_MIN_CART_TOTAL: g_value_set_int64 (value, self->min_cart_total); break;
    case PROP_VALID_UNTIL: g_value_set_string (value, self->valid_until); break;
    case PROP_ACTIVE: g_value_set_boolean (value, self->active); break;
    case PROP_STATE: g_value_set_string (value, self->state); break;
    case PROP_ORDERS_USED: g_value_set_int64 (value, self->orders_used); break;
    case PROP_VERSION: g_value_set_int (value, self->version); break;
    case PROP_AUDIENCE_LABEL:
      if (g_strcmp0 (self->audience, "customer") == 0 && self->customer_name != NULL)
        g_value_set_string (value, self->customer_name);
      else
        g_value_set_string (value, bjb_discount_rule_audience_label (self->audience));
      break;
    case PROP_SCOPE_LABEL:
      if (g_strcmp0 (self->scope, "single_product") == 0 && self->product_name != NULL)
        g_value_set_string (value, self->product_name);
      else
        g_value_set_string (value, bjb_discount_rule_scope_label (self->scope));
      break;
    case PROP_PERCENT_LABEL:
      g_value_take_string (value, g_strdup_printf ("%d %%", self->percent));
      break;
    case PROP_MIN_CART_LABEL:
      g_value_take_string (value, self->min_cart_total >= 0 ? bjb_money_format (self->min_cart_total)
                                                            : g_strdup ("—"));
      break;
    case PROP_VALID_UNTIL_LABEL:
      g_value_take_string (value, valid_until_label (self->valid_until));
      break;
    case PROP_STATE_LABEL:
      g_value_set_string (value, bjb_discount_rule_state_label (self->state));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
int64_property (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, -1, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
bjb_discount_rule_class_init (BjbDiscountRuleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_discount_rule_finalize;
  object_class->get_property = bjb_discount_rule_get_property;

  properties[PROP_ID] = int64_property ("id");
  properties[PROP_NAME] = string_property ("name");
  properties[PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL, 0, 100, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIENCE] = string_property ("audience");
  properties[PROP_CUSTOMER_ID] = int64_property ("customer-id");
  properties[PROP_CUSTOMER_NAME] = string_property ("customer-name");
  properties[PROP_SCOPE] = string_property ("scope");
  properties[PROP_PRODUCT_ID] = int64_property ("product-id");
  properties[PROP_PRODUCT_NAME] = string_property ("product-name");
  properties[PROP_MIN_CART_TOTAL] = int64_property ("min-cart-total");
  properties[PROP_VALID_UNTIL] = string_property ("valid-until");
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = string_property ("state");
  properties[PROP_ORDERS_USED] = int64_property ("orders-used");
  properties[PROP_VERSION] =
    g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUDIENCE_LABEL] = string_property ("audience-label");
  properties[PROP_SCOPE_LABEL] = string_property ("scope-label");
  properties[PROP_PERCENT_LABEL] = string_property ("percent-label");
  properties[PROP_MIN_CART_LABEL] = string_property ("min-cart-label");
  properties[PROP_VALID_UNTIL_LABEL] = string_property ("valid-until-label");
  properties[PROP_STATE_LABEL] = string_property ("state-label");
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_discount_rule_init (BjbDiscountRule *self)
{
}

static char *
dup_or_null (BjbResult  *result,
             guint       row,
             const char *column)
{
  return bjb_result_is_null (result, row, column) ? NULL
                                                  : g_strdup (bjb_result_get_string (result, row, column));
}

BjbDiscountRule *
bjb_discount_rule_new_from_result (BjbResult *result,
                                   guint      row)
{
  BjbDiscountRule *self = g_object_new (BJB_TYPE_DISCOUNT_RULE, NULL);

  self->id = bjb_result_get_int64 (result, row, "id");
  self->name = g_strdup (bjb_result_get_string (result, row, "name"));
  self->percent = (int) bjb_result_get_int64 (result, row, "percent");
  self->audience = g_strdup (bjb_result_get_string (result, row, "audience"));
  self->customer_id = bjb_result_get_int64 (result, row, "customer_id");
  self->customer_name = dup_or_null (result, row, "customer_name");
  self->scope = g_strdup (bjb_result_get_string (result, row, "scope"));
  self->product_id = bjb_result_get_int64 (result, row, "product_id");
  self->product_name = dup_or_null (result, row, "product_name");
  self->min_cart_total = bjb_result_is_null (result, row, "min_cart_total")
                         ? -1 : bjb_result_get_int64 (result, row, "min_cart_total");
  self->valid_until = dup_or_null (result, row, "valid_until");
  self->active = bjb_result_get_boolean (result, row, "active");
  self->state = g_strdup (bjb_result_get_string (result, row, "state"));
  self->orders_used = bjb_result_get_int64 (result, row, "orders_used");
  self->version = (int) bjb_result_get_int64 (result, row, "version");
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
