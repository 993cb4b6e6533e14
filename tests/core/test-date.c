/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-date"

#include "config.h"

#include "bjb-date.h"

/* bjb_date_parse: the one reading of a typed day (every date entry of the program). */

static void
assert_reads (const char *text,
              const char *iso)
{
  GDate date;
  g_autofree char *read = NULL;

  if (!bjb_date_parse (text, &date))
    g_error ("“%s” was refused, should be %s", text, iso);
  read = bjb_date_format_iso (&date);
  g_assert_cmpstr (read, ==, iso);
}

static void
assert_refuses (const char *text)
{
  GDate date;

  if (bjb_date_parse (text, &date))
    g_error ("“%s” was read as a day, must be refused", text);
  g_assert_false (g_date_valid (&date));
}

static void
test_year_first (void)
{
  assert_reads ("2026-12-01", "2026-12-01");
  assert_reads ("2026/12/01", "2026-12-01");
  assert_reads ("2026-1-5", "2026-01-05");
  assert_reads ("  2024-02-29 ", "2024-02-29");
}

static void
test_day_first (void)
{
  assert_reads ("01-12-2026", "2026-12-01");
  assert_reads ("1/12/2026", "2026-12-01");
  assert_reads ("01.12.2026", "2026-12-01");
  assert_reads ("17-08-1985", "1985-08-17");
}

static void
test_refused (void)
{
  assert_refuses (NULL);
  assert_refuses ("");
  assert_refuses ("kemarin");
  assert_refuses ("2026-02-30");   /* no such day */
  assert_refuses ("29-02-2026");
  assert_refuses ("2026-13-01");
  assert_refuses ("01-12-26");     /* a year of two digits is ambiguous */
  assert_refuses ("2026-12");
  assert_refuses ("2026-12-01x");
  assert_refuses ("2026-12/01");   /* one separator throughout */
  assert_refuses ("123-12-2026");
  assert_refuses ("0999-12-01");
  assert_refuses ("20261201");
}

/* What bjb_date_read says of a refusal: not a day's shape, or no such day. */
static void
assert_reading (const char     *text,
                BjbDateReading  expected)
{
  GDate date;

  g_assert_cmpint (bjb_date_read (text, &date), ==, expected);
  g_assert_true (g_date_valid (&date) == (expected == BJB_DATE_READ_OK));
}

static void
test_reading (void)
{
  assert_reading ("17-08-1985", BJB_DATE_READ_OK);
  assert_reading (NULL, BJB_DATE_READ_NOT_A_DATE);
  assert_reading ("kemarin", BJB_DATE_READ_NOT_A_DATE);
  assert_reading ("01-12-26", BJB_DATE_READ_NOT_A_DATE);
  assert_reading ("2026-12/01", BJB_DATE_READ_NOT_A_DATE);
  assert_reading ("30-02-2026", BJB_DATE_READ_NO_SUCH_DAY);
  assert_reading ("2026-13-01", BJB_DATE_READ_NO_SUCH_DAY);
  assert_reading ("0999-12-01", BJB_DATE_READ_NO_SUCH_DAY);
}

static void
test_format (void)
{
  GDate invalid;
  g_autofree char *empty = NULL;
  g_autofree char *empty_dmy = NULL;
  g_autofree char *dmy = NULL;
  GDate date;

  g_date_clear (&invalid, 1);
  empty = bjb_date_format_iso (&invalid);
  g_assert_cmpstr (empty, ==, "");
  empty_dmy = bjb_date_format_dmy (&invalid);
  g_assert_cmpstr (empty_dmy, ==, "");

  /* Day first, as every date entry shows a day, and read back as the same day. */
  g_assert_true (bjb_date_parse ("2026-03-01", &date));
  dmy = bjb_date_format_dmy (&date);
  g_assert_cmpstr (dmy, ==, "01-03-2026");
  assert_reads (dmy, "2026-03-01");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/year-first", test_year_first);
  g_test_add_func ("/date/day-first", test_day_first);
  g_test_add_func ("/date/refused", test_refused);
  g_test_add_func ("/date/reading", test_reading);
  g_test_add_func ("/date/format", test_format);
  return g_test_run ();
}
