/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-role-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connection-indicator.h"
#include "bjb-notification-button.h"
#include "bjb-offline-banner.h"
#include "bjb-role-window.h"

/* What the three role windows share: the header (who is signed in, the connection, the
 * bell, the menu), the offline banner, the page stack with its switcher or sidebar, the
 * window's remembered size, and the one place where the session and the listener's events
 * reach the pages. */
typedef struct
{
  /* Template widgets */
  AdwHeaderBar *header_bar;
  AdwViewStack *stack;
  AdwViewSwitcherTitle *switcher_title;
  AdwWindowTitle *window_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *sidebar;
  GtkListView *sidebar_list;
  GtkLabel *name_label;
  GtkLabel *role_label;
  BjbOfflineBanner *offline_banner;
  BjbNotificationButton *notification_button;
  BjbConnectionIndicator *connection_indicator;

  /* Owned */
  BjbSession *session;
  BjbListener *listener;
  GSettings *geometry;
  GPtrArray *extra_pages;
  char *heading;

  gulong listener_id;
  gulong event_id;
  guint use_sidebar : 1;
} BjbRoleWindowPrivate;

static void bjb_role_window_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (BjbRoleWindow, bjb_role_window, ADW_TYPE_APPLICATION_WINDOW,
                         G_ADD_PRIVATE (BjbRoleWindow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, bjb_role_window_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SESSION,
  PROP_HEADING,
  PROP_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The pages of the stack that implement BjbPage, then those registered with
 * bjb_role_window_add_page(). (transfer container) */
static GPtrArray *
collect_pages (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);
  g_autoptr(GtkSelectionModel) stack_pages = adw_view_stack_get_pages (priv->stack);
  GPtrArray *pages = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (stack_pages));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (stack_pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (BJB_IS_PAGE (child))
        g_ptr_array_add (pages, child);
    }

  for (guint i = 0; i < priv->extra_pages->len; i++)
    {
      gpointer page = g_ptr_array_index (priv->extra_pages, i);

      if (!g_ptr_array_find (pages, page, NULL))
        g_ptr_array_add (pages, page);
    }

  return pages;
}

static void
on_event_received (BjbRoleWindow *self,
                   BjbEvent      *event,
                   BjbListener   *listener)
{
  g_autoptr(GPtrArray) pages = collect_pages (self);

  for (guint i = 0; i < pages->len; i++)
    bjb_page_event_received (g_ptr_array_index (pages, i), event);
}

static void
forget_listener (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  if (priv->listener != NULL)
    g_clear_signal_handler (&priv->event_id, priv->listener);
  g_clear_object (&priv->listener);
}

/* The session makes its listener after the window opens: follow it from before it starts,
 * so the events its start catches up on (what happened since the cursor) reach the pages
 * too, not only the notifications. */
static void
on_listener_changed (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);
  BjbListener *listener = priv->session ? bjb_session_get_listener (priv->session) : NULL;

  if (listener == priv->listener)
    return;

  forget_listener (self);
  if (listener == NULL)
    return;

  priv->listener = g_object_ref (listener);
  priv->event_id = g_signal_connect_object (listener, "event-received",
                                            G_CALLBACK (on_event_received), self,
                                            G_CONNECT_SWAPPED);
}

/* Hands @session to every page and follows its listener; no notification (dispose). */
static void
replace_session (BjbRoleWindow *self,
                 BjbSession    *session)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);
  g_autoptr(GPtrArray) pages = NULL;

  forget_listener (self);
  if (priv->session != NULL)
    g_clear_signal_handler (&priv->listener_id, priv->session);
  g_set_object (&priv->session, session);

  pages = collect_pages (self);
  for (guint i = 0; i < pages->len; i++)
    bjb_page_set_session (g_ptr_array_index (pages, i), session);

  if (session != NULL)
    {
      priv->listener_id = g_signal_connect_object (session, "notify::listener",
                                                    G_CALLBACK (on_listener_changed), self,
                                                    G_CONNECT_SWAPPED);
      on_listener_changed (self);
    }
}

static void
set_session (BjbRoleWindow *self,
             BjbSession    *session)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  if (priv->session == session)
    return;

  replace_session (self, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* A page added to the stack later (after the session) gets the session too. */
static void
on_stack_pages_changed (BjbRoleWindow *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *stack_pages)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  if (priv->session == NULL)
    return;

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (stack_pages, i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (BJB_IS_PAGE (child))
        bjb_page_set_session (BJB_PAGE (child), priv->session);
    }
}

/* The bar at the bottom stands in for the header's switcher when the window is too narrow
 * for it; a window with a sidebar needs neither. */
static void
update_switcher_bar (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  /* Shown and hidden rather than revealed: a collapsed revealer in the action bar gets a
   * negative height with animations off (GTK 4.8). */
  gtk_widget_set_visible (GTK_WIDGET (priv->switcher_bar),
                          !priv->use_sidebar &&
                          adw_view_switcher_title_get_title_visible (priv->switcher_title));
}

static void
set_sidebar (BjbRoleWindow *self,
             gboolean       use_sidebar)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  use_sidebar = !!use_sidebar;
  if (priv->use_sidebar == use_sidebar)
    return;

  priv->use_sidebar = use_sidebar;
  gtk_widget_set_visible (priv->sidebar, use_sidebar);
  /* A plain title: the switcher, even disabled, would claim the width of all its pages. */
  adw_header_bar_set_title_widget (priv->header_bar,
                                   use_sidebar ? GTK_WIDGET (priv->window_title)
                                               : GTK_WIDGET (priv->switcher_title));
  update_switcher_bar (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
}

static void
bjb_role_window_buildable_add_child (GtkBuildable *buildable,
                                     GtkBuilder   *builder,
                                     GObject      *child,
                                     const char   *type)
{
  BjbRoleWindow *self = BJB_ROLE_WINDOW (buildable);
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  /* A subclass's pages go to the stack, as if written inside it. */
  if (g_strcmp0 (type, "page") == 0 && priv->stack != NULL)
    GTK_BUILDABLE_GET_IFACE (priv->stack)->add_child (GTK_BUILDABLE (priv->stack), builder,
                                                      child, NULL);
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
bjb_role_window_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = bjb_role_window_buildable_add_child;
}

static void
bjb_role_window_constructed (GObject *object)
{
  BjbRoleWindow *self = (BjbRoleWindow *)object;
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);
  BjbRoleWindowClass *klass = BJB_ROLE_WINDOW_GET_CLASS (self);

  G_OBJECT_CLASS (bjb_role_window_parent_class)->constructed (object);

  /* Each role its own size: an admin who also opens the desk window keeps both. */
  if (klass->geometry_child != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      priv->geometry = g_settings_get_child (settings, klass->geometry_child);
      g_settings_bind (priv->geometry, "width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (priv->geometry, "height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (priv->geometry, "maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }
}

static void
bjb_role_window_dispose (GObject *object)
{
  BjbRoleWindow *self = (BjbRoleWindow *)object;
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  /* Every role window's subclass has a template (its pages): disposed here, first, for all
   * of them. */
  if (G_OBJECT_TYPE (object) != BJB_TYPE_ROLE_WINDOW)
    gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  /* The sidebar would read the stack's pages while they go. */
  if (priv->sidebar_list != NULL)
    gtk_list_view_set_model (priv->sidebar_list, NULL);
  /* Pages first let go of the session (and cancel what they started with it). */
  if (priv->stack != NULL && priv->session != NULL)
    replace_session (self, NULL);
  g_clear_pointer (&priv->extra_pages, g_ptr_array_unref);

  /* No gtk_widget_dispose_template() here: GTK 4.8 looks the template children up by the
   * instance's type, so for a parent class's template it finds none and aborts. Nothing
   * of this template is a direct child of the window; the children go with the window's
   * tree, and the template's own references with the window itself. */
  g_clear_object (&priv->geometry);

  G_OBJECT_CLASS (bjb_role_window_parent_class)->dispose (object);
}

static void
bjb_role_window_finalize (GObject *object)
{
  BjbRoleWindow *self = (BjbRoleWindow *)object;
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  g_clear_pointer (&priv->heading, g_free);

  G_OBJECT_CLASS (bjb_role_window_parent_class)->finalize (object);
}

static void
bjb_role_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BjbRoleWindow *self = BJB_ROLE_WINDOW (object);
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, priv->session);
      break;
    case PROP_HEADING:
      g_value_set_string (value, priv->heading);
      break;
    case PROP_SIDEBAR:
      g_value_set_boolean (value, priv->use_sidebar);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_role_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BjbRoleWindow *self = BJB_ROLE_WINDOW (object);
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SESSION:
      /* Not construct-only: the template's expressions watch it change. */
      set_session (self, g_value_get_object (value));
      break;
    case PROP_HEADING:
      if (g_strcmp0 (priv->heading, g_value_get_string (value)) != 0)
        {
          g_free (priv->heading);
          priv->heading = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SIDEBAR:
      set_sidebar (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_role_window_class_init (BjbRoleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bjb_role_window_constructed;
  object_class->dispose = bjb_role_window_dispose;
  object_class->finalize = bjb_role_window_finalize;
  object_class->get_property = bjb_role_window_get_property;
  object_class->set_property = bjb_role_window_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, BJB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The role's name in the header, e.g. "Customer Service". */
  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Pages listed in a sidebar (many pages) rather than in the header's switcher. */
  properties[PROP_SIDEBAR] =
    g_param_spec_boolean ("sidebar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BJB_TYPE_CONNECTION_INDICATOR);
  g_type_ensure (BJB_TYPE_NOTIFICATION_BUTTON);
  g_type_ensure (BJB_TYPE_OFFLINE_BANNER);
  g_type_ensure (BJB_TYPE_SESSION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/ui/bjb-role-window.ui");
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, header_bar);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, stack);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, switcher_title);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, window_title);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, switcher_bar);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, sidebar);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, sidebar_list);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, name_label);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, role_label);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, offline_banner);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, notification_button);
  gtk_widget_class_bind_template_child_private (widget_class, BjbRoleWindow, connection_indicator);
  gtk_widget_class_bind_template_callback (widget_class, update_switcher_bar);
}

static void
bjb_role_window_init (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);
  g_autoptr(GtkSelectionModel) pages = NULL;

  priv->extra_pages = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The sidebar lists the stack's own pages, so choosing one there switches the stack. */
  pages = adw_view_stack_get_pages (priv->stack);
  gtk_list_view_set_model (priv->sidebar_list, pages);
  g_signal_connect_object (pages, "items-changed", G_CALLBACK (on_stack_pages_changed), self,
                           G_CONNECT_SWAPPED);
  update_switcher_bar (self);
}

/**
 * bjb_role_window_class_set_template:
 * @resource: the subclass's template, which adds the role's pages
 * @geometry_child: the child of the application's settings (a
 *   `id.barokahjaya.BackOffice.WindowGeometry`) that keeps this window's size
 *
 * What makes a role window: called in the subclass's class_init.
 */
void
bjb_role_window_class_set_template (BjbRoleWindowClass *klass,
                                    const char         *resource,
                                    const char         *geometry_child)
{
  g_return_if_fail (BJB_IS_ROLE_WINDOW_CLASS (klass));

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass), resource);
  klass->geometry_child = geometry_child;
}

/**
 * bjb_role_window_get_session:
 *
 * Returns: (transfer none) (nullable): the signed-in session shown
 */
BjbSession *
bjb_role_window_get_session (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_ROLE_WINDOW (self), NULL);
  return priv->session;
}

/**
 * bjb_role_window_get_stack:
 *
 * Returns: (transfer none): the stack holding the pages
 */
AdwViewStack *
bjb_role_window_get_stack (BjbRoleWindow *self)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  g_return_val_if_fail (BJB_IS_ROLE_WINDOW (self), NULL);
  return priv->stack;
}

/**
 * bjb_role_window_add_page:
 * @page: a page of this window that is not itself a page of the stack (the CS window's
 *   order detail beside the orders list)
 *
 * From now on @page gets the session and the events as the stack's pages do. Called in the
 * subclass's init, after its template.
 */
void
bjb_role_window_add_page (BjbRoleWindow *self,
                          BjbPage       *page)
{
  BjbRoleWindowPrivate *priv = bjb_role_window_get_instance_private (self);

  g_return_if_fail (BJB_IS_ROLE_WINDOW (self));
  g_return_if_fail (BJB_IS_PAGE (page));

  if (g_ptr_array_find (priv->extra_pages, page, NULL))
    return;

  g_ptr_array_add (priv->extra_pages, g_object_ref (page));
  if (priv->session != NULL)
    bjb_page_set_session (page, priv->session);
}
