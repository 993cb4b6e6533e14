/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-catalog.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-money.h"
#include "bjb-product-form-private.h"
#include "bjb-product-ops.h"
#include "bjb-widgets.h"

G_DEFINE_FINAL_TYPE (BjbProductForm, bjb_product_form, GTK_TYPE_WIDGET)

guint _bjb_product_form_signals[BJB_PRODUCT_FORM_N_SIGNALS];

/* Fields and their errors */

GtkLabel *
_bjb_product_form_error_label_for (BjbProductForm *self,
                                   const char     *field)
{
  static const BjbFormPlace labels[] = {
    { "name", G_STRUCT_OFFSET (BjbProductForm, name_error) },
    { "category", G_STRUCT_OFFSET (BjbProductForm, category_error) },
    { "unit", G_STRUCT_OFFSET (BjbProductForm, unit_error) },
    { "price", G_STRUCT_OFFSET (BjbProductForm, price_error) },
    { "description", G_STRUCT_OFFSET (BjbProductForm, description_error) },
    { "photo", G_STRUCT_OFFSET (BjbProductForm, photo_error) },
    { "form", G_STRUCT_OFFSET (BjbProductForm, error_label) },
  };

  return bjb_form_place_lookup (self, labels, G_N_ELEMENTS (labels), field);
}

void
_bjb_product_form_set_field_error (BjbProductForm *self,
                                   const char     *field,
                                   const char     *message)
{
  GtkLabel *label = _bjb_product_form_error_label_for (self, field);

  g_return_if_fail (label != NULL);
  bjb_widgets_show_label (label, message);
  if (g_strcmp0 (field, "form") == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->error_box), message != NULL && *message != '\0');
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button), FALSE);
    }
}

void
_bjb_product_form_clear_errors (BjbProductForm *self)
{
  static const char * const fields[] = {
    "name", "category", "unit", "price", "description", "photo", "form"
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _bjb_product_form_set_field_error (self, fields[i], NULL);
}

void
_bjb_product_form_set_busy (BjbProductForm *self,
                            gboolean        busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, self->spinner,
                     "product.save", "product.reload", NULL);
}

char *
_bjb_product_form_description (BjbProductForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

gint64
_bjb_product_form_category_id (BjbProductForm *self)
{
  g_autoptr(BjbAdminCategory) category = NULL;
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);

  if (self->categories == NULL || selected == GTK_INVALID_LIST_POSITION)
    return 0;
  category = g_list_model_get_item (self->categories, selected);
  return category != NULL ? bjb_admin_category_get_id (category) : 0;
}

static void
select_category (BjbProductForm *self,
                 gint64          id)
{
  guint n = self->categories != NULL ? g_list_model_get_n_items (self->categories) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BjbAdminCategory) category = g_list_model_get_item (self->categories, i);

      if (bjb_admin_category_get_id (category) == id)
        {
          gtk_drop_down_set_selected (self->category_dropdown, i);
          return;
        }
    }
  gtk_drop_down_set_selected (self->category_dropdown, GTK_INVALID_LIST_POSITION);
}

void
_bjb_product_form_update_photo_state (BjbProductForm *self)
{
  const char *state;

  if (bjb_image_drop_box_get_image (self->photo_box) != NULL)
    state = _("The new photo is stored when you save.");
  else if (self->remove_photo)
    state = _("The photo is removed when you save.");
  else if (self->has_photo)
    state = NULL;
  else
    state = _("No photo yet: choose a file, or drop or paste a picture here.");
  gtk_label_set_label (self->photo_state_label, state != NULL ? state : "");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "product.remove-photo",
                                 !self->remove_photo &&
                                 (self->has_photo || bjb_image_drop_box_get_image (self->photo_box) != NULL));
}

static void
photo_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(BjbProductForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) jpeg = bjb_product_ops_get_photo_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* A photo chosen meanwhile is what the admin wants to see. */
  if (bjb_image_drop_box_get_image (self->photo_box) != NULL || self->remove_photo)
    return;
  if (error != NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      _bjb_product_form_set_field_error (self, "photo", sentence);
      return;
    }
  bjb_image_drop_box_show_jpeg (self->photo_box, jpeg);
}

static void
history_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BjbProductForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) history = bjb_product_ops_price_history_finish (result, &error);

  if (history == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("price history: %s", error->message);
      return;
    }
  bjb_widgets_store_replace (self->history_store, history);
}

void
_bjb_product_form_load_history (BjbProductForm *self)
{
  if (self->connection == NULL || self->product_id == 0)
    {
      g_list_store_remove_all (self->history_store);
      return;
    }
  bjb_product_ops_price_history_async (self->connection, self->product_id, self->cancellable,
                                       history_cb, g_object_ref (self));
}

/* Puts the row's values into the fields (a new product: empty fields, the first category). */
void
_bjb_product_form_fill (BjbProductForm *self)
{
  BjbAdminProduct *product = self->product;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  g_autofree char *price = NULL;
  g_autofree char *edited = NULL;

  _bjb_product_form_clear_errors (self);
  bjb_image_drop_box_clear (self->photo_box);
  self->remove_photo = FALSE;
  self->reload_version = 0;
  self->filling = TRUE;

  if (product == NULL)
    {
      self->product_id = 0;
      self->version = 0;
      self->has_photo = FALSE;
      gtk_label_set_label (self->title_label, _("New Product"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
      gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), "pcs");
      gtk_editable_set_text (GTK_EDITABLE (self->price_entry), "");
      gtk_text_buffer_set_text (buffer, "", -1);
      gtk_switch_set_active (self->active_switch, TRUE);
      gtk_drop_down_set_selected (self->category_dropdown, 0);
    }
  else
    {
      self->product_id = bjb_admin_product_get_id (product);
      self->version = bjb_admin_product_get_version (product);
      self->has_photo = bjb_admin_product_get_has_photo (product);
      gtk_label_set_label (self->title_label, bjb_admin_product_get_name (product));
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), bjb_admin_product_get_name (product));
      gtk_editable_set_text (GTK_EDITABLE (self->unit_entry), bjb_admin_product_get_unit (product));
      price = bjb_money_format_plain (bjb_admin_product_get_price (product));
      gtk_editable_set_text (GTK_EDITABLE (self->price_entry), price);
      gtk_text_buffer_set_text (buffer, bjb_admin_product_get_description (product) ?: "", -1);
      gtk_switch_set_active (self->active_switch, bjb_admin_product_get_active (product));
      select_category (self, bjb_admin_product_get_category_id (product));
      g_object_get (product, "edited-text", &edited, NULL);
    }
  if (edited != NULL)
    {
      /* Translators: %s is who last saved the product and when */
      g_autofree char *text = g_strdup_printf (_("Last saved by %s"), edited);

      gtk_label_set_label (self->edited_label, text);
    }
  else
    gtk_label_set_label (self->edited_label, "");
  self->filling = FALSE;
  self->dirty = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->history_title), product != NULL);
  _bjb_product_form_update_photo_state (self);
  _bjb_product_form_load_history (self);
  if (self->has_photo && self->connection != NULL)
    bjb_product_ops_get_photo_async (self->connection, self->product_id, self->cancellable,
                                     photo_cb, g_object_ref (self));
}

/* Reload waits for the list to bring the row at the version the refusal named. */
static void
product_version_changed_cb (BjbProductForm *self)
{
  if (self->reload_version == 0 || self->product == NULL)
    return;
  if (bjb_admin_product_get_version (self->product) >= self->reload_version)
    _bjb_product_form_fill (self);
}

/* Template callbacks */

static void
field_changed_cb (BjbProductForm *self,
                  GObject        *emitter)
{
  static const struct { gsize offset; const char *field; } fields[] = {
    { G_STRUCT_OFFSET (BjbProductForm, name_entry), "name" },
    { G_STRUCT_OFFSET (BjbProductForm, unit_entry), "unit" },
    { G_STRUCT_OFFSET (BjbProductForm, price_entry), "price" },
    { G_STRUCT_OFFSET (BjbProductForm, category_dropdown), "category" },
  };

  if (!self->filling)
    self->dirty = TRUE;
  /* A reason beside a field goes once the field is changed; Save checks it again. */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (G_STRUCT_MEMBER (GObject *, self, fields[i].offset) == emitter)
      _bjb_product_form_set_field_error (self, fields[i].field, NULL);
}

static void
entry_activate_cb (BjbProductForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "product.save", NULL);
}

static void
typed_cb (BjbProductForm *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

static void
photo_ready_cb (BjbProductForm *self)
{
  self->dirty = TRUE;
  self->remove_photo = FALSE;
  _bjb_product_form_set_field_error (self, "photo", NULL);
  _bjb_product_form_update_photo_state (self);
}

static void
photo_failed_cb (BjbProductForm *self,
                 const char     *sentence)
{
  _bjb_product_form_set_field_error (self, "photo", sentence);
}

/* Actions */

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbProductForm *self = BJB_PRODUCT_FORM (widget);

  if (self->product == NULL)
    return;
  self->reload_version = self->version + 1;
  if (bjb_admin_product_get_version (self->product) >= self->reload_version)
    _bjb_product_form_fill (self);
  else
    g_signal_emit (self, _bjb_product_form_signals[BJB_PRODUCT_FORM_REFRESH_REQUESTED], 0);
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  BjbProductForm *self = BJB_PRODUCT_FORM (widget);

  bjb_image_drop_box_clear (self->photo_box);
  self->remove_photo = self->has_photo;
  self->dirty = TRUE;
  _bjb_product_form_update_photo_state (self);
}

/* GObject */

static void
bjb_product_form_dispose (GObject *object)
{
  BjbProductForm *self = (BjbProductForm *)object;

  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, product_version_changed_cb, self);
  bjb_connected_dispose (self, BJB_TYPE_PRODUCT_FORM, &self->cancellable);
  g_clear_object (&self->product);

  G_OBJECT_CLASS (bjb_product_form_parent_class)->dispose (object);
}

static void
bjb_product_form_class_init (BjbProductFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_product_form_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbProductForm, connection),
                               (BjbConnectedSetter) bjb_product_form_set_connection);

  _bjb_product_form_signals[BJB_PRODUCT_FORM_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);
  _bjb_product_form_signals[BJB_PRODUCT_FORM_REFRESH_REQUESTED] =
    g_signal_new ("refresh-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_catalog_ensure_resources ();
  bjb_widgets_ensure_resources ();
  g_type_ensure (BJB_TYPE_IMAGE_DROP_BOX);
  g_type_ensure (BJB_TYPE_ADMIN_CATEGORY);
  g_type_ensure (BJB_TYPE_PRICE_CHANGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/catalog/bjb-product-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, error_box);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, reload_button);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, category_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, unit_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, price_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, price_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, description_view);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, description_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, active_switch);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, photo_box);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, photo_state_label);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, photo_error);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, spinner);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, edited_label);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, history_title);
  gtk_widget_class_bind_template_child (widget_class, BjbProductForm, history_store);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "product.save", NULL, _bjb_product_form_save_action);
  bjb_form_class_install_cancel (widget_class, "product.cancel", NULL);
  gtk_widget_class_install_action (widget_class, "product.reload", NULL, reload_action);
  bjb_image_drop_box_install_commands (widget_class, G_STRUCT_OFFSET (BjbProductForm, photo_box),
                                       "product.choose-photo", NULL);
  gtk_widget_class_install_action (widget_class, "product.remove-photo", NULL, remove_photo_action);
}

static void
bjb_product_form_init (BjbProductForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_catalog_ensure_style (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  bjb_image_drop_box_watch_drops (self->photo_box, GTK_WIDGET (self));
  g_signal_connect_object (self->photo_box, "image-ready", G_CALLBACK (photo_ready_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->photo_box, "failed", G_CALLBACK (photo_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->description_view), "changed",
                           G_CALLBACK (typed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->active_switch, "notify::active", G_CALLBACK (typed_cb), self,
                           G_CONNECT_SWAPPED);
  _bjb_product_form_update_photo_state (self);
}

void
bjb_product_form_set_connection (BjbProductForm *self,
                                 BjbConnection  *connection)
{
  g_return_if_fail (BJB_IS_PRODUCT_FORM (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  _bjb_product_form_set_busy (self, FALSE);
}

void
bjb_product_form_set_categories (BjbProductForm *self,
                                 GListModel     *categories)
{
  g_return_if_fail (BJB_IS_PRODUCT_FORM (self));

  self->categories = categories;
  gtk_drop_down_set_model (self->category_dropdown, categories);
}

void
bjb_product_form_edit (BjbProductForm  *self,
                       BjbAdminProduct *product)
{
  g_return_if_fail (BJB_IS_PRODUCT_FORM (self));
  g_return_if_fail (product == NULL || BJB_IS_ADMIN_PRODUCT (product));

  if (self->product != NULL)
    g_signal_handlers_disconnect_by_func (self->product, product_version_changed_cb, self);
  g_set_object (&self->product, product);
  if (product != NULL)
    g_signal_connect_object (product, "notify::version", G_CALLBACK (product_version_changed_cb),
                             self, G_CONNECT_SWAPPED);
  _bjb_product_form_fill (self);
}

gint64
bjb_product_form_get_product_id (BjbProductForm *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), 0);
  return self->product_id;
}

void
bjb_product_form_focus (BjbProductForm *self)
{
  g_return_if_fail (BJB_IS_PRODUCT_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

const char *
bjb_product_form_get_field_error (BjbProductForm *self,
                                  const char     *field)
{
  GtkLabel *label;

  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), NULL);

  label = _bjb_product_form_error_label_for (self, field);
  g_return_val_if_fail (label != NULL, NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (label)))
    return NULL;
  return gtk_label_get_label (label);
}

GtkEditable *
bjb_product_form_get_entry (BjbProductForm *self,
                            const char     *field)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return GTK_EDITABLE (self->name_entry);
  if (g_strcmp0 (field, "unit") == 0)
    return GTK_EDITABLE (self->unit_entry);
  if (g_strcmp0 (field, "price") == 0)
    return GTK_EDITABLE (self->price_entry);
  g_return_val_if_reached (NULL);
}

gboolean
bjb_product_form_get_dirty (BjbProductForm *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), FALSE);
  return self->dirty;
}

gboolean
bjb_product_form_get_busy (BjbProductForm *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), FALSE);
  return self->busy;
}

GListModel *
bjb_product_form_get_history (BjbProductForm *self)
{
  g_return_val_if_fail (BJB_IS_PRODUCT_FORM (self), NULL);
  return G_LIST_MODEL (self->history_store);
}
