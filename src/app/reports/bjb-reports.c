/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-reports"

#include "config.h"

#include <stdio.h>

#include "bjb-reports.h"
#include "bjb-reports-resources.h"
#include "bjb-widgets.h"

void
bjb_reports_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_reports_register_resource);
}

char *
bjb_reports_parse_date (const char *text,
                        gboolean   *valid)
{
  int y, m, d;
  char end;

  *valid = TRUE;
  if (text == NULL || *text == '\0')
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && g_date_valid_dmy (d, m, y))
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  *valid = FALSE;
  return NULL;
}

char *
bjb_reports_entry_date (GtkEditable *entry,
                        gboolean    *valid)
{
  char *date = bjb_reports_parse_date (gtk_editable_get_text (entry), valid);

  if (*valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  return date;
}
