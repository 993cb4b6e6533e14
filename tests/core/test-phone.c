/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-phone"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bjb-phone.h"

static void
assert_normalizes (const char *text,
                   const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = bjb_phone_normalize (text, &error);

  if (phone == NULL)
    g_error ("“%s” was refused: %s", text, error->message);
  g_assert_cmpstr (phone, ==, expected);
}

static void
assert_rejects (const char *text,
                int         code,
                const char *in_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = bjb_phone_normalize (text, &error);

  if (phone != NULL)
    g_error ("“%s” became %s but must be refused", text, phone);
  g_assert_error (error, BJB_PHONE_ERROR, code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("message “%s” for “%s” does not say “%s”",
             error->message, text, in_message);
}

static void
test_normalize (void)
{
  assert_normalizes ("0812-3456-789", "+628123456789");
  assert_normalizes ("08123456789", "+628123456789");
  assert_normalizes ("628123456789", "+628123456789");
  assert_normalizes ("+62 812 3456 789", "+628123456789");
  assert_normalizes ("+62-812-3456-789", "+628123456789");
  assert_normalizes ("+62 (812) 3456.789", "+628123456789");
  assert_normalizes ("0062 812 3456 789", "+628123456789");
  assert_normalizes ("  0812 3456 789  ", "+628123456789");
  assert_normalizes ("(021) 555-1234", "+62215551234");
  /* Boundaries: 8 and 13 digits after 62. */
  assert_normalizes ("021-5551234", "+62215551234");
  assert_normalizes ("081234567", "+6281234567");
  assert_normalizes ("0274 512345", "+62274512345");
  assert_normalizes ("+62 21 5555 123", "+62215555123");
  assert_normalizes ("+62 8123 4567 8901", "+62812345678901");
  assert_normalizes ("0812 3456 7890 12", "+6281234567890" "12");
}

static void
test_rejects (void)
{
  assert_rejects ("", BJB_PHONE_ERROR_EMPTY, NULL);
  assert_rejects ("  - ", BJB_PHONE_ERROR_EMPTY, NULL);
  assert_rejects ("0812-3456-78x", BJB_PHONE_ERROR_INVALID_CHARACTER, "x");
  assert_rejects ("0812 3456 789 ext. 5", BJB_PHONE_ERROR_INVALID_CHARACTER, "e");
  assert_rejects ("0812\xe2\x80\x93" "3456", BJB_PHONE_ERROR_INVALID_CHARACTER, "–");
  assert_rejects ("0812+3456789", BJB_PHONE_ERROR_INVALID_CHARACTER, "+");
  assert_rejects ("++628123456789", BJB_PHONE_ERROR_INVALID_CHARACTER, "+");
  assert_rejects ("+65 8123 4567", BJB_PHONE_ERROR_NOT_INDONESIAN, "62");
  assert_rejects ("8123456789", BJB_PHONE_ERROR_NOT_INDONESIAN, NULL);
  assert_rejects ("+08123456789", BJB_PHONE_ERROR_NOT_INDONESIAN, NULL);
  assert_rejects ("+62 0812 3456 789", BJB_PHONE_ERROR_LEADING_ZERO, "0");
  assert_rejects ("6208123456789", BJB_PHONE_ERROR_LEADING_ZERO, NULL);
  assert_rejects ("08123456", BJB_PHONE_ERROR_TOO_SHORT, "7");
  assert_rejects ("0812345", BJB_PHONE_ERROR_TOO_SHORT, "6");
  assert_rejects ("+62", BJB_PHONE_ERROR_TOO_SHORT, NULL);
  assert_rejects ("0", BJB_PHONE_ERROR_TOO_SHORT, NULL);
  assert_rejects ("0812 3456 7890 123", BJB_PHONE_ERROR_TOO_LONG, "14");
  assert_rejects ("+62 812 3456 7890 1234", BJB_PHONE_ERROR_TOO_LONG, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/phone/normalize", test_normalize);
  g_test_add_func ("/phone/rejects", test_rejects);

  return g_test_run ();
}
