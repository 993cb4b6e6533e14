/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-application"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bjb-admin-window.h"
#include "bjb-application.h"
#include "bjb-app-resources.h"
#include "bjb-courier-window.h"
#include "bjb-cs-window.h"
#include "bjb-login-window.h"
#include "bjb-object-prop.h"

struct _BjbApplication
{
  AdwApplication parent_instance;

  /* Owned */
  GSettings *settings;
  BjbSession *session;

  /* Borrowed: windows belong to the GtkApplication */
  GtkWindow *login_window;
};

G_DEFINE_FINAL_TYPE (BjbApplication, bjb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL, N_("Show the program version and exit"), NULL },
  { NULL }
};

static GType
role_window_type (const char *role)
{
  if (g_strcmp0 (role, "admin") == 0)
    return BJB_TYPE_ADMIN_WINDOW;
  if (g_strcmp0 (role, "cs") == 0)
    return BJB_TYPE_CS_WINDOW;
  if (g_strcmp0 (role, "courier") == 0)
    return BJB_TYPE_COURIER_WINDOW;
  return G_TYPE_INVALID;
}

static GtkWindow *
find_window (BjbApplication *self,
             GType           type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
        return l->data;
    }

  return NULL;
}

static void
on_login_window_destroy (BjbApplication *self)
{
  self->login_window = NULL;
}

/**
 * bjb_application_get_login_window:
 *
 * Returns: (transfer none): the login window, created when needed
 */
GtkWindow *
bjb_application_get_login_window (BjbApplication *self)
{
  g_return_val_if_fail (BJB_IS_APPLICATION (self), NULL);

  if (self->login_window == NULL)
    {
      self->login_window = GTK_WINDOW (bjb_login_window_new (self));
      g_signal_connect_object (self->login_window, "destroy",
                               G_CALLBACK (on_login_window_destroy), self,
                               G_CONNECT_SWAPPED);
    }

  return self->login_window;
}

static void
bjb_application_activate (GApplication *app)
{
  BjbApplication *self = BJB_APPLICATION (app);

  if (self->session != NULL)
    {
      GtkWindow *window = bjb_application_open_role_window (self,
                                                            bjb_session_get_role (self->session));
      if (window != NULL)
        return;
    }

  gtk_window_present (bjb_application_get_login_window (self));
}

static int
bjb_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("barokah %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BjbApplication *self = user_data;

  if (self->session != NULL)
    bjb_session_close (self->session);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BjbApplication *self = user_data;
  static const char *developers[] = { "UD. Barokah Jaya Beton", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Barokah Back Office"),
                        "developer-name", "UD. Barokah Jaya Beton",
                        "version", PACKAGE_VERSION,
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your name(s) here */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
sign_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  bjb_application_sign_out (BJB_APPLICATION (user_data));
}

static void
open_window_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  bjb_application_open_role_window (BJB_APPLICATION (user_data),
                                    g_variant_get_string (parameter, NULL));
}

typedef void (*BjbDeskShow) (BjbCsWindow *window,
                             gint64       id);

/* Orders and customer records are worked on at the customer-service desk, which admins may
 * open too (from a notification, or a row of a report); a courier, who may see neither,
 * gets their own window to the front. */
static void
open_at_desk (BjbApplication *self,
              gint64          id,
              BjbDeskShow     show)
{
  if (self->session == NULL)
    {
      gtk_window_present (bjb_application_get_login_window (self));
      return;
    }

  if (g_strcmp0 (bjb_session_get_role (self->session), "courier") != 0)
    {
      GtkWindow *window = bjb_application_open_role_window (self, "cs");

      if (window != NULL)
        {
          show (BJB_CS_WINDOW (window), id);
          return;
        }
    }
  bjb_application_open_role_window (self, bjb_session_get_role (self->session));
}

static void
open_order_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  open_at_desk (user_data, g_variant_get_int64 (parameter), bjb_cs_window_show_order);
}

static void
open_customer_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  open_at_desk (user_data, g_variant_get_int64 (parameter), bjb_cs_window_show_customer);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "sign-out", sign_out_action },
  { "open-window", open_window_action, "s" },
  { "open-order", open_order_action, "x" },
  { "open-customer", open_customer_action, "x" },
};

static void
update_actions (BjbApplication *self)
{
  gboolean is_admin = self->session != NULL &&
                      g_strcmp0 (bjb_session_get_role (self->session), "admin") == 0;
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self), "open-window");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), is_admin);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "sign-out");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), self->session != NULL);
}

static void
bjb_application_startup (GApplication *app)
{
  BjbApplication *self = BJB_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (bjb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  update_actions (self);

  /* Follow the desktop's light/dark preference. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  if (!notify_is_initted ())
    notify_init (APP_ID);

  self->settings = g_settings_new (APP_ID);
}

static void
bjb_application_shutdown (GApplication *app)
{
  BjbApplication *self = BJB_APPLICATION (app);

  if (self->session != NULL)
    bjb_session_close (self->session);
  g_clear_object (&self->session);

  if (notify_is_initted ())
    notify_uninit ();

  G_APPLICATION_CLASS (bjb_application_parent_class)->shutdown (app);
}

static void
bjb_application_dispose (GObject *object)
{
  BjbApplication *self = (BjbApplication *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bjb_application_parent_class)->dispose (object);
}

static void
bjb_application_class_init (BjbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  bjb_app_register_resource ();

  object_class->dispose = bjb_application_dispose;

  app_class->activate = bjb_application_activate;
  app_class->startup = bjb_application_startup;
  app_class->shutdown = bjb_application_shutdown;
  app_class->handle_local_options = bjb_application_handle_local_options;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  bjb_object_prop_install (object_class, properties[PROP_SESSION],
                           G_STRUCT_OFFSET (BjbApplication, session),
                           NULL);
}

static void
bjb_application_init (BjbApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Back office of UD. Barokah Jaya Beton: orders, "
                                              "customers, stock and deliveries."));
}

/**
 * bjb_application_new:
 *
 * Returns: (transfer full): the application
 */
BjbApplication *
bjb_application_new (void)
{
  return g_object_new (BJB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/id/barokahjaya/BackOffice",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * bjb_application_get_settings:
 *
 * Returns: (transfer none): the application's settings (after startup)
 */
GSettings *
bjb_application_get_settings (BjbApplication *self)
{
  g_return_val_if_fail (BJB_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * bjb_application_get_session:
 *
 * Returns: (transfer none) (nullable): the signed-in session
 */
BjbSession *
bjb_application_get_session (BjbApplication *self)
{
  g_return_val_if_fail (BJB_IS_APPLICATION (self), NULL);
  return self->session;
}

/**
 * bjb_application_open_role_window:
 * @role: "admin", "cs" or "courier"
 *
 * Presents the window for @role, creating it when needed. Only admins may open
 * windows of other roles.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL when not allowed
 */
GtkWindow *
bjb_application_open_role_window (BjbApplication *self,
                                  const char     *role)
{
  GtkWindow *window;
  GType type;

  g_return_val_if_fail (BJB_IS_APPLICATION (self), NULL);

  if (self->session == NULL)
    return NULL;

  if (g_strcmp0 (role, bjb_session_get_role (self->session)) != 0 &&
      g_strcmp0 (bjb_session_get_role (self->session), "admin") != 0)
    return NULL;

  type = role_window_type (role);
  if (type == G_TYPE_INVALID)
    return NULL;

  window = find_window (self, type);
  if (window == NULL)
    window = g_object_new (type,
                           "application", self,
                           "session", self->session,
                           NULL);

  gtk_window_present (window);

  return window;
}

/**
 * bjb_application_start_session:
 * @connection: an opened connection
 *
 * Called by the login window once the server accepted the staff member: opens the
 * window for their role and starts live notifications.
 */
void
bjb_application_start_session (BjbApplication   *self,
                               BjbServerProfile *profile,
                               BjbConnection    *connection)
{
  GtkWindow *window;

  g_return_if_fail (BJB_IS_APPLICATION (self));
  g_return_if_fail (BJB_IS_CONNECTION (connection));

  if (self->session != NULL)
    bjb_session_close (self->session);
  g_clear_object (&self->session);

  self->session = bjb_session_new (profile, connection, self->settings);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);

  /* Started before the window opens: the start's first statement fixes the event cursor
   * (a first run's "from now on"), and it must run before the window's pages queue their
   * loads on the same connection, or what happens while they load (an order another desk
   * places) would count as already seen and never reach a page. */
  bjb_session_start (self->session);
  window = bjb_application_open_role_window (self, bjb_session_get_role (self->session));

  if (window != NULL && self->login_window != NULL)
    gtk_window_destroy (self->login_window);
}

/**
 * bjb_application_sign_out:
 *
 * Closes the session's connections and windows and shows the login window.
 */
void
bjb_application_sign_out (BjbApplication *self)
{
  g_autoptr(GList) windows = NULL;
  GtkWindow *login;

  g_return_if_fail (BJB_IS_APPLICATION (self));

  if (self->session == NULL)
    return;

  /* The login window first, so the application never runs out of windows. */
  login = bjb_application_get_login_window (self);
  gtk_window_present (login);

  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    {
      if (l->data != (gpointer)login)
        gtk_window_destroy (l->data);
    }

  bjb_session_close (self->session);
  g_clear_object (&self->session);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}
