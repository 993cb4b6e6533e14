/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-dashboard-format"

#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <stdio.h>

#include "bjb-dashboard-format.h"
#include "bjb-dashboard-resources.h"

void
bjb_dashboard_ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      bjb_dashboard_register_resource ();
      gtk_css_provider_load_from_resource (provider, "/id/barokahjaya/BackOffice/dashboard/dashboard.css");
      if (gdk_display_get_default () != NULL)
        gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                    GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&done, 1);
    }
}

char *
bjb_rupiah_short (gint64 rupiah)
{
  static const struct { gint64 unit; const char *suffix; } scales[] = {
    { 1000000000, "M" }, { 1000000, "jt" }, { 1000, "rb" },
  };
  const char *sign = rupiah < 0 ? "-" : "";
  guint64 value = rupiah < 0 ? (guint64) -(rupiah + 1) + 1 : (guint64) rupiah;

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      guint64 unit = (guint64) scales[i].unit;
      guint64 tenths;

      if (value < unit)
        continue;
      /* Tenths of the unit, rounded half up; "1,0 jt" reads "1 jt". */
      tenths = (value * 10 + unit / 2) / unit;
      if (tenths % 10 == 0)
        return g_strdup_printf ("%s%" G_GUINT64_FORMAT " %s", sign, tenths / 10, scales[i].suffix);
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT ",%u %s", sign, tenths / 10,
                              (guint) (tenths % 10), scales[i].suffix);
    }
  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, value);
}

const char *
bjb_month_short_name (int month)
{
  switch (month)
    {
    case 1: return C_("month", "Jan");
    case 2: return C_("month", "Feb");
    case 3: return C_("month", "Mar");
    case 4: return C_("month", "Apr");
    case 5: return C_("month", "May");
    case 6: return C_("month", "Jun");
    case 7: return C_("month", "Jul");
    case 8: return C_("month", "Aug");
    case 9: return C_("month", "Sep");
    case 10: return C_("month", "Oct");
    case 11: return C_("month", "Nov");
    case 12: return C_("month", "Dec");
    default: return "";
    }
}

const char *
bjb_month_name (int month)
{
  switch (month)
    {
    case 1: return _("January");
    case 2: return _("February");
    case 3: return _("March");
    case 4: return _("April");
    case 5: return _("May");
    case 6: return _("June");
    case 7: return _("July");
    case 8: return _("August");
    case 9: return _("September");
    case 10: return _("October");
    case 11: return _("November");
    case 12: return _("December");
    default: return "";
    }
}

void
bjb_dashboard_today (GDate *date)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = NULL;

  /* Without tzdata, UTC+7 (Jakarta has no daylight saving). */
  if (tz == NULL)
    tz = g_time_zone_new_offset (7 * 3600);
  now = g_date_time_new_now (tz);
  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}
