/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discounts-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-discount-ops.h"
#include "bjb-discount-rule.h"
#include "bjb-discounts-page.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-list-controller.h"
#include "bjb-page.h"
#include "bjb-people.h"
#include "bjb-widgets.h"

struct _BjbDiscountsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkPaned *paned;
  GtkButton *active_button;
  GtkLabel *error_label;
  GtkSingleSelection *selection;
  GListStore *store;
  BjbListController *list;
  GtkStack *stack;
  BjbDiscountForm *form;
  BjbDiscountPreview *preview;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  gboolean reload_form;       /* the picked rule changed under the form: load it again */
  guint busy;                 /* changes on their way */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbDiscountsPage, bjb_discounts_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static BjbDiscountRule *
selected (BjbDiscountsPage *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_actions (BjbDiscountsPage *self)
{
  BjbDiscountRule *rule = selected (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "discounts.toggle-active",
                                 rule != NULL && self->busy == 0 &&
                                 !bjb_list_controller_get_loading (self->list));
  gtk_button_set_label (self->active_button,
                        rule != NULL && !bjb_discount_rule_get_active (rule) ? _("_Activate")
                                                                            : _("_Deactivate"));
}

/* Another rule picked: it opens in the form (a refresh keeps the form as typed). */
static void
picked_cb (BjbDiscountsPage *self,
           BjbDiscountRule  *rule)
{
  bjb_widgets_show_label (self->error_label, NULL);
  bjb_discount_form_load (self->form, rule);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
loaded_cb (BjbDiscountsPage *self,
           gboolean          ok)
{
  BjbDiscountRule *rule = selected (self);

  if (ok)
    {
      if (self->reload_form && rule != NULL)
        bjb_discount_form_load (self->form, rule);
      self->reload_form = FALSE;
    }
  update_actions (self);
}

void
bjb_discounts_page_refresh (BjbDiscountsPage *self)
{
  g_return_if_fail (BJB_IS_DISCOUNTS_PAGE (self));

  if (self->connection == NULL)
    return;
  bjb_list_controller_load (self->list, self->connection);
  update_actions (self);
}

static void
set_active_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(BjbDiscountsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_discount_ops_set_active_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (error != NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);
      g_autofree char *text = g_strdup_printf (_("Not changed: %s"), sentence);

      g_debug ("set_discount_rule_active: %s", error->message);
      bjb_widgets_show_label (self->error_label, text);
    }
  /* Either way the list shows the rule as it is now, and the form its new version (or a
   * save from it would be refused as stale). */
  self->reload_form = TRUE;
  bjb_discounts_page_refresh (self);
  bjb_discount_preview_requote (self->preview);
}

static void
toggle_active_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  BjbDiscountsPage *self = BJB_DISCOUNTS_PAGE (widget);
  BjbDiscountRule *rule = selected (self);

  if (rule == NULL || self->connection == NULL || self->busy > 0)
    return;
  bjb_widgets_show_label (self->error_label, NULL);
  self->busy++;
  update_actions (self);
  bjb_discount_ops_set_active_async (self->connection, bjb_discount_rule_get_id (rule),
                                     bjb_discount_rule_get_version (rule),
                                     !bjb_discount_rule_get_active (rule), self->cancellable,
                                     set_active_cb, g_object_ref (self));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BjbDiscountsPage *self = BJB_DISCOUNTS_PAGE (widget);

  bjb_list_controller_select_id (self->list, 0);
  bjb_discount_form_start_new (self->form);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BjbDiscountsPage *self = BJB_DISCOUNTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "preview");
  bjb_discount_preview_requote (self->preview);
}

static void
form_saved_cb (BjbDiscountsPage *self,
               gint64            id)
{
  bjb_list_controller_set_selected_id (self->list, id);
  bjb_discounts_page_refresh (self);
  bjb_discount_preview_requote (self->preview);
}

/* BjbPage */

static void
bjb_discounts_page_page_refresh (BjbPage *page)
{
  bjb_discounts_page_refresh (BJB_DISCOUNTS_PAGE (page));
}

/* How often a rule was used changes with orders placed, cancelled or expired. */
static void
bjb_discounts_page_event_received (BjbPage  *page,
                                   BjbEvent *event)
{
  static const char *const kinds[] = { "order_placed", "order_cancelled", "order_expired", NULL };

  if (g_strv_contains (kinds, bjb_event_get_kind (event)))
    bjb_discounts_page_refresh (BJB_DISCOUNTS_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_discounts_page_page_refresh;
  iface->event_received = bjb_discounts_page_event_received;
}

/* GObject */

static void
bjb_discounts_page_dispose (GObject *object)
{
  BjbDiscountsPage *self = (BjbDiscountsPage *)object;

  bjb_connected_dispose (self, BJB_TYPE_DISCOUNTS_PAGE, &self->cancellable);

  G_OBJECT_CLASS (bjb_discounts_page_parent_class)->dispose (object);
}

static void
bjb_discounts_page_class_init (BjbDiscountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_discounts_page_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbDiscountsPage, connection),
                               (BjbConnectedSetter) bjb_discounts_page_set_connection);

  bjb_people_ensure_resources ();
  g_type_ensure (BJB_TYPE_DISCOUNT_RULE);
  g_type_ensure (BJB_TYPE_DISCOUNT_FORM);
  g_type_ensure (BJB_TYPE_DISCOUNT_PREVIEW);
  g_type_ensure (BJB_TYPE_LIST_CONTROLLER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-discounts-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, active_button);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, store);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, list);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, form);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountsPage, preview);
  gtk_widget_class_bind_template_callback (widget_class, update_actions);
  gtk_widget_class_bind_template_callback (widget_class, picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, loaded_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, bjb_discounts_page_refresh);

  gtk_widget_class_install_action (widget_class, "discounts.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "discounts.refresh", NULL,
                                   bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "discounts.toggle-active", NULL, toggle_active_action);
  gtk_widget_class_install_action (widget_class, "discounts.preview", NULL, preview_action);
}

static void
bjb_discounts_page_init (BjbDiscountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  bjb_list_controller_set_fetch (self->list, bjb_discount_ops_list_async,
                                 bjb_discount_ops_list_finish,
                                 _("The discount rules could not be read: %s"));
  bjb_discount_preview_set_rules (self->preview, G_LIST_MODEL (self->store));
  bjb_discount_form_start_new (self->form);
  update_actions (self);
}

GtkWidget *
bjb_discounts_page_new (void)
{
  return g_object_new (BJB_TYPE_DISCOUNTS_PAGE, NULL);
}

void
bjb_discounts_page_set_connection (BjbDiscountsPage *self,
                                   BjbConnection    *connection)
{
  g_return_if_fail (BJB_IS_DISCOUNTS_PAGE (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  self->busy = 0;
  bjb_list_controller_load (self->list, NULL);
  bjb_discount_form_set_connection (self->form, connection);
  bjb_discount_preview_set_connection (self->preview, connection);
  bjb_discounts_page_refresh (self);
}

GListModel *
bjb_discounts_page_get_rules (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->store);
}

gboolean
bjb_discounts_page_select (BjbDiscountsPage *self,
                           const char       *name)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), FALSE);
  return bjb_people_select (self->selection, "name", name);
}

const char *
bjb_discounts_page_get_error (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), NULL);
  return bjb_form_shown_error (GTK_WIDGET (self->error_label), self->error_label);
}

BjbDiscountForm *
bjb_discounts_page_get_form (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), NULL);
  return self->form;
}

BjbDiscountPreview *
bjb_discounts_page_get_preview (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), NULL);
  return self->preview;
}

const char *
bjb_discounts_page_get_visible_pane (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
bjb_discounts_page_get_busy (BjbDiscountsPage *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNTS_PAGE (self), FALSE);
  return self->busy > 0 || bjb_list_controller_get_loading (self->list) ||
         bjb_discount_form_get_busy (self->form) ||
         bjb_discount_preview_get_busy (self->preview);
}
