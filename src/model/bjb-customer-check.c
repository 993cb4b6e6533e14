/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bjb-customer-check.h"
#include "bjb-date.h"
#include "bjb-phone.h"

/* A birth date as the server stores it, "1985-08-17", from what the clerk typed: the one
 * date reader's forms ("17-08-1985", "17/08/1985", "1985-08-17"), a day between 1900 and
 * today. A text that is not a date and a day that cannot be a birthday get different
 * sentences, so the clerk knows whether to fix the format or the day. */
static char *
parse_birth_date (const char  *text,
                  char       **reason)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  BjbDateReading reading;
  GDate today;
  GDate date;

  reading = bjb_date_read (text, &date);
  if (reading == BJB_DATE_READ_NOT_A_DATE)
    {
      *reason = g_strdup (_("Enter the date as DD-MM-YYYY, for example 17-08-1985."));
      return NULL;
    }
  if (reading == BJB_DATE_READ_NO_SUCH_DAY || g_date_get_year (&date) < 1900)
    {
      *reason = g_strdup (_("This date does not exist or is before 1900."));
      return NULL;
    }
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
  if (g_date_compare (&date, &today) > 0)
    {
      *reason = g_strdup (_("A birth date cannot be in the future."));
      return NULL;
    }
  return bjb_date_format_iso (&date);
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
