/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-customer-check"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-check.h"

/* The customer form's checks of a birth date, before anything is sent: the stored form, and
 * which of the three sentences a wrong one gets (untranslated here: the msgids). */

static const char not_a_date[] = "Enter the date as DD-MM-YYYY, for example 17-08-1985.";
static const char no_such_day[] = "This date does not exist or is before 1900.";
static const char in_future[] = "A birth date cannot be in the future.";

static void
assert_stored (const char *text,
               const char *expected)
{
  g_autofree char *value = NULL;
  g_autofree char *reason = bjb_customer_check_field ("birth-date", text, &value);

  if (reason != NULL)
    g_error ("“%s” was refused (%s), should be stored as %s", text, reason, expected);
  g_assert_cmpstr (value, ==, expected);
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autofree char *value = NULL;
  g_autofree char *reason = bjb_customer_check_field ("birth-date", text, &value);

  g_assert_cmpstr (reason, ==, expected);
  g_assert_null (value);
}

static void
test_stored (void)
{
  assert_stored ("17-08-1985", "1985-08-17");
  assert_stored ("17/08/1985", "1985-08-17");
  assert_stored ("1985-08-17", "1985-08-17");
  assert_stored ("1.1.1900", "1900-01-01");
  /* Empty: the birth date is optional, nothing is stored. */
  assert_stored ("", NULL);
}

static void
test_refused (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%d-%m-%Y");

  assert_refused ("kemarin", not_a_date);
  assert_refused ("17-08-85", not_a_date);       /* which century is for the clerk to say */
  assert_refused ("17-08/1985", not_a_date);
  assert_refused ("17081985", not_a_date);
  assert_refused ("31-02-1990", no_such_day);
  assert_refused ("1990-13-01", no_such_day);
  assert_refused ("31-12-1899", no_such_day);
  assert_refused (future, in_future);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/customer-check/birth-date/stored", test_stored);
  g_test_add_func ("/customer-check/birth-date/refused", test_refused);
  return g_test_run ();
}
