/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-staff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bjb-staff-member.h"
#include "bjb-staff-page.h"
#include "db-test-util.h"
#include "people-test.h"

/* The staff page as t_admin: the list, a new account whose generated password really
 * signs in, the refusals (bad fields, a login in use, oneself, the last admin), switching
 * an account off and on (its sessions end), a new role and a new password. */

static BjbStaffPage *page;
static char *kasir;         /* the login this run creates */
static char *kasir_password;

static gboolean
settled (gpointer data)
{
  return !bjb_staff_page_get_busy (page);
}

static gboolean
listed (gpointer data)
{
  return settled (NULL) && g_list_model_get_n_items (bjb_staff_page_get_staff (page)) >= 7;
}

static void
act (const char *action)
{
  px_activate (GTK_WIDGET (page), action, NULL);
  px_wait (settled, NULL);
}

static void
fill (BjbStaffForm *form,
      const char   *field,
      const char   *text)
{
  gtk_editable_set_text (bjb_staff_form_get_field (form, field), text);
}

static void
submit (BjbStaffForm *form)
{
  px_activate (GTK_WIDGET (form), "staff-form.submit", NULL);
  px_wait (settled, NULL);
}

/* Runs what Escape is bound to in @widget's own shortcuts; FALSE when it is bound to nothing. */
static gboolean
press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) escape = gtk_shortcut_trigger_parse_string ("Escape");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), escape))
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 NULL);
        }
    }
  return FALSE;
}

/* TRUE when @login signs in with @password (over TCP, where the cluster asks for it). */
static gboolean
can_sign_in (const char *login,
             const char *password)
{
  g_autoptr(BjbConnection) connection = db_test_connection (px.dbname, login, password);
  gboolean ok = db_test_open (connection, NULL);

  bjb_connection_close (connection);
  return ok;
}

static void
select_login (const char *login)
{
  px_wait (listed, NULL);
  g_assert_true (bjb_staff_page_select (page, login));
  g_assert_cmpstr (bjb_staff_page_get_visible_pane (page), ==, "detail");
}

static void
test_list (void)
{
  if (px_skip ())
    return;

  kasir = g_strdup_printf ("pt_%s_kasir", px.suffix);
  page = BJB_STAFF_PAGE (bjb_staff_page_new ());
  px_show (GTK_WIDGET (page));
  bjb_staff_page_set_connection (page, px.connection);
  px_wait (listed, NULL);

  /* The admin's own session is open; t_inactive is listed, as inactive, after the active. */
  select_login ("t_admin");
  {
    GListModel *staff = bjb_staff_page_get_staff (page);
    guint n = g_list_model_get_n_items (staff);
    g_autoptr(BjbStaffMember) last = g_list_model_get_item (staff, n - 1);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(BjbStaffMember) member = g_list_model_get_item (staff, i);

        if (g_str_equal (bjb_staff_member_get_login (member), "t_admin"))
          g_assert_cmpint (bjb_staff_member_get_sessions (member), >=, 1);
      }
    g_assert_cmpstr (bjb_staff_member_get_login (last), ==, "t_inactive");
    g_assert_false (bjb_staff_member_get_active (last));
  }
  px_screenshot ("admin-staff");
}

static void
test_create_invalid (void)
{
  BjbStaffForm *form;
  g_autofree char *count = NULL;

  if (px_skip ())
    return;

  act ("staff.new");
  form = bjb_staff_page_get_create_form (page);
  g_assert_cmpstr (bjb_staff_page_get_visible_pane (page), ==, "create");
  fill (form, "login", "Kasir Baru");
  fill (form, "name", "");
  fill (form, "phone", "12");
  fill (form, "password", "rahasia-satu");
  fill (form, "again", "rahasia-dua");
  submit (form);
  g_assert_nonnull (bjb_staff_form_get_error (form, "login"));
  g_assert_nonnull (bjb_staff_form_get_error (form, "name"));
  g_assert_nonnull (bjb_staff_form_get_error (form, "phone"));
  g_assert_nonnull (bjb_staff_form_get_error (form, "again"));
  g_assert_null (bjb_staff_form_get_error (form, "password"));
  px_screenshot ("admin-staff-errors");

  /* Too short is its own reason. */
  fill (form, "password", "pendek");
  fill (form, "again", "pendek");
  submit (form);
  g_assert_nonnull (bjb_staff_form_get_error (form, "password"));
  count = px_su ("SELECT count(*) FROM bjb.staff");
  g_assert_cmpstr (count, ==, "7");
}

static void
test_create_duplicate (void)
{
  BjbStaffForm *form = bjb_staff_page_get_create_form (page);
  const char *error;

  if (px_skip ())
    return;

  fill (form, "login", "t_cs");
  fill (form, "name", "Kasir Kembar");
  fill (form, "phone", "");
  fill (form, "password", "rahasia-kembar");
  fill (form, "again", "rahasia-kembar");
  submit (form);
  /* Refused by the server (BJ010 "Login t_cs sudah dipakai."), marked on the login. */
  error = bjb_staff_form_get_error (form, "login");
  g_assert_nonnull (error);
  if (px_indonesian ())
    g_assert_nonnull (strstr (error, "sudah dipakai"));
  else
    g_assert_nonnull (strstr (error, "already used"));
  g_assert_cmpstr (gtk_editable_get_text (bjb_staff_form_get_field (form, "name")), ==, "Kasir Kembar");
}

static void
test_create (void)
{
  BjbStaffForm *form = bjb_staff_page_get_create_form (page);
  g_autofree char *sql = NULL;
  g_autofree char *row = NULL;
  g_autofree char *stored = NULL;

  if (px_skip ())
    return;

  fill (form, "login", kasir);
  fill (form, "name", "Kasir Baru");
  fill (form, "phone", "0812 3456 7001");
  bjb_staff_form_set_role (form, "cs");
  px_activate (GTK_WIDGET (form), "staff-form.generate", NULL);
  g_assert_nonnull (bjb_staff_form_get_generated (form));
  kasir_password = g_strdup (bjb_staff_form_get_generated (form));
  submit (form);
  g_assert_null (bjb_staff_form_get_error (form, "form"));
  g_assert_null (bjb_staff_form_get_error (form, "login"));
  /* Shown once, after the account exists. */
  g_assert_cmpstr (bjb_staff_form_get_generated (form), ==, kasir_password);
  px_wait (listed, NULL);
  px_screenshot ("admin-staff-created");

  sql = g_strdup_printf ("SELECT display_name || '|' || phone || '|' || role || '|' || active"
                         " FROM bjb.staff WHERE login = '%s'", kasir);
  row = px_su (sql);
  g_assert_cmpstr (row, ==, "Kasir Baru|+6281234567001|cs|true");
  /* The server holds a SCRAM verifier, never the password. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '%s'", kasir);
  stored = px_su (sql);
  g_assert_cmpstr (stored, ==, "SCRAM-SHA-256$");

  /* The generated password signs in; another does not (so the check is real). */
  g_assert_true (can_sign_in (kasir, kasir_password));
  g_assert_false (can_sign_in (kasir, "bukan-sandinya"));
  px_activate (GTK_WIDGET (form), "staff-form.cancel", NULL);
  g_assert_null (bjb_staff_form_get_generated (form));
}

static void
test_not_yourself (void)
{
  const char *error;

  if (px_skip ())
    return;

  select_login ("t_admin");
  act ("staff.toggle-active");
  error = bjb_staff_page_get_error (page);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, px_indonesian () ? "akun sendiri" : "your own account"));
  g_free (px_su ("SELECT 1 WHERE (SELECT active FROM bjb.staff WHERE login = 't_admin')"));
  px_screenshot ("admin-staff-not-yourself");
}

static void
test_last_admin (void)
{
  g_autofree char *boss = g_strdup_printf ("pt_%s_boss", px.suffix);
  g_autofree char *sql = g_strdup_printf ("SELECT bjb.create_staff('%s', 'Bos Kedua', 'admin', 'barokah-test');"
                                          " UPDATE bjb.staff SET role = 'cs' WHERE login = 't_admin';"
                                          " SELECT 1", boss);
  g_autofree char *active = NULL;
  const char *error;

  if (px_skip ())
    return;

  /* The staff table knows one admin only: t_admin counts as cs there (its group is still
   * bjb_admin, so it may act). Switching the other one off would leave none. */
  g_free (px_su (sql));
  act ("staff.refresh");
  select_login (boss);
  act ("staff.toggle-active");
  error = bjb_staff_page_get_error (page);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, px_indonesian () ? "Admin aktif terakhir" : "last active administrator"));
  bjb_staff_page_choose_role (page, "courier");
  act ("staff.change-role");
  g_assert_nonnull (bjb_staff_page_get_error (page));
  px_screenshot ("admin-staff-last-admin");

  g_free (sql);
  sql = g_strdup_printf ("SELECT active || role FROM bjb.staff WHERE login = '%s'", boss);
  active = px_su (sql);
  g_assert_cmpstr (active, ==, "trueadmin");
  g_free (px_su ("UPDATE bjb.staff SET role = 'admin' WHERE login = 't_admin'; SELECT 1"));
}

static gboolean
connection_lost (gpointer data)
{
  return bjb_connection_get_state (data) != BJB_CONNECTION_STATE_CONNECTED;
}

static void
test_deactivate (void)
{
  g_autoptr(BjbConnection) session = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT active FROM bjb.staff WHERE login = '%s'", kasir);
  g_autofree char *active = NULL;

  if (px_skip ())
    return;

  /* The cashier is signed in somewhere; deactivating ends that session. */
  session = db_test_connection (px.dbname, kasir, kasir_password);
  g_assert_true (db_test_open (session, NULL));
  act ("staff.refresh");
  select_login (kasir);
  act ("staff.toggle-active");
  g_assert_null (bjb_staff_page_get_error (page));
  active = px_su (sql);
  g_assert_cmpstr (active, ==, "f");
  px_wait (connection_lost, session);
  bjb_connection_close (session);
  g_assert_false (can_sign_in (kasir, kasir_password));
  px_screenshot ("admin-staff-deactivated");

  act ("staff.toggle-active");
  g_free (active);
  active = px_su (sql);
  g_assert_cmpstr (active, ==, "t");
  g_assert_true (can_sign_in (kasir, kasir_password));
}

static void
test_role_and_password (void)
{
  BjbStaffForm *form = bjb_staff_page_get_password_form (page);
  g_autofree char *sql = g_strdup_printf ("SELECT role FROM bjb.staff WHERE login = '%s'", kasir);
  g_autofree char *role = NULL;

  if (px_skip ())
    return;

  select_login (kasir);
  bjb_staff_page_choose_role (page, "courier");
  act ("staff.change-role");
  g_assert_null (bjb_staff_page_get_error (page));
  role = px_su (sql);
  g_assert_cmpstr (role, ==, "courier");

  /* A new password, typed twice; a mismatch first. */
  fill (form, "password", "sandi-baru-2026");
  fill (form, "again", "sandi-baru-2025");
  submit (form);
  g_assert_nonnull (bjb_staff_form_get_error (form, "again"));
  fill (form, "again", "sandi-baru-2026");
  /* Enter in the second password submits, as the button does. */
  g_signal_emit_by_name (bjb_staff_form_get_field (form, "again"), "entry-activated");
  px_wait (settled, NULL);
  g_assert_null (bjb_staff_form_get_error (form, "again"));
  g_assert_null (bjb_staff_form_get_error (form, "form"));
  g_assert_true (can_sign_in (kasir, "sandi-baru-2026"));
  g_assert_false (can_sign_in (kasir, kasir_password));
  px_screenshot ("admin-staff-password");

  /* Escape puts a half-typed password back, as Close does. */
  fill (form, "password", "setengah");
  g_assert_true (press_escape (GTK_WIDGET (form)));
  g_assert_cmpstr (gtk_editable_get_text (bjb_staff_form_get_field (form, "password")), ==, "");
}

void
people_add_staff_tests (void)
{
  g_test_add_func ("/people/staff/list", test_list);
  g_test_add_func ("/people/staff/create-invalid", test_create_invalid);
  g_test_add_func ("/people/staff/create-duplicate", test_create_duplicate);
  g_test_add_func ("/people/staff/create", test_create);
  g_test_add_func ("/people/staff/not-yourself", test_not_yourself);
  g_test_add_func ("/people/staff/last-admin", test_last_admin);
  g_test_add_func ("/people/staff/deactivate", test_deactivate);
  g_test_add_func ("/people/staff/role-and-password", test_role_and_password);
}
