/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bjb-form-fields: the sentence under a field, the field marked, the top sentence, and the
 * refused-save sentence every edit form shows. */
#define G_LOG_DOMAIN "test-form-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-db-error.h"
#include "bjb-form-fields.h"
#include "people-test.h"

static const char *const names[] = { "login", "name", "role" };

typedef struct
{
  GObject parent_instance;   /* the fields are never at offset 0 in a real form */
  GtkWidget *rows[2];        /* "role" has no entry */
  GtkWidget *error_rows[3];
  GtkWidget *error_labels[3];
  GtkLabel *form_error;
} FakeForm;

static const BjbFormFields fields = {
  names, 3, 2,
  G_STRUCT_OFFSET (FakeForm, rows), G_STRUCT_OFFSET (FakeForm, error_rows),
  G_STRUCT_OFFSET (FakeForm, error_labels), G_STRUCT_OFFSET (FakeForm, form_error),
};

static GtkWidget *
keep (GtkWidget *widget)
{
  return g_object_ref_sink (widget);
}

static void
test_fields (void)
{
  FakeForm form = { 0 };

  if (px_skip ())
    return;
  for (guint i = 0; i < 3; i++)
    {
      if (i < 2)
        form.rows[i] = keep (gtk_entry_new ());
      form.error_rows[i] = keep (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
      form.error_labels[i] = keep (gtk_label_new (NULL));
      gtk_widget_set_visible (form.error_rows[i], FALSE);
    }
  form.form_error = GTK_LABEL (keep (gtk_label_new (NULL)));
  gtk_widget_set_visible (GTK_WIDGET (form.form_error), FALSE);

  g_assert_cmpint (bjb_form_fields_index (&fields, "role"), ==, 2);
  g_assert_cmpint (bjb_form_fields_index (&fields, "form"), ==, -1);
  g_assert_true (bjb_form_fields_lookup (&form, &fields, "name") == GTK_EDITABLE (form.rows[1]));

  /* The sentence goes under its field, which is marked; the others stay as they were. */
  bjb_form_fields_set_error (&form, &fields, "name", "Type a name.");
  g_assert_cmpstr (bjb_form_fields_get_error (&form, &fields, "name"), ==, "Type a name.");
  g_assert_true (gtk_widget_has_css_class (form.rows[1], "error"));
  g_assert_null (bjb_form_fields_get_error (&form, &fields, "login"));
  g_assert_false (gtk_widget_has_css_class (form.rows[0], "error"));
  /* A field with no entry of its own shows its sentence too. */
  bjb_form_fields_set_error (&form, &fields, "role", "Pick a role.");
  g_assert_cmpstr (bjb_form_fields_get_error (&form, &fields, "role"), ==, "Pick a role.");
  /* Any other name is the sentence at the top. */
  bjb_form_fields_set_error (&form, &fields, "form", "Please correct the marked fields.");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form.form_error)));
  g_assert_cmpstr (bjb_form_fields_get_error (&form, &fields, "form"), ==,
                   "Please correct the marked fields.");

  bjb_form_fields_clear (&form, &fields);
  for (guint i = 0; i < 3; i++)
    g_assert_null (bjb_form_fields_get_error (&form, &fields, names[i]));
  g_assert_null (bjb_form_fields_get_error (&form, &fields, "form"));
  g_assert_false (gtk_widget_has_css_class (form.rows[1], "error"));

  for (guint i = 0; i < 3; i++)
    {
      if (i < 2)
        g_object_unref (form.rows[i]);
      g_object_unref (form.error_rows[i]);
      g_object_unref (form.error_labels[i]);
    }
  g_object_unref (form.form_error);
}

/* A lost connection says that nothing typed is lost; any other refusal just says why. */
static void
test_not_saved (void)
{
  g_autoptr(GError) lost = g_error_new_literal (BJB_DB_ERROR, BJB_DB_ERROR_DISCONNECTED, "gone");
  g_autoptr(GError) refused = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "no");
  g_autofree char *lost_text = bjb_form_not_saved (lost, "The connection was lost.");
  g_autofree char *refused_text = bjb_form_not_saved (refused, "That login is taken.");
  g_autofree char *want_lost =
    g_strdup_printf (_("Not saved: %s Everything you typed is still here; press Save to try again."),
                     "The connection was lost.");
  g_autofree char *want_refused = g_strdup_printf (_("Not saved: %s"), "That login is taken.");

  if (px_skip ())
    return;
  g_assert_cmpstr (lost_text, ==, want_lost);
  g_assert_cmpstr (refused_text, ==, want_refused);
  g_assert_cmpstr (lost_text, !=, refused_text);
}

/* bjb_form_class_install_cancel(): the form's cancel action emits "cancelled", once, and the
 * form is put back before the page hears of it. */
typedef GtkWidget CancelForm;
typedef GtkWidgetClass CancelFormClass;

GType cancel_form_get_type (void);

G_DEFINE_TYPE (CancelForm, cancel_form, GTK_TYPE_WIDGET)

static GString *cancel_trace;

static void
put_back (CancelForm *self)
{
  g_string_append (cancel_trace, "put back;");
}

static void
cancel_form_class_init (CancelFormClass *klass)
{
  bjb_form_class_install_cancel (klass, "form.cancel", G_CALLBACK (put_back));
}

static void
cancel_form_init (CancelForm *self)
{
}

static void
page_heard_cb (GtkWidget *form)
{
  g_string_append (cancel_trace, "page;");
}

static void
test_cancel (void)
{
  g_autoptr(GtkWidget) form = NULL;

  if (px_skip ())
    return;
  cancel_trace = g_string_new (NULL);
  form = keep (g_object_new (cancel_form_get_type (), NULL));
  g_signal_connect (form, "cancelled", G_CALLBACK (page_heard_cb), NULL);
  g_assert_true (gtk_widget_activate_action (form, "form.cancel", NULL));
  g_assert_cmpstr (cancel_trace->str, ==, "put back;page;");
  g_string_free (g_steal_pointer (&cancel_trace), TRUE);
}

void
people_add_form_fields_tests (void)
{
  g_test_add_func ("/people/form-fields/marking", test_fields);
  g_test_add_func ("/people/form-fields/not-saved", test_not_saved);
  g_test_add_func ("/people/form-fields/cancel", test_cancel);
}
