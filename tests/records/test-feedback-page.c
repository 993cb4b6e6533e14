/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-feedback-page"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>

#include "bjb-feedback-entry.h"
#include "bjb-feedback-page.h"
#include "bjb-feedback-photos.h"
#include "bjb-date-field.h"
#include "bjb-ui-test.h"
#include "records-test-util.h"

/* The admin's feedback page (issue 10 #7) in the real admin window as t_admin: completed
 * orders' feedback newest first, a photo as a thumbnail that opens full size, the order
 * number shown selectable, and the date filter. */

#define ORDER_SQL \
  "INSERT INTO bjb.sales_order (number, customer_id, status, delivery, shipping_cost, subtotal," \
  "  discount_total, total, request_id, placed_at, payment_due_at, paid_at, completed_at," \
  "  feedback, feedback_at)" \
  " SELECT '%s', (SELECT min(id) FROM bjb.customer), 'completed', 'pickup', 0, 950000, 0, 950000," \
  "  gen_random_uuid(), now() - interval '%d days', now() - interval '%d days' + interval '1 day'," \
  "  now() - interval '%d days', now() - interval '%d days', '%s'," \
  "  now() - interval '%d days' - interval '1 hour' RETURNING id"

typedef struct
{
  GtkWindow *window;
  BjbFeedbackPage *page;
  BjbPagedQueryModel *model;
} Fixture;

static char *
add_order (const char *number,
           int         days_ago,
           const char *feedback)
{
  g_autofree char *sql = g_strdup_printf (ORDER_SQL, number, days_ago + 2, days_ago + 1, days_ago + 1,
                                          days_ago, feedback, days_ago);

  return bjb_ui_test_sql_value (sql);
}

/* A real JPEG (a paving pattern) as the hex of a bytea literal. */
static char *
jpeg_hex (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 480, 320);
  g_autoptr(GError) error = NULL;
  g_autofree char *jpeg = NULL;
  guchar *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  GString *hex;
  gsize size;

  for (int y = 0; y < 320; y++)
    for (int x = 0; x < 480; x++)
      {
        gboolean joint = x % 60 < 3 || y % 40 < 3;
        guchar *p = pixels + y * stride + x * 3;

        p[0] = joint ? 90 : 170 + (x / 60 + y / 40) % 2 * 30;
        p[1] = joint ? 90 : 110 + (x / 60) % 3 * 15;
        p[2] = joint ? 90 : 80;
      }
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", &error, NULL));
  g_assert_no_error (error);
  hex = g_string_sized_new (size * 2);
  for (gsize i = 0; i < size; i++)
    g_string_append_printf (hex, "%02x", (guchar) jpeg[i]);
  return g_string_free (hex, FALSE);
}

static gboolean
has_photo (BjbValueRow *row,
           gpointer     data)
{
  return g_strcmp0 (bjb_value_row_get_string (row, BJB_FEEDBACK_ENTRY_PHOTO_IDS), "{}") != 0;
}

static gboolean
recent (BjbValueRow *row,
        gpointer     data)
{
  return g_strcmp0 (bjb_value_row_get_string (row, BJB_FEEDBACK_ENTRY_NUMBER), "BJB-261120-000007") != 0;
}

/* The first widget of @type under @widget for which @check holds. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             gboolean (*check) (GtkWidget *, gpointer),
             gpointer   data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && check (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, check, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
photos_loaded (GtkWidget *widget,
               gpointer   data)
{
  return g_list_model_get_n_items (bjb_feedback_photos_get_photos (BJB_FEEDBACK_PHOTOS (widget))) > 0;
}

static gboolean
button_is (GtkWidget *widget,
           gpointer   label)
{
  return g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), label) == 0;
}

static gboolean
thumbnail_shown (gpointer data)
{
  Fixture *f = data;

  return find_widget (GTK_WIDGET (f->page), BJB_TYPE_FEEDBACK_PHOTOS, photos_loaded, NULL) != NULL;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (data)));
}

static void
test_feedback (void)
{
  Fixture fixture = { 0 };
  Fixture *f = &fixture;
  g_autofree char *hex = jpeg_hex ();
  g_autofree char *photo_sql = NULL;
  g_autofree char *with_photo = NULL;
  g_autofree char *o2 = NULL;
  g_autofree char *o3 = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) two_ago = g_date_time_add_days (now, -2);
  /* Two days on: the server's days are Jakarta's, maybe ahead of this machine's. */
  g_autoptr(GDateTime) next_day = g_date_time_add_days (now, 2);
  g_autofree char *from = g_date_time_format (two_ago, "%Y-%m-%d");
  g_autofree char *tomorrow = g_date_time_format (next_day, "%Y-%m-%d");
  BjbFeedbackPhotos *photos;
  GtkMenuButton *number;
  GtkWidget *viewer;
  GtkLabel *shown;

  bjb_ui_test_sql ("INSERT INTO bjb.customer (name, address, phone, status) VALUES"
                   " ('Sri Rejeki', 'Jl. Kaliurang Km 5, Sleman', '+6281234567001', 'active')");
  with_photo = add_order ("BJB-261130-000042", 0,
                          "Paving rapi dan kuat, pengiriman tepat waktu. Terima kasih!");
  o2 = add_order ("BJB-261129-000031", 1, "Batako sesuai pesanan.");
  o3 = add_order ("BJB-261120-000007", 6, "Sopir ramah, tapi datang agak siang.");
  photo_sql = g_strdup_printf ("INSERT INTO bjb.photo (order_id, kind, mime, data, thumb, width,"
                               " height, uploaded_by) VALUES (%s, 'feedback', 'image/jpeg',"
                               " decode('%s', 'hex'), decode('%s', 'hex'), 480, 320, 't_cs')",
                               with_photo, hex, hex);
  bjb_ui_test_sql (photo_sql);

  f->window = records_test_open ("feedback");
  f->page = records_test_page (f->window, "feedback");
  f->model = records_test_child (f->page, BJB_TYPE_FEEDBACK_PAGE, "list_model");

  /* Newest first, the photo as a thumbnail. */
  records_test_wait_rows (f->model, 3, NULL, NULL);
  {
    g_autoptr(BjbValueRow) first = g_list_model_get_item (G_LIST_MODEL (f->model), 0);

    g_assert_cmpstr (bjb_value_row_get_string (first, BJB_FEEDBACK_ENTRY_NUMBER), ==, "BJB-261130-000042");
    g_assert_true (has_photo (first, NULL));
  }
  bjb_ui_test_assert_wait (thumbnail_shown, f, 10000);
  records_test_screenshot (f->window, "admin-feedback");

  /* The number, selectable to copy. */
  number = GTK_MENU_BUTTON (find_widget (GTK_WIDGET (f->page), GTK_TYPE_MENU_BUTTON, button_is,
                                         "BJB-261130-000042"));
  g_assert_nonnull (number);
  gtk_menu_button_popup (number);
  bjb_ui_test_assert_wait (popover_shown, number, 5000);
  shown = GTK_LABEL (gtk_popover_get_child (gtk_menu_button_get_popover (number)));
  g_assert_true (gtk_label_get_selectable (shown));
  g_assert_cmpstr (gtk_label_get_label (shown), ==, "BJB-261130-000042");
  gtk_menu_button_popdown (number);

  /* A click on the thumbnail: full size over the list; Escape's action closes it. */
  photos = BJB_FEEDBACK_PHOTOS (find_widget (GTK_WIDGET (f->page), BJB_TYPE_FEEDBACK_PHOTOS,
                                             photos_loaded, NULL));
  bjb_feedback_photos_activate (photos, 0);
  viewer = records_test_child (f->page, BJB_TYPE_FEEDBACK_PAGE, "viewer");
  g_assert_true (gtk_widget_get_visible (viewer));
  g_assert_nonnull (gtk_picture_get_paintable (records_test_child (f->page, BJB_TYPE_FEEDBACK_PAGE,
                                                                   "viewer_picture")));
  records_test_screenshot (f->window, "admin-feedback-photo");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "feedback.close-photo", NULL));
  g_assert_false (gtk_widget_get_visible (viewer));

  records_test_assert_date_hints (f->page, BJB_TYPE_FEEDBACK_PAGE);
  /* Dates: the last two days leave the old one out; from the day after tomorrow, nothing. */
  bjb_date_field_set_text (records_test_child (f->page, BJB_TYPE_FEEDBACK_PAGE, "from_field"), from);
  records_test_wait_rows (f->model, 2, recent, NULL);
  g_assert_cmpuint (bjb_paged_query_model_get_n_loaded (f->model), ==, 2);
  bjb_date_field_set_text (records_test_child (f->page, BJB_TYPE_FEEDBACK_PAGE, "from_field"), tomorrow);
  records_test_wait_rows (f->model, -1, NULL, NULL);

  bjb_ui_test_sign_out ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!bjb_ui_test_init (&argc, &argv, "feedback-page"))
    return 0;
  g_test_add_func ("/feedback-page/list", test_feedback);
  status = g_test_run ();
  bjb_ui_test_finish ();
  return status;
}
