/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

/* The shared state of the people tests (test-people-ui.c sets it up): one database, the
 * admin's connection, one window whose content each test sets to the page it drives. */
typedef struct
{
  char *dbname;
  char *suffix;             /* makes this run's new logins unique in the cluster */
  BjbConnection *connection;
  GtkWindow *window;
  gboolean ready;
} PeopleFixture;

extern PeopleFixture px;

/* TRUE (and the test skipped) without a database or a display. */
gboolean px_skip             (void);
/* Superuser SQL in the test database; the first value (transfer full). */
char    *px_su               (const char *sql);
/* Shows @page (floating or not) as the window's content and lets it draw. */
void     px_show             (GtkWidget  *page);
/* Activates @action on @widget with an optional string parameter; asserts it was found. */
void     px_activate         (GtkWidget  *widget,
                              const char *action,
                              const char *parameter);
/* Waits (main loop) until @predicate (@data) is TRUE; fails the test after 20 s. */
void     px_wait             (gboolean  (*predicate) (gpointer data),
                              gpointer    data);
/* Screenshot of the window as @name-<lang>.png. */
void     px_screenshot       (const char *name);
/* TRUE in the Indonesian run. */
gboolean px_indonesian       (void);

void     people_add_settings_tests  (void);
void     people_add_staff_tests     (void);
void     people_add_discount_tests  (void);
void     people_add_form_fields_tests (void);
void     people_add_file_chooser_tests (void);

G_END_DECLS
