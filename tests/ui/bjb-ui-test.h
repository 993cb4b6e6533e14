/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bjb-application.h"

G_BEGIN_DECLS

/* What every UI test needs: a throwaway database made from $BJB_TEST_TEMPLATE, the real
 * application object, a way to wait for the UI (never sleeps) and screenshots. */

gboolean        bjb_ui_test_init              (int         *argc,
                                               char      ***argv,
                                               const char  *name);
void            bjb_ui_test_finish            (void);
BjbApplication *bjb_ui_test_get_app           (void);
const char     *bjb_ui_test_get_dbname        (void);
const char     *bjb_ui_test_get_password      (void);
char           *bjb_ui_test_sql_value         (const char  *sql);
void            bjb_ui_test_sql               (const char  *sql);
gboolean        bjb_ui_test_wait              (gboolean   (*condition) (gpointer data),
                                               gpointer     data,
                                               guint        timeout_ms);
void            bjb_ui_test_wait_for_frame    (GtkWidget   *widget);
void            bjb_ui_test_screenshot        (GtkWidget   *widget,
                                               const char  *name);
GtkWindow      *bjb_ui_test_find_window       (GType        type);
GtkWidget      *bjb_ui_test_child             (gpointer     widget,
                                               GType        type,
                                               const char  *name);
void            bjb_ui_test_fill_login        (GtkWindow   *login_window,
                                               const char  *host,
                                               const char  *port,
                                               const char  *dbname,
                                               const char  *login,
                                               const char  *password);
GtkWindow      *bjb_ui_test_sign_in           (const char  *login,
                                               GType        expected_window);
void            bjb_ui_test_sign_out          (void);
char           *bjb_ui_test_get_notification_server (void);

#define bjb_ui_test_assert_wait(cond, data, ms) \
  g_assert_true (bjb_ui_test_wait ((cond), (data), (ms)))

G_END_DECLS
