/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer.h"
#include "bjb-paged-query.h"
#include "bjb-money.h"

struct _BjbCustomer
{
  GObject parent_instance;

  gint64 id;
  gboolean placeholder;
  char *name;
  char *phone;
  char *email;
  char *address;
  char *status;
  char *birth_date;          /* ISO yyyy-mm-dd or NULL */
  int days_to_birthday;      /* -1: no birth date */
  gint64 total_spend;
  int order_count;
  gboolean loyal;
  GDateTime *created_at;
  char *sort_key;
};

static void paged_row_iface_init (BjbPagedRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbCustomer, bjb_customer, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_ROW, paged_row_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_ACTIVE,
  PROP_BIRTH_DATE,
  PROP_BIRTHDAY_LABEL,
  PROP_DAYS_TO_BIRTHDAY,
  PROP_TOTAL_SPEND,
  PROP_TOTAL_SPEND_LABEL,
  PROP_ORDER_COUNT,
  PROP_LOYAL,
  PROP_CREATED_AT,
  PROP_CREATED_LABEL,
  N_PROPS,
  /* BjbPagedRow's, overridden: not in the installed array */
  PROP_PLACEHOLDER = N_PROPS,
};

static GParamSpec *properties[N_PROPS + 1];

static char *
birthday_label (BjbCustomer *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *day = NULL;

  if (self->birth_date == NULL)
    return g_strdup ("");

  iso = g_strconcat (self->birth_date, "T00:00:00Z", NULL);
  date = g_date_time_new_from_iso8601 (iso, NULL);
  if (date == NULL)
    return g_strdup (self->birth_date);

  /* Translators: a birthday (day and month) in the customer list, see g_date_time_format() */
  day = g_date_time_format (date, _("%-d %b"));
  if (self->days_to_birthday == 0)
    /* Translators: %s is a birth date; the birthday is today */
    return g_strdup_printf (_("%s · today!"), day);
  if (self->days_to_birthday > 0 && self->days_to_birthday < 7)
    /* Translators: a birthday soon, "24 Nov · in 2 days" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · in %d day", "%s · in %d days",
                                         self->days_to_birthday),
                            day, self->days_to_birthday);
  return g_steal_pointer (&day);
}

static const char *
status_label (BjbCustomer *self)
{
  if (self->status == NULL)
    return "";
  if (g_str_equal (self->status, "active"))
    return _("Active");
  return _("Inactive");
}

static void
bjb_customer_finalize (GObject *object)
{
  BjbCustomer *self = (BjbCustomer *)object;

  g_free (self->name);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->status);
  g_free (self->birth_date);
  g_free (self->sort_key);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (bjb_customer_parent_class)->finalize (object);
}

static void
bjb_customer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BjbCustomer *self = BJB_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_boolean (value, self->placeholder);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->placeholder ? _("Loading…") : self->name);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, status_label (self));
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, g_strcmp0 (self->status, "active") == 0);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_BIRTHDAY_LABEL:
      g_value_take_string (value, birthday_label (self));
      break;
    case PROP_DAYS_TO_BIRTHDAY:
      g_value_set_int (value, self->days_to_birthday);
      break;
    case PROP_TOTAL_SPEND:
      g_value_set_int64 (value, self->total_spend);
      break;
    case PROP_TOTAL_SPEND_LABEL:
      g_value_take_string (value, self->placeholder ? g_strdup ("") : bjb_money_format (self->total_spend));
      break;
    case PROP_ORDER_COUNT:
      g_value_set_int (value, self->order_count);
      break;
    case PROP_LOYAL:
      g_value_set_boolean (value, self->loyal);
      break;
    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;
    case PROP_CREATED_LABEL:
      if (self->created_at != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_local (self->created_at);
          /* Translators: date a customer was added, see g_date_time_format() */
          g_value_take_string (value, g_date_time_format (local, _("%-d %b %Y")));
        }
      else
        g_value_set_string (value, "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BjbCustomer *self = BJB_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_PLACEHOLDER:
      self->placeholder = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_class_init (BjbCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_customer_finalize;
  object_class->get_property = bjb_customer_get_property;
  object_class->set_property = bjb_customer_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, ro);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, ro);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, ro);
  properties[PROP_ACTIVE] = g_param_spec_boolean ("active", NULL, NULL, FALSE, ro);
  properties[PROP_BIRTH_DATE] = g_param_spec_string ("birth-date", NULL, NULL, NULL, ro);
  properties[PROP_BIRTHDAY_LABEL] = g_param_spec_string ("birthday-label", NULL, NULL, NULL, ro);
  properties[PROP_DAYS_TO_BIRTHDAY] =
    g_param_spec_int ("days-to-birthday", NULL, NULL, -1, 366, -1, ro);
  properties[PROP_TOTAL_SPEND] =
    g_param_spec_int64 ("total-spend", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TOTAL_SPEND_LABEL] =
    g_param_spec_string ("total-spend-label", NULL, NULL, NULL, ro);
  properties[PROP_ORDER_COUNT] = g_param_spec_int ("order-count", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_LOYAL] = g_param_spec_boolean ("loyal", NULL, NULL, FALSE, ro);
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_CREATED_LABEL] = g_param_spec_string ("created-label", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_PLACEHOLDER, "placeholder");
  properties[PROP_PLACEHOLDER] = g_object_class_find_property (object_class, "placeholder");
}

static void
bjb_customer_init (BjbCustomer *self)
{
  self->days_to_birthday = -1;
}

/**
 * bjb_customer_new_from_result:
 *
 * Returns: (transfer full): the customer of @row (a row of bjb.search_customers)
 */
BjbCustomer *
bjb_customer_new_from_result (BjbResult *result,
                              guint      row)
{
  BjbCustomer *self = g_object_new (BJB_TYPE_CUSTOMER, NULL);

  g_return_val_if_fail (BJB_IS_RESULT (result), self);

  self->id = bjb_result_get_int64 (result, row, "id");
  self->name = g_strdup (bjb_result_get_string (result, row, "name"));
  self->phone = g_strdup (bjb_result_get_string (result, row, "phone"));
  self->email = g_strdup (bjb_result_get_string (result, row, "email"));
  self->address = g_strdup (bjb_result_get_string (result, row, "address"));
  self->status = g_strdup (bjb_result_get_string (result, row, "status"));
  self->birth_date = g_strdup (bjb_result_get_string (result, row, "birth_date"));
  self->days_to_birthday = bjb_result_is_null (result, row, "days_to_birthday")
                           ? -1 : (int) bjb_result_get_int64 (result, row, "days_to_birthday");
  self->total_spend = bjb_result_get_int64 (result, row, "total_spend");
  self->order_count = (int) bjb_result_get_int64 (result, row, "order_count");
  self->loyal = bjb_result_get_boolean (result, row, "loyal");
  self->created_at = bjb_result_get_datetime (result, row, "created_at");
  self->sort_key = g_strdup (bjb_result_get_string (result, row, "sort_key"));
  return self;
}

/* BjbPagedRow */

static gint64
bjb_customer_paged_get_id (BjbPagedRow *row)
{
  return BJB_CUSTOMER (row)->id;
}

static gboolean
bjb_customer_paged_get_placeholder (BjbPagedRow *row)
{
  return BJB_CUSTOMER (row)->placeholder;
}

/* Copies @from into @self, notifying only what changed: a row widget showing @self redraws
 * the cells whose value is new and nothing else. */
static void
bjb_customer_paged_update (BjbPagedRow *row,
                           BjbPagedRow *from_row)
{
  BjbCustomer *self = BJB_CUSTOMER (row);
  BjbCustomer *from = BJB_CUSTOMER (from_row);
  gboolean birthday_changed = FALSE;
  gboolean was_placeholder = self->placeholder;

  g_object_freeze_notify (G_OBJECT (self));

  self->placeholder = FALSE;
  if (was_placeholder)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACEHOLDER]);
  if (self->id != from->id)
    {
      self->id = from->id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  if (bjb_paged_query_set_string (&self->name, from->name) || was_placeholder)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  if (bjb_paged_query_set_string (&self->phone, from->phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
  if (bjb_paged_query_set_string (&self->email, from->email))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
  if (bjb_paged_query_set_string (&self->address, from->address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
  if (bjb_paged_query_set_string (&self->status, from->status))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
  if (bjb_paged_query_set_string (&self->birth_date, from->birth_date))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
      birthday_changed = TRUE;
    }
  if (from->days_to_birthday != self->days_to_birthday)
    {
      self->days_to_birthday = from->days_to_birthday;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_TO_BIRTHDAY]);
      birthday_changed = TRUE;
    }
  if (birthday_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTHDAY_LABEL]);
  if (from->total_spend != self->total_spend || was_placeholder)
    {
      self->total_spend = from->total_spend;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_SPEND]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_SPEND_LABEL]);
    }
  if (from->order_count != self->order_count)
    {
      self->order_count = from->order_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORDER_COUNT]);
    }
  if (from->loyal != self->loyal)
    {
      self->loyal = from->loyal;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOYAL]);
    }
  if (from->created_at != NULL &&
      (self->created_at == NULL || !g_date_time_equal (from->created_at, self->created_at)))
    {
      g_clear_pointer (&self->created_at, g_date_time_unref);
      self->created_at = g_date_time_ref (from->created_at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_LABEL]);
    }
  bjb_paged_query_set_string (&self->sort_key, from->sort_key);

  g_object_thaw_notify (G_OBJECT (self));
}

static void
paged_row_iface_init (BjbPagedRowInterface *iface)
{
  iface->get_id = bjb_customer_paged_get_id;
  iface->update = bjb_customer_paged_update;
  iface->get_placeholder = bjb_customer_paged_get_placeholder;
}

gint64
bjb_customer_get_id (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), 0);
  return self->id;
}

gboolean
bjb_customer_get_placeholder (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), FALSE);
  return self->placeholder;
}

const char *
bjb_customer_get_name (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), NULL);
  return self->name;
}

const char *
bjb_customer_get_phone (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), NULL);
  return self->phone;
}

const char *
bjb_customer_get_email (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), NULL);
  return self->email;
}

gint64
bjb_customer_get_total_spend (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), 0);
  return self->total_spend;
}

gboolean
bjb_customer_get_loyal (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), FALSE);
  return self->loyal;
}

const char *
bjb_customer_get_sort_key (BjbCustomer *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER (self), NULL);
  return self->sort_key;
}
