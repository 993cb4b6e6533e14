/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-check.h"
#include "bjb-customer-form-private.h"
#include "bjb-customer-ops.h"
#include "bjb-db-error.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"

/* The form's checks and its save: every field checked before anything is sent, again as
 * the user fixes it, and the server's refusals put beside the field they concern. */

/* Saving */

typedef struct
{
  BjbCustomerForm *self;
  char *phone;
  char *email;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->self);
  g_free (data->phone);
  g_free (data->email);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static void
duplicate_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BjbCustomerForm) self = user_data;
  g_autofree char *phone_name = NULL;
  g_autofree char *email_name = NULL;
  gint64 phone_id, email_id;

  if (!bjb_customer_ops_find_duplicates_finish (result, &phone_id, &phone_name, &email_id,
                                                &email_name, NULL))
    return;
  if (phone_id > 0)
    _bjb_customer_form_show_duplicate (self, "phone", phone_id, phone_name);
  if (email_id > 0)
    _bjb_customer_form_show_duplicate (self, "email", email_id, email_name);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  BjbCustomerForm *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  const char *sqlstate;
  const char *message;
  gint64 id;

  id = bjb_customer_ops_save_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _bjb_customer_form_set_busy (self, FALSE);

  if (id > 0)
    {
      self->customer_id = id;
      g_signal_emit (self, _bjb_customer_form_signals[BJB_CUSTOMER_FORM_SAVED], 0, id);
      return;
    }

  /* Nothing typed is touched below: the user fixes what is marked and saves again. */
  sqlstate = bjb_db_error_get_sqlstate (error);
  message = bjb_db_error_get_server_message (error);
  if (g_strcmp0 (sqlstate, "23505") == 0 && message != NULL &&
      (strstr (message, "customer_phone_key") != NULL || strstr (message, "customer_email_key") != NULL))
    {
      if (strstr (message, "customer_phone_key") != NULL)
        _bjb_customer_form_set_field_error (self, "phone",
                                            _("Another customer already has this phone number."));
      else
        _bjb_customer_form_set_field_error (self, "email",
                                            _("Another customer already has this email address."));
      _bjb_customer_form_set_field_error (self, "form",
                                          _("Not saved: the phone number or email belongs to "
                                            "another customer."));

      /* Which one, so the clerk can jump to that customer instead of creating a twin. */
      bjb_customer_ops_find_duplicates_async (self->connection, data->phone, data->email,
                                              self->cancellable, duplicate_cb,
                                              g_object_ref (self));
      _bjb_customer_form_focus_first_error (self);
      return;
    }
  if (g_strcmp0 (sqlstate, "23514") == 0 && message != NULL)
    {
      static const struct { const char *constraint, *field; } checks[] = {
        { "customer_name_check", "name" },
        { "customer_phone_check", "phone" },
        { "customer_email_check", "email" },
        { "customer_address_check", "address" },
        { "customer_birth_date_check", "birth-date" },
        { "customer_notes_check", "notes" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (checks); i++)
        if (strstr (message, checks[i].constraint) != NULL)
          _bjb_customer_form_set_field_error (self, checks[i].field,
                                              _("The server refused this value."));
    }

  sentence = bjb_form_not_saved (error, NULL);
  _bjb_customer_form_set_field_error (self, "form", sentence);
  _bjb_customer_form_focus_first_error (self);
}

static void
save (BjbCustomerForm *self,
      const char      *status)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (G_N_ELEMENTS (form_fields), g_free);
  g_autoptr(GArray) products = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *phone_text = gtk_editable_get_text (GTK_EDITABLE (self->phone_entry));
  const char *phone;
  BjbCustomerEdit edit = { 0 };
  gboolean valid = TRUE;
  GHashTableIter iter;
  gpointer key, check;
  SaveData *data;

  if (self->busy || self->connection == NULL)
    return;
  _bjb_customer_form_clear_errors (self);

  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      g_autofree char *text = _bjb_customer_form_field_text (self, form_fields[i]);
      char *value = NULL;
      g_autofree char *reason = bjb_customer_check_field (form_fields[i], text, &value);

      g_ptr_array_add (values, value);

      if (reason != NULL)
        {
          _bjb_customer_form_set_field_error (self, form_fields[i], reason);
          valid = FALSE;
        }
    }

  if (!valid)
    {
      _bjb_customer_form_set_field_error (self, "form", _("Please correct the marked fields."));
      _bjb_customer_form_focus_first_error (self);
      return;
    }

  /* Show the number as it will be stored. */
  phone = g_ptr_array_index (values, 1);
  if (phone != NULL && g_strcmp0 (phone, phone_text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), phone);

  g_hash_table_iter_init (&iter, self->product_checks);
  while (g_hash_table_iter_next (&iter, &key, &check))
    if (gtk_check_button_get_active (check))
      g_array_append_val (products, *(gint64 *) key);

  edit.id = self->customer_id;
  edit.name = g_ptr_array_index (values, 0);
  edit.phone = g_ptr_array_index (values, 1);
  edit.email = g_ptr_array_index (values, 2);
  edit.address = g_ptr_array_index (values, 3);
  edit.birth_date = g_ptr_array_index (values, 4);
  edit.notes = g_ptr_array_index (values, 5);
  edit.status = status;
  edit.product_ids = products;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->phone = g_strdup (edit.phone);
  data->email = g_strdup (edit.email);

  _bjb_customer_form_set_busy (self, TRUE);
  bjb_customer_ops_save_async (self->connection, &edit, self->cancellable, save_cb, data);
}

/* Every field showing a reason is checked again once its text settled (replacing a text
 * changes it twice, emptied then filled): the reason goes as soon as the field is right, or
 * says what is wrong now; the summary at the top goes with the last one. */
static gboolean
recheck_cb (gpointer user_data)
{
  BjbCustomerForm *self = user_data;

  self->recheck_source = 0;
  for (guint i = 0; i < G_N_ELEMENTS (form_fields); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *reason = NULL;

      if (bjb_customer_form_get_field_error (self, form_fields[i]) == NULL)
        continue;
      text = _bjb_customer_form_field_text (self, form_fields[i]);
      reason = bjb_customer_check_field (form_fields[i], text, NULL);
      _bjb_customer_form_set_field_error (self, form_fields[i], reason);
    }
  if (_bjb_customer_form_field_error_shown (self) == NULL)
    _bjb_customer_form_set_field_error (self, "form", NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_recheck (BjbCustomerForm *self)
{
  if (self->recheck_source == 0 && _bjb_customer_form_field_error_shown (self) != NULL)
    self->recheck_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recheck_cb, self, NULL);
}

void
_bjb_customer_form_field_changed_cb (BjbCustomerForm *self,
                                     GObject         *emitter)
{
  /* A duplicate phone or email is no longer that once it changes. */
  if (emitter == G_OBJECT (self->phone_entry))
    _bjb_customer_form_show_duplicate (self, "phone", 0, NULL);
  else if (emitter == G_OBJECT (self->email_entry))
    _bjb_customer_form_show_duplicate (self, "email", 0, NULL);
  schedule_recheck (self);
}

void
_bjb_customer_form_notes_changed_cb (BjbCustomerForm *self)
{
  schedule_recheck (self);
}

/* The notes are a text view, which has no max-length of its own. */
void
_bjb_customer_form_notes_insert_cb (GtkTextBuffer   *buffer,
                                    GtkTextIter     *location,
                                    char            *text,
                                    int              len,
                                    BjbCustomerForm *self)
{
  int room = BJB_CUSTOMER_NOTES_MAX - gtk_text_buffer_get_char_count (buffer);
  glong n = g_utf8_strlen (text, len);

  if (n <= room)
    return;
  g_signal_stop_emission_by_name (buffer, "insert-text");
  if (room > 0)
    {
      const char *end = g_utf8_offset_to_pointer (text, room);

      g_signal_handlers_block_by_func (buffer, _bjb_customer_form_notes_insert_cb, self);
      gtk_text_buffer_insert (buffer, location, text, end - text);
      g_signal_handlers_unblock_by_func (buffer, _bjb_customer_form_notes_insert_cb, self);
    }
  gtk_widget_error_bell (GTK_WIDGET (self->notes_view));
}


void
_bjb_customer_form_save_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  BjbCustomerForm *self = BJB_CUSTOMER_FORM (widget);

  save (self, gtk_switch_get_active (self->active_switch) ? "active" : "inactive");
}

void
_bjb_customer_form_deactivate_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  BjbCustomerForm *self = BJB_CUSTOMER_FORM (widget);

  gtk_switch_set_active (self->active_switch, FALSE);
  save (self, "inactive");
}

