/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-date"

#include "config.h"

#include "bjb-date.h"

/* Up to @max digits at *p; how many were read. */
static guint
read_number (const char **p,
             guint        max,
             int         *value)
{
  guint digits = 0;

  *value = 0;
  while (digits < max && g_ascii_isdigit (**p))
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      digits++;
    }
  return digits;
}

static const char *
skip_spaces (const char *p)
{
  while (g_ascii_isspace (*p))
    p++;
  return p;
}

BjbDateReading
bjb_date_read (const char *text,
               GDate      *date)
{
  const char *p;
  int first, month, last;
  guint first_digits, month_digits, last_digits;
  char separator;
  int day, year;

  g_return_val_if_fail (date != NULL, BJB_DATE_READ_NOT_A_DATE);

  g_date_clear (date, 1);
  if (text == NULL)
    return BJB_DATE_READ_NOT_A_DATE;
  p = skip_spaces (text);
  first_digits = read_number (&p, 4, &first);
  separator = *p;
  if (separator != '-' && separator != '/' && separator != '.')
    return BJB_DATE_READ_NOT_A_DATE;
  p++;
  month_digits = read_number (&p, 2, &month);
  if (*p != separator)
    return BJB_DATE_READ_NOT_A_DATE;
  p++;
  last_digits = read_number (&p, 4, &last);
  if (*skip_spaces (p) != '\0' || month_digits == 0)
    return BJB_DATE_READ_NOT_A_DATE;

  if (first_digits == 4 && last_digits >= 1 && last_digits <= 2)
    year = first, day = last;
  else if (last_digits == 4 && first_digits >= 1 && first_digits <= 2)
    day = first, year = last;
  else
    return BJB_DATE_READ_NOT_A_DATE;
  if (year < 1000 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return BJB_DATE_READ_NO_SUCH_DAY;
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return BJB_DATE_READ_OK;
}

gboolean
bjb_date_parse (const char *text,
                GDate      *date)
{
  return bjb_date_read (text, date) == BJB_DATE_READ_OK;
}

char *
bjb_date_format_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
bjb_date_format_dmy (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%02d-%02d-%04d", g_date_get_day (date), g_date_get_month (date),
                          g_date_get_year (date));
}
