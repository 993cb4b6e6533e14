/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-date-field"

#include "config.h"

#include "bjb-date.h"
#include "bjb-date-field.h"
#include "bjb-records-format.h"

struct _BjbDateField
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkEntry      *entry;
  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar *calendar;

  gboolean     syncing;    /* the calendar is being set from the entry */
};

G_DEFINE_FINAL_TYPE (BjbDateField, bjb_date_field, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_PLACEHOLDER_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_entry_changed (BjbDateField *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

/* The calendar opens on the day typed, if any. */
static void
on_popover_show (BjbDateField *self)
{
  gboolean ok;
  g_autoptr(GDate) date = bjb_records_parse_date (bjb_date_field_get_text (self), &ok);
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL)
    return;
  day = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                               g_date_get_day (date), 0, 0, 0);
  /* select_day emits day-selected, which must not close the popover just opened. */
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing = FALSE;
}

static void
on_day_selected (BjbDateField *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *text = NULL;
  GDate date;

  if (self->syncing)
    return;
  day = gtk_calendar_get_date (self->calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  /* The text only: whether the range is right is the page's to mark, on this change. */
  text = bjb_date_format_dmy (&date);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_popover_popdown (self->popover);
}

static void
bjb_date_field_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_DATE_FIELD);

  G_OBJECT_CLASS (bjb_date_field_parent_class)->dispose (object);
}

static void
bjb_date_field_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbDateField *self = BJB_DATE_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, bjb_date_field_get_text (self));
      break;
    case PROP_PLACEHOLDER_TEXT:
      g_value_set_string (value, gtk_entry_get_placeholder_text (self->entry));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_date_field_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BjbDateField *self = BJB_DATE_FIELD (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      bjb_date_field_set_text (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER_TEXT:
      gtk_entry_set_placeholder_text (self->entry, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_date_field_class_init (BjbDateFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_date_field_dispose;
  object_class->get_property = bjb_date_field_get_property;
  object_class->set_property = bjb_date_field_set_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACEHOLDER_TEXT] =
    g_param_spec_string ("placeholder-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  bjb_records_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/records/bjb-date-field.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BjbDateField, entry);
  /* Every direct child is bound: dispose_template unparents only those. */
  gtk_widget_class_bind_template_child (widget_class, BjbDateField, button);
  gtk_widget_class_bind_template_child (widget_class, BjbDateField, popover);
  gtk_widget_class_bind_template_child (widget_class, BjbDateField, calendar);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, on_day_selected);
}

static void
bjb_date_field_init (BjbDateField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
bjb_date_field_get_text (BjbDateField *self)
{
  g_return_val_if_fail (BJB_IS_DATE_FIELD (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->entry));
}

void
bjb_date_field_set_text (BjbDateField *self,
                         const char   *text)
{
  g_return_if_fail (BJB_IS_DATE_FIELD (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text != NULL ? text : "");
}

void
bjb_date_field_set_invalid (BjbDateField *self,
                            gboolean      invalid)
{
  g_return_if_fail (BJB_IS_DATE_FIELD (self));
  if (invalid)
    gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
}
