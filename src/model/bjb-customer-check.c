/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bjb-customer-check.h"
#include "bjb-phone.h"

/* Parses "17-08-1985", "17/08/1985" or "1985-08-17" into ISO yyyy-mm-dd. */
static char *
parse_birth_date (const char  *text,
                  char       **reason)
{
  int a = 0, b = 0, c = 0;
  int day, month, year;
  char sep1 = 0, sep2 = 0;
  char rest = 0;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;
  GDate date;

  if (sscanf (text, "%d%c%d%c%d%c", &a, &sep1, &b, &sep2, &c, &rest) != 5 ||
      sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.'))
    {
      *reason = g_strdup (_("Enter the date as DD-MM-YYYY, for example 17-08-1985."));
      return NULL;
    }
  if (a > 31)
    year = a, month = b, day = c;
  else
    day = a, month = b, year = c;

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      *reason = g_strdup (_("This date does not exist or is before 1900."));
      return NULL;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (&date, &today) > 0)
    {
      *reason = g_strdup (_("A birth date cannot be in the future."));
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
email_valid (const char *email)
{
  return strlen (email) <= BJB_CUSTOMER_EMAIL_MAX &&
         g_regex_match_simple ("^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$", email, 0, 0);
}

char *
bjb_customer_check_field (const char  *field,
                          const char  *text,
                          char       **value)
{
  g_autofree char *stored = NULL;
  char *reason = NULL;
  glong length;

  g_return_val_if_fail (field != NULL, NULL);

  text = text != NULL ? text : "";
  length = g_utf8_strlen (text, -1);
  if (g_str_equal (field, "name"))
    {
      if (*text == '\0')
        reason = g_strdup (_("Enter the customer’s name."));
      else if (length > BJB_CUSTOMER_NAME_MAX)
        reason = g_strdup (_("A name has at most 200 characters."));
      else
        stored = g_strdup (text);
    }
  else if (g_str_equal (field, "phone"))
    {
      if (*text != '\0')
        {
          g_autoptr(GError) error = NULL;

          /* bjb_phone_normalize's messages are the sentences for the clerk. */
          stored = bjb_phone_normalize (text, &error);
          if (stored == NULL)
            reason = g_strdup (error->message);
        }
    }
  else if (g_str_equal (field, "email"))
    {
      if (*text != '\0' && !email_valid (text))
        reason = g_strdup (_("Enter an email address like nama@contoh.id."));
      else if (*text != '\0')
        stored = g_strdup (text);
    }
  else if (g_str_equal (field, "address"))
    {
      if (length > BJB_CUSTOMER_ADDRESS_MAX)
        reason = g_strdup (_("An address has at most 1000 characters."));
      else if (*text != '\0')
        stored = g_strdup (text);
    }
  else if (g_str_equal (field, "birth-date"))
    {
      if (*text != '\0')
        stored = parse_birth_date (text, &reason);
    }
  else if (g_str_equal (field, "notes"))
    {
      if (length > BJB_CUSTOMER_NOTES_MAX)
        reason = g_strdup (_("Notes have at most 4000 characters."));
      else
        stored = g_strdup (text);
    }
  else
    g_return_val_if_reached (NULL);

  if (value != NULL)
    *value = reason == NULL ? g_steal_pointer (&stored) : NULL;
  return reason;
}
