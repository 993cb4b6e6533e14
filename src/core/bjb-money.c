/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-money"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"

G_DEFINE_QUARK (bjb-money-error-quark, bjb_money_error)

/* Works on the magnitude as an unsigned number so G_MININT64 formats too. */
static void
append_grouped (GString *out,
                guint64  magnitude)
{
  char digits[24];
  gsize len;

  len = (gsize) g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, magnitude);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

static guint64
magnitude_of (gint64 value)
{
  return value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value;
}

/**
 * bjb_money_format:
 * @rupiah: whole rupiah
 *
 * Formats an amount the way invoices in Indonesia show it: "Rp 1.250.000",
 * negative amounts as "-Rp 5.000".
 *
 * Returns: (transfer full): the formatted amount
 */
char *
bjb_money_format (gint64 rupiah)
{
  GString *out = g_string_new (NULL);

  if (rupiah < 0)
    g_string_append_c (out, '-');
  g_string_append (out, "Rp ");
  append_grouped (out, magnitude_of (rupiah));

  return g_string_free (out, FALSE);
}

/**
 * bjb_money_format_plain:
 * @rupiah: whole rupiah
 *
 * Like bjb_money_format() without the currency: "1.250.000", "-5.000".
 * For entries and table cells whose header already says "Rp".
 *
 * Returns: (transfer full): the formatted amount
 */
char *
bjb_money_format_plain (gint64 rupiah)
{
  GString *out = g_string_new (NULL);

  if (rupiah < 0)
    g_string_append_c (out, '-');
  append_grouped (out, magnitude_of (rupiah));

  return g_string_free (out, FALSE);
}

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

static gboolean
skip_currency (const char **p)
{
  if (g_ascii_tolower ((*p)[0]) == 'r' && g_ascii_tolower ((*p)[1]) == 'p')
    {
      *p += 2;
      /* "Rp." is a common way of writing it too. */
      if (**p == '.')
        (*p)++;
      *p = skip_spaces (*p);
      return TRUE;
    }
  return FALSE;
}

static gboolean
fail_invalid (const char  *text,
              GError     **error)
{
  g_set_error (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_INVALID,
               _("“%s” is not an amount of rupiah; write it like 1.250.000"), text);
  return FALSE;
}

/**
 * bjb_money_parse:
 * @text: what the user typed
 * @out_rupiah: (out) (optional): the amount in whole rupiah
 * @error: return location for a #BjbMoneyError
 *
 * Accepts "1.250.000", "Rp 1.250.000", "Rp1250000", "1250000", a leading minus
 * ("-Rp 5.000", "Rp -5.000") and the invoice habits ",-" and ",00" at the end.
 * Dots must group digits in threes; anything else (letters, "1.25", "1,5",
 * a fraction of a rupiah, more than fits in 64 bits) is an error.
 *
 * Returns: %TRUE if @text is an amount
 */
gboolean
bjb_money_parse (const char  *text,
                 gint64      *out_rupiah,
                 GError     **error)
{
  const char *p;
  gboolean negative = FALSE;
  gboolean currency;
  guint64 value = 0;
  guint64 limit;
  int group_len = 0;
  gboolean grouped = FALSE;
  int ndigits = 0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  p = skip_spaces (text);
  if (*p == '\0')
    {
      g_set_error_literal (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_EMPTY,
                           _("Enter an amount of rupiah"));
      return FALSE;
    }

  if (*p == '-')
    {
      negative = TRUE;
      p = skip_spaces (p + 1);
    }
  currency = skip_currency (&p);
  if (currency && !negative && *p == '-')
    {
      negative = TRUE;
      p = skip_spaces (p + 1);
    }

  limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;

  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          guint d = (guint) (*p - '0');

          if (value > (limit - d) / 10)
            {
              g_set_error (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_OVERFLOW,
                           _("“%s” is too large an amount"), text);
              return FALSE;
            }
          value = value * 10 + d;
          group_len++;
          ndigits++;
          if (grouped && group_len > 3)
            return fail_invalid (text, error);
        }
      else if (*p == '.')
        {
          /* A dot separates thousands: 1 to 3 digits before the first one,
           * exactly 3 between and after. "1.25" is someone typing a decimal. */
          if (group_len == 0 || group_len > 3 || (grouped && group_len != 3))
            return fail_invalid (text, error);
          grouped = TRUE;
          group_len = 0;
        }
      else
        break;
    }

  if (ndigits == 0 || (grouped && group_len != 3))
    return fail_invalid (text, error);

  if (*p == ',')
    {
      const char *frac = p + 1;

      if (*frac == '-')
        p = frac + 1;
      else
        {
          int nfrac = 0;

          for (p = frac; g_ascii_isdigit (*p); p++, nfrac++)
            {
              if (*p != '0')
                {
                  g_set_error (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_FRACTION,
                               _("“%s” has a fraction of a rupiah; amounts are whole rupiah"),
                               text);
                  return FALSE;
                }
            }
          if (nfrac == 0 || nfrac > 2)
            return fail_invalid (text, error);
        }
    }

  p = skip_spaces (p);
  if (*p != '\0')
    return fail_invalid (text, error);

  if (out_rupiah != NULL)
    {
      if (negative)
        *out_rupiah = value == (guint64) G_MAXINT64 + 1 ? G_MININT64 : -(gint64) value;
      else
        *out_rupiah = (gint64) value;
    }

  return TRUE;
}
