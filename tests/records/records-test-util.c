/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "records-test-util"

#include "config.h"

#include <string.h>

#include "bjb-admin-window.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "records-test-util.h"

GtkWindow *
records_test_open (const char *page_name)
{
  GtkWindow *window = bjb_ui_test_sign_in ("t_admin", BJB_TYPE_ADMIN_WINDOW);

  g_assert_nonnull (window);
  gtk_window_set_default_size (window, 1280, 800);
  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (window)),
                                         page_name);
  bjb_ui_test_wait_for_frame (GTK_WIDGET (window));
  return window;
}

gpointer
records_test_page (GtkWindow  *window,
                   const char *page_name)
{
  AdwViewStack *stack = bjb_role_window_get_stack (BJB_ROLE_WINDOW (window));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, page_name);

  g_assert_nonnull (page);
  return page;
}

gpointer
records_test_child (gpointer    page,
                    GType       type,
                    const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (page), type, name);

  g_assert_nonnull (child);
  return child;
}

char *
records_test_sql_as (const char *login,
                     const char *sql)
{
  g_autofree char *as = g_strdup_printf ("SET SESSION AUTHORIZATION %s", login);
  char *value;

  bjb_ui_test_sql (as);
  value = bjb_ui_test_sql_value (sql);
  bjb_ui_test_sql ("RESET SESSION AUTHORIZATION");
  return value;
}

void
records_test_screenshot (GtkWindow  *window,
                         const char *name)
{
  g_autofree char *full = g_strconcat (name, g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0
                                             ? "-id" : "", NULL);

  bjb_ui_test_wait_for_frame (GTK_WIDGET (window));
  bjb_ui_test_screenshot (GTK_WIDGET (window), full);
}

typedef struct
{
  BjbPagedQueryModel *model;
  int min_rows;
  RecordsRowCheck check;
  gpointer data;
} RowsWait;

static gboolean
rows_ready (gpointer user_data)
{
  RowsWait *w = user_data;
  guint n = bjb_paged_query_model_get_n_loaded (w->model);

  if (bjb_paged_query_model_get_loading (w->model))
    return FALSE;
  if (w->min_rows < 0 ? n != 0 : n < (guint) w->min_rows)
    return FALSE;
  for (guint i = 0; w->check != NULL && i < n; i++)
    {
      g_autoptr(BjbValueRow) row = g_list_model_get_item (G_LIST_MODEL (w->model), i);

      if (!w->check (row, w->data))
        return FALSE;
    }
  return TRUE;
}

void
records_test_wait_rows (BjbPagedQueryModel *model,
                        int                 min_rows,
                        RecordsRowCheck     check,
                        gpointer            data)
{
  RowsWait w = { model, min_rows, check, data };
  const GError *error;

  if (bjb_ui_test_wait (rows_ready, &w, 20000))
    return;
  error = bjb_paged_query_model_get_error (model);
  for (guint i = 0; i < bjb_paged_query_model_get_n_loaded (model); i++)
    {
      g_autoptr(BjbValueRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_test_message ("row %u: id %" G_GINT64_FORMAT, i, bjb_value_row_get_int64 (row, 1));
    }
  g_error ("rows: %u loaded, loading %d, error: %s", bjb_paged_query_model_get_n_loaded (model),
           bjb_paged_query_model_get_loading (model), error != NULL ? error->message : "none");
}

BjbValueRow *
records_test_find_row (BjbPagedQueryModel *model,
                       RecordsRowCheck     check,
                       gpointer            data)
{
  for (guint i = 0; i < bjb_paged_query_model_get_n_loaded (model); i++)
    {
      g_autoptr(BjbValueRow) row = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (check (row, data))
        return row;
    }
  return NULL;
}

void
records_test_assert_date_hints (gpointer page,
                                GType    type)
{
  const char *form = g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0 ? "(HH-BB-TTTT)"
                                                                   : "(DD-MM-YYYY)";
  const char *const fields[] = { "from_field", "to_field" };

  for (gsize i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (records_test_child (page, type, fields[i]), "placeholder-text", &placeholder,
                    NULL);
      g_assert_nonnull (placeholder);
      g_assert_nonnull (strstr (placeholder, form));
    }
}
