/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-records-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-error-sentence.h"
#include "bjb-records-format.h"
#include "bjb-records-page.h"
#include "bjb-records-query.h"

char *
bjb_records_page_status (BjbPagedQueryModel *model,
                         const char         *filter_error,
                         const char         *loading,
                         const char         *empty)
{
  const GError *error = bjb_paged_query_model_get_error (model);
  guint n = bjb_paged_query_model_get_n_loaded (model);

  if (filter_error != NULL)
    return g_strdup (filter_error);
  if (error != NULL)
    return bjb_error_sentence (error);
  if (bjb_paged_query_model_get_loading (model))
    return g_strdup (loading);
  if (n == 0)
    return g_strdup (empty);
  if (bjb_paged_query_model_get_n_total (model) >= 0)
    return g_strdup_printf (ngettext ("%u shown", "%u shown", n), n);
  return g_strdup_printf (ngettext ("%u shown; scroll for more", "%u shown; scroll for more", n), n);
}

static GObject *
template_child (BjbPage    *page,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), G_OBJECT_TYPE (page), name);

  g_assert (child != NULL);
  return child;
}

void
bjb_records_page_set_session (BjbPage    *page,
                              BjbSession *session)
{
  bjb_records_query_set_connection (BJB_RECORDS_QUERY (template_child (page, "query")),
                                    session != NULL ? bjb_session_get_connection (session) : NULL);
}

void
bjb_records_page_refresh (BjbPage *page)
{
  bjb_paged_query_model_refresh (BJB_PAGED_QUERY_MODEL (template_child (page, "list_model")));
}

static char *
side (GDate    *date,
      gboolean  instants,
      gboolean  next_day)
{
  if (date == NULL)
    return NULL;
  if (!instants)
    {
      char text[16];

      g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
      return g_strdup (text);
    }
  if (next_day)
    g_date_add_days (date, 1);
  return bjb_records_local_midnight (date);
}

gboolean
bjb_records_page_date_range (BjbDateField  *from_field,
                             BjbDateField  *to_field,
                             gboolean       instants,
                             char         **from,
                             char         **to,
                             char         **error)
{
  gboolean from_ok, to_ok;
  g_autoptr(GDate) first = bjb_records_parse_date (bjb_date_field_get_text (from_field), &from_ok);
  g_autoptr(GDate) last = bjb_records_parse_date (bjb_date_field_get_text (to_field), &to_ok);
  gboolean backwards = first != NULL && last != NULL && g_date_compare (last, first) < 0;

  *from = *to = *error = NULL;
  bjb_date_field_set_invalid (from_field, !from_ok);
  bjb_date_field_set_invalid (to_field, !to_ok || backwards);
  if (!from_ok || !to_ok)
    {
      *error = g_strdup (_("Type a date as DD-MM-YYYY, for example 01-12-2026, or pick one."));
      return FALSE;
    }
  if (backwards)
    {
      *error = g_strdup (_("The “to” date is before the “from” date."));
      return FALSE;
    }
  *from = side (first, instants, FALSE);
  *to = side (last, instants, TRUE);
  return TRUE;
}
