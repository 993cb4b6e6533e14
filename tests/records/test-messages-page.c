/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-messages-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bjb-message-detail.h"
#include "bjb-message-templates.h"
#include "bjb-messages-page.h"
#include "bjb-outbox-row.h"
#include "bjb-role-window.h"
#include "bjb-ui-test.h"
#include "records-test-util.h"

/* The admin's Messages page (issue 12 #6, issue 10) in the real admin window as t_admin:
 * a failed and an uncertain message, set up as the worker login leaves them; the count on
 * the page's stack entry; the filters; Send again (with the uncertain warning) back to
 * pending; the count following the worker live; a template edited, previewed, refused with
 * an unknown placeholder and reset. */

/* Two customers whose birthday is today in Jakarta, reachable by WhatsApp only (their
 * email messages are skipped). */
static const char seed_sql[] =
  "INSERT INTO bjb.customer (name, address, phone, birth_date, status) VALUES"
  " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001',"
  "  (now() AT TIME ZONE 'Asia/Jakarta')::date - interval '40 years', 'active'),"
  " ('Bambang Hartono', 'Jl. Magelang 12, Yogyakarta', '+6285700001111',"
  "  (now() AT TIME ZONE 'Asia/Jakarta')::date - interval '35 years', 'active')";

typedef struct
{
  GtkWindow *window;
  BjbMessagesPage *page;
  BjbPagedQueryModel *model;
  char *failed_id;
  char *uncertain_id;
} Fixture;

static void
as_worker (const char *sql)
{
  g_autofree char *ignored = records_test_sql_as ("t_worker", sql);
}

/* What barokahd leaves after a 500 (parked) and after a dropped connection. */
static void
worker_delivers (Fixture *f)
{
  g_autofree char *fail = NULL;
  g_autofree char *lose = NULL;

  as_worker ("SELECT bjb.queue_birthday_messages()");
  as_worker ("SELECT count(*) FROM bjb.claim_messages(10, '60 seconds')");
  f->failed_id = bjb_ui_test_sql_value ("SELECT min(id) FROM bjb.customer_message WHERE status = 'sending'");
  f->uncertain_id = bjb_ui_test_sql_value ("SELECT max(id) FROM bjb.customer_message WHERE status = 'sending'");
  g_assert_cmpstr (f->failed_id, !=, f->uncertain_id);
  fail = g_strdup_printf ("SELECT bjb.begin_message_attempt(%s), bjb.message_failed(%s,"
                          " 'Gateway menjawab HTTP 500', NULL, true, 500)", f->failed_id, f->failed_id);
  lose = g_strdup_printf ("SELECT bjb.begin_message_attempt(%s), bjb.message_uncertain(%s,"
                          " 'Sambungan putus sebelum jawaban datang')", f->uncertain_id, f->uncertain_id);
  as_worker (fail);
  as_worker (lose);
}

/* The count the sidebar shows beside the page's title, or NULL when it shows none. */
static const char *
sidebar_badge (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "notification-badge"))
    return gtk_widget_get_visible (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = sidebar_badge (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
attention_is (gpointer data)
{
  Fixture *f = data;
  gint64 want = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (f->page), "want"));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (f->page), ADW_TYPE_VIEW_STACK);
  AdwViewStackPage *page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (f->page));

  GtkWidget *sidebar = bjb_ui_test_child (gtk_widget_get_root (GTK_WIDGET (f->page)),
                                          BJB_TYPE_ROLE_WINDOW, "sidebar_list");
  g_autofree char *want_text = want > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, want) : NULL;

  return bjb_messages_page_get_attention (f->page) == want &&
         adw_view_stack_page_get_badge_number (page) == want &&
         adw_view_stack_page_get_needs_attention (page) == (want > 0) &&
         g_strcmp0 (sidebar_badge (sidebar), want_text) == 0;
}

static void
wait_attention (Fixture *f,
                gint64   want)
{
  g_object_set_data (G_OBJECT (f->page), "want", GSIZE_TO_POINTER (want));
  bjb_ui_test_assert_wait (attention_is, f, 15000);
}

static gboolean
needs_attention (BjbValueRow *row,
                 gpointer     data)
{
  const char *status = bjb_value_row_get_string (row, BJB_OUTBOX_ROW_STATUS);

  return g_strcmp0 (status, "failed") == 0 || g_strcmp0 (status, "uncertain") == 0;
}

static gboolean
column_is (BjbValueRow *row,
           gpointer     data)
{
  const char *const *want = data;

  return g_strcmp0 (bjb_value_row_get_string (row, GPOINTER_TO_UINT (want[0])), want[1]) == 0;
}

static gboolean
id_is (BjbValueRow *row,
       gpointer     id)
{
  return bjb_value_row_get_int64 (row, BJB_OUTBOX_ROW_ID) == g_ascii_strtoll (id, NULL, 10);
}

static void
choose (Fixture    *f,
        const char *dropdown,
        guint       position)
{
  gtk_drop_down_set_selected (records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, dropdown), position);
}

static gboolean
detail_shows (gpointer data)
{
  Fixture *f = data;
  BjbMessageDetail *detail = records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "detail");
  const char *want = g_object_get_data (G_OBJECT (f->page), "want-status");

  return g_strcmp0 (bjb_message_detail_get_status (detail), want) == 0;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
sql_is (gpointer data)
{
  const char *const *check = data;
  g_autofree char *value = bjb_ui_test_sql_value (check[0]);

  return g_strcmp0 (value, check[1]) == 0;
}

static void
wait_sql (const char *sql,
          const char *want)
{
  const char *check[] = { sql, want };

  bjb_ui_test_assert_wait (sql_is, check, 15000);
}

static void
test_outbox (Fixture *f)
{
  BjbMessageDetail *detail = records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "detail");
  GtkSingleSelection *selection = records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "selection");
  const char *email[] = { GUINT_TO_POINTER (BJB_OUTBOX_ROW_CHANNEL), "email" };
  const char *sri[] = { GUINT_TO_POINTER (BJB_OUTBOX_ROW_CUSTOMER_NAME), "Sri Rejeki" };
  g_autofree char *again = NULL;
  g_autofree char *pending_sql = NULL;
  AdwMessageDialog *dialog;
  guint position;

  /* Two need attention: on the page's entry in the sidebar, live from the first read. */
  wait_attention (f, 2);
  records_test_wait_rows (f->model, 4, NULL, NULL);
  records_test_screenshot (f->window, "admin-messages");

  /* Each filter narrows to what it says. */
  choose (f, "status_dropdown", 1);
  records_test_wait_rows (f->model, 2, needs_attention, NULL);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 2);
  choose (f, "status_dropdown", 0);
  choose (f, "channel_dropdown", 2);
  records_test_wait_rows (f->model, 2, column_is, email);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 2);
  choose (f, "channel_dropdown", 0);
  choose (f, "kind_dropdown", 1);
  records_test_wait_rows (f->model, -1, NULL, NULL);
  choose (f, "kind_dropdown", 5);
  records_test_wait_rows (f->model, 4, NULL, NULL);
  gtk_editable_set_text (records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "customer_entry"), "Sri");
  records_test_wait_rows (f->model, 2, column_is, sri);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 2);
  gtk_editable_set_text (records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "customer_entry"), "");
  choose (f, "kind_dropdown", 0);
  choose (f, "status_dropdown", 1);
  records_test_wait_rows (f->model, 2, needs_attention, NULL);

  /* The uncertain one: its attempt, and Send again warns that it may have arrived. */
  position = bjb_paged_query_model_find (f->model, g_ascii_strtoll (f->uncertain_id, NULL, 10));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_selected (selection, position);
  g_object_set_data (G_OBJECT (f->page), "want-status", (gpointer) "uncertain");
  bjb_ui_test_assert_wait (detail_shows, f, 10000);
  records_test_screenshot (f->window, "admin-messages-detail");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "message.resend", NULL));
  bjb_ui_test_assert_wait (dialog_shown, NULL, 5000);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   g_dgettext (GETTEXT_PACKAGE,
                               "This message may already have arrived: it went out to the "
                               "gateway, but the answer never came back. Check with the "
                               "customer first; sending it again may give them a second copy."));
  records_test_screenshot (GTK_WINDOW (dialog), "admin-messages-resend");
  adw_message_dialog_response (dialog, "resend");

  /* Pending again, with a fresh attempt budget; the count follows. */
  pending_sql = g_strdup_printf ("SELECT status || '/' || attempts FROM bjb.customer_message WHERE id = %s",
                                 f->uncertain_id);
  wait_sql (pending_sql, "pending/0");
  wait_attention (f, 1);
  choose (f, "status_dropdown", 0);
  records_test_wait_rows (f->model, 4, NULL, NULL);
  g_assert_cmpstr (bjb_value_row_get_string (records_test_find_row (f->model, id_is, f->uncertain_id),
                                             BJB_OUTBOX_ROW_STATUS), ==, "pending");

  /* The worker fails it for good: the count goes up again by itself (no event says so). */
  as_worker ("SELECT count(*) FROM bjb.claim_messages(10, '60 seconds')");
  again = g_strdup_printf ("SELECT bjb.begin_message_attempt(%s), bjb.message_failed(%s,"
                           " 'Nomor tidak terdaftar di WhatsApp', NULL, true, 400)",
                           f->uncertain_id, f->uncertain_id);
  as_worker (again);
  wait_attention (f, 2);
}

static gboolean
label_has (gpointer data)
{
  const char *const *check = data;

  return strstr (gtk_label_get_text (GTK_LABEL (check[0])), check[1]) != NULL;
}

static void
wait_label (gpointer    label,
            const char *text)
{
  const char *check[] = { label, text };

  bjb_ui_test_assert_wait (label_has, (gpointer) check, 10000);
}

static void
set_body (BjbMessageTemplates *templates,
          const char          *text)
{
  GtkTextView *body = records_test_child (templates, BJB_TYPE_MESSAGE_TEMPLATES, "body_view");

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (body), text, -1);
}

static char *
body_of (BjbMessageTemplates *templates)
{
  GtkTextView *body = records_test_child (templates, BJB_TYPE_MESSAGE_TEMPLATES, "body_view");
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (body), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (body), &start, &end, FALSE);
}

static gboolean
body_is_default (gpointer data)
{
  g_autofree char *body = body_of (data);
  g_autofree char *builtin = bjb_ui_test_sql_value (
    "SELECT body FROM bjb.message_template_default('payment_confirmed', 'whatsapp')");

  return g_strcmp0 (body, builtin) == 0;
}

static void
test_templates (Fixture *f)
{
  BjbMessageTemplates *templates = records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "templates");
  GtkWidget *views = gtk_widget_get_ancestor (GTK_WIDGET (templates), ADW_TYPE_VIEW_STACK);
  GtkLabel *message = records_test_child (templates, BJB_TYPE_MESSAGE_TEMPLATES, "message_label");
  GtkLabel *preview = records_test_child (templates, BJB_TYPE_MESSAGE_TEMPLATES, "preview_body");
  GtkLabel *title = records_test_child (templates, BJB_TYPE_MESSAGE_TEMPLATES, "title_label");
  g_autofree char *kept = NULL;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (views), "templates");
  /* The first: payment confirmed, by WhatsApp, the built-in text. */
  wait_label (title, g_dgettext (GETTEXT_PACKAGE, "Payment confirmed"));
  bjb_ui_test_assert_wait (body_is_default, templates, 10000);

  /* Edit and preview with the sample values. */
  set_body (templates, "Halo {{customer_name}}, pembayaran pesanan {{order_number}} sebesar "
                       "{{order_total}} sudah kami terima.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (templates), "templates.preview", NULL));
  wait_label (preview, "Halo Budi Santoso, pembayaran pesanan BJB-250101-000123 sebesar Rp 2.750.000");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (templates), "templates.save", NULL));
  wait_sql ("SELECT count(*) FROM bjb.message_template WHERE kind = 'payment_confirmed'"
            " AND body LIKE 'Halo {{customer_name}}%'", "1");
  wait_label (message, g_dgettext (GETTEXT_PACKAGE, "Changed from the built-in text."));
  records_test_screenshot (f->window, "admin-messages-templates");

  /* An unknown placeholder: refused by the server, named, and what was typed stays. */
  set_body (templates, "Halo {{nama}}, terima kasih.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (templates), "templates.save", NULL));
  wait_label (message, "{{nama}}");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (message), "error"));
  kept = body_of (templates);
  g_assert_cmpstr (kept, ==, "Halo {{nama}}, terima kasih.");
  wait_sql ("SELECT count(*) FROM bjb.message_template WHERE body LIKE '%{{nama}}%'", "0");
  records_test_screenshot (f->window, "admin-messages-template-refused");

  /* Back to the built-in text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (templates), "templates.reset", NULL));
  wait_sql ("SELECT count(*) FROM bjb.message_template", "0");
  bjb_ui_test_assert_wait (body_is_default, templates, 10000);
}

static void
test_messages (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;

  bjb_ui_test_sql (seed_sql);
  worker_delivers (f);

  f->window = records_test_open ("messages");
  f->page = records_test_page (f->window, "messages");
  f->model = records_test_child (f->page, BJB_TYPE_MESSAGES_PAGE, "list_model");
  /* The worker's changes come with no event: looked for every second here. */
  g_object_set (f->page, "poll-seconds", 1, NULL);

  test_outbox (f);
  test_templates (f);

  g_free (f->failed_id);
  g_free (f->uncertain_id);
  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "messages-page"))
    return 0;
  g_test_add_func ("/messages-page/outbox-and-templates", test_messages);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
