/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-form-fields.h"
#include "bjb-list-controller.h"
#include "bjb-page.h"
#include "bjb-people.h"
#include "bjb-staff-member.h"
#include "bjb-staff-ops.h"
#include "bjb-staff-page.h"
#include "bjb-widgets.h"

/* The role row's items, in the order of the .ui (as the staff form's). */
static const char *const roles[] = { "cs", "courier", "admin", "worker" };

struct _BjbStaffPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkPaned *paned;
  GtkSingleSelection *selection;
  GListStore *store;
  BjbListController *list;
  GtkStack *stack;
  GtkLabel *detail_title;
  GtkLabel *detail_subtitle;
  GtkButton *active_button;
  AdwComboRow *role_row;
  GtkLabel *detail_error;
  GtkLabel *detail_status;
  BjbStaffForm *password_form;
  BjbStaffForm *create_form;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  guint busy;                 /* changes on their way */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbStaffPage, bjb_staff_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static BjbStaffMember *
selected (BjbStaffPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (BjbStaffPage *self)
{
  gboolean can_act = selected (self) != NULL && self->busy == 0 &&
                     !bjb_list_controller_get_loading (self->list);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.toggle-active", can_act);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "staff.change-role", can_act);
}

/* The detail of the picked account; @fresh: a different account than before (the forms
 * and sentences start over). */
static void
show_detail (BjbStaffPage   *self,
             BjbStaffMember *member,
             gboolean        fresh)
{
  g_autofree char *subtitle = NULL;
  const char *login = bjb_staff_member_get_login (member);
  int sessions = bjb_staff_member_get_sessions (member);

  gtk_label_set_text (self->detail_title, bjb_staff_member_get_display_name (member));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s · %s · %d open session",
                                           "%s · %s · %s · %d open sessions", sessions),
                              login, bjb_staff_member_role_label (bjb_staff_member_get_role (member)),
                              bjb_staff_member_get_active (member) ? _("Active") : _("Inactive"),
                              sessions);
  gtk_label_set_text (self->detail_subtitle, subtitle);
  gtk_button_set_label (self->active_button,
                        bjb_staff_member_get_active (member) ? _("_Deactivate") : _("_Reactivate"));
  gtk_button_set_use_underline (self->active_button, TRUE);
  if (bjb_staff_member_get_active (member))
    gtk_widget_add_css_class (GTK_WIDGET (self->active_button), "destructive-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->active_button), "destructive-action");
  if (fresh)
    {
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        if (g_strcmp0 (roles[i], bjb_staff_member_get_role (member)) == 0)
          adw_combo_row_set_selected (self->role_row, i);
      bjb_widgets_show_label (self->detail_error, NULL);
      bjb_widgets_show_label (self->detail_status, NULL);
      bjb_staff_form_start_reset (self->password_form, login);
    }
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "create") != 0)
    gtk_stack_set_visible_child_name (self->stack, "detail");
}

/* Any selection, the kept account's fresh row after a read too: the detail follows it. */
static void
selection_changed_cb (BjbStaffPage *self)
{
  BjbStaffMember *member = selected (self);

  update_actions (self);
  if (member != NULL)
    show_detail (self, member, FALSE);
}

/* Another account picked: its forms and sentences start over. */
static void
picked_cb (BjbStaffPage   *self,
           BjbStaffMember *member)
{
  show_detail (self, member, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

void
bjb_staff_page_refresh (BjbStaffPage *self)
{
  g_return_if_fail (BJB_IS_STAFF_PAGE (self));

  if (self->connection == NULL)
    return;
  bjb_list_controller_load (self->list, self->connection);
  update_actions (self);
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BjbStaffPage) self = user_data;
  g_autoptr(GError) error = NULL;
  BjbStaffMember *member;

  if (!bjb_staff_ops_change_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  update_actions (self);
  if (error != NULL)
    {
      g_autofree char *sentence = bjb_staff_ops_refusal_sentence (error, NULL);
      g_autofree char *text = g_strdup_printf (_("Not changed: %s"), sentence);

      g_debug ("staff change: %s", error->message);
      bjb_widgets_show_label (self->detail_error, text);
      return;
    }
  member = selected (self);
  if (member != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_("Changed. Any open session of %s was ended."),
                         bjb_staff_member_get_display_name (member));
      bjb_widgets_show_label (self->detail_status, text);
    }
  bjb_staff_page_refresh (self);
}

/* The picked account when a change of it may start (none is on its way); the detail's
 * sentences of the last change go. */
static BjbStaffMember *
changeable (BjbStaffPage *self)
{
  BjbStaffMember *member = selected (self);

  if (member == NULL || self->connection == NULL || self->busy > 0)
    return NULL;
  bjb_widgets_show_label (self->detail_error, NULL);
  bjb_widgets_show_label (self->detail_status, NULL);
  return member;
}

/* A change goes to the server: the actions wait for its answer (change_cb). */
static void
change_sent (BjbStaffPage *self)
{
  self->busy++;
  update_actions (self);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BjbStaffPage *self = BJB_STAFF_PAGE (widget);
  BjbStaffMember *member = changeable (self);

  if (member == NULL)
    return;
  change_sent (self);
  bjb_staff_ops_set_active_async (self->connection, bjb_staff_member_get_login (member),
                                  !bjb_staff_member_get_active (member), self->cancellable,
                                  change_cb, g_object_ref (self));
}

static void
change_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbStaffPage *self = BJB_STAFF_PAGE (widget);
  guint role = adw_combo_row_get_selected (self->role_row);
  BjbStaffMember *member = role < G_N_ELEMENTS (roles) ? changeable (self) : NULL;

  if (member == NULL)
    return;
  if (g_strcmp0 (roles[role], bjb_staff_member_get_role (member)) == 0)
    {
      bjb_widgets_show_label (self->detail_status, _("That is already their role."));
      return;
    }
  change_sent (self);
  bjb_staff_ops_set_role_async (self->connection, bjb_staff_member_get_login (member),
                                roles[role], self->cancellable, change_cb, g_object_ref (self));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BjbStaffPage *self = BJB_STAFF_PAGE (widget);

  bjb_staff_form_start_create (self->create_form);
  gtk_stack_set_visible_child_name (self->stack, "create");
}

static void
form_done_cb (BjbStaffPage *self,
              const char   *login)
{
  bjb_staff_page_refresh (self);
}

static void
create_cancelled_cb (BjbStaffPage *self)
{
  BjbStaffMember *member = selected (self);

  if (member != NULL)
    show_detail (self, member, FALSE);
  gtk_stack_set_visible_child_name (self->stack, member != NULL ? "detail" : "empty");
}

static void
password_cancelled_cb (BjbStaffPage *self)
{
  BjbStaffMember *member = selected (self);

  /* The form stays ready for the same account. */
  if (member != NULL)
    bjb_staff_form_start_reset (self->password_form, bjb_staff_member_get_login (member));
}

/* BjbPage */

static void
bjb_staff_page_page_refresh (BjbPage *page)
{
  bjb_staff_page_refresh (BJB_STAFF_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_staff_page_page_refresh;
  /* No event tells of sign-ins or accounts: the list is read again whenever it is shown. */
}

/* GObject */

static void
bjb_staff_page_dispose (GObject *object)
{
  BjbStaffPage *self = (BjbStaffPage *)object;

  bjb_connected_dispose (self, BJB_TYPE_STAFF_PAGE, &self->cancellable);

  G_OBJECT_CLASS (bjb_staff_page_parent_class)->dispose (object);
}

static void
bjb_staff_page_class_init (BjbStaffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_staff_page_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStaffPage, connection),
                               (BjbConnectedSetter) bjb_staff_page_set_connection);

  bjb_people_ensure_resources ();
  g_type_ensure (BJB_TYPE_STAFF_MEMBER);
  g_type_ensure (BJB_TYPE_STAFF_FORM);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-staff-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, store);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, list);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, detail_subtitle);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, active_button);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, detail_error);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, detail_status);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, password_form);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffPage, create_form);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, form_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_cancelled_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_cancelled_cb);

  gtk_widget_class_install_action (widget_class, "staff.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "staff.refresh", NULL, bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "staff.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "staff.change-role", NULL, change_role_action);
}

static void
bjb_staff_page_init (BjbStaffPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  bjb_list_controller_set_fetch (self->list, bjb_staff_ops_list_async, bjb_staff_ops_list_finish,
                                 _("The staff list could not be read: %s"));
  update_actions (self);
  /* Shown again: sign-ins and sessions have moved on. */
  g_signal_connect (self, "map", G_CALLBACK (bjb_staff_page_refresh), NULL);
}

GtkWidget *
bjb_staff_page_new (void)
{
  return g_object_new (BJB_TYPE_STAFF_PAGE, NULL);
}

void
bjb_staff_page_set_connection (BjbStaffPage  *self,
                               BjbConnection *connection)
{
  g_return_if_fail (BJB_IS_STAFF_PAGE (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  self->busy = 0;
  bjb_list_controller_load (self->list, NULL);
  bjb_staff_form_set_connection (self->create_form, connection);
  bjb_staff_form_set_connection (self->password_form, connection);
  bjb_staff_page_refresh (self);
}

GListModel *
bjb_staff_page_get_staff (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), NULL);
  return G_LIST_MODEL (self->store);
}

gboolean
bjb_staff_page_select (BjbStaffPage *self,
                       const char   *login)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), FALSE);
  return bjb_people_select (self->selection, "login", login);
}

void
bjb_staff_page_choose_role (BjbStaffPage *self,
                            const char   *role)
{
  g_return_if_fail (BJB_IS_STAFF_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (roles[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);
}

const char *
bjb_staff_page_get_error (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), NULL);
  return bjb_form_shown_error (GTK_WIDGET (self->detail_error), self->detail_error);
}

BjbStaffForm *
bjb_staff_page_get_create_form (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), NULL);
  return self->create_form;
}

BjbStaffForm *
bjb_staff_page_get_password_form (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), NULL);
  return self->password_form;
}

const char *
bjb_staff_page_get_visible_pane (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
bjb_staff_page_get_busy (BjbStaffPage *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_PAGE (self), FALSE);
  return self->busy > 0 || bjb_list_controller_get_loading (self->list) ||
         bjb_staff_form_get_busy (self->create_form) ||
         bjb_staff_form_get_busy (self->password_form);
}
