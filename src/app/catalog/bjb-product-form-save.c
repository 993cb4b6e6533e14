/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-product-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-money.h"
#include "bjb-product-form-private.h"
#include "bjb-product-ops.h"

/* The form's checks and its save: every field checked before anything is sent, the
 * server's refusals put beside the field they concern, and nothing typed is ever cleared
 * by a failure. */

/* The field a BJ011's COLUMN names, as the form calls it. */
static const char *
form_field_for_column (const char *column)
{
  static const struct { const char *column, *field; } map[] = {
    { "name", "name" },
    { "category_id", "category" },
    { "unit", "unit" },
    { "price", "price" },
    { "description", "description" },
    { "product_id", "photo" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (column, map[i].column) == 0)
      return map[i].field;
  return "form";
}

/* What to say beside @field when the server refused it: its own (Indonesian) sentence when
 * the UI speaks it, else ours. */
static char *
server_field_sentence (const GError *error,
                       const char   *field)
{
  static const struct { const char *field, *sentence; } sentences[] = {
    { "name", N_("Enter a name of at most 200 characters that no other product has.") },
    { "category", N_("Choose the product’s category.") },
    { "unit", N_("Enter the unit it is sold in (at most 20 characters), such as pcs.") },
    { "price", N_("The price must be from Rp 0 to Rp 10.000.000.000.") },
    { "description", N_("The description can be at most 4000 characters.") },
  };
  const char *server = bjb_db_error_get_server_message (error);

  if (server != NULL && bjb_ui_speaks_server_language ())
    return g_strdup (server);
  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (g_strcmp0 (field, sentences[i].field) == 0)
      return g_strdup (_(sentences[i].sentence));
  return bjb_error_sentence (error);
}

static char *
price_reason (const char *text,
              gint64     *price)
{
  g_autoptr(GError) error = NULL;

  if (!bjb_money_parse (text, price, &error))
    {
      if (g_error_matches (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_EMPTY))
        return g_strdup (_("Enter the price in rupiah."));
      if (g_error_matches (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_FRACTION))
        return g_strdup (_("The price is in whole rupiah, without cents."));
      if (g_error_matches (error, BJB_MONEY_ERROR, BJB_MONEY_ERROR_OVERFLOW))
        return g_strdup (_("The price can be at most Rp 10.000.000.000."));
      return g_strdup (_("The price must be a number of rupiah, such as 2.500."));
    }
  if (*price < 0)
    return g_strdup (_("The price cannot be negative."));
  if (*price > BJB_PRODUCT_PRICE_MAX)
    return g_strdup (_("The price can be at most Rp 10.000.000.000."));
  return NULL;
}

/* Checks every field, marks each wrong one; TRUE when all are right. */
static gboolean
check_fields (BjbProductForm *self,
              BjbProductEdit *edit,
              char          **name,
              char          **unit)
{
  g_autofree char *price_error = NULL;
  gboolean valid = TRUE;

  *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  *unit = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->unit_entry))));
  if (**name == '\0')
    {
      _bjb_product_form_set_field_error (self, "name", _("Enter the product’s name."));
      valid = FALSE;
    }
  edit->category_id = _bjb_product_form_category_id (self);
  if (edit->category_id == 0)
    {
      _bjb_product_form_set_field_error (self, "category",
                                         _("Choose a category (add one under Categories if "
                                           "there is none yet)."));
      valid = FALSE;
    }
  if (**unit == '\0')
    {
      _bjb_product_form_set_field_error (self, "unit",
                                         _("Enter the unit it is sold in, such as pcs or m²."));
      valid = FALSE;
    }
  price_error = price_reason (gtk_editable_get_text (GTK_EDITABLE (self->price_entry)),
                              &edit->price);
  if (price_error != NULL)
    {
      _bjb_product_form_set_field_error (self, "price", price_error);
      valid = FALSE;
    }
  edit->name = *name;
  edit->unit = *unit;
  return valid;
}

static void
finish_saved (BjbProductForm *self)
{
  BjbImage *image = bjb_image_drop_box_get_image (self->photo_box);

  _bjb_product_form_set_busy (self, FALSE);
  /* What is stored now is what the box shows: the new photo, or none after a removal. */
  if (image != NULL)
    {
      /* Showing it lets the box drop the image, and with it these bytes. */
      g_autoptr(GBytes) jpeg = g_bytes_ref (bjb_image_get_jpeg (image));

      bjb_image_drop_box_show_jpeg (self->photo_box, jpeg);
    }
  else if (self->remove_photo)
    bjb_image_drop_box_show_jpeg (self->photo_box, NULL);
  self->remove_photo = FALSE;
  self->dirty = FALSE;
  _bjb_product_form_update_photo_state (self);
  g_signal_emit (self, _bjb_product_form_signals[BJB_PRODUCT_FORM_SAVED], 0, self->product_id);
  _bjb_product_form_load_history (self);
}

static void
show_save_error (BjbProductForm *self,
                 const GError   *error,
                 const char     *prefix_field)
{
  const char *sqlstate = bjb_db_error_get_sqlstate (error);
  g_autofree char *sentence = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (sqlstate, "BJ011") == 0 &&
      g_strcmp0 (form_field_for_column (bjb_db_error_get_column (error)), "form") != 0)
    {
      const char *field = form_field_for_column (bjb_db_error_get_column (error));

      sentence = server_field_sentence (error, field);
      _bjb_product_form_set_field_error (self, field, sentence);
      _bjb_product_form_set_field_error (self, "form", _("Please correct the marked fields."));
      return;
    }
  if (g_strcmp0 (sqlstate, "BJ020") == 0)
    {
      sentence = bjb_product_ops_stale_edit_sentence (error);
      _bjb_product_form_set_field_error (self, "form", sentence);
      gtk_widget_set_visible (GTK_WIDGET (self->reload_button), TRUE);
      return;
    }
  text = bjb_form_not_saved (error, NULL);
  _bjb_product_form_set_field_error (self, prefix_field, text);
}

static void
photo_saved_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BjbProductForm) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!bjb_product_ops_set_photo_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _bjb_product_form_set_busy (self, FALSE);
      /* The product itself is saved: only the photo needs another try. */
      show_save_error (self, error, "photo");
      g_signal_emit (self, _bjb_product_form_signals[BJB_PRODUCT_FORM_SAVED], 0, self->product_id);
      return;
    }
  self->has_photo = !self->remove_photo;
  finish_saved (self);
}

static void
product_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BjbProductForm) self = user_data;
  g_autoptr(GError) error = NULL;
  BjbImage *image;
  int version = 0;
  gint64 id;

  id = bjb_product_ops_save_product_finish (result, &version, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (id <= 0)
    {
      _bjb_product_form_set_busy (self, FALSE);
      show_save_error (self, error, "form");
      return;
    }

  /* The next save starts from what this one stored. */
  self->product_id = id;
  self->version = version;
  image = bjb_image_drop_box_get_image (self->photo_box);
  if (image != NULL || self->remove_photo)
    {
      bjb_product_ops_set_photo_async (self->connection, id, image, self->cancellable,
                                       photo_saved_cb, g_object_ref (self));
      return;
    }
  finish_saved (self);
}

void
_bjb_product_form_save_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  BjbProductForm *self = BJB_PRODUCT_FORM (widget);
  g_autofree char *name = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *description = NULL;
  BjbProductEdit edit = { 0 };

  if (self->busy || self->connection == NULL)
    return;
  _bjb_product_form_clear_errors (self);
  if (!check_fields (self, &edit, &name, &unit))
    {
      _bjb_product_form_set_field_error (self, "form", _("Please correct the marked fields."));
      return;
    }
  description = _bjb_product_form_description (self);
  if (g_utf8_strlen (description, -1) > BJB_PRODUCT_DESCRIPTION_MAX)
    {
      _bjb_product_form_set_field_error (self, "description",
                                         _("The description can be at most 4000 characters."));
      _bjb_product_form_set_field_error (self, "form", _("Please correct the marked fields."));
      return;
    }

  edit.id = self->product_id;
  edit.version = self->version;
  edit.description = description;
  edit.active = gtk_switch_get_active (self->active_switch);
  _bjb_product_form_set_busy (self, TRUE);
  bjb_product_ops_save_product_async (self->connection, &edit, self->cancellable,
                                      product_saved_cb, g_object_ref (self));
}
