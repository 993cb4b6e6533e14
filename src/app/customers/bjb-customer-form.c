/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-form"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-form.h"
#include "bjb-customers-page.h"
#include "bjb-db-error.h"
#include "bjb-phone.h"

struct _BjbCustomerForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkLabel *title_label;
  GtkLabel *error_label;
  GtkEntry *name_entry;
  GtkEntry *phone_entry;
  GtkEntry *email_entry;
  GtkEntry *address_entry;
  GtkEntry *birth_entry;
  GtkLabel *name_error;
  GtkLabel *phone_error;
  GtkLabel *email_error;
  GtkLabel *address_error;
  GtkLabel *birth_error;
  GtkLabel *notes_error;
  GtkButton *phone_duplicate_button;
  GtkButton *email_duplicate_button;
  GtkSwitch *active_switch;
  GtkFlowBox *products_box;
  GtkTextView *notes_view;
  GtkButton *deactivate_button;
  GtkSpinner *spinner;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  GHashTable *product_checks;  /* gint64* product id → GtkCheckButton (borrowed, in products_box) */
  GArray *pending_preferences; /* preferences of a loaded customer, until products arrive */
  gint64 customer_id;
  gint64 phone_duplicate;
  gint64 email_duplicate;
  gboolean busy;
  gboolean products_loaded;
  char *notes_text;            /* for get_field ("notes") */
};

G_DEFINE_FINAL_TYPE (BjbCustomerForm, bjb_customer_form, GTK_TYPE_WIDGET)

enum {
  SAVED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char save_sql[] =
  "SELECT bjb.save_customer($1::bigint, $2, $3, $4, $5, $6::date, $7, $8, $9::bigint[]) AS id";

/* Field helpers */

static GtkEntry *
entry_for (BjbCustomerForm *self,
           const char      *field)
{
  if (g_str_equal (field, "name"))
    return self->name_entry;
  if (g_str_equal (field, "phone"))
    return self->phone_entry;
  if (g_str_equal (field, "email"))
    return self->email_entry;
  if (g_str_equal (field, "address"))
    return self->address_entry;
  if (g_str_equal (field, "birth-date"))
    return self->birth_entry;
  return NULL;
}

static GtkLabel *
error_label_for (BjbCustomerForm *self,
                 const char      *field)
{
  if (g_str_equal (field, "name"))
    return self->name_error;
  if (g_str_equal (field, "phone"))
    return self->phone_error;
  if (g_str_equal (field, "email"))
    return self->email_error;
  if (g_str_equal (field, "address"))
    return self->address_error;
  if (g_str_equal (field, "birth-date"))
    return self->birth_error;
  if (g_str_equal (field, "notes"))
    return self->notes_error;
  if (g_str_equal (field, "form"))
    return self->error_label;
  return NULL;
}

static void
set_field_error (BjbCustomerForm *self,
                 const char      *field,
                 const char      *message)
{
  GtkLabel *label = error_label_for (self, field);
  GtkEntry *entry = entry_for (self, field);

  g_return_if_fail (label != NULL);

  gtk_label_set_label (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (entry != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   message != NULL ? GTK_ACCESSIBLE_INVALID_TRUE
                                                   : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
show_duplicate (BjbCustomerForm *self,
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

static void
clear_errors (BjbCustomerForm *self)
{
  static const char *fields[] = { "name", "phone", "email", "address", "birth-date", "notes", "form" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    set_field_error (self, fields[i], NULL);
  show_duplicate (self, "phone", 0, NULL);
  show_duplicate (self, "email", 0, NULL);
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

static void
set_busy (BjbCustomerForm *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.deactivate",
                                 !busy && self->customer_id > 0);
}

/* Parses "17-08-1985", "17/08/1985" or "1985-08-17" into ISO yyyy-mm-dd. */
static char *
parse_birth_date (const char  *text,
                  const char **reason)
{
  int a = 0, b = 0, c = 0;
  int day, month, year;
  char sep1 = 0, sep2 = 0;
  char rest = 0;
  GDate *today;
  GDate date;
  int cmp;

  *reason = NULL;
  if (sscanf (text, "%d%c%d%c%d%c", &a, &sep1, &b, &sep2, &c, &rest) != 5 ||
      sep1 != sep2 || (sep1 != '-' && sep1 != '/' && sep1 != '.'))
    {
      *reason = _("Enter the date as DD-MM-YYYY, for example 17-08-1985.");
      return NULL;
    }
  if (a > 31)
    year = a, month = b, day = c;
  else
    day = a, month = b, year = c;

  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    {
      *reason = _("This date does not exist or is before 1900.");
      return NULL;
    }
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  today = g_date_new ();
  g_date_set_time_t (today, time (NULL));
  cmp = g_date_compare (&date, today);
  g_date_free (today);
  if (cmp > 0)
    {
      *reason = _("A birth date cannot be in the future.");
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

static gboolean
email_valid (const char *email)
{
  return strlen (email) <= 254 &&
         g_regex_match_simple ("^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$", email, 0, 0);
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
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("products: %s", error->message);
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->products_box))) != NULL)
    gtk_flow_box_remove (self->products_box, child);
  g_hash_table_remove_all (self->product_checks);

  /* One check button per product: the catalogue is data, not layout. */
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    {
      gint64 id = bjb_result_get_int64 (rows, i, "id");
      GtkWidget *check = gtk_check_button_new_with_label (bjb_result_get_string (rows, i, "name"));

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
  bjb_connection_query_async (self->connection,
                              "SELECT id, name FROM bjb.product WHERE active ORDER BY name, id",
                              0, NULL, self->cancellable, products_cb, g_object_ref (self));
}

static void
set_notes (BjbCustomerForm *self,
           const char      *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text ?: "", -1);
}

static void
customer_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbCustomerForm) self = user_data;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  const char *birth;
  const char *prefs;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (rows == NULL || bjb_result_get_n_rows (rows) == 0)
    {
      set_field_error (self, "form", rows == NULL ? bjb_db_error_get_user_message (error)
                                                  : _("This customer no longer exists."));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), bjb_result_get_string (rows, 0, "name"));
  gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), bjb_result_get_string (rows, 0, "phone") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_entry), bjb_result_get_string (rows, 0, "email") ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_entry), bjb_result_get_string (rows, 0, "address") ?: "");
  birth = bjb_result_get_string (rows, 0, "birth_date");
  if (birth != NULL && strlen (birth) == 10)
    {
      g_autofree char *dmy = g_strdup_printf ("%.2s-%.2s-%.4s", birth + 8, birth + 5, birth);
      gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), dmy);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->birth_entry), "");
  gtk_switch_set_active (self->active_switch,
                         g_strcmp0 (bjb_result_get_string (rows, 0, "status"), "active") == 0);
  set_notes (self, bjb_result_get_string (rows, 0, "notes"));

  /* "{3,7}" */
  g_array_set_size (self->pending_preferences, 0);
  prefs = bjb_result_get_string (rows, 0, "products");
  if (prefs != NULL && strlen (prefs) > 2)
    {
      g_autofree char *inner = g_strndup (prefs + 1, strlen (prefs) - 2);

      ids = g_strsplit (inner, ",", -1);
      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 id = g_ascii_strtoll (ids[i], NULL, 10);
          g_array_append_val (self->pending_preferences, id);
        }
    }
  if (self->products_loaded)
    apply_preferences (self);
  clear_errors (self);
}

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
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (rows == NULL)
    return;
  for (guint i = 0; i < bjb_result_get_n_rows (rows); i++)
    show_duplicate (self, bjb_result_get_string (rows, i, "field"),
                    bjb_result_get_int64 (rows, i, "id"),
                    bjb_result_get_string (rows, i, "name"));
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(SaveData) data = user_data;
  BjbCustomerForm *self = data->self;
  g_autoptr(BjbResult) rows = NULL;
  g_autoptr(GError) error = NULL;
  const char *sqlstate;
  const char *message;
  gint64 id;

  rows = bjb_connection_query_finish (BJB_CONNECTION (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (rows != NULL)
    {
      id = bjb_result_get_int64 (rows, 0, "id");
      self->customer_id = id;
      g_signal_emit (self, signals[SAVED], 0, id);
      return;
    }

  /* Nothing typed is touched below: the user fixes what is marked and saves again. */
  sqlstate = bjb_db_error_get_sqlstate (error);
  message = bjb_db_error_get_server_message (error);
  if (g_strcmp0 (sqlstate, "23505") == 0 && message != NULL &&
      (strstr (message, "customer_phone_key") != NULL || strstr (message, "customer_email_key") != NULL))
    {
      const char *params[2] = { data->phone, data->email };

      if (strstr (message, "customer_phone_key") != NULL)
        set_field_error (self, "phone", _("Another customer already has this phone number."));
      else
        set_field_error (self, "email", _("Another customer already has this email address."));
      set_field_error (self, "form", _("Not saved: the phone number or email belongs to another customer."));

      /* Which one, so the clerk can jump to that customer instead of creating a twin. */
      bjb_connection_query_async (self->connection,
                                  "SELECT 'phone' AS field, id, name FROM bjb.customer WHERE phone = $1 "
                                  "UNION ALL "
                                  "SELECT 'email', id, name FROM bjb.customer WHERE lower(email) = lower($2)",
                                  2, params, self->cancellable, duplicate_cb, g_object_ref (self));
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
          set_field_error (self, checks[i].field, _("The server refused this value."));
    }

  if (g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED) ||
      g_error_matches (error, BJB_DB_ERROR, BJB_DB_ERROR_CONNECTION_FAILED))
    {
      g_autofree char *text =
        g_strdup_printf (_("Not saved: %s Everything you typed is still here; press Save to try again."),
                         bjb_db_error_get_user_message (error));
      set_field_error (self, "form", text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), bjb_db_error_get_user_message (error));
      set_field_error (self, "form", text);
    }
}

static void
save (BjbCustomerForm *self,
      const char      *status)
{
  g_autofree char *name = entry_text (self->name_entry);
  g_autofree char *phone_text = entry_text (self->phone_entry);
  g_autofree char *email = entry_text (self->email_entry);
  g_autofree char *address = entry_text (self->address_entry);
  g_autofree char *birth_text = entry_text (self->birth_entry);
  g_autofree char *notes = notes_text (self);
  g_autofree char *phone = NULL;
  g_autofree char *birth = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GString) products = g_string_new ("{");
  GHashTableIter iter;
  gpointer key, check;
  gboolean valid = TRUE;
  const char *params[9];
  SaveData *data;

  if (self->busy || self->connection == NULL)
    return;
  clear_errors (self);

  if (*name == '\0')
    {
      set_field_error (self, "name", _("Enter the customer’s name."));
      valid = FALSE;
    }
  else if (g_utf8_strlen (name, -1) > 200)
    {
      set_field_error (self, "name", _("A name has at most 200 characters."));
      valid = FALSE;
    }

  if (*phone_text != '\0')
    {
      g_autoptr(GError) error = NULL;

      phone = bjb_phone_normalize (phone_text, &error);
      if (phone == NULL)
        {
          set_field_error (self, "phone", error->message);
          valid = FALSE;
        }
    }

  if (*email != '\0' && !email_valid (email))
    {
      set_field_error (self, "email", _("Enter an email address like nama@contoh.id."));
      valid = FALSE;
    }

  if (g_utf8_strlen (address, -1) > 1000)
    {
      set_field_error (self, "address", _("An address has at most 1000 characters."));
      valid = FALSE;
    }

  if (*birth_text != '\0')
    {
      const char *reason = NULL;

      birth = parse_birth_date (birth_text, &reason);
      if (birth == NULL)
        {
          set_field_error (self, "birth-date", reason);
          valid = FALSE;
        }
    }

  if (g_utf8_strlen (notes, -1) > 4000)
    {
      set_field_error (self, "notes", _("Notes have at most 4000 characters."));
      valid = FALSE;
    }

  if (!valid)
    {
      set_field_error (self, "form", _("Please correct the marked fields."));
      return;
    }

  /* Show the number as it will be stored. */
  if (phone != NULL && g_strcmp0 (phone, phone_text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), phone);

  g_hash_table_iter_init (&iter, self->product_checks);
  while (g_hash_table_iter_next (&iter, &key, &check))
    if (gtk_check_button_get_active (check))
      g_string_append_printf (products, "%s%" G_GINT64_FORMAT,
                              products->len > 1 ? "," : "", *(gint64 *) key);
  g_string_append_c (products, '}');

  id = self->customer_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, self->customer_id) : NULL;
  params[0] = id;
  params[1] = name;
  params[2] = *address != '\0' ? address : NULL;
  params[3] = phone;
  params[4] = *email != '\0' ? email : NULL;
  params[5] = birth;
  params[6] = status;
  params[7] = notes;
  params[8] = products->str;

  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->phone = g_strdup (phone);
  data->email = g_strdup (*email != '\0' ? email : NULL);

  set_busy (self, TRUE);
  bjb_connection_query_async (self->connection, save_sql, G_N_ELEMENTS (params), params,
                              self->cancellable, save_cb, data);
}

/* Callbacks and actions */

static void
field_changed_cb (BjbCustomerForm *self)
{
  /* Nothing: errors stay until the next Save so the reason stays readable while fixing. */
}

static void
entry_activate_cb (BjbCustomerForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "customer.save", NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbCustomerForm *self = BJB_CUSTOMER_FORM (widget);

  save (self, gtk_switch_get_active (self->active_switch) ? "active" : "inactive");
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BjbCustomerForm *self = BJB_CUSTOMER_FORM (widget);

  gtk_switch_set_active (self->active_switch, FALSE);
  save (self, "inactive");
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbCustomerForm *self = BJB_CUSTOMER_FORM (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, FALSE);
  if (!self->products_loaded)
    load_products (self);
  g_signal_emit (self, signals[CANCELLED], 0);
}

/* GObject */

static void
bjb_customer_form_dispose (GObject *object)
{
  BjbCustomerForm *self = (BjbCustomerForm *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_CUSTOMER_FORM);
  /* The scrolled window around everything is not a bound template child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->connection);

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

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_customers_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/customers/bjb-customer-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

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
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "customer.deactivate", NULL, deactivate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "customer.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.cancel", NULL);
}

static void
bjb_customer_form_init (BjbCustomerForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->product_checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->pending_preferences = g_array_new (FALSE, FALSE, sizeof (gint64));
  bjb_customer_form_edit (self, 0);
}

GtkWidget *
bjb_customer_form_new (BjbConnection *connection)
{
  BjbCustomerForm *self = g_object_new (BJB_TYPE_CUSTOMER_FORM, NULL);

  bjb_customer_form_set_connection (self, connection);
  return GTK_WIDGET (self);
}

void
bjb_customer_form_set_connection (BjbCustomerForm *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_FORM (self));

  if (!g_set_object (&self->connection, connection))
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
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->connection != NULL && !self->products_loaded)
    load_products (self);

  self->customer_id = id;
  clear_errors (self);
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
  set_busy (self, FALSE);

  if (id > 0 && self->connection != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      const char *params[1] = { text };

      set_busy (self, TRUE);
      bjb_connection_query_async (self->connection,
                                  "SELECT c.name, c.phone, c.email, c.address, c.birth_date, c.status, c.notes, "
                                  "ARRAY(SELECT product_id FROM bjb.customer_preference p "
                                  "      WHERE p.customer_id = c.id ORDER BY product_id) AS products "
                                  "FROM bjb.customer c WHERE c.id = $1",
                                  1, params, self->cancellable, customer_cb, g_object_ref (self));
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
  entry = entry_for (self, field);
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
  entry = entry_for (self, field);
  g_return_val_if_fail (entry != NULL, NULL);
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

const char *
bjb_customer_form_get_field_error (BjbCustomerForm *self,
                                   const char      *field)
{
  GtkLabel *label;

  g_return_val_if_fail (BJB_IS_CUSTOMER_FORM (self), NULL);

  label = error_label_for (self, field);
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
