/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-messages-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer-filter.h"
#include "bjb-error-sentence.h"
#include "bjb-field-props.h"
#include "bjb-message-admin-ops.h"
#include "bjb-message-detail.h"
#include "bjb-message-templates.h"
#include "bjb-messages-page.h"
#include "bjb-ops-query.h"
#include "bjb-outbox-query.h"
#include "bjb-outbox-row.h"
#include "bjb-page.h"
#include "bjb-records-format.h"
#include "bjb-records-page.h"

struct _BjbMessagesPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkDropDown         *status_dropdown;
  GtkDropDown         *channel_dropdown;
  GtkDropDown         *kind_dropdown;
  GtkSearchEntry      *customer_entry;
  GtkSingleSelection  *selection;
  BjbPagedQueryModel  *list_model;
  BjbOutboxQuery      *query;
  GtkLabel            *status_label;
  BjbMessageDetail    *detail;
  BjbMessageTemplates *templates;

  /* Owned */
  BjbConnection *connection;
  GCancellable  *counts_cancellable;
  GCancellable  *customer_cancellable;
  guint          poll_id;
  guint          poll_seconds;
  gint64         attention;
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbMessagesPage, bjb_messages_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

enum {
  PROP_0,
  PROP_POLL_SECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the dropdowns' items, the first being "all". */
static const char *const statuses[] = {
  NULL, "failed,uncertain", "pending,sending", "sent", "failed", "uncertain", "skipped",
};
static const char *const channels[] = { NULL, "whatsapp", "email" };
static const char *const kinds[] = {
  NULL, "payment_confirmed", "order_shipped", "order_completed", "order_expired", "birthday",
  "new_product", "back_in_stock",
};

static const char *
choice (GtkDropDown        *dropdown,
        const char *const  *values,
        gsize               n_values)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  return selected < n_values ? values[selected] : NULL;
}

static void
update_status_label (BjbMessagesPage *self)
{
  g_autofree char *text = bjb_records_page_status (self->list_model, NULL,
                                                   _("Loading messages…"),
                                                   _("No messages match."));

  gtk_label_set_text (self->status_label, text);
}

static void
on_filter_changed (BjbMessagesPage *self)
{
  g_object_set (self->query,
                "statuses", choice (self->status_dropdown, statuses, G_N_ELEMENTS (statuses)),
                "channel", choice (self->channel_dropdown, channels, G_N_ELEMENTS (channels)),
                "kind", choice (self->kind_dropdown, kinds, G_N_ELEMENTS (kinds)),
                NULL);
}

/* The query's customer-id filter is the id as text (NULL: any customer). */
static void
customer_filtered_cb (gpointer user_data,
                      gint64   customer_id)
{
  g_autofree char *id = customer_id != 0 ? bjb_ops_int_param (customer_id) : NULL;

  g_object_set (BJB_MESSAGES_PAGE (user_data)->query, "customer-id", id, NULL);
}

static void
on_customer_changed (BjbMessagesPage *self)
{
  bjb_customer_filter_lookup (self->connection, GTK_EDITABLE (self->customer_entry),
                              self->status_label, &self->customer_cancellable,
                              customer_filtered_cb, self);
}

static void
on_selection_changed (BjbMessagesPage *self)
{
  BjbValueRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row != NULL && bjb_paged_row_get_placeholder (BJB_PAGED_ROW (row)))
    return;
  bjb_message_detail_show (self->detail, row != NULL ? bjb_value_row_get_int64 (row, BJB_OUTBOX_ROW_ID) : 0);
}

/* The badge on this page's entry of the window's stack (its sidebar or switcher). */
static void
show_attention (BjbMessagesPage *self)
{
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_VIEW_STACK);
  AdwViewStackPage *page = NULL;

  if (stack != NULL)
    page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), GTK_WIDGET (self));
  if (page == NULL)
    return;
  adw_view_stack_page_set_badge_number (page, (guint) MAX (self->attention, 0));
  adw_view_stack_page_set_needs_attention (page, self->attention > 0);
}

static void
on_counts (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  BjbMessagesPage *self = user_data;
  g_autoptr(GError) error = NULL;
  BjbMessageCounts counts;

  if (!bjb_message_ops_counts_finish (result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("message counts: %s", error->message);
      return;
    }
  self->attention = counts.failed + counts.uncertain;
  show_attention (self);
}

static void
read_counts (BjbMessagesPage *self)
{
  if (self->connection == NULL)
    return;
  bjb_message_ops_counts_async (self->connection,
                                bjb_ops_restart_cancellable (&self->counts_cancellable, NULL),
                                on_counts, self);
}

/* The list and the one shown beside it, in place (selection and scroll stay). */
static void
refresh (BjbMessagesPage *self)
{
  read_counts (self);
  bjb_paged_query_model_refresh (self->list_model);
  bjb_message_detail_show (self->detail, bjb_message_detail_get_message_id (self->detail));
}

static gboolean
poll (gpointer user_data)
{
  BjbMessagesPage *self = user_data;

  /* The count always (it is on the sidebar); the list only while it can be seen. */
  read_counts (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    bjb_paged_query_model_refresh (self->list_model);
  return G_SOURCE_CONTINUE;
}

static void
restart_poll (BjbMessagesPage *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->connection != NULL && self->poll_seconds > 0)
    self->poll_id = g_timeout_add_seconds (self->poll_seconds, poll, self);
}

static void
on_resent (BjbMessagesPage *self)
{
  read_counts (self);
  bjb_paged_query_model_refresh (self->list_model);
}

/* BjbPage */

static void
bjb_messages_page_set_session (BjbPage    *page,
                               BjbSession *session)
{
  BjbMessagesPage *self = BJB_MESSAGES_PAGE (page);
  BjbConnection *connection = session != NULL ? bjb_session_get_connection (session) : NULL;

  if (!g_set_object (&self->connection, connection))
    return;
  g_cancellable_cancel (self->counts_cancellable);
  g_cancellable_cancel (self->customer_cancellable);
  bjb_records_query_set_connection (BJB_RECORDS_QUERY (self->query), connection);
  bjb_message_detail_set_connection (self->detail, connection);
  bjb_message_templates_set_connection (self->templates, connection);
  self->attention = -1;
  read_counts (self);
  restart_poll (self);
}

static void
bjb_messages_page_refresh (BjbPage *page)
{
  refresh (BJB_MESSAGES_PAGE (page));
}

/* Orders, products and birthdays queue messages in the same transaction as their event. */
static void
bjb_messages_page_event_received (BjbPage  *page,
                                  BjbEvent *event)
{
  refresh (BJB_MESSAGES_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_messages_page_set_session;
  iface->refresh = bjb_messages_page_refresh;
  iface->event_received = bjb_messages_page_event_received;
}

/* GObject */

static void
bjb_messages_page_dispose (GObject *object)
{
  BjbMessagesPage *self = BJB_MESSAGES_PAGE (object);

  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_cancellable_cancel (self->counts_cancellable);
  g_cancellable_cancel (self->customer_cancellable);
  g_clear_object (&self->connection);
  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_MESSAGES_PAGE);

  G_OBJECT_CLASS (bjb_messages_page_parent_class)->dispose (object);
}

static void
bjb_messages_page_finalize (GObject *object)
{
  BjbMessagesPage *self = BJB_MESSAGES_PAGE (object);

  g_clear_object (&self->counts_cancellable);
  g_clear_object (&self->customer_cancellable);

  G_OBJECT_CLASS (bjb_messages_page_parent_class)->finalize (object);
}

static void
bjb_messages_page_class_init (BjbMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_messages_page_dispose;
  object_class->finalize = bjb_messages_page_finalize;
  object_class->get_property = bjb_field_props_get_property;
  object_class->set_property = bjb_field_props_set_property;

  /* How often the worker's changes are looked for; 0: only on events and F5. */
  BJB_FIELD_PROP (BjbMessagesPage, PROP_POLL_SECONDS, poll_seconds,
                  g_param_spec_uint ("poll-seconds", NULL, NULL, 0, 3600, 5,
                                     G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                     G_PARAM_STATIC_STRINGS));

  g_type_ensure (BJB_TYPE_MESSAGE_DETAIL);
  g_type_ensure (BJB_TYPE_MESSAGE_TEMPLATES);
  g_type_ensure (BJB_TYPE_OUTBOX_QUERY);
  g_type_ensure (BJB_TYPE_OUTBOX_ROW);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-messages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, customer_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, BjbMessagesPage, templates);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_resent);
  gtk_widget_class_bind_template_callback (widget_class, update_status_label);

  gtk_widget_class_install_action (widget_class, "messages.refresh", NULL, bjb_page_refresh_action);
}

static void
bjb_messages_page_init (BjbMessagesPage *self)
{
  self->poll_seconds = 5;
  self->attention = -1;
  /* Notified only when it changed (bjb-field-props). */
  g_signal_connect (self, "notify::poll-seconds", G_CALLBACK (restart_poll), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  update_status_label (self);
}

gint64
bjb_messages_page_get_attention (BjbMessagesPage *self)
{
  g_return_val_if_fail (BJB_IS_MESSAGES_PAGE (self), -1);
  return self->attention;
}
