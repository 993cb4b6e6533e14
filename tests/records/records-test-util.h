/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-paged-query-model.h"
#include "bjb-value-row.h"

G_BEGIN_DECLS

/* The records pages' tests: the real admin window, signed in as t_admin through the login,
 * at 1280×800, showing one page. */

GtkWindow *records_test_open        (const char  *page_name);
/* The page of the admin window's stack named @page_name ("audit", "feedback", …). */
gpointer   records_test_page        (GtkWindow   *window,
                                     const char  *page_name);
/* A template child of @page, which is of @type. */
gpointer   records_test_child       (gpointer     page,
                                     GType        type,
                                     const char  *name);
/* SQL as a staff login (SET SESSION AUTHORIZATION: session_user is that login, as the
 * functions check); a g_error on failure. Returns: (transfer full) (nullable): the first
 * value. */
char      *records_test_sql_as      (const char  *login,
                                     const char  *sql);
/* Saves the window's picture as NAME.png, NAME-id.png in the Indonesian run. */
void       records_test_screenshot  (GtkWindow   *window,
                                     const char  *name);

/* Asserts that @page's from_field and to_field ask for a day as every date entry does,
 * "(DD-MM-YYYY)" ("(HH-BB-TTTT)" in Indonesian), not with a bare "From". */
void       records_test_assert_date_hints (gpointer page,
                                           GType    type);

typedef gboolean (*RecordsRowCheck) (BjbValueRow *row,
                                     gpointer     data);

/* Waits until @model has loaded its first page (not loading), holds at least @min_rows
 * (-1: exactly none) and every loaded row passes @check (NULL: any row). */
void       records_test_wait_rows   (BjbPagedQueryModel *model,
                                     int                 min_rows,
                                     RecordsRowCheck     check,
                                     gpointer            data);
/* The first loaded row passing @check, or NULL. (transfer none) */
BjbValueRow *records_test_find_row  (BjbPagedQueryModel *model,
                                     RecordsRowCheck     check,
                                     gpointer            data);

G_END_DECLS
