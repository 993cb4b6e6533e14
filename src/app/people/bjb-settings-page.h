/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bjb-connection.h"

G_BEGIN_DECLS

#define BJB_TYPE_SETTINGS_PAGE (bjb_settings_page_get_type ())
G_DECLARE_FINAL_TYPE (BjbSettingsPage, bjb_settings_page, BJB, SETTINGS_PAGE, GtkWidget)

/*
 * BjbSettingsPage: the admin's business settings (bjb.list_settings, bjb.set_setting):
 * loyalty threshold, birthday rules, payment window, low-stock threshold, four eyes on
 * payments and the nota header. Each row is saved on its own (the row's apply button or
 * Enter: "settings.apply" with the key); what is wrong with a value shows under its row and
 * nothing typed is lost. Rows the admin has not touched follow the server on "refresh".
 */

GtkWidget  *bjb_settings_page_new            (void);
void        bjb_settings_page_set_connection (BjbSettingsPage *self,
                                              BjbConnection   *connection);
void        bjb_settings_page_refresh        (BjbSettingsPage *self);

/* For tests: the editable of an entry setting, or the GtkSwitch of a yes/no one
 * (transfer none); the reason shown under it (NULL when none); TRUE while loading or
 * saving. */
GtkWidget  *bjb_settings_page_get_field      (BjbSettingsPage *self,
                                              const char      *key);
const char *bjb_settings_page_get_error      (BjbSettingsPage *self,
                                              const char      *key);
gboolean    bjb_settings_page_get_busy       (BjbSettingsPage *self);

G_END_DECLS
