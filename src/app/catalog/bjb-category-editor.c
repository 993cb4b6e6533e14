/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-category-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-category-editor.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"
#include "bjb-product-ops.h"
#include "bjb-widgets.h"

struct _BjbCategoryEditor
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  GtkLabel *error_label;
  GtkSingleSelection *selection;
  GtkEntry *rename_entry;
  GtkEntry *add_entry;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  BjbAdminCategory *target;   /* what the request in flight renames or removes */
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbCategoryEditor, bjb_category_editor, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  CLOSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (BjbCategoryEditor *self,
          gboolean           busy)
{
  BjbAdminCategory *selected = gtk_single_selection_get_selected_item (self->selection);

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.add", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.rename", !busy && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.remove", !busy && selected != NULL);
}

static void
show_error (BjbCategoryEditor *self,
            const char        *message)
{
  bjb_widgets_show_label (self->error_label, message);
}

/* BJ021 in English: the count comes from a fresh read (the one shown may be older than
 * the products saved since), so the sentence says what the server saw. */
static void
recount_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BjbCategoryEditor) self = user_data;
  g_autoptr(GListModel) categories = bjb_product_ops_list_categories_finish (result, NULL);
  g_autofree char *used = NULL;
  g_autofree char *text = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  for (guint i = 0; categories != NULL && i < g_list_model_get_n_items (categories); i++)
    {
      g_autoptr(BjbAdminCategory) category = g_list_model_get_item (categories, i);

      if (self->target != NULL &&
          bjb_admin_category_get_id (category) == bjb_admin_category_get_id (self->target))
        g_object_get (category, "products-text", &used, NULL);
    }
  if (used == NULL && self->target != NULL)
    g_object_get (self->target, "products-text", &used, NULL);
  if (self->target != NULL)
    /* Translators: %s is a category, then e.g. "3 products" */
    text = g_strdup_printf (_("%s is still used by %s; move those products to another "
                              "category first."),
                            bjb_admin_category_get_name (self->target), used);
  show_error (self, text);
  g_clear_object (&self->target);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static char *
refusal_sentence (BjbCategoryEditor *self,
                  const GError      *error)
{
  const char *sqlstate = bjb_db_error_get_sqlstate (error);
  const char *server = bjb_db_error_get_server_message (error);

  if (g_strcmp0 (sqlstate, "BJ020") == 0)
    return bjb_product_ops_stale_edit_sentence (error);
  /* The server's (Indonesian) sentence names the category and the count. */
  if (server != NULL && bjb_ui_speaks_server_language () &&
      (g_strcmp0 (sqlstate, "BJ021") == 0 || g_strcmp0 (sqlstate, "BJ011") == 0))
    return g_strdup (server);
  if (g_strcmp0 (sqlstate, "BJ011") == 0)
    return g_strdup (_("Enter a category name of at most 100 characters that no other "
                       "category has."));
  return bjb_error_sentence (error);
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbCategoryEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == bjb_product_ops_delete_category_async)
    ok = bjb_product_ops_delete_category_finish (result, &error);
  else
    ok = bjb_product_ops_save_category_finish (result, &error) > 0;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!ok && g_strcmp0 (bjb_db_error_get_sqlstate (error), "BJ021") == 0 &&
      !bjb_ui_speaks_server_language () && self->target != NULL)
    {
      bjb_product_ops_list_categories_async (self->connection, self->cancellable, recount_cb,
                                             g_object_ref (self));
      return;
    }
  set_busy (self, FALSE);
  if (!ok)
    {
      g_autofree char *sentence = refusal_sentence (self, error);

      show_error (self, sentence);
    }
  else if (g_task_get_source_tag (G_TASK (result)) == bjb_product_ops_save_category_async &&
           self->target == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->add_entry), "");
  g_clear_object (&self->target);
  /* Even a refusal may mean the list is out of date (a stale version, a new count). */
  g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
check_name (BjbCategoryEditor *self,
            const char        *name)
{
  if (name[0] != '\0')
    return TRUE;
  show_error (self, _("Enter the category’s name."));
  return FALSE;
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BjbCategoryEditor *self = BJB_CATEGORY_EDITOR (widget);
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_entry))));

  if (self->busy || self->connection == NULL)
    return;
  show_error (self, NULL);
  if (!check_name (self, name))
    return;
  g_clear_object (&self->target);
  set_busy (self, TRUE);
  bjb_product_ops_save_category_async (self->connection, 0, 0, name, self->cancellable, done_cb,
                                       g_object_ref (self));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbCategoryEditor *self = BJB_CATEGORY_EDITOR (widget);
  BjbAdminCategory *category = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *name =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rename_entry))));

  if (self->busy || self->connection == NULL || category == NULL)
    return;
  show_error (self, NULL);
  if (!check_name (self, name))
    return;
  g_set_object (&self->target, category);
  set_busy (self, TRUE);
  bjb_product_ops_save_category_async (self->connection, bjb_admin_category_get_id (category),
                                       bjb_admin_category_get_version (category), name,
                                       self->cancellable, done_cb, g_object_ref (self));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbCategoryEditor *self = BJB_CATEGORY_EDITOR (widget);
  BjbAdminCategory *category = gtk_single_selection_get_selected_item (self->selection);

  if (self->busy || self->connection == NULL || category == NULL)
    return;
  show_error (self, NULL);
  g_set_object (&self->target, category);
  set_busy (self, TRUE);
  bjb_product_ops_delete_category_async (self->connection, bjb_admin_category_get_id (category),
                                         bjb_admin_category_get_version (category),
                                         self->cancellable, done_cb, g_object_ref (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSED], 0);
}

/* Template callbacks */

static void
selection_changed_cb (BjbCategoryEditor *self)
{
  BjbAdminCategory *category = gtk_single_selection_get_selected_item (self->selection);

  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry),
                         category != NULL ? bjb_admin_category_get_name (category) : "");
  set_busy (self, self->busy);
}

static void
rename_activate_cb (BjbCategoryEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "categories.rename", NULL);
}

static void
add_activate_cb (BjbCategoryEditor *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "categories.add", NULL);
}

/* GObject */

static void
bjb_category_editor_dispose (GObject *object)
{
  BjbCategoryEditor *self = (BjbCategoryEditor *)object;

  bjb_connected_dispose (self, BJB_TYPE_CATEGORY_EDITOR, &self->cancellable);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (bjb_category_editor_parent_class)->dispose (object);
}

static void
bjb_category_editor_class_init (BjbCategoryEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_category_editor_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbCategoryEditor, connection),
                               (BjbConnectedSetter) bjb_category_editor_set_connection);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CLOSED] = g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_catalog_ensure_resources ();
  g_type_ensure (BJB_TYPE_ADMIN_CATEGORY);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-category-editor.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbCategoryEditor, content);
  gtk_widget_class_bind_template_child (widget_class, BjbCategoryEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCategoryEditor, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbCategoryEditor, rename_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCategoryEditor, add_entry);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rename_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activate_cb);

  gtk_widget_class_install_action (widget_class, "categories.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "categories.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "categories.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "categories.close", NULL, close_action);
}

static void
bjb_category_editor_init (BjbCategoryEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
}

void
bjb_category_editor_set_connection (BjbCategoryEditor *self,
                                    BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_CATEGORY_EDITOR (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  set_busy (self, FALSE);
}

void
bjb_category_editor_set_categories (BjbCategoryEditor *self,
                                    GListModel        *categories)
{
  g_return_if_fail (BJB_IS_CATEGORY_EDITOR (self));
  gtk_single_selection_set_model (self->selection, categories);
}

gboolean
bjb_category_editor_select (BjbCategoryEditor *self,
                            gint64             id)
{
  GListModel *model;

  g_return_val_if_fail (BJB_IS_CATEGORY_EDITOR (self), FALSE);

  model = gtk_single_selection_get_model (self->selection);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbAdminCategory) category = g_list_model_get_item (model, i);

      if (bjb_admin_category_get_id (category) == id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

GtkEditable *
bjb_category_editor_get_entry (BjbCategoryEditor *self,
                               const char        *which)
{
  g_return_val_if_fail (BJB_IS_CATEGORY_EDITOR (self), NULL);
  return GTK_EDITABLE (g_strcmp0 (which, "add") == 0 ? self->add_entry : self->rename_entry);
}

const char *
bjb_category_editor_get_error (BjbCategoryEditor *self)
{
  g_return_val_if_fail (BJB_IS_CATEGORY_EDITOR (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_label (self->error_label);
}

gboolean
bjb_category_editor_get_busy (BjbCategoryEditor *self)
{
  g_return_val_if_fail (BJB_IS_CATEGORY_EDITOR (self), FALSE);
  return self->busy;
}
