/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-feedback-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-feedback-entry.h"
#include "bjb-feedback-page.h"
#include "bjb-feedback-photos.h"
#include "bjb-feedback-query.h"
#include "bjb-page.h"
#include "bjb-records-format.h"
#include "bjb-records-page.h"

struct _BjbFeedbackPage
{
  AdwBin parent_instance;

  /* Template widgets */
  BjbDateField       *from_field;
  BjbDateField       *to_field;
  GtkColumnView      *view;
  BjbPagedQueryModel *list_model;
  BjbFeedbackQuery   *query;
  GtkLabel           *status_label;
  GtkWidget          *viewer;
  GtkPicture         *viewer_picture;

  /* Owned */
  char *filter_error;
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbFeedbackPage, bjb_feedback_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static void
update_status_label (BjbFeedbackPage *self)
{
  g_autofree char *text = bjb_records_page_status (self->list_model, self->filter_error,
                                                   _("Loading feedback…"),
                                                   _("No feedback in this period."));

  gtk_label_set_text (self->status_label, text);
}

static void
on_filter_changed (BjbFeedbackPage *self)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_clear_pointer (&self->filter_error, g_free);
  if (bjb_records_page_date_range (self->from_field, self->to_field, FALSE, &from, &to,
                                   &self->filter_error))
    g_object_set (self->query, "from", from, "to", to, NULL);
  update_status_label (self);
}

static void
on_photo_activated (BjbFeedbackPage *self,
                    GdkTexture      *texture)
{
  gtk_picture_set_paintable (self->viewer_picture, GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->viewer, TRUE);
  gtk_widget_grab_focus (self->viewer);
}

/* The photos column: a BjbFeedbackPhotos per row, handed the page's connection. */
static void
on_photos_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 BjbFeedbackPage          *self)
{
  GtkWidget *photos = g_object_new (BJB_TYPE_FEEDBACK_PHOTOS, NULL);

  g_signal_connect_object (photos, "photo-activated", G_CALLBACK (on_photo_activated), self,
                           G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, photos);
}

static void
on_photos_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                BjbFeedbackPage          *self)
{
  BjbFeedbackPhotos *photos = BJB_FEEDBACK_PHOTOS (gtk_list_item_get_child (item));
  BjbValueRow *row = gtk_list_item_get_item (item);

  bjb_feedback_photos_set_connection (photos,
                                      bjb_records_query_get_connection (BJB_RECORDS_QUERY (self->query)));
  bjb_feedback_photos_set_photo_ids (photos, bjb_value_row_get_string (row, BJB_FEEDBACK_ENTRY_PHOTO_IDS));
}

static void
on_photos_unbind (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  BjbFeedbackPage          *self)
{
  bjb_feedback_photos_set_photo_ids (BJB_FEEDBACK_PHOTOS (gtk_list_item_get_child (item)), NULL);
}

static void
action_close_photo (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbFeedbackPage *self = BJB_FEEDBACK_PAGE (widget);

  gtk_widget_set_visible (self->viewer, FALSE);
  gtk_picture_set_paintable (self->viewer_picture, NULL);
}

/* BjbPage */

static void
bjb_feedback_page_event_received (BjbPage  *page,
                                  BjbEvent *event)
{
  const char *kind = bjb_event_get_kind (event);

  if (g_strcmp0 (kind, "feedback_recorded") == 0 || g_strcmp0 (kind, "order_completed") == 0)
    bjb_records_page_refresh (page);
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_records_page_set_session;
  iface->refresh = bjb_records_page_refresh;
  iface->event_received = bjb_feedback_page_event_received;
}

/* GObject */

static void
bjb_feedback_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_FEEDBACK_PAGE);

  G_OBJECT_CLASS (bjb_feedback_page_parent_class)->dispose (object);
}

static void
bjb_feedback_page_finalize (GObject *object)
{
  g_free (BJB_FEEDBACK_PAGE (object)->filter_error);

  G_OBJECT_CLASS (bjb_feedback_page_parent_class)->finalize (object);
}

static void
bjb_feedback_page_class_init (BjbFeedbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_feedback_page_dispose;
  object_class->finalize = bjb_feedback_page_finalize;

  g_type_ensure (BJB_TYPE_DATE_FIELD);
  g_type_ensure (BJB_TYPE_FEEDBACK_ENTRY);
  g_type_ensure (BJB_TYPE_FEEDBACK_QUERY);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, from_field);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, to_field);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, view);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, viewer);
  gtk_widget_class_bind_template_child (widget_class, BjbFeedbackPage, viewer_picture);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_photos_setup);
  gtk_widget_class_bind_template_callback (widget_class, on_photos_bind);
  gtk_widget_class_bind_template_callback (widget_class, on_photos_unbind);

  gtk_widget_class_install_action (widget_class, "feedback.refresh", NULL, bjb_page_refresh_action);
  gtk_widget_class_install_action (widget_class, "feedback.close-photo", NULL, action_close_photo);
}

static void
bjb_feedback_page_init (BjbFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_status_label (self);
}
