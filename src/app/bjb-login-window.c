/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-login-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connection.h"
#include "bjb-error-sentence.h"
#include "bjb-file-chooser.h"
#include "bjb-login-window.h"
#include "bjb-migrator.h"
#include "bjb-password-store.h"
#include "bjb-server-profile.h"

struct _BjbLoginWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwComboRow *profile_row;
  AdwExpanderRow *server_row;
  AdwEntryRow *name_row;
  AdwEntryRow *host_row;
  AdwEntryRow *port_row;
  AdwEntryRow *dbname_row;
  AdwComboRow *tls_row;
  AdwActionRow *ca_row;
  AdwEntryRow *login_row;
  AdwEntryRow *password_row;
  GtkSwitch *remember_switch;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  GtkSpinner *spinner;
  GtkLabel *status_label;
  GtkButton *cancel_button;
  GtkButton *connect_button;
  AdwPreferencesGroup *server_group;
  AdwPreferencesGroup *staff_group;

  /* Owned */
  GSettings *settings;
  GListStore *profiles;
  BjbServerProfile *current;
  BjbConnection *connection;
  GCancellable *cancellable;
  GCancellable *lookup_cancellable;
  GtkFileChooserNative *chooser;
  char *ca_file;
  char *error_message;

  guint busy : 1;
  guint had_stored_password : 1;
};

G_DEFINE_FINAL_TYPE (BjbLoginWindow, bjb_login_window, ADW_TYPE_APPLICATION_WINDOW)

/* Same order as the TLS row's string list. */
static const char *sslmodes[] = { "disable", "prefer", "require", "verify-ca", "verify-full" };

static guint
sslmode_to_index (const char *sslmode)
{
  for (guint i = 0; i < G_N_ELEMENTS (sslmodes); i++)
    {
      if (g_strcmp0 (sslmodes[i], sslmode) == 0)
        return i;
    }

  return 1;
}

static void
set_error_message (BjbLoginWindow *self,
                   const char     *message)
{
  if (g_strcmp0 (message, self->error_message) == 0)
    return;

  g_free (self->error_message);
  self->error_message = g_strdup (message);

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
set_ca_file (BjbLoginWindow *self,
             const char     *path)
{
  g_free (self->ca_file);
  self->ca_file = g_strdup (path && *path ? path : NULL);

  adw_action_row_set_subtitle (self->ca_row, self->ca_file ? self->ca_file : _("None chosen"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.clear-ca-file", self->ca_file != NULL);
}

static void
update_server_summary (BjbLoginWindow *self)
{
  g_autofree char *summary = NULL;

  if (self->current == NULL)
    return;

  summary = bjb_server_profile_dup_summary (self->current);
  adw_expander_row_set_subtitle (self->server_row, summary);
}

static void
load_fields (BjbLoginWindow *self)
{
  g_autofree char *port = NULL;
  BjbServerProfile *profile = self->current;

  if (profile == NULL)
    return;

  port = g_strdup_printf ("%u", bjb_server_profile_get_port (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         bjb_server_profile_get_display_name (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->host_row), bjb_server_profile_get_host (profile));
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port);
  gtk_editable_set_text (GTK_EDITABLE (self->dbname_row), bjb_server_profile_get_dbname (profile));
  adw_combo_row_set_selected (self->tls_row,
                              sslmode_to_index (bjb_server_profile_get_sslmode (profile)));
  set_ca_file (self, bjb_server_profile_get_sslrootcert (profile));
  update_server_summary (self);
}

/* Writes the edited fields back into the current profile. Returns FALSE (and says why)
 * when a field is not usable. */
static gboolean
commit_fields (BjbLoginWindow *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *host = gtk_editable_get_text (GTK_EDITABLE (self->host_row));
  const char *port = gtk_editable_get_text (GTK_EDITABLE (self->port_row));
  const char *dbname = gtk_editable_get_text (GTK_EDITABLE (self->dbname_row));
  guint tls = adw_combo_row_get_selected (self->tls_row);
  guint64 port_value = 0;

  if (self->current == NULL)
    return FALSE;

  if (!g_ascii_string_to_unsigned (port, 10, 1, G_MAXUINT16, &port_value, NULL))
    {
      set_error_message (self, _("The port must be a number between 1 and 65535."));
      adw_expander_row_set_expanded (self->server_row, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->port_row));
      return FALSE;
    }

  /* The first profile's name, as shown in this UI's language, stays the stored one. */
  if (g_strcmp0 (name, bjb_server_profile_get_display_name (self->current)) == 0)
    name = bjb_server_profile_get_name (self->current);

  g_object_set (self->current,
                "name", *name ? name : host,
                "host", host,
                "port", (guint)port_value,
                "dbname", dbname,
                "sslmode", sslmodes[MIN (tls, G_N_ELEMENTS (sslmodes) - 1)],
                "sslrootcert", self->ca_file ? self->ca_file : "",
                NULL);
  update_server_summary (self);

  return TRUE;
}

static void
save_profiles (BjbLoginWindow *self)
{
  GVariantBuilder builder;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssqsss)"));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BjbServerProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);

      g_variant_builder_add_value (&builder, bjb_server_profile_to_variant (profile));
    }

  g_settings_set_value (self->settings, "profiles", g_variant_builder_end (&builder));
  if (self->current != NULL)
    g_settings_set_string (self->settings, "last-profile",
                           bjb_server_profile_get_name (self->current));
}

static void
lookup_password_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(BjbLoginWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  password = bjb_password_store_lookup_finish (result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No keyring: %s", error->message);
      return;
    }

  self->had_stored_password = password != NULL;
  if (password != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), password);
      gtk_switch_set_active (self->remember_switch, TRUE);
    }
}

static void
lookup_password (BjbLoginWindow *self)
{
  const char *login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));

  g_cancellable_cancel (self->lookup_cancellable);
  g_clear_object (&self->lookup_cancellable);

  if (self->current == NULL || *login == '\0')
    return;

  self->lookup_cancellable = g_cancellable_new ();
  bjb_password_store_lookup_async (bjb_server_profile_get_name (self->current), login,
                                   self->lookup_cancellable, lookup_password_cb,
                                   g_object_ref (self));
}

static void
on_profile_selected (BjbLoginWindow *self)
{
  guint position = adw_combo_row_get_selected (self->profile_row);

  if (self->current != NULL)
    commit_fields (self);

  g_clear_object (&self->current);
  if (position != GTK_INVALID_LIST_POSITION)
    self->current = g_list_model_get_item (G_LIST_MODEL (self->profiles), position);

  load_fields (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.remove-profile",
                                 g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) > 1);
}

static void
set_busy (BjbLoginWindow *self,
          gboolean        busy,
          const char     *status)
{
  self->busy = !!busy;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), status != NULL);
  gtk_label_set_text (self->status_label, status ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  /* Move the focus before the entries turn insensitive: GTK 4.8 does not tell a focused
   * GtkText that it lost the focus that way, and its cursor keeps blinking. */
  if (busy)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->staff_group), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.connect", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.cancel", busy);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbLoginWindow) self = user_data;
  g_autoptr(BjbConnection) connection = BJB_CONNECTION (g_object_ref (object));
  g_autoptr(GError) error = NULL;
  BjbApplication *app;
  const char *role;
  const char *login;
  const char *password;

  if (connection != self->connection)
    return;
  g_clear_object (&self->connection);

  if (!bjb_connection_open_finish (connection, result, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          set_busy (self, FALSE, _("Sign-in cancelled."));
          return;
        }

      g_debug ("Sign-in failed: %s", error->message);
      /* Every way of failing has its own sentence, naming the server tried. */
      message = bjb_error_sentence_for_server (error, self->current);
      set_busy (self, FALSE, NULL);
      set_error_message (self, message);
      if (error->domain == BJB_DB_ERROR && error->code == BJB_DB_ERROR_AUTH_FAILED)
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  role = bjb_connection_get_role (connection);
  if (g_strcmp0 (role, "admin") != 0 && g_strcmp0 (role, "cs") != 0 &&
      g_strcmp0 (role, "courier") != 0)
    {
      bjb_connection_close (connection);
      set_busy (self, FALSE, NULL);
      set_error_message (self, _("This login is not a staff account of the back office. Ask an "
                                 "administrator to give it the admin, customer service or "
                                 "courier role."));
      return;
    }

  login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_settings_set_string (self->settings, "last-login", login);

  if (gtk_switch_get_active (self->remember_switch))
    bjb_password_store_save (bjb_server_profile_get_name (self->current), login, password);
  else if (self->had_stored_password)
    bjb_password_store_forget (bjb_server_profile_get_name (self->current), login);

  set_busy (self, FALSE, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");

  app = BJB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  if (app != NULL)
    bjb_application_start_session (app, self->current, connection);
}

static int
expected_schema_version (void)
{
  g_autoptr(BjbMigrator) migrator = bjb_migrator_new ();
  g_autoptr(GError) error = NULL;

  if (!bjb_migrator_load (migrator, &error))
    {
      g_critical ("Built-in migrations are broken: %s", error->message);
      return 0;
    }

  return bjb_migrator_get_latest_version (migrator);
}

static void
add_param (const char **keywords,
           const char **values,
           guint       *n,
           const char  *keyword,
           const char  *value)
{
  keywords[*n] = keyword;
  values[*n] = value;
  (*n)++;
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BjbLoginWindow *self = BJB_LOGIN_WINDOW (widget);
  g_autofree char *port = NULL;
  g_autofree char *status = NULL;
  const char *keywords[9];
  const char *values[9];
  const char *login;
  guint n = 0;

  if (self->busy)
    return;

  set_error_message (self, NULL);
  if (!commit_fields (self))
    return;

  login = gtk_editable_get_text (GTK_EDITABLE (self->login_row));
  if (*login == '\0')
    {
      set_error_message (self, _("Type your login first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
      return;
    }

  save_profiles (self);

  port = g_strdup_printf ("%u", bjb_server_profile_get_port (self->current));
  add_param (keywords, values, &n, "host", bjb_server_profile_get_host (self->current));
  add_param (keywords, values, &n, "port", port);
  add_param (keywords, values, &n, "dbname", bjb_server_profile_get_dbname (self->current));
  add_param (keywords, values, &n, "user", login);
  add_param (keywords, values, &n, "password",
             gtk_editable_get_text (GTK_EDITABLE (self->password_row)));
  add_param (keywords, values, &n, "sslmode", bjb_server_profile_get_sslmode (self->current));
  if (*bjb_server_profile_get_sslrootcert (self->current) != '\0')
    add_param (keywords, values, &n, "sslrootcert",
               bjb_server_profile_get_sslrootcert (self->current));
  keywords[n] = NULL;
  values[n] = NULL;

  g_clear_object (&self->connection);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  self->connection = bjb_connection_new (keywords, values);
  self->cancellable = g_cancellable_new ();
  bjb_connection_set_expected_schema_version (self->connection, expected_schema_version ());

  /* Translators: %s is the server's host name */
  status = g_strdup_printf (_("Connecting to %s…"), bjb_server_profile_get_host (self->current));
  set_busy (self, TRUE, status);

  bjb_connection_open_async (self->connection, self->cancellable, open_cb, g_object_ref (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbLoginWindow *self = BJB_LOGIN_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
add_profile_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbLoginWindow *self = BJB_LOGIN_WINDOW (widget);
  g_autoptr(BjbServerProfile) profile = NULL;
  g_autofree char *name = NULL;
  guint n_items;

  if (self->current != NULL)
    commit_fields (self);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  /* Translators: name of a newly added server profile */
  name = g_strdup_printf (_("Server %u"), n_items + 1);
  profile = bjb_server_profile_new (name, "", 5432, "barokah", "prefer", "");
  g_list_store_append (self->profiles, profile);
  adw_combo_row_set_selected (self->profile_row, n_items);

  adw_expander_row_set_expanded (self->server_row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->host_row));
}

static void
remove_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BjbLoginWindow *self = BJB_LOGIN_WINDOW (widget);
  guint position = adw_combo_row_get_selected (self->profile_row);

  if (position == GTK_INVALID_LIST_POSITION ||
      g_list_model_get_n_items (G_LIST_MODEL (self->profiles)) < 2)
    return;

  /* Not committed: the fields belong to the profile going away. */
  g_clear_object (&self->current);
  g_list_store_remove (self->profiles, position);
  adw_combo_row_set_selected (self->profile_row, position > 0 ? position - 1 : 0);
  on_profile_selected (self);
  save_profiles (self);
}

static void
on_ca_file_chosen (gpointer  owner,
                   GFile    *file)
{
  BjbLoginWindow *self = owner;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return;
  set_ca_file (self, path);
  /* A CA file only means something when certificates are checked. */
  if (adw_combo_row_get_selected (self->tls_row) < 3)
    adw_combo_row_set_selected (self->tls_row, 4);
}

static void
choose_ca_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BjbLoginWindow *self = BJB_LOGIN_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Certificates (PEM)"));
  gtk_file_filter_add_pattern (filter, "*.crt");
  gtk_file_filter_add_pattern (filter, "*.pem");
  gtk_file_filter_add_pattern (filter, "*.cer");
  bjb_file_chooser_open (widget, &self->chooser, _("Choose Certificate Authority File"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), filter, NULL,
                         on_ca_file_chosen);
}

static void
clear_ca_file_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  set_ca_file (BJB_LOGIN_WINDOW (widget), NULL);
}

static void
on_entry_activated (BjbLoginWindow *self,
                    AdwEntryRow    *row)
{
  if (row == self->login_row && *gtk_editable_get_text (GTK_EDITABLE (self->password_row)) == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "login.connect", NULL);
}

static void
load_profiles (BjbLoginWindow *self)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "profiles");
  g_autofree char *last = g_settings_get_string (self->settings, "last-profile");
  g_autofree char *last_login = g_settings_get_string (self->settings, "last-login");
  GVariantIter iter;
  GVariant *child;
  guint selected = 0;
  guint i = 0;

  g_variant_iter_init (&iter, stored);
  while ((child = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(BjbServerProfile) profile = bjb_server_profile_new_from_variant (child);

      if (g_strcmp0 (bjb_server_profile_get_name (profile), last) == 0)
        selected = i;
      g_list_store_append (self->profiles, profile);
      g_variant_unref (child);
      i++;
    }

  if (i == 0)
    {
      g_autoptr(BjbServerProfile) profile = bjb_server_profile_new_from_environment ();

      g_list_store_append (self->profiles, profile);
      /* A brand-new machine with no server named (PGHOST): show where it will connect.
       * With one (the demo), the login and password are all there is to fill in. */
      adw_expander_row_set_expanded (self->server_row,
                                     !bjb_server_profile_environment_names_server ());
    }

  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (self->profiles));
  adw_combo_row_set_selected (self->profile_row, selected);
  on_profile_selected (self);

  gtk_editable_set_text (GTK_EDITABLE (self->login_row), last_login);
  if (*last_login != '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      lookup_password (self);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
}

static void
bjb_login_window_constructed (GObject *object)
{
  BjbLoginWindow *self = (BjbLoginWindow *)object;
  GtkApplication *app;

  G_OBJECT_CLASS (bjb_login_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (BJB_IS_APPLICATION (app) && bjb_application_get_settings (BJB_APPLICATION (app)) != NULL)
    self->settings = g_object_ref (bjb_application_get_settings (BJB_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);

  load_profiles (self);
}

static void
bjb_login_window_dispose (GObject *object)
{
  BjbLoginWindow *self = (BjbLoginWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->lookup_cancellable);

  bjb_file_chooser_close (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_LOGIN_WINDOW);

  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->lookup_cancellable);
  g_clear_object (&self->current);
  g_clear_object (&self->profiles);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bjb_login_window_parent_class)->dispose (object);
}

static void
bjb_login_window_finalize (GObject *object)
{
  BjbLoginWindow *self = (BjbLoginWindow *)object;

  g_clear_pointer (&self->ca_file, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (bjb_login_window_parent_class)->finalize (object);
}

static void
bjb_login_window_class_init (BjbLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bjb_login_window_constructed;
  object_class->dispose = bjb_login_window_dispose;
  object_class->finalize = bjb_login_window_finalize;

  g_type_ensure (BJB_TYPE_SERVER_PROFILE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, host_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, port_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, dbname_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, tls_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, ca_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, login_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, server_group);
  gtk_widget_class_bind_template_child (widget_class, BjbLoginWindow, staff_group);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);

  gtk_widget_class_install_action (widget_class, "login.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "login.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "login.add-profile", NULL, add_profile_action);
  gtk_widget_class_install_action (widget_class, "login.remove-profile", NULL,
                                   remove_profile_action);
  gtk_widget_class_install_action (widget_class, "login.choose-ca-file", NULL,
                                   choose_ca_file_action);
  gtk_widget_class_install_action (widget_class, "login.clear-ca-file", NULL,
                                   clear_ca_file_action);

}

static void
bjb_login_window_init (BjbLoginWindow *self)
{
  self->profiles = g_list_store_new (BJB_TYPE_SERVER_PROFILE);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.cancel", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.clear-ca-file", FALSE);
}

/**
 * bjb_login_window_new:
 *
 * Returns: (transfer full): a new login window
 */
BjbLoginWindow *
bjb_login_window_new (BjbApplication *application)
{
  return g_object_new (BJB_TYPE_LOGIN_WINDOW,
                       "application", application,
                       NULL);
}

gboolean
bjb_login_window_get_busy (BjbLoginWindow *self)
{
  g_return_val_if_fail (BJB_IS_LOGIN_WINDOW (self), FALSE);
  return self->busy;
}

/**
 * bjb_login_window_get_error_message:
 *
 * Returns: (nullable): the sentence shown for the last failed sign-in
 */
const char *
bjb_login_window_get_error_message (BjbLoginWindow *self)
{
  g_return_val_if_fail (BJB_IS_LOGIN_WINDOW (self), NULL);
  return self->error_message;
}
