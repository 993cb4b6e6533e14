/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bjb-file-chooser: one chooser a widget at a time, emptied from its slot and freed when
 * answered, nothing handed on for a Cancel, closed unanswered in dispose. (An accepted file
 * comes from the real dialog, which a test cannot answer.) */
#define G_LOG_DOMAIN "test-file-chooser"

#include "config.h"

#include "bjb-file-chooser.h"
#include "people-test.h"

static GFile *chosen_file;

static void
chosen_cb (gpointer  owner,
           GFile    *file)
{
  g_set_object (&chosen_file, file);
}

static gboolean
open_one (GtkWidget             *owner,
          GtkFileChooserNative **slot)
{
  return bjb_file_chooser_open (owner, slot, "Save the Invoice as PDF",
                                GTK_FILE_CHOOSER_ACTION_SAVE, "_Save", NULL, "nota.pdf",
                                chosen_cb);
}

static void
test_file_chooser (void)
{
  g_autoptr(GtkWidget) owner = NULL;
  GtkFileChooserNative *slot = NULL;
  GtkFileChooserNative *gone = NULL;

  if (px_skip ())
    return;
  owner = g_object_ref_sink (gtk_label_new (NULL));

  /* A second click while one is open opens nothing. */
  g_assert_true (open_one (owner, &slot));
  g_assert_nonnull (slot);
  gone = slot;
  g_object_add_weak_pointer (G_OBJECT (gone), (gpointer *) &gone);
  g_assert_false (open_one (owner, &slot));
  g_assert_true (slot == gone);

  /* Cancel: nothing handed on, the chooser gone from its slot and freed. */
  g_signal_emit_by_name (slot, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (slot);
  g_assert_null (gone);
  g_assert_null (chosen_file);

  /* Closed unanswered (the owner's dispose): no file, an empty slot. */
  g_assert_true (open_one (owner, &slot));
  bjb_file_chooser_close (&slot);
  g_assert_null (slot);
  g_assert_null (chosen_file);
}

void
people_add_file_chooser_tests (void)
{
  g_test_add_func ("/people/file-chooser", test_file_chooser);
}
