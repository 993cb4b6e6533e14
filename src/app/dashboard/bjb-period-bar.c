/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-period-bar"

#include "config.h"

#include "bjb-dashboard-format.h"
#include "bjb-date-entry.h"
#include "bjb-period-bar.h"

struct _BjbPeriodBar
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkDropDown *preset_dropdown;
  GtkEntry    *from_entry;
  GtkEntry    *to_entry;

  /* Owned */
  gboolean     filling;   /* the page or the bar is writing the widgets, not the admin */
};

G_DEFINE_FINAL_TYPE (BjbPeriodBar, bjb_period_bar, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PRESETS,
  PROP_PRESETS_TOOLTIP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static guint
custom_preset (BjbPeriodBar *self)
{
  GListModel *presets = gtk_drop_down_get_model (self->preset_dropdown);
  guint n = presets != NULL ? g_list_model_get_n_items (presets) : 0;

  return n > 0 ? n - 1 : 0;
}

static void
on_preset_selected (BjbPeriodBar *self)
{
  if (!self->filling)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_dates_entered (BjbPeriodBar *self)
{
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->preset_dropdown, custom_preset (self));
  self->filling = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* GObject */

static void
bjb_period_bar_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbPeriodBar *self = BJB_PERIOD_BAR (object);

  switch (prop_id)
    {
    case PROP_PRESETS:
      g_value_set_object (value, gtk_drop_down_get_model (self->preset_dropdown));
      break;
    case PROP_PRESETS_TOOLTIP:
      g_value_set_string (value, gtk_widget_get_tooltip_text (GTK_WIDGET (self->preset_dropdown)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_period_bar_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BjbPeriodBar *self = BJB_PERIOD_BAR (object);

  switch (prop_id)
    {
    case PROP_PRESETS:
      self->filling = TRUE;
      gtk_drop_down_set_model (self->preset_dropdown, g_value_get_object (value));
      self->filling = FALSE;
      break;
    case PROP_PRESETS_TOOLTIP:
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->preset_dropdown), g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_period_bar_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_PERIOD_BAR);

  G_OBJECT_CLASS (bjb_period_bar_parent_class)->dispose (object);
}

static void
bjb_period_bar_class_init (BjbPeriodBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bjb_period_bar_get_property;
  object_class->set_property = bjb_period_bar_set_property;
  object_class->dispose = bjb_period_bar_dispose;

  properties[PROP_PRESETS] =
    g_param_spec_object ("presets", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESETS_TOOLTIP] =
    g_param_spec_string ("presets-tooltip", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_dashboard_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/dashboard/bjb-period-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbPeriodBar, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BjbPeriodBar, from_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbPeriodBar, to_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_entered);
}

static void
bjb_period_bar_init (BjbPeriodBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
bjb_period_bar_get_preset (BjbPeriodBar *self)
{
  g_return_val_if_fail (BJB_IS_PERIOD_BAR (self), 0);
  return gtk_drop_down_get_selected (self->preset_dropdown);
}

gboolean
bjb_period_bar_is_custom (BjbPeriodBar *self)
{
  g_return_val_if_fail (BJB_IS_PERIOD_BAR (self), FALSE);
  return bjb_period_bar_get_preset (self) == custom_preset (self);
}

gboolean
bjb_period_bar_get_dates (BjbPeriodBar *self,
                          GDate        *from,
                          GDate        *to,
                          gboolean      empty_ok)
{
  gboolean from_ok, to_ok;

  g_return_val_if_fail (BJB_IS_PERIOD_BAR (self), FALSE);

  /* Both checked, so both are marked when both are wrong. */
  from_ok = bjb_date_entry_read (GTK_EDITABLE (self->from_entry), empty_ok, from);
  to_ok = bjb_date_entry_read (GTK_EDITABLE (self->to_entry), empty_ok, to);
  return from_ok && to_ok;
}

void
bjb_period_bar_show_dates (BjbPeriodBar *self,
                           const GDate  *from,
                           const GDate  *to)
{
  g_return_if_fail (BJB_IS_PERIOD_BAR (self));

  self->filling = TRUE;
  bjb_date_entry_show (GTK_EDITABLE (self->from_entry), from);
  bjb_date_entry_show (GTK_EDITABLE (self->to_entry), to);
  self->filling = FALSE;
}

void
bjb_period_bar_set (BjbPeriodBar *self,
                    guint         preset,
                    const char   *from,
                    const char   *to)
{
  g_return_if_fail (BJB_IS_PERIOD_BAR (self));

  self->filling = TRUE;
  if (from != NULL || to != NULL)
    {
      bjb_date_entry_show_text (GTK_EDITABLE (self->from_entry), from);
      bjb_date_entry_show_text (GTK_EDITABLE (self->to_entry), to);
    }
  gtk_drop_down_set_selected (self->preset_dropdown, preset);
  self->filling = FALSE;
}
