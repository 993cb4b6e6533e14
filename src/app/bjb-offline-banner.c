/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-offline-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-error-sentence.h"
#include "bjb-offline-banner.h"

/* The strip under the header bar that says the link to the server is down. AdwBanner is
 * libadwaita 1.3, so this is a revealer with a styled box. */
struct _BjbOfflineBanner
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkLabel *title_label;
  GtkLabel *detail_label;
  GtkButton *sign_in_button;
  GtkButton *try_now_button;
};

G_DEFINE_FINAL_TYPE (BjbOfflineBanner, bjb_offline_banner, BJB_TYPE_CONNECTION_WATCH)

enum {
  PROP_0,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_last_success (BjbConnection *connection)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;
  GDateTime *last = bjb_connection_get_last_success (connection);

  if (last == NULL)
    return g_strdup (_("No contact with the server yet."));

  local = g_date_time_to_local (last);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time of day to the second, see g_date_time_format() */
    when = g_date_time_format (local, _("%H:%M:%S"));
  else
    /* Translators: date and time of the last contact, see g_date_time_format() */
    when = g_date_time_format (local, _("%-d %B %Y, %H:%M:%S"));

  /* Translators: %s is a time such as 14:05:31 */
  return g_strdup_printf (_("Last contact with the server at %s."), when);
}

static void
bjb_offline_banner_update (BjbConnectionWatch *watch)
{
  BjbOfflineBanner *self = BJB_OFFLINE_BANNER (watch);
  BjbConnection *connection = bjb_connection_watch_get_connection (watch);
  BjbConnectionState state;
  gboolean reveal = FALSE;

  if (connection == NULL)
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  state = bjb_connection_get_state (connection);

  if (state == BJB_CONNECTION_STATE_RECONNECTING || state == BJB_CONNECTION_STATE_CONNECTING)
    {
      g_autofree char *detail = format_last_success (connection);

      gtk_label_set_text (self->title_label, _("Connection lost — reconnecting…"));
      gtk_label_set_text (self->detail_label, detail);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->try_now_button),
                              state == BJB_CONNECTION_STATE_RECONNECTING);
      reveal = TRUE;
    }
  else if (state == BJB_CONNECTION_STATE_DISCONNECTED)
    {
      const GError *error = bjb_connection_get_error (connection);
      g_autofree char *detail = format_last_success (connection);
      g_autofree char *text = NULL;

      /* It gave up: the password changed, the account was deactivated, … */
      if (error != NULL)
        {
          g_autofree char *sentence = bjb_error_sentence (error);

          text = g_strdup_printf ("%s %s", sentence, detail);
        }
      else
        text = g_steal_pointer (&detail);

      gtk_label_set_text (self->title_label, _("Disconnected from the server"));
      gtk_label_set_text (self->detail_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->sign_in_button), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->try_now_button), FALSE);
      reveal = TRUE;
    }

  if (reveal != gtk_revealer_get_reveal_child (self->revealer))
    {
      gtk_revealer_set_reveal_child (self->revealer, reveal);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
    }
}

static void
try_now_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BjbSession *session = bjb_connection_watch_get_session (BJB_CONNECTION_WATCH (widget));

  if (session != NULL)
    bjb_session_reconnect_now (session);
}

static void
bjb_offline_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_OFFLINE_BANNER);

  G_OBJECT_CLASS (bjb_offline_banner_parent_class)->dispose (object);
}

static void
bjb_offline_banner_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbOfflineBanner *self = BJB_OFFLINE_BANNER (object);

  switch (prop_id)
    {
    case PROP_REVEALED:
      g_value_set_boolean (value, gtk_revealer_get_reveal_child (self->revealer));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_offline_banner_class_init (BjbOfflineBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_offline_banner_dispose;
  object_class->get_property = bjb_offline_banner_get_property;
  BJB_CONNECTION_WATCH_CLASS (klass)->update = bjb_offline_banner_update;

  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-offline-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbOfflineBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, BjbOfflineBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOfflineBanner, detail_label);
  gtk_widget_class_bind_template_child (widget_class, BjbOfflineBanner, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, BjbOfflineBanner, try_now_button);
  gtk_widget_class_install_action (widget_class, "banner.try-now", NULL, try_now_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "offlinebanner");
}

static void
bjb_offline_banner_init (BjbOfflineBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  bjb_connection_watch_follow (BJB_CONNECTION_WATCH (self), "notify::state");
  bjb_connection_watch_follow (BJB_CONNECTION_WATCH (self), "notify::last-success");
}
