/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-phone"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bjb-phone.h"

G_DEFINE_QUARK (bjb-phone-error-quark, bjb_phone_error)

static gboolean
is_separator (char c)
{
  /* What people type between digit groups: "0812-3456-789", "(021) 555 1234". */
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t';
}

/**
 * bjb_phone_normalize:
 * @text: a phone number as typed ("0812-3456-789", "62812…", "+62 812 …")
 * @error: return location for a #BjbPhoneError
 *
 * Normalises an Indonesian phone number to the international form the
 * database stores and WhatsApp expects: "+62" followed by 8 to 13 digits
 * (the national number without its leading 0).
 *
 * Returns: (transfer full) (nullable): "+62…", or %NULL with @error set
 *   saying what is wrong
 */
char *
bjb_phone_normalize (const char  *text,
                     GError     **error)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean plus = FALSE;
  const char *national;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (!is_separator (*p))
        {
          gunichar c = g_utf8_get_char_validated (p, -1);
          char buf[8] = { 0 };

          if (c == (gunichar) -1 || c == (gunichar) -2)
            c = 0xFFFD;
          g_unichar_to_utf8 (c, buf);
          g_set_error (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_INVALID_CHARACTER,
                       _("A phone number cannot contain “%s”"), buf);
          return NULL;
        }
    }

  if (digits->len == 0)
    {
      g_set_error_literal (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_EMPTY,
                           _("Enter a phone number"));
      return NULL;
    }

  if (g_str_has_prefix (digits->str, "62"))
    national = digits->str + 2;
  else if (!plus && g_str_has_prefix (digits->str, "0062"))
    national = digits->str + 4;  /* dialled with the international prefix 00 */
  else if (!plus && digits->str[0] == '0')
    national = digits->str + 1;
  else
    {
      g_set_error_literal (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_NOT_INDONESIAN,
                           _("Not an Indonesian number: start it with 0, 62 or +62"));
      return NULL;
    }

  if (national[0] == '0')
    {
      g_set_error_literal (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_LEADING_ZERO,
                           _("Drop the 0 after the country code 62"));
      return NULL;
    }

  len = strlen (national);
  if (len < BJB_PHONE_MIN_DIGITS)
    {
      g_set_error (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_TOO_SHORT,
                   _("The phone number is too short: %u digits after 62, at least %u needed"),
                   (guint) len, (guint) BJB_PHONE_MIN_DIGITS);
      return NULL;
    }
  if (len > BJB_PHONE_MAX_DIGITS)
    {
      g_set_error (error, BJB_PHONE_ERROR, BJB_PHONE_ERROR_TOO_LONG,
                   _("The phone number is too long: %u digits after 62, at most %u allowed"),
                   (guint) len, (guint) BJB_PHONE_MAX_DIGITS);
      return NULL;
    }

  return g_strconcat ("+62", national, NULL);
}
