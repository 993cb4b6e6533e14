/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-button"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-error-sentence.h"
#include "bjb-export-button.h"
#include "bjb-widgets.h"

struct _BjbExportButton
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkWindow     *progress_window;
  GtkProgressBar *progress_bar;
  GtkLabel      *progress_label;
  GtkLabel      *error_label;
  GtkButton     *cancel_button;
  GtkButton     *close_button;

  /* Owned */
  BjbConnection *connection;
  BjbExportJob  *job;            /* the running export */
  GCancellable  *cancellable;    /* its cancel */
  GtkFileChooserNative *chooser;
  BjbExportFormat chooser_format;

  /* Borrowed */
  BjbExportSpecFunc spec_func;
  gpointer spec_data;
};

G_DEFINE_FINAL_TYPE (BjbExportButton, bjb_export_button, ADW_TYPE_BIN)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_progress (BjbExportButton *self)
{
  guint64 total = bjb_export_job_get_rows_total (self->job);
  guint64 written = bjb_export_job_get_rows_written (self->job);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      text = g_strdup (_("Reading the report…"));
    }
  else
    {
      g_autofree char *done = g_strdup_printf ("%" G_GUINT64_FORMAT, written);
      g_autofree char *all = g_strdup_printf ("%" G_GUINT64_FORMAT, total);

      gtk_progress_bar_set_fraction (self->progress_bar, (double) written / (double) total);
      /* Translators: export progress, e.g. "1000 of 100000 rows" */
      text = g_strdup_printf (_("%s of %s rows"), done, all);
    }
  gtk_label_set_text (self->progress_label, text);
}

static void
on_finished (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(BjbExportButton) self = user_data;
  g_autoptr(BjbExportJob) job = BJB_EXPORT_JOB (g_object_ref (source));
  g_autoptr(GError) error = NULL;
  gboolean ok = bjb_export_job_run_finish (job, result, &error);

  g_signal_handlers_disconnect_by_data (job, self);
  if (self->job == job)
    {
      g_clear_object (&self->job);
      g_clear_object (&self->cancellable);
    }
  /* Disposed meanwhile (signed out, window closed): the export was cancelled with it and
   * its temporary file removed; nobody is left to tell. */
  if (self->progress_window == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  if (ok)
    {
      g_autofree char *name = g_filename_display_basename (bjb_export_job_get_path (job));
      /* Translators: %s is the file name */
      g_autofree char *text = g_strdup_printf (_("Saved %s."), name);

      gtk_progress_bar_set_fraction (self->progress_bar, 1.0);
      gtk_label_set_text (self->progress_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
    }
  else
    {
      g_autofree char *sentence = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                                  ? g_strdup (_("Export cancelled; no file was written."))
                                  : bjb_error_sentence (error);

      g_debug ("export to %s: %s", bjb_export_job_get_path (job), error->message);
      gtk_label_set_text (self->error_label, sentence);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
  g_signal_emit (self, signals[FINISHED], 0, bjb_export_job_get_path (job), ok);
}

void
bjb_export_button_export_to (BjbExportButton *self,
                             BjbExportFormat  format,
                             const char      *path)
{
  g_autoptr(BjbExportSpec) spec = NULL;

  g_return_if_fail (BJB_IS_EXPORT_BUTTON (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (self->spec_func != NULL);

  if (self->connection == NULL)
    return;
  bjb_export_button_cancel (self);
  spec = self->spec_func (self->spec_data);
  self->job = bjb_export_job_new (spec, format, path);
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->job, "notify::rows-written", G_CALLBACK (update_progress),
                           self, G_CONNECT_SWAPPED);

  gtk_window_set_title (self->progress_window, bjb_export_spec_get_title (spec));
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_text (self->progress_label, _("Reading the report…"));
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), FALSE);
  gtk_window_set_transient_for (self->progress_window, bjb_widgets_window_of (GTK_WIDGET (self)));
  gtk_window_present (self->progress_window);

  bjb_export_job_run_async (self->job, self->connection, self->cancellable, on_finished,
                            g_object_ref (self));
}

void
bjb_export_button_cancel (BjbExportButton *self)
{
  g_return_if_fail (BJB_IS_EXPORT_BUTTON (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

GtkWindow *
bjb_export_button_get_progress_window (BjbExportButton *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_BUTTON (self), NULL);
  return self->progress_window;
}

static void
on_chooser_response (BjbExportButton *self,
                     int              response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && g_file_peek_path (file) != NULL)
    bjb_export_button_export_to (self, self->chooser_format, g_file_peek_path (file));
}

static void
choose_file (BjbExportButton *self,
             BjbExportFormat  format)
{
  g_autoptr(BjbExportSpec) spec = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *name = NULL;

  if (self->spec_func == NULL || self->connection == NULL)
    return;
  spec = self->spec_func (self->spec_data);
  name = bjb_export_spec_dup_file_name (spec, now, bjb_export_format_get_extension (format));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export"),
                                               bjb_widgets_window_of (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  self->chooser_format = format;
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
action_export (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BjbExportButton *self = BJB_EXPORT_BUTTON (widget);

  if (g_str_equal (action_name, "export.xlsx"))
    choose_file (self, BJB_EXPORT_FORMAT_XLSX);
  else if (g_str_equal (action_name, "export.pdf"))
    choose_file (self, BJB_EXPORT_FORMAT_PDF);
  else
    choose_file (self, BJB_EXPORT_FORMAT_CSV);
}

static void
on_cancel_clicked (BjbExportButton *self)
{
  bjb_export_button_cancel (self);
}

static void
on_close_clicked (BjbExportButton *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_window), FALSE);
}

/* Closing the window while it runs is a cancel: nothing goes on unseen. */
static gboolean
on_progress_close (BjbExportButton *self)
{
  bjb_export_button_cancel (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_window), FALSE);
  return TRUE;
}

void
bjb_export_button_set_connection (BjbExportButton *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_EXPORT_BUTTON (self));

  if (!g_set_object (&self->connection, connection))
    return;
  /* Signed out: an export under way ends with it. */
  if (connection == NULL)
    bjb_export_button_cancel (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.csv", connection != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.xlsx", connection != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.pdf", connection != NULL);
}

void
bjb_export_button_set_spec_func (BjbExportButton   *self,
                                 BjbExportSpecFunc  func,
                                 gpointer           user_data)
{
  g_return_if_fail (BJB_IS_EXPORT_BUTTON (self));
  self->spec_func = func;
  self->spec_data = user_data;
}

static void
bjb_export_button_dispose (GObject *object)
{
  BjbExportButton *self = (BjbExportButton *)object;

  bjb_export_button_cancel (self);
  g_clear_object (&self->connection);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->chooser);
  if (self->progress_window != NULL)
    gtk_window_destroy (self->progress_window);
  self->progress_window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_EXPORT_BUTTON);

  G_OBJECT_CLASS (bjb_export_button_parent_class)->dispose (object);
}

static void
bjb_export_button_class_init (BjbExportButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_export_button_dispose;

  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING,
                                    G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "export.csv", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "export.xlsx", NULL, action_export);
  gtk_widget_class_install_action (widget_class, "export.pdf", NULL, action_export);

  bjb_widgets_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/widgets/bjb-export-button.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, progress_window);
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, progress_label);
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, BjbExportButton, close_button);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_close_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_progress_close);
}

static void
bjb_export_button_init (BjbExportButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_export_button_set_connection (self, NULL);
}
