/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-courier-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "bjb-courier-page.h"
#include "bjb-courier-window.h"
#include "bjb-delivered-page.h"
#include "bjb-delivery.h"
#include "bjb-delivery-detail.h"
#include "bjb-delivery-problem-dialog.h"
#include "bjb-delivery-spool.h"
#include "bjb-image-drop-box.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "courier-test-util.h"
#include "db-test-util.h"

/*
 * The courier's window as the real t_courier login, through the login window, with the
 * window's own session and listener (issue 9):
 * - /courier/live-complete: customer service ships an order on its own connection → the
 *   row appears with a notification; a wrong file and a missing recipient keep Complete
 *   off; photo + recipient → Complete → the row goes and the order is completed in the
 *   database with the time Complete was pressed;
 * - /courier/failed: a failed delivery through the sheet → an attempt row, the event for
 *   customer service, the order still the courier's, the attempt in the detail;
 * - /courier/offline: the server stopped → the page says so, the completion is queued and
 *   shown waiting → the server back → sent, exactly once, capture time before upload time;
 * - /courier/refused: a completion queued in an earlier run whose order customer service
 *   meanwhile gave to another courier → BJ031 on the queued item, the photo kept.
 * Screenshots at 1280 × 800 in English and Indonesian.
 */

typedef struct
{
  GtkWindow         *window;
  BjbCourierPage    *page;
  BjbDeliveryDetail *detail;
  gint64             order_id;
} Fixture;

static char *data_home;

static void
screenshot (Fixture    *f,
            const char *name)
{
  g_autofree char *full = g_strconcat (name, g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0
                                             ? "-id" : "", NULL);

  bjb_ui_test_screenshot (GTK_WIDGET (f->window), full);
}

static gboolean
listening (gpointer data)
{
  Fixture *f = data;
  BjbSession *session = bjb_role_window_get_session (BJB_ROLE_WINDOW (f->window));

  return session != NULL && bjb_session_get_listening (session);
}

static void
sign_in (Fixture *f)
{
  f->window = bjb_ui_test_sign_in ("t_courier", BJB_TYPE_COURIER_WINDOW);
  g_assert_nonnull (f->window);
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = BJB_COURIER_PAGE (bjb_ui_test_child (f->window, BJB_TYPE_COURIER_WINDOW, "deliveries_page"));
  f->detail = bjb_courier_page_get_detail (f->page);
  /* Live from here on: what customer service does next arrives as an event. */
  bjb_ui_test_assert_wait (listening, f, 20000);
}

static gboolean
page_settled (gpointer data)
{
  Fixture *f = data;

  return !bjb_courier_page_get_loading (f->page);
}

static gboolean
order_listed (gpointer data)
{
  Fixture *f = data;
  GListModel *model = bjb_courier_page_get_model (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbDelivery) d = g_list_model_get_item (model, i);

      if (bjb_delivery_get_order_id (d) == f->order_id)
        return TRUE;
    }
  return FALSE;
}

static gboolean
order_not_listed (gpointer data)
{
  return !order_listed (data) && page_settled (data);
}

static gboolean
order_completed (gpointer data)
{
  Fixture *f = data;
  g_autofree char *status = courier_test_order_value (f->order_id, "status");

  return g_strcmp0 (status, "completed") == 0;
}

static gboolean
detail_empty (gpointer data)
{
  Fixture *f = data;

  return bjb_delivery_detail_get_delivery (f->detail) == NULL;
}

static gboolean
photo_waits (gpointer data)
{
  Fixture *f = data;
  BjbImageDropBox *box = BJB_IMAGE_DROP_BOX (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL,
                                                                "photo_box"));

  return bjb_image_drop_box_get_image (box) != NULL;
}

static gboolean
detail_has_message (gpointer data)
{
  Fixture *f = data;

  return bjb_delivery_detail_get_message (f->detail) != NULL;
}

static gboolean
complete_enabled (Fixture *f)
{
  return gtk_widget_is_sensitive (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL,
                                                     "complete_button"));
}

static void
load_photo (Fixture    *f,
            const char *path)
{
  BjbImageDropBox *box = BJB_IMAGE_DROP_BOX (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL,
                                                                "photo_box"));
  g_autoptr(GFile) file = g_file_new_for_path (path);

  bjb_image_drop_box_load_file (box, file);
}

static void
set_entry (Fixture    *f,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL, name)),
                         text);
}

/* Ships a new order to t_courier as customer service does, on t_cs's own connection. */
static void
ship_new_order (Fixture *f)
{
  f->order_id = courier_test_paid_order ();
  courier_test_as_cs ("SELECT bjb.ship_order($1::bigint, 't_courier')", f->order_id);
}

static void
open_with_proof (Fixture    *f,
                 const char *recipient)
{
  g_autofree char *photo = courier_test_photo_file (data_home);

  bjb_ui_test_assert_wait (order_listed, f, 20000);
  g_assert_true (bjb_courier_page_open (f->page, f->order_id));
  load_photo (f, photo);
  bjb_ui_test_assert_wait (photo_waits, f, 20000);
  set_entry (f, "recipient_entry", recipient);
  g_assert_true (complete_enabled (f));
}

static gboolean
delivered_listed (gpointer data)
{
  Fixture *f = data;
  BjbDeliveredPage *page = BJB_DELIVERED_PAGE (bjb_ui_test_child (f->window, BJB_TYPE_COURIER_WINDOW,
                                                                  "delivered_page"));
  GListModel *model = bjb_delivered_page_get_model (page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BjbDelivery) d = g_list_model_get_item (model, i);

      if (bjb_delivery_get_order_id (d) == f->order_id &&
          g_strcmp0 (bjb_delivery_get_recipient (d), "Pak Budi (mandor)") == 0)
        return !bjb_delivered_page_get_loading (page);
    }
  return FALSE;
}

/* Every button of @widget a finger hits (the photo box's own zoom bar aside) is at least
 * 48 px high. */
static void
assert_big_targets (GtkWidget *widget)
{
  graphene_rect_t bounds;

  if (BJB_IS_IMAGE_DROP_BOX (widget) || !gtk_widget_get_mapped (widget))
    return;
  /* The widget's box with its padding and border: what a finger can hit. */
  if (GTK_IS_BUTTON (widget))
    {
      g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
      g_assert_cmpfloat (bounds.size.height, >=, 48);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_big_targets (child);
}

/* At the depot's 1280 × 800 nothing scrolls sideways; under ~900 px one pane shows. */
static void
assert_fits (Fixture *f)
{
  int min_width = 0;

  gtk_widget_measure (GTK_WIDGET (f->window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width,
                      NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 1280);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 1280);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (adw_bin_get_child (ADW_BIN (f->page)))));
  gtk_widget_measure (GTK_WIDGET (f->page), GTK_ORIENTATION_HORIZONTAL, -1, &min_width,
                      NULL, NULL, NULL);
  g_assert_cmpint (min_width, <, 900);
}

static void
test_live_complete (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *wrong = g_build_filename (data_home, "not-a-photo.jpg", NULL);
  g_autofree char *photo = courier_test_photo_file (data_home);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *check = NULL;
  BjbSession *session;
  guint n_notifications;

  sign_in (f);
  bjb_ui_test_assert_wait (page_settled, f, 20000);
  session = bjb_role_window_get_session (BJB_ROLE_WINDOW (f->window));
  n_notifications = g_list_model_get_n_items (bjb_session_get_notifications (session));

  /* Live: customer service ships, the row appears, with the session's notification. */
  ship_new_order (f);
  bjb_ui_test_assert_wait (order_listed, f, 20000);
  g_assert_cmpuint (g_list_model_get_n_items (bjb_session_get_notifications (session)), >,
                    n_notifications);
  g_assert_true (bjb_courier_page_open (f->page, f->order_id));
  screenshot (f, "courier-live");

  /* Bad inputs: a file that is no photo, then a photo without a recipient. */
  g_assert_true (g_file_set_contents (wrong, "this is a note, not a photo", -1, NULL));
  load_photo (f, wrong);
  bjb_ui_test_assert_wait (detail_has_message, f, 20000);
  g_assert_false (photo_waits (f));
  g_assert_false (complete_enabled (f));
  load_photo (f, photo);
  bjb_ui_test_assert_wait (photo_waits, f, 20000);
  set_entry (f, "recipient_entry", "   ");
  g_assert_false (complete_enabled (f));
  set_entry (f, "recipient_entry", "Pak Budi (mandor)");
  set_entry (f, "note_entry", "Diterima di gerbang belakang");
  g_assert_true (complete_enabled (f));

  /* Another delivery looked at meanwhile: the first keeps its photo, recipient and note. */
  {
    gint64 first = f->order_id;

    ship_new_order (f);
    bjb_ui_test_assert_wait (order_listed, f, 20000);
    g_assert_true (bjb_courier_page_open (f->page, f->order_id));
    g_assert_false (photo_waits (f));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL,
                                                                             "recipient_entry"))), ==, "");
    f->order_id = first;
    g_assert_true (bjb_courier_page_open (f->page, f->order_id));
    bjb_ui_test_assert_wait (photo_waits, f, 20000);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL,
                                                                             "recipient_entry"))), ==, "Pak Budi (mandor)");
    g_assert_true (complete_enabled (f));
  }
  screenshot (f, "courier-proof");
  assert_big_targets (GTK_WIDGET (f->page));
  assert_fits (f);

  before = g_date_time_new_now_utc ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "delivery.complete", NULL));
  after = g_date_time_new_now_utc ();
  bjb_ui_test_assert_wait (order_completed, f, 20000);
  bjb_ui_test_assert_wait (order_not_listed, f, 20000);
  /* The detail is done with it once the queue heard the server confirm it. */
  bjb_ui_test_assert_wait (detail_empty, f, 20000);

  /* Timed by the press of Complete, received after it; who received it, once. */
  check = courier_test_completion_check (f->order_id, before, after);
  g_assert_cmpstr (check, ==, "Pak Budi (mandor)|1|1|t");
  screenshot (f, "courier-done");

  /* "Delivered": today's list has it, with the recipient. */
  adw_view_stack_set_visible_child_name (bjb_role_window_get_stack (BJB_ROLE_WINDOW (f->window)),
                                         "delivered");
  bjb_ui_test_assert_wait (delivered_listed, f, 20000);
  /* The day as a sentence writes it: "Rabu, 2 Desember 2026", no leading zero. */
  {
    GtkWidget *page = bjb_ui_test_child (f->window, BJB_TYPE_COURIER_WINDOW, "delivered_page");
    GtkLabel *day_label = GTK_LABEL (bjb_ui_test_child (page, BJB_TYPE_DELIVERED_PAGE, "day_label"));
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *day = g_date_time_format (now, "%A, %-d %B %Y");

    g_assert_true (g_str_has_suffix (gtk_label_get_text (day_label), day));
  }
  screenshot (f, "courier-delivered");

  /* Signed out while a read is on its way: it is dropped, nothing is listed after. */
  {
    BjbPage *page = BJB_PAGE (bjb_ui_test_child (f->window, BJB_TYPE_COURIER_WINDOW,
                                                 "delivered_page"));

    bjb_page_refresh (page);
    g_assert_true (bjb_delivered_page_get_loading (BJB_DELIVERED_PAGE (page)));
    bjb_page_set_session (page, NULL);
    g_assert_false (bjb_ui_test_wait (delivered_listed, f, 3000));
    g_assert_cmpuint (g_list_model_get_n_items (bjb_delivered_page_get_model (BJB_DELIVERED_PAGE (page))),
                      ==, 0);
  }
  bjb_ui_test_sign_out ();
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (BJB_IS_DELIVERY_PROBLEM_DIALOG (window))
        return window;
    }
  return NULL;
}

static gboolean
dialog_loaded (gpointer data)
{
  GtkWindow *dialog = find_dialog ();

  return dialog != NULL && bjb_delivery_problem_dialog_get_loaded (BJB_DELIVERY_PROBLEM_DIALOG (dialog));
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static gboolean
attempt_shown (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_visible (bjb_ui_test_child (f->detail, BJB_TYPE_DELIVERY_DETAIL, "problems_box"));
}

static void
test_failed (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  GtkWindow *dialog;
  GtkWidget *report;
  g_autofree char *attempt = NULL;
  g_autofree char *event = NULL;
  g_autofree char *status = NULL;
  g_autofree char *sql = NULL;

  sign_in (f);
  ship_new_order (f);
  bjb_ui_test_assert_wait (order_listed, f, 20000);
  g_assert_true (bjb_courier_page_open (f->page, f->order_id));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "delivery.report-problem", NULL));
  bjb_ui_test_assert_wait (dialog_loaded, NULL, 20000);
  dialog = find_dialog ();
  report = bjb_ui_test_child (dialog, BJB_TYPE_DELIVERY_PROBLEM_DIALOG, "report_button");
  g_assert_false (gtk_widget_is_sensitive (report));
  /* "Something else" needs a note. */
  g_assert_true (bjb_delivery_problem_dialog_choose (BJB_DELIVERY_PROBLEM_DIALOG (dialog), "other"));
  g_assert_false (gtk_widget_is_sensitive (report));
  gtk_editable_set_text (GTK_EDITABLE (bjb_ui_test_child (dialog, BJB_TYPE_DELIVERY_PROBLEM_DIALOG,
                                                          "note_entry")),
                         "Jalan ditutup karena banjir");
  g_assert_true (gtk_widget_is_sensitive (report));
  bjb_ui_test_screenshot (GTK_WIDGET (dialog),
                          g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0 ? "courier-problem-dialog-id"
                                                                        : "courier-problem-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "problem.report", NULL));
  bjb_ui_test_assert_wait (dialog_gone, NULL, 20000);

  /* The attempt, the event for customer service; the order stays the courier's. */
  sql = g_strdup_printf ("SELECT count(*) FROM bjb.delivery_attempt WHERE order_id = %" G_GINT64_FORMAT
                         " AND outcome = 'problem' AND reason = 'other' AND courier = 't_courier'"
                         " AND note = 'Jalan ditutup karena banjir'", f->order_id);
  attempt = bjb_ui_test_sql_value (sql);
  g_assert_cmpstr (attempt, ==, "1");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM bjb.event WHERE order_id = %" G_GINT64_FORMAT
                         " AND kind = 'delivery_problem' AND audience_role = 'cs'", f->order_id);
  event = bjb_ui_test_sql_value (sql);
  g_assert_cmpstr (event, ==, "1");
  status = courier_test_order_value (f->order_id, "status");
  g_assert_cmpstr (status, ==, "shipped");
  bjb_ui_test_assert_wait (attempt_shown, f, 20000);
  g_assert_true (order_listed (f));
  screenshot (f, "courier-failed");
  bjb_ui_test_sign_out ();
}

static gboolean
page_offline (gpointer data)
{
  Fixture *f = data;

  return bjb_courier_page_get_offline (f->page);
}

static gboolean
one_waiting (gpointer data)
{
  Fixture *f = data;

  return bjb_delivery_queue_get_n_waiting (bjb_courier_page_get_queue (f->page)) == 1;
}

static gboolean
none_waiting_and_completed (gpointer data)
{
  Fixture *f = data;

  return bjb_delivery_queue_get_n_waiting (bjb_courier_page_get_queue (f->page)) == 0 &&
         order_completed (data);
}

static void
test_offline (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *check = NULL;
  g_autofree char *cache = g_build_filename (data_home, "barokah", "deliveries", "t_courier",
                                             "cache.json", NULL);
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;

  if (!courier_test_can_restart ())
    {
      g_test_skip ("no pg_virtualenv cluster to stop (set BJB_TEST_PG_CTL)");
      return;
    }
  sign_in (f);
  ship_new_order (f);
  open_with_proof (f, "Bu Rini");
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));

  /* The depot loses the server: the list stays, from what was seen, and says so. */
  courier_test_server ("stop");
  bjb_ui_test_assert_wait (page_offline, f, 30000);
  g_assert_true (order_listed (f));
  g_assert_true (complete_enabled (f));

  before = g_date_time_new_now_utc ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->detail), "delivery.complete", NULL));
  after = g_date_time_new_now_utc ();
  bjb_ui_test_assert_wait (one_waiting, f, 5000);
  g_assert_false (order_listed (f));
  screenshot (f, "courier-offline-queued");

  /* Back: sent in order, once. */
  courier_test_server ("start");
  bjb_ui_test_assert_wait (none_waiting_and_completed, f, 60000);
  check = courier_test_completion_check (f->order_id, before, after);
  g_assert_cmpstr (check, ==, "Bu Rini|1|1|t");
  bjb_ui_test_sign_out ();
}

static gboolean
refusal_shown (gpointer data)
{
  Fixture *f = data;
  BjbDeliveryQueue *queue = bjb_courier_page_get_queue (f->page);
  GListModel *items = queue != NULL ? bjb_delivery_queue_get_items (queue) : NULL;
  g_autoptr(BjbDeliveryQueueItem) item = NULL;

  if (items == NULL || g_list_model_get_n_items (items) != 1)
    return FALSE;
  item = g_list_model_get_item (items, 0);
  return bjb_delivery_queue_item_get_state (item) == BJB_DELIVERY_QUEUE_ITEM_REFUSED &&
         bjb_delivery_queue_item_get_sentence (item) != NULL;
}

static void
test_refused (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autoptr(BjbDeliveryCompletion) completion = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *photos = NULL;
  g_autofree char *sql = NULL;

  /* Seen on the tablet, completed in an earlier run, not sent yet; meanwhile customer
   * service gave the order to another courier. */
  sign_in (f);
  ship_new_order (f);
  bjb_ui_test_assert_wait (order_listed, f, 20000);
  bjb_ui_test_sign_out ();
  completion = courier_test_completion (f->order_id, "Pak Joko", now);
  courier_test_queue_before_sign_in ("t_courier", completion);
  courier_test_as_cs ("SELECT bjb.reassign_delivery($1::bigint, 't_courier2', 'Truk mogok')",
                      f->order_id);

  sign_in (f);
  bjb_ui_test_assert_wait (refusal_shown, f, 20000);
  bjb_ui_test_assert_wait (page_settled, f, 20000);
  g_assert_false (order_listed (f));
  sql = g_strdup_printf ("SELECT count(*) FROM bjb.photo WHERE order_id = %" G_GINT64_FORMAT
                         " AND kind = 'delivery'", f->order_id);
  photos = bjb_ui_test_sql_value (sql);
  g_assert_cmpstr (photos, ==, "1");
  /* Named as the courier saw it (the cache keeps the titles), not by a bare id. */
  {
    g_autoptr(BjbDeliveryQueueItem) item = g_list_model_get_item (
      bjb_delivery_queue_get_items (bjb_courier_page_get_queue (f->page)), 0);
    g_autofree char *number = courier_test_order_value (f->order_id, "number");
    g_autofree char *title = NULL;

    g_object_get (item, "title", &title, NULL);
    g_assert_true (g_str_has_prefix (title, number));
  }
  screenshot (f, "courier-refused");

  /* Read and put away: the list is clear again, the spool too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "courier.dismiss-refused", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (bjb_delivery_queue_get_items (bjb_courier_page_get_queue (f->page))),
                    ==, 0);
  bjb_ui_test_sign_out ();
}

/* A day and a time on the courier's screens in the UI's language: Indonesian writes the
 * time with a dot, as the desk's lists do. */
static void
test_moment_language (void)
{
  g_autoptr(GDateTime) at = g_date_time_new_local (2026, 12, 2, 14, 5, 0);
  g_autofree char *text = bjb_delivery_format_moment (at);

  g_assert_cmpstr (text, ==, g_strcmp0 (g_getenv ("LANGUAGE"), "id") == 0 ? "2 Des 14.05"
                                                                         : "2 Dec 14:05");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The courier's spool and cache go to a directory of this run, never the user's. */
  data_home = g_dir_make_tmp ("bjb-courier-ui-XXXXXX", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!bjb_ui_test_init (&argc, &argv, "courier"))
    return 0;
  courier_test_seed ();
  g_test_add_func ("/courier/moment-language", test_moment_language);
  g_test_add_func ("/courier/live-complete", test_live_complete);
  g_test_add_func ("/courier/failed", test_failed);
  g_test_add_func ("/courier/refused", test_refused);
  g_test_add_func ("/courier/offline", test_offline);
  status = g_test_run ();
  bjb_ui_test_finish ();
  courier_test_remove_tree (data_home);
  g_free (data_home);
  return status;
}
