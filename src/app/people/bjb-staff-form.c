/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-staff-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/random.h>

#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-ops-query.h"
#include "bjb-people.h"
#include "bjb-phone.h"
#include "bjb-staff-form.h"
#include "bjb-staff-ops.h"
#include "bjb-widgets.h"

#define MIN_PASSWORD_LENGTH 8
#define GENERATED_LENGTH 14

/* The role row's items, in the order of the .ui. */
static const char *const roles[] = { "cs", "courier", "admin", "worker" };

static const char *const field_names[] = { "login", "name", "phone", "password", "again" };
enum { F_LOGIN, F_NAME, F_PHONE, F_PASSWORD, F_AGAIN, N_FIELDS };

struct _BjbStaffForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  AdwPreferencesGroup *account_group;
  AdwPreferencesGroup *password_group;
  GtkWidget *rows[N_FIELDS];
  GtkWidget *error_rows[N_FIELDS];
  GtkLabel *error_labels[N_FIELDS];
  AdwComboRow *role_row;
  GtkWidget *generated_box;
  GtkLabel *generated_label;
  GtkLabel *form_error;
  GtkLabel *status_label;
  GtkButton *submit_button;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  char *reset_login;          /* NULL: creating an account */
  char *generated;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbStaffForm, bjb_staff_form, GTK_TYPE_WIDGET)

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BjbFormFields fields = {
  field_names, N_FIELDS, N_FIELDS,
  G_STRUCT_OFFSET (BjbStaffForm, rows), G_STRUCT_OFFSET (BjbStaffForm, error_rows),
  G_STRUCT_OFFSET (BjbStaffForm, error_labels), G_STRUCT_OFFSET (BjbStaffForm, form_error),
};

static void
set_field_error (BjbStaffForm *self,
                 const char   *field,
                 const char   *sentence)
{
  bjb_form_fields_set_error (self, &fields, field, sentence);
}

static const char *
text_of (BjbStaffForm *self,
         guint         i)
{
  return gtk_editable_get_text (bjb_form_fields_entry (self, &fields, i));
}

static void
forget_generated (BjbStaffForm *self)
{
  if (self->generated != NULL)
    explicit_bzero (self->generated, strlen (self->generated));
  g_clear_pointer (&self->generated, g_free);
  gtk_label_set_text (self->generated_label, "");
  gtk_widget_set_visible (self->generated_box, FALSE);
}

static void
reset_fields (BjbStaffForm *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), "");
  adw_combo_row_set_selected (self->role_row, 0);
  forget_generated (self);
  bjb_form_fields_clear (self, &fields);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
field_changed_cb (BjbStaffForm *self)
{
  /* A typed password is no longer the generated one. */
  if (self->generated != NULL &&
      (g_strcmp0 (text_of (self, F_PASSWORD), self->generated) != 0 ||
       g_strcmp0 (text_of (self, F_AGAIN), self->generated) != 0))
    forget_generated (self);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

/* Enter in any field submits, as the button does: the password typed a second time is
 * where a clerk presses it. */
static void
entry_activated_cb (BjbStaffForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "staff-form.submit", NULL);
}

/* A password nobody has to read aloud twice: no 0/O, 1/l/I. */
static char *
generate_password (void)
{
  static const char alphabet[] = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  guint8 random[GENERATED_LENGTH];
  char *password = g_malloc (GENERATED_LENGTH + 1);

  if (getrandom (random, sizeof random, 0) != sizeof random)
    g_error ("no random numbers from the kernel");
  for (guint i = 0; i < GENERATED_LENGTH; i++)
    password[i] = alphabet[random[i] % (sizeof alphabet - 1)];
  password[GENERATED_LENGTH] = '\0';
  explicit_bzero (random, sizeof random);
  return password;
}

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  BjbStaffForm *self = BJB_STAFF_FORM (widget);
  g_autofree char *password = generate_password ();

  forget_generated (self);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PASSWORD]), password);
  gtk_editable_set_text (GTK_EDITABLE (self->rows[F_AGAIN]), password);
  self->generated = g_steal_pointer (&password);
  gtk_label_set_text (self->generated_label, self->generated);
  gtk_widget_set_visible (self->generated_box, TRUE);
  set_field_error (self, "password", NULL);
  set_field_error (self, "again", NULL);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbStaffForm *self = BJB_STAFF_FORM (widget);

  if (self->generated != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), self->generated);
}

/* "cancelled": nothing in flight, every field as it was. */
static void
put_back (BjbStaffForm *self)
{
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  self->busy = FALSE;
  reset_fields (self);
}

static void
set_busy (BjbStaffForm *self,
          gboolean      busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, NULL, "staff-form.submit", NULL);
}

static void
submit_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BjbStaffForm) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *login = NULL;

  if (!bjb_staff_ops_change_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (error != NULL)
    {
      const char *field = NULL;
      g_autofree char *sentence = bjb_staff_ops_refusal_sentence (error, &field);
      g_autofree char *text = bjb_form_not_saved (error, sentence);

      g_debug ("staff change: %s", error->message);
      set_field_error (self, field != NULL ? field : "form", text);
      return;
    }

  login = g_strdup (self->reset_login != NULL ? self->reset_login : text_of (self, F_LOGIN));
  /* Done: the typed password goes, a generated one stays on show until the form closes. */
  {
    char *generated = g_steal_pointer (&self->generated);

    gtk_editable_set_text (GTK_EDITABLE (self->rows[F_PASSWORD]), "");
    gtk_editable_set_text (GTK_EDITABLE (self->rows[F_AGAIN]), "");
    self->generated = generated;
  }
  if (self->generated != NULL)
    {
      gtk_label_set_text (self->generated_label, self->generated);
      gtk_widget_set_visible (self->generated_box, TRUE);
    }
  {
    g_autofree char *status = self->reset_login != NULL
                              ? g_strdup_printf (_("The password of %s was changed."), login)
                              : g_strdup_printf (_("The account %s was created."), login);

    gtk_label_set_text (self->status_label, status);
    gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  }
  g_signal_emit (self, signals[DONE], 0, login);
}

/* Checks every field; says what is wrong beside each. */
static gboolean
check_fields (BjbStaffForm  *self,
              char         **phone)
{
  g_autoptr(GRegex) login_shape = g_regex_new ("^[a-z][a-z0-9_]{2,62}$", 0, 0, NULL);
  gboolean creating = self->reset_login == NULL;
  const char *login = text_of (self, F_LOGIN);
  g_autofree char *name = g_strstrip (g_strdup (text_of (self, F_NAME)));
  g_autofree char *phone_text = g_strstrip (g_strdup (text_of (self, F_PHONE)));
  const char *password = text_of (self, F_PASSWORD);
  gboolean valid = TRUE;

  if (creating && (!g_regex_match (login_shape, login, 0, NULL) ||
                   g_str_has_prefix (login, "pg_") || g_str_has_prefix (login, "bjb_")))
    {
      set_field_error (self, "login", _("A login is 3 to 63 small letters, digits or “_”, "
                                        "starting with a letter."));
      valid = FALSE;
    }
  if (creating && (*name == '\0' || g_utf8_strlen (name, -1) > 100))
    {
      set_field_error (self, "name", _("Type the staff member’s name, at most 100 characters."));
      valid = FALSE;
    }
  if (creating && *phone_text != '\0')
    {
      *phone = bjb_phone_normalize (phone_text, NULL);
      if (*phone == NULL)
        {
          set_field_error (self, "phone", _("Type a phone number such as 0812 3456 7890."));
          valid = FALSE;
        }
    }
  if (g_utf8_strlen (password, -1) < MIN_PASSWORD_LENGTH)
    {
      set_field_error (self, "password", _("The password must have at least 8 characters."));
      valid = FALSE;
    }
  else if (g_strcmp0 (password, text_of (self, F_AGAIN)) != 0)
    {
      set_field_error (self, "again", _("The two passwords differ. Type the same password twice."));
      valid = FALSE;
    }
  return valid;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbStaffForm *self = BJB_STAFF_FORM (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *verifier = NULL;
  const char *login;

  if (self->busy || self->connection == NULL)
    return;
  bjb_form_fields_clear (self, &fields);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  if (!check_fields (self, &phone))
    return;

  login = self->reset_login != NULL ? self->reset_login : text_of (self, F_LOGIN);
  verifier = bjb_connection_scram_verifier (self->connection, login, text_of (self, F_PASSWORD),
                                            &error);
  if (verifier == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      set_field_error (self, "form", sentence);
      return;
    }
  set_busy (self, TRUE);
  if (self->reset_login != NULL)
    bjb_staff_ops_reset_password_async (self->connection, login, verifier, self->cancellable,
                                        submit_cb, g_object_ref (self));
  else
    {
      g_autofree char *name = g_strstrip (g_strdup (text_of (self, F_NAME)));
      guint role = adw_combo_row_get_selected (self->role_row);

      bjb_staff_ops_create_async (self->connection, login, name, phone,
                                  roles[MIN (role, G_N_ELEMENTS (roles) - 1)], verifier,
                                  self->cancellable, submit_cb, g_object_ref (self));
    }
}

/* GObject */

static void
bjb_staff_form_dispose (GObject *object)
{
  BjbStaffForm *self = (BjbStaffForm *)object;

  forget_generated (self);
  bjb_connected_dispose (self, BJB_TYPE_STAFF_FORM, &self->cancellable);

  G_OBJECT_CLASS (bjb_staff_form_parent_class)->dispose (object);
}

static void
bjb_staff_form_finalize (GObject *object)
{
  BjbStaffForm *self = (BjbStaffForm *)object;

  g_free (self->reset_login);

  G_OBJECT_CLASS (bjb_staff_form_parent_class)->finalize (object);
}

static void
bjb_staff_form_class_init (BjbStaffFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_staff_form_dispose;
  object_class->finalize = bjb_staff_form_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbStaffForm, connection),
                               (BjbConnectedSetter) bjb_staff_form_set_connection);

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  bjb_people_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-staff-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, content);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, account_group);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, password_group);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, role_row);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, generated_box);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, generated_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbStaffForm, submit_button);
  bjb_form_fields_bind (widget_class, &fields);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "staff-form.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "staff-form.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "staff-form.copy", NULL, copy_action);
  bjb_form_class_install_cancel (widget_class, "staff-form.cancel", G_CALLBACK (put_back));
}

static void
bjb_staff_form_init (BjbStaffForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
bjb_staff_form_set_connection (BjbStaffForm  *self,
                               BjbConnection *connection)
{
  g_return_if_fail (BJB_IS_STAFF_FORM (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  set_busy (self, FALSE);
}

void
bjb_staff_form_start_create (BjbStaffForm *self)
{
  g_return_if_fail (BJB_IS_STAFF_FORM (self));

  g_clear_pointer (&self->reset_login, g_free);
  reset_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), TRUE);
  adw_preferences_group_set_title (self->password_group, _("Password"));
  gtk_button_set_label (self->submit_button, _("C_reate account"));
  gtk_widget_grab_focus (self->rows[F_LOGIN]);
}

void
bjb_staff_form_start_reset (BjbStaffForm *self,
                            const char   *login)
{
  g_return_if_fail (BJB_IS_STAFF_FORM (self));
  g_return_if_fail (login != NULL);

  g_free (self->reset_login);
  self->reset_login = g_strdup (login);
  reset_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), FALSE);
  /* Not "New password for <name>": the detail's title above already names the account, and
   * beside the Generate button the name was cut to "Tes A…". */
  adw_preferences_group_set_title (self->password_group, _("New password"));
  gtk_button_set_label (self->submit_button, _("_Set password"));
}

GtkEditable *
bjb_staff_form_get_field (BjbStaffForm *self,
                          const char   *field)
{
  g_return_val_if_fail (BJB_IS_STAFF_FORM (self), NULL);
  return bjb_form_fields_lookup (self, &fields, field);
}

const char *
bjb_staff_form_get_error (BjbStaffForm *self,
                          const char   *field)
{
  g_return_val_if_fail (BJB_IS_STAFF_FORM (self), NULL);
  return bjb_form_fields_get_error (self, &fields, field);
}

void
bjb_staff_form_set_role (BjbStaffForm *self,
                         const char   *role)
{
  g_return_if_fail (BJB_IS_STAFF_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (roles[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i);
}

const char *
bjb_staff_form_get_generated (BjbStaffForm *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_FORM (self), NULL);
  return self->generated;
}

gboolean
bjb_staff_form_get_busy (BjbStaffForm *self)
{
  g_return_val_if_fail (BJB_IS_STAFF_FORM (self), FALSE);
  return self->busy;
}
