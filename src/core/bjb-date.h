/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How a typed day read: the caller that words its own refusal tells a text that is not a
 * day at all from a day that does not exist. */
typedef enum
{
  BJB_DATE_READ_OK,
  BJB_DATE_READ_NOT_A_DATE,    /* not in a day's shape: "kemarin", "01-12-26" */
  BJB_DATE_READ_NO_SUCH_DAY,   /* a day's shape, but no such day: "30-02-2026", "0999-12-01" */
} BjbDateReading;

/**
 * bjb_date_read:
 * @text: (nullable): a day as a person types it
 * @date: (out caller-allocates): the day; cleared (invalid) when the text is not one
 *
 * The one reading of a typed day, for every date entry of the program: year first as the
 * server writes it ("2026-12-01", also with "/" or "."), or day first as people here
 * write it ("01-12-2026", "1/12/2026", "01.12.2026"). One separator throughout, a
 * four-digit year, spaces around ignored. A day that does not exist ("30-02-2026") is
 * refused. Range rules (a birthday after 1900, a last day after today) are the caller's.
 *
 * Returns: how @text read; @date is valid only for %BJB_DATE_READ_OK
 */
BjbDateReading bjb_date_read       (const char  *text,
                                    GDate       *date);

/* bjb_date_read() for a caller with one refusal: whether @text is a day. */
gboolean       bjb_date_parse      (const char  *text,
                                    GDate       *date);

/* @date as the server reads it, "2026-12-01"; "" for an invalid date. (transfer full) */
char          *bjb_date_format_iso (const GDate *date);

/* @date as people here write it, day first: "01-12-2026", the form every date entry shows
 * and its hint asks for; "" for an invalid date. (transfer full) */
char          *bjb_date_format_dmy (const GDate *date);

G_END_DECLS
