/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-money"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-money.h"

static void
assert_format (gint64      value,
               const char *expected)
{
  g_autofree char *text = bjb_money_format (value);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (0, "Rp 0");
  assert_format (1, "Rp 1");
  assert_format (999, "Rp 999");
  assert_format (1000, "Rp 1.000");
  assert_format (1100, "Rp 1.100");
  assert_format (11000, "Rp 11.000");
  assert_format (100000, "Rp 100.000");
  assert_format (1250000, "Rp 1.250.000");
  assert_format (1000000000000, "Rp 1.000.000.000.000");
  assert_format (-5000, "-Rp 5.000");
  assert_format (-1, "-Rp 1");
  assert_format (G_MAXINT64, "Rp 9.223.372.036.854.775.807");
  assert_format (G_MININT64, "-Rp 9.223.372.036.854.775.808");
}

static void
test_format_plain (void)
{
  g_autofree char *a = bjb_money_format_plain (1250000);
  g_autofree char *b = bjb_money_format_plain (-5000);
  g_autofree char *c = bjb_money_format_plain (0);

  g_assert_cmpstr (a, ==, "1.250.000");
  g_assert_cmpstr (b, ==, "-5.000");
  g_assert_cmpstr (c, ==, "0");
}

static void
assert_parses (const char *text,
               gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;

  if (!bjb_money_parse (text, &value, &error))
    g_error ("“%s” did not parse: %s", text, error->message);
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, expected);
}

static void
assert_rejects (const char *text,
                int         code)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 42;

  if (bjb_money_parse (text, &value, &error))
    g_error ("“%s” parsed as %" G_GINT64_FORMAT " but must be refused", text, value);
  g_assert_error (error, BJB_MONEY_ERROR, code);
  g_assert_nonnull (error->message);
  /* A refused parse leaves the output alone. */
  g_assert_cmpint (value, ==, 42);
}

static void
test_parse (void)
{
  assert_parses ("1.250.000", 1250000);
  assert_parses ("Rp 1.250.000", 1250000);
  assert_parses ("1250000", 1250000);
  assert_parses ("Rp1250000", 1250000);
  assert_parses ("Rp. 1.250.000", 1250000);
  assert_parses ("rp 1.250.000", 1250000);
  assert_parses ("RP 1.250.000", 1250000);
  assert_parses ("  Rp 1.000  ", 1000);
  assert_parses ("0", 0);
  assert_parses ("Rp 0", 0);
  assert_parses ("999", 999);
  assert_parses ("1.000", 1000);
  assert_parses ("1.100", 1100);
  assert_parses ("11.000", 11000);
  assert_parses ("Rp 5.000,-", 5000);
  assert_parses ("Rp 5.000,00", 5000);
  assert_parses ("1.250.000,0", 1250000);
  assert_parses ("-Rp 5.000", -5000);
  assert_parses ("Rp -5.000", -5000);
  assert_parses ("-5000", -5000);
  assert_parses ("- 5.000", -5000);
  assert_parses ("1.000.000.000.000", 1000000000000);
  assert_parses ("9223372036854775807", G_MAXINT64);
  assert_parses ("Rp 9.223.372.036.854.775.807", G_MAXINT64);
  assert_parses ("-9223372036854775808", G_MININT64);
  assert_parses ("-Rp 9.223.372.036.854.775.808", G_MININT64);
}

static void
test_parse_rejects (void)
{
  assert_rejects ("", BJB_MONEY_ERROR_EMPTY);
  assert_rejects ("   ", BJB_MONEY_ERROR_EMPTY);
  assert_rejects ("Rp", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("-", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("abc", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("12abc", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("Rp 1.250.000 rupiah", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1.25", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1.2500", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1234.567", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("12.34.567", BJB_MONEY_ERROR_INVALID);
  assert_rejects (".500", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("500.", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1..000", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1,5", BJB_MONEY_ERROR_FRACTION);
  assert_rejects ("Rp 5.000,50", BJB_MONEY_ERROR_FRACTION);
  assert_rejects ("5.000,", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("5.000,000", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("--5", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("-Rp -5", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("+5", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1 000", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("0x10", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("1e6", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("５０００", BJB_MONEY_ERROR_INVALID);
  assert_rejects ("9223372036854775808", BJB_MONEY_ERROR_OVERFLOW);
  assert_rejects ("-9223372036854775809", BJB_MONEY_ERROR_OVERFLOW);
  assert_rejects ("99999999999999999999999", BJB_MONEY_ERROR_OVERFLOW);
}

static void
test_round_trip (void)
{
  const gint64 values[] = { 0, 1, -1, 999, 1000, 1001, 999999, 1000000, -5000,
                            1250000, G_MAXINT64, G_MAXINT64 - 1, G_MININT64, G_MININT64 + 1 };

  for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *text = bjb_money_format (values[i]);
      g_autofree char *plain = bjb_money_format_plain (values[i]);

      assert_parses (text, values[i]);
      assert_parses (plain, values[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/format-plain", test_format_plain);
  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-rejects", test_parse_rejects);
  g_test_add_func ("/money/round-trip", test_round_trip);

  return g_test_run ();
}
