/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-customer-check.h"
#include "bjb-customer-form-private.h"
#include "bjb-customer-ops.h"
#include "bjb-customers-page.h"
#include "bjb-date-entry.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-ops-query.h"

G_DEFINE_FINAL_TYPE (BjbCustomerForm, bjb_customer_form, GTK_TYPE_WIDGET)

guint _bjb_customer_form_signals[BJB_CUSTOMER_FORM_N_SIGNALS];


/* Field helpers */

GtkEntry *
_bjb_customer_form_entry_for (BjbCustomerForm *self,
                              const char      *field)
{
  static const BjbFormPlace entries[] = {
    { "name", G_STRUCT_OFFSET (BjbCustomerForm, name_entry) },
    { "phone", G_STRUCT_OFFSET (BjbCustomerForm, phone_entry) },
    { "email", G_STRUCT_OFFSET (BjbCustomerForm, email_entry) },
    { "address", G_STRUCT_OFFSET (BjbCustomerForm, address_entry) },
    { "birth-date", G_STRUCT_OFFSET (BjbCustomerForm, birth_entry) },
  };

  return bjb_form_place_lookup (self, entries, G_N_ELEMENTS (entries), field);
}

GtkLabel *
_bjb_customer_form_error_label_for (BjbCustomerForm *self,
                                    const char      *field)
{
  static const BjbFormPlace labels[] = {
    { "name", G_STRUCT_OFFSET (BjbCustomerForm, name_error) },
    { "phone", G_STRUCT_OFFSET (BjbCustomerForm, phone_error) },
    { "email", G_STRUCT_OFFSET (BjbCustomerForm, email_error) },
    { "address", G_STRUCT_OFFSET (BjbCustomerForm, address_error) },
    { "birth-date", G_STRUCT_OFFSET (BjbCustomerForm, birth_error) },
    { "notes", G_STRUCT_OFFSET (BjbCustomerForm, notes_error) },
    { "form", G_STRUCT_OFFSET (BjbCustomerForm, error_label) },
  };

  return bjb_form_place_lookup (self, labels, G_N_ELEMENTS (labels), field);
}

void
_bjb_customer_form_set_field_error (BjbCustomerForm *self,
                                    const char      *field,
                                    const char      *message)
{
  GtkLabel *label = _bjb_customer_form_error_label_for (self, field);
  GtkEntry *entry = _bjb_customer_form_entry_for (self, field);

  g_return_if_fail (label != NULL);
  bjb_form_mark_field (GTK_WIDGET (entry), GTK_WIDGET (label), label, message);
}

void
_bjb_customer_form_show_duplicate (BjbCustomerForm *self,
                                   const char      *field,
                                   gint64           id,
                                   const char      *name)
{
  GtkButton *button = g_str_equal (field, "phone") ? self->phone_duplicate_button
                                                    : self->email_duplicate_button;
  g_autofree char *label = NULL;

  if (g_str_equal (field, "phone"))
    self->phone_duplicate = id;
  else
    self->email_duplicate = id;

  gtk_widget_set_visible (GTK_WIDGET (button), id > 0);
  if (id <= 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      return;
    }
  /* Translators: a button next to "already has this phone number"; %s is a customer name */
  label = g_strdup_printf (_("Open %s"), name);
  gtk_button_set_label (button, label);
  /* The page's customers.open: show that customer instead of creating a twin. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "customers.open");
}

void
_bjb_customer_form_clear_errors (BjbCustomerForm *self)
{
  static const char *fields[] = { "name", "phone", "email", "address", "birth-date", "notes", "form" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    _bjb_customer_form_set_field_error (self, fields[i], NULL);
  _bjb_customer_form_show_duplicate (self, "phone", 0, NULL);
  _bjb_customer_form_show_duplicate (self, "email", 0, NULL);
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
}

static char *
notes_text (BjbCustomerForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* What @field holds, trimmed. (transfer full) */
char *
_bjb_customer_form_field_text (BjbCustomerForm *self,
                               const char      *field)
{
  if (g_str_equal (field, "notes"))
    return notes_text (self);
  return entry_text (_bjb_customer_form_entry_for (self, field));
}

/* (nullable): the first field (in form_fields order) that shows a reason */
const char *
_bjb_customer_form_field_error_shown (BjbCustomerForm *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (_bjb_customer_form_error_label_for (self, form_fields[i]))))
      return form_fields[i];
  return NULL;
}

/* After Save the eye goes where the problem is: the first marked field gets the focus (the
 * viewport scrolls it into view), or, with no field to blame, the reason at the top. */
void
_bjb_customer_form_focus_first_error (BjbCustomerForm *self)
{
  const char *field = _bjb_customer_form_field_error_shown (self);
  GtkWidget *widget;

  if (field == NULL)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      return;
    }
  widget = g_str_equal (field, "notes") ? GTK_WIDGET (self->notes_view)
                                        : GTK_WIDGET (_bjb_customer_form_entry_for (self, field));
  gtk_widget_grab_focus (widget);
}

void
_bjb_customer_form_set_busy (BjbCustomerForm *self,
                             gboolean         busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, self->spinner, "customer.save", NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.deactivate",
                                 !busy && self->customer_id > 0);
}

/* Loading products and the customer */

static void
apply_preferences (BjbCustomerForm *self)
{
  GHashTableIter iter;
  gpointer check;

  g_hash_table_iter_init (&iter, self->product_checks);
  while (g_hash_table_iter_next (&iter, NULL, &check))
    gtk_check_button_set_active (check, FALSE);
  for (guint i = 0; i < self->pending_preferences->len; i++)
    {
      gint64 id = g_array_index (self->pending_preferences, gint64, i);

      check = g_hash_table_lookup (self->product_checks, &id);
      if (check != NULL)
        gtk_check_button_set_active (check, TRUE);
    }
}

static void
products_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbCustomerForm) self = user_data;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  if (!bjb_customer_ops_list_preference_products_finish (result, &ids, &names, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("products: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->products_box))) != NULL)
    gtk_flow_box_remove (self->products_box, child);
  g_hash_table_remove_all (self->product_checks);

  /* One check button per product: the catalogue is data, not layout. */
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      GtkWidget *check = gtk_check_button_new_with_label (names[i]);

      gtk_flow_box_append (self->products_box, check);
      g_hash_table_insert (self->product_checks, g_memdup2 (&id, sizeof id), check);
    }
  self->products_loaded = TRUE;
  apply_preferences (self);
}

static void
load_products (BjbCustomerForm *self)
{
  if (self->connection == NULL)
    return;
  bjb_customer_ops_list_preference_products_async (self->connection, self->cancellable,
                                                   products_cb, g_object_ref (self));
}

static void
set_notes (BjbCustomerForm *self,
           const char      *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text ?: "", -1);
}

static void
card_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbCustomerForm) self = user_data;
  g_autoptr(BjbCustomerCard) card = NULL;
  g_autoptr(GError) error = NULL;
  GArray *prefs;

  card = bjb_customer_ops_get_card_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _bjb_customer_form_set_busy (self, FALSE);
  if (card == NULL)
    {
      g_autofree char *sentence = error != NULL ? bjb_error_sentence (error) : NULL;

      _bjb_customer_form_set_field_error (self, "form",
                                          sentence ?: _("This customer no longer exists."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), bjb_customer_card_get_name (card));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), bjb_customer_card_get_phone (card) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_entry), bjb_customer_card_get_email (card) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), bjb_customer_card_get_address (card) ?: "");
  bjb_date_entry_show_text (GTK_EDITABLE (self->birth_entry),
                            bjb_customer_card_get_birth_date (card));
  gtk_switch_set_active (self->active_switch, bjb_customer_card_get_active (card));
  set_notes (self, bjb_customer_card_get_notes (card));

  prefs = bjb_customer_card_get_preference_ids (card);
  g_array_set_size (self->pending_preferences, 0);
  g_array_append_vals (self->pending_preferences, prefs->data, prefs->len);
  if (self->products_loaded)
    apply_preferences (self);
  _bjb_customer_form_clear_errors (self);
}

/* Callbacks and actions */

static void
entry_activate_cb (BjbCustomerForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "customer.save", NULL);
}

/* "cancelled": nothing in flight, and the products shown for the next edit. */
static void
put_back (BjbCustomerForm *self)
{
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  _bjb_customer_form_set_busy (self, FALSE);
  if (!self->products_loaded)
    load_products (self);
}

/* GObject */

static void
bjb_customer_form_dispose (GObject *object)
{
  BjbCustomerForm *self = (BjbCustomerForm *)object;
  GtkWidget *child;

  g_clear_handle_id (&self->recheck_source, g_source_remove);
  bjb_connected_dispose (self, BJB_TYPE_CUSTOMER_FORM, &self->cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bjb_customer_form_parent_class)->dispose (object);
}

static void
bjb_customer_form_finalize (GObject *object)
{
  BjbCustomerForm *self = (BjbCustomerForm *)object;

  g_clear_pointer (&self->product_checks, g_hash_table_unref);
  g_clear_pointer (&self->pending_preferences, g_array_unref);
  g_free (self->notes_text);

  G_OBJECT_CLASS (bjb_customer_form_parent_class)->finalize (object);
}

static void
bjb_customer_form_class_init (BjbCustomerFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_customer_form_dispose;
  object_class->finalize = bjb_customer_form_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbCustomerForm, connection),
                               (BjbConnectedSetter) bjb_customer_form_set_connection);

  _bjb_customer_form_signals[BJB_CUSTOMER_FORM_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  bjb_customers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/customers/bjb-customer-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, email_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, address_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, birth_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, phone_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, email_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, address_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, birth_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, notes_error);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, phone_duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, email_duplicate_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, active_switch);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, products_box);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, notes_view);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, deactivate_button);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerForm, spinner);
  gtk_widget_class_bind_template_callback_full (widget_class, "field_changed_cb",
                                                G_CALLBACK (_bjb_customer_form_field_changed_cb));
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, _bjb_customer_form_save_action);
  bjb_form_class_install_cancel (widget_class, "customer.cancel", G_CALLBACK (put_back));
  gtk_widget_class_install_action (widget_class, "customer.deactivate", NULL, _bjb_customer_form_deactivate_action);

}

static void
bjb_customer_form_init (BjbCustomerForm *self)
{
  GtkTextBuffer *notes;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The database's limits, refused as the user types rather than after Save. */
  gtk_entry_set_max_length (self->name_entry, BJB_CUSTOMER_NAME_MAX);
  gtk_entry_set_max_length (self->phone_entry, BJB_CUSTOMER_PHONE_MAX);
  gtk_entry_set_max_length (self->email_entry, BJB_CUSTOMER_EMAIL_MAX);
  gtk_entry_set_max_length (self->address_entry, BJB_CUSTOMER_ADDRESS_MAX);
  notes = gtk_text_view_get_buffer (self->notes_view);
  g_signal_connect_object (notes, "insert-text", G_CALLBACK (_bjb_customer_form_notes_insert_cb), self, 0);
  g_signal_connect_object (notes, "changed", G_CALLBACK (_bjb_customer_form_notes_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->cancellable = g_cancellable_new ();
  self->product_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_preferences = g_array_new (FALSE, FALSE, sizeof (gint64));
  bjb_customer_form_edit (self, 0);
}

void
bjb_customer_form_set_connection (BjbCustomerForm *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));

  if (!bjb_connected_store (self, connection, NULL))
    return;
  self->products_loaded = FALSE;
  load_products (self);
}

void
bjb_customer_form_edit (BjbCustomerForm *self,
                        gint64           id)
{
  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));

  /* A save or load still on its way belongs to the previous customer. */
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  if (self->connection != NULL && !self->products_loaded)
    load_products (self);

  self->customer_id = id;
  _bjb_customer_form_clear_errors (self);
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), "");
  gtk_switch_set_active (self->active_switch, TRUE);
  set_notes (self, "");
  g_array_set_size (self->pending_preferences, 0);
  apply_preferences (self);

  gtk_label_set_label (self->title_label, id > 0 ? _("Edit Customer") : _("New Customer"));
  gtk_widget_set_visible (GTK_WIDGET (self->deactivate_button), id > 0);
  _bjb_customer_form_set_busy (self, FALSE);

  if (id > 0 && self->connection != NULL)
    {
      /* The card without its order history: the form edits contact data only. */
      _bjb_customer_form_set_busy (self, TRUE);
      bjb_customer_ops_get_card_async (self->connection, id, 0, self->cancellable, card_cb,
                                       g_object_ref (self));
    }
}

gint64
bjb_customer_form_get_customer_id (BjbCustomerForm *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), 0);
  return self->customer_id;
}

void
bjb_customer_form_focus (BjbCustomerForm *self)
{
  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

gboolean
bjb_customer_form_get_busy (BjbCustomerForm *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), FALSE);
  return self->busy;
}

void
bjb_customer_form_set_field (BjbCustomerForm *self,
                             const char      *field,
                             const char      *text)
{
  GtkEntry *entry;

  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));

  if (g_strcmp0 (field, "notes") == 0)
    {
      set_notes (self, text);
      return;
    }
  entry = _bjb_customer_form_entry_for (self, field);
  g_return_if_fail (entry != NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ?: "");
}

const char *
bjb_customer_form_get_field (BjbCustomerForm *self,
                             const char      *field)
{
  GtkEntry *entry;

  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), NULL);

  if (g_strcmp0 (field, "notes") == 0)
    {
      g_free (self->notes_text);
      self->notes_text = notes_text (self);
      return self->notes_text;
    }
  entry = _bjb_customer_form_entry_for (self, field);
  g_return_val_if_fail (entry != NULL, NULL);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

const char *
bjb_customer_form_get_field_error (BjbCustomerForm *self,
                                   const char      *field)
{
  GtkLabel *label;

  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), NULL);

  label = _bjb_customer_form_error_label_for (self, field);
  g_return_val_if_fail (label != NULL, NULL);
  return gtk_widget_get_visible (GTK_WIDGET (label)) ? gtk_label_get_label (label) : NULL;
}

gint64
bjb_customer_form_get_duplicate (BjbCustomerForm *self,
                                 const char      *field)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), 0);
  return g_strcmp0 (field, "phone") == 0 ? self->phone_duplicate : self->email_duplicate;
}

void
bjb_customer_form_set_preference (BjbCustomerForm *self,
                                  gint64           product_id,
                                  gboolean         preferred)
{
  GtkCheckButton *check;

  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));

  check = g_hash_table_lookup (self->product_checks, &product_id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, preferred);
}
