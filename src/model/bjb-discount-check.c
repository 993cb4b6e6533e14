/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bjb-date.h"
#include "bjb-db-error.h"
#include "bjb-discount-check.h"
#include "bjb-money.h"

#define MIN_CART_MAX G_GINT64_CONSTANT (1000000000000)

char *
bjb_discount_check_percent (const char *text,
                            int        *percent)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  char *end = NULL;
  gint64 value;

  if (g_str_has_suffix (copy, "%"))
    {
      copy[strlen (copy) - 1] = '\0';
      g_strchomp (copy);
    }
  if (*copy == '\0')
    return g_strdup (_("Enter the percent of the discount, 1 to 100."));
  value = g_ascii_strtoll (copy, &end, 10);
  if (end == copy || *end != '\0')
    return g_strdup (_("The percent must be a whole number, 1 to 100."));
  if (value < 1 || value > 100)
    return g_strdup (_("The percent must be between 1 and 100."));
  if (percent != NULL)
    *percent = (int) value;
  return NULL;
}

char *
bjb_discount_check_min_cart (const char *text,
                             gint64     *rupiah)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  gint64 value = 0;

  if (*copy == '\0')
    return g_strdup (_("A minimum-cart rule needs the cart total it starts at."));
  if (!bjb_money_parse (copy, &value, NULL))
    return g_strdup (_("Type an amount of rupiah, such as 5.000.000."));
  if (value <= 0 || value > MIN_CART_MAX)
    return g_strdup (_("The minimum cart must be more than Rp 0."));
  if (rupiah != NULL)
    *rupiah = value;
  return NULL;
}

char *
bjb_discount_check_today (void)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = NULL;

  /* Without tzdata, WIB is UTC+7 all year (no daylight saving). */
  if (jakarta == NULL)
    jakarta = g_time_zone_new_offset (7 * 3600);
  now = g_date_time_new_now (jakarta);
  return g_date_time_format (now, "%Y-%m-%d");
}

char *
bjb_discount_check_valid_until (const char  *text,
                                const char  *today,
                                const char  *unchanged,
                                char       **iso)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *today_owned = NULL;
  g_autofree char *value = NULL;
  GDate date;

  if (iso != NULL)
    *iso = NULL;
  if (*copy == '\0')
    return NULL;
  if (!bjb_date_parse (copy, &date) || g_date_get_year (&date) < 2000)
    return g_strdup (_("Type the last day as DD-MM-YYYY, for example 31-12-2026, "
                       "or leave it empty."));

  value = bjb_date_format_iso (&date);
  if (today == NULL)
    today = today_owned = bjb_discount_check_today ();
  /* The same fixed-width form on both sides, so the strings compare as dates. */
  if (strcmp (value, today) < 0 && g_strcmp0 (value, unchanged) != 0)
    return g_strdup (_("The last day cannot be in the past."));
  if (iso != NULL)
    *iso = g_steal_pointer (&value);
  return NULL;
}

const char *
bjb_discount_check_field_of_error (const GError *error)
{
  /* The column 0007's save_discount_rule names in a BJ011 (field_error), and its field. */
  static const struct { const char *column, *field; } fields[] = {
    { "name", "name" },
    { "percent", "percent" },
    { "audience", "audience" },
    { "customer_id", "customer" },
    { "scope", "scope" },
    { "product_id", "product" },
    { "min_cart_total", "min_cart" },
    { "valid_until", "valid_until" },
  };
  const char *column;

  if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "BJ011") != 0)
    return NULL;
  column = bjb_db_error_get_column (error);
  for (guint i = 0; column != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (column, fields[i].column) == 0)
      return fields[i].field;
  return NULL;
}
