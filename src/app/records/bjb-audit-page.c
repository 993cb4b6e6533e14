/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-audit-entry.h"
#include "bjb-audit-page.h"
#include "bjb-audit-query.h"
#include "bjb-date-field.h"
#include "bjb-error-sentence.h"
#include "bjb-page.h"
#include "bjb-paged-query-model.h"
#include "bjb-records-format.h"
#include "bjb-records-page.h"
#include "bjb-shown-rows.h"

struct _BjbAuditPage
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkDropDown        *table_dropdown;
  GtkEntry           *actor_entry;
  BjbDateField       *from_field;
  BjbDateField       *to_field;
  GtkEntry           *row_entry;
  GtkColumnView      *view;
  BjbPagedQueryModel *list_model;
  BjbAuditQuery      *query;
  GtkLabel           *status_label;

  /* Owned */
  char *filter_error;          /* why the filters typed were not applied, or NULL */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbAuditPage, bjb_audit_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

/* In the order of the table dropdown's items ("All tables" first). */
static const char *const tables[] = {
  NULL, "product", "category", "product_photo", "discount_rule", "setting", "staff",
  "customer", "customer_preference", "sales_order", "order_line", "photo",
  "payment_proof_note", "delivery_attempt", "customer_message", "message_template",
};

static void
update_status_label (BjbAuditPage *self)
{
  g_autofree char *text = bjb_records_page_status (self->list_model, self->filter_error,
                                                   _("Loading the audit log…"),
                                                   _("No entries match."));

  gtk_label_set_text (self->status_label, text);
}

static void
on_filter_changed (BjbAuditPage *self)
{
  guint table = gtk_drop_down_get_selected (self->table_dropdown);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *actor = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->actor_entry))));
  g_autofree char *row = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row_entry))));

  g_clear_pointer (&self->filter_error, g_free);
  /* A range that cannot be read is not applied: the list keeps the last good one. */
  if (!bjb_records_page_date_range (self->from_field, self->to_field, TRUE, &from, &to,
                                    &self->filter_error))
    {
      update_status_label (self);
      return;
    }
  g_object_set (self->query,
                "table", table < G_N_ELEMENTS (tables) ? tables[table] : NULL,
                "actor", actor,
                "from", from,
                "to", to,
                "row", row,
                NULL);
  update_status_label (self);
}

/* BjbPage */

static void
bjb_audit_page_event_received (BjbPage  *page,
                               BjbEvent *event)
{
  bjb_records_page_refresh (page);
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_records_page_set_session;
  iface->refresh = bjb_records_page_refresh;
  iface->event_received = bjb_audit_page_event_received;
}

/* GObject */

static void
bjb_audit_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (bjb_audit_page_parent_class)->dispose (object);
}

static void
bjb_audit_page_finalize (GObject *object)
{
  g_free (BJB_AUDIT_PAGE (object)->filter_error);

  G_OBJECT_CLASS (bjb_audit_page_parent_class)->finalize (object);
}

static void
bjb_audit_page_class_init (BjbAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_audit_page_dispose;
  object_class->finalize = bjb_audit_page_finalize;

  g_type_ensure (BJB_TYPE_AUDIT_ENTRY);
  g_type_ensure (BJB_TYPE_AUDIT_QUERY);
  g_type_ensure (BJB_TYPE_DATE_FIELD);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  g_type_ensure (BJB_TYPE_SHOWN_ROWS);
  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, table_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, actor_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, from_field);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, to_field);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, row_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, view);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, list_model);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, query);
  gtk_widget_class_bind_template_child (widget_class, BjbAuditPage, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, update_status_label);

  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL, bjb_page_refresh_action);
}

static void
bjb_audit_page_init (BjbAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_status_label (self);
}
