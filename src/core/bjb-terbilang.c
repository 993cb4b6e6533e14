/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-terbilang"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-terbilang.h"

/* Invoices spell the total in Indonesian whatever the UI language is, so
 * nothing here is translatable. */

static const char * const ones[] = {
  "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
};

/* Short scale as Indonesian uses it; 10^18 is as far as a gint64 reaches. */
static const char * const scales[] = {
  NULL, "ribu", "juta", "miliar", "triliun", "kuadriliun", "kuintiliun",
};

static void
append_word (GString    *out,
             const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

/* 1 … 999; the "se-" forms: sepuluh, sebelas, seratus. */
static void
append_below_thousand (GString *out,
                       guint    n)
{
  guint hundreds = n / 100;
  guint rest = n % 100;

  g_assert (n > 0 && n < 1000);

  if (hundreds == 1)
    append_word (out, "seratus");
  else if (hundreds > 1)
    {
      append_word (out, ones[hundreds]);
      g_string_append (out, " ratus");
    }

  if (rest == 0)
    return;
  if (rest < 10)
    append_word (out, ones[rest]);
  else if (rest == 10)
    append_word (out, "sepuluh");
  else if (rest == 11)
    append_word (out, "sebelas");
  else if (rest < 20)
    {
      append_word (out, ones[rest % 10]);
      g_string_append (out, " belas");
    }
  else
    {
      append_word (out, ones[rest / 10]);
      g_string_append (out, " puluh");
      if (rest % 10 != 0)
        append_word (out, ones[rest % 10]);
    }
}

static void
append_number (GString *out,
               guint64  n)
{
  guint groups[G_N_ELEMENTS (scales)] = { 0 };
  int top = 0;

  if (n == 0)
    {
      append_word (out, "nol");
      return;
    }

  for (int i = 0; n > 0; i++)
    {
      g_assert (i < (int) G_N_ELEMENTS (scales));
      groups[i] = (guint) (n % 1000);
      n /= 1000;
      top = i;
    }

  for (int i = top; i >= 0; i--)
    {
      if (groups[i] == 0)
        continue;
      /* Only the thousands take the "se-" form: seribu, but satu juta. */
      if (i == 1 && groups[i] == 1)
        append_word (out, "seribu");
      else
        {
          append_below_thousand (out, groups[i]);
          if (scales[i] != NULL)
            append_word (out, scales[i]);
        }
    }
}

/**
 * bjb_terbilang:
 * @number: any 64-bit number
 *
 * Spells @number in Indonesian words, lower case: 1250000 is
 * "satu juta dua ratus lima puluh ribu", 1100 "seribu seratus",
 * negative numbers start with "minus".
 *
 * Returns: (transfer full): the words
 */
char *
bjb_terbilang (gint64 number)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude;

  if (number < 0)
    {
      append_word (out, "minus");
      magnitude = (guint64) -(number + 1) + 1;
    }
  else
    magnitude = (guint64) number;

  append_number (out, magnitude);

  return g_string_free (out, FALSE);
}

/**
 * bjb_terbilang_rupiah:
 * @rupiah: whole rupiah
 *
 * The "terbilang" line of an invoice: "satu juta dua ratus lima puluh ribu rupiah".
 *
 * Returns: (transfer full): the words
 */
char *
bjb_terbilang_rupiah (gint64 rupiah)
{
  g_autofree char *words = bjb_terbilang (rupiah);

  return g_strconcat (words, " rupiah", NULL);
}
