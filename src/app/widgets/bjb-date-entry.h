/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A plain entry for a day, read the one way every date entry is (bjb_date_parse(): year
 * first or day first) and marked with the "error" style class while its text is no day. */

/* The day typed in @entry into @date (cleared when the entry is empty). Returns FALSE,
 * and marks the entry, when the text is not a day, or is empty and @empty_ok is FALSE. */
gboolean bjb_date_entry_read     (GtkEditable *entry,
                                  gboolean     empty_ok,
                                  GDate       *date);

/* The same as the server's text, "2026-12-01"; NULL for an empty entry or one whose text is
 * not a day (then *@valid is FALSE). (transfer full) (nullable) */
char    *bjb_date_entry_read_iso (GtkEditable *entry,
                                  gboolean    *valid);

/* Shows @date in @entry day first, "01-12-2026" ("" for an invalid date), unmarked. */
void     bjb_date_entry_show     (GtkEditable *entry,
                                  const GDate *date);

/* Shows @text, a day in any form bjb_date_parse() reads (the server's "2026-12-01"), day
 * first as bjb_date_entry_show() does; a text that is no day is shown as it is, so nothing
 * given is lost; NULL empties the entry. */
void     bjb_date_entry_show_text (GtkEditable *entry,
                                   const char  *text);

/* (transfer none): the sentence under date entries whose text is no day, in the UI's
 * language: the form they show and ask for, with an example. */
const char *bjb_date_entry_hint  (void);

G_END_DECLS
