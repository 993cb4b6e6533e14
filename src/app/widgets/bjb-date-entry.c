/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-date-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-date.h"
#include "bjb-date-entry.h"

gboolean
bjb_date_entry_read (GtkEditable *entry,
                     gboolean     empty_ok,
                     GDate       *date)
{
  const char *text;
  gboolean ok;

  g_return_val_if_fail (GTK_IS_EDITABLE (entry), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  text = gtk_editable_get_text (entry);
  ok = bjb_date_parse (text, date) || (empty_ok && *text == '\0');
  if (ok)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return ok;
}

char *
bjb_date_entry_read_iso (GtkEditable *entry,
                         gboolean    *valid)
{
  GDate date;

  g_return_val_if_fail (valid != NULL, NULL);

  *valid = bjb_date_entry_read (entry, TRUE, &date);
  return g_date_valid (&date) ? bjb_date_format_iso (&date) : NULL;
}

void
bjb_date_entry_show (GtkEditable *entry,
                     const GDate *date)
{
  g_autofree char *text = bjb_date_format_dmy (date);

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  gtk_editable_set_text (entry, text);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

void
bjb_date_entry_show_text (GtkEditable *entry,
                          const char  *text)
{
  GDate date;

  g_return_if_fail (GTK_IS_EDITABLE (entry));

  if (bjb_date_parse (text, &date))
    bjb_date_entry_show (entry, &date);
  else
    gtk_editable_set_text (entry, text != NULL ? text : "");
}

const char *
bjb_date_entry_hint (void)
{
  return _("Type the dates as DD-MM-YYYY, for example 31-01-2026.");
}
