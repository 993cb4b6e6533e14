/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-terbilang"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "bjb-terbilang.h"

static void
assert_words (gint64      value,
              const char *expected)
{
  g_autofree char *words = bjb_terbilang (value);

  g_assert_cmpstr (words, ==, expected);
}

static void
test_small (void)
{
  assert_words (0, "nol");
  assert_words (1, "satu");
  assert_words (7, "tujuh");
  assert_words (10, "sepuluh");
  assert_words (11, "sebelas");
  assert_words (12, "dua belas");
  assert_words (19, "sembilan belas");
  assert_words (20, "dua puluh");
  assert_words (21, "dua puluh satu");
  assert_words (99, "sembilan puluh sembilan");
  assert_words (100, "seratus");
  assert_words (101, "seratus satu");
  assert_words (110, "seratus sepuluh");
  assert_words (111, "seratus sebelas");
  assert_words (200, "dua ratus");
  assert_words (999, "sembilan ratus sembilan puluh sembilan");
}

static void
test_thousands (void)
{
  assert_words (1000, "seribu");
  assert_words (1001, "seribu satu");
  assert_words (1100, "seribu seratus");
  assert_words (1111, "seribu seratus sebelas");
  assert_words (2000, "dua ribu");
  assert_words (10000, "sepuluh ribu");
  assert_words (11000, "sebelas ribu");
  assert_words (12500, "dua belas ribu lima ratus");
  assert_words (100000, "seratus ribu");
  assert_words (101000, "seratus satu ribu");
  assert_words (111000, "seratus sebelas ribu");
  assert_words (999999, "sembilan ratus sembilan puluh sembilan ribu "
                        "sembilan ratus sembilan puluh sembilan");
}

static void
test_large (void)
{
  assert_words (1000000, "satu juta");
  assert_words (1001000, "satu juta seribu");
  assert_words (1250000, "satu juta dua ratus lima puluh ribu");
  assert_words (2000001, "dua juta satu");
  assert_words (100000000, "seratus juta");
  assert_words (1000000000, "satu miliar");
  assert_words (1000000000000, "satu triliun");
  assert_words (1000001000000, "satu triliun satu juta");
  assert_words (1000000000000000, "satu kuadriliun");
  assert_words (1000000000000000000, "satu kuintiliun");
  assert_words (G_MAXINT64,
                "sembilan kuintiliun dua ratus dua puluh tiga kuadriliun "
                "tiga ratus tujuh puluh dua triliun tiga puluh enam miliar "
                "delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu "
                "delapan ratus tujuh");
}

static void
test_negative (void)
{
  assert_words (-1, "minus satu");
  assert_words (-1000, "minus seribu");
  assert_words (G_MININT64,
                "minus sembilan kuintiliun dua ratus dua puluh tiga kuadriliun "
                "tiga ratus tujuh puluh dua triliun tiga puluh enam miliar "
                "delapan ratus lima puluh empat juta tujuh ratus tujuh puluh lima ribu "
                "delapan ratus delapan");
}

static void
test_rupiah (void)
{
  g_autofree char *a = bjb_terbilang_rupiah (1250000);
  g_autofree char *b = bjb_terbilang_rupiah (0);
  g_autofree char *c = bjb_terbilang_rupiah (1000);

  g_assert_cmpstr (a, ==, "satu juta dua ratus lima puluh ribu rupiah");
  g_assert_cmpstr (b, ==, "nol rupiah");
  g_assert_cmpstr (c, ==, "seribu rupiah");
}

/* No double or trailing spaces anywhere in a sweep of values. */
static void
test_spacing (void)
{
  for (gint64 v = 0; v < 2000000; v += 997)
    {
      g_autofree char *words = bjb_terbilang (v * 1013);

      g_assert_null (strstr (words, "  "));
      g_assert_false (g_str_has_prefix (words, " "));
      g_assert_false (g_str_has_suffix (words, " "));
      g_assert_false (g_str_has_prefix (words, "satu ribu"));
      g_assert_null (strstr (words, "satu ratus"));
      g_assert_null (strstr (words, "satu puluh"));
      g_assert_null (strstr (words, "satu belas"));
      if (v != 0)
        g_assert_null (strstr (words, "nol"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/terbilang/small", test_small);
  g_test_add_func ("/terbilang/thousands", test_thousands);
  g_test_add_func ("/terbilang/large", test_large);
  g_test_add_func ("/terbilang/negative", test_negative);
  g_test_add_func ("/terbilang/rupiah", test_rupiah);
  g_test_add_func ("/terbilang/spacing", test_spacing);

  return g_test_run ();
}
