/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer.h"
#include "bjb-customer-picker.h"
#include "bjb-customer-query.h"
#include "bjb-error-sentence.h"
#include "bjb-paged-query-model.h"
#include "bjb-widgets.h"

struct _BjbCustomerPicker
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkLabel           *picked_label;
  GtkLabel           *error_label;
  GtkListView        *results_view;
  GtkSingleSelection *selection;
  BjbPagedQueryModel *results;
  BjbCustomerQuery   *query;

  /* Owned */
  gint64 customer_id;
  char  *customer_name;
};

G_DEFINE_FINAL_TYPE (BjbCustomerPicker, bjb_customer_picker, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONNECTION,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  N_PROPS
};

enum {
  CUSTOMER_PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_pick (BjbCustomerPicker *self,
           gint64             id,
           const char        *name)
{
  gboolean changed = self->customer_id != id;

  self->customer_id = id;
  g_free (self->customer_name);
  self->customer_name = id > 0 ? g_strdup (name) : NULL;
  gtk_label_set_label (self->picked_label, self->customer_name ?: _("No customer picked yet"));
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
}

static void
pick (BjbCustomerPicker *self,
      BjbCustomer       *customer)
{
  if (customer == NULL || bjb_customer_get_placeholder (customer))
    return;
  if (bjb_customer_get_id (customer) == self->customer_id)
    return;
  show_pick (self, bjb_customer_get_id (customer), bjb_customer_get_name (customer));
  g_signal_emit (self, signals[CUSTOMER_PICKED], 0, self->customer_id);
}

/* Template callbacks */

static void
search_changed_cb (BjbCustomerPicker *self)
{
  bjb_customer_query_set_text (self->query,
                               gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* Enter in the search field picks the first match: typing a phone number and Enter is the
 * quickest way to the customer on the line. */
static void
search_activate_cb (BjbCustomerPicker *self)
{
  g_autoptr(BjbCustomer) first = g_list_model_get_item (G_LIST_MODEL (self->results), 0);

  pick (self, first);
}

/* Down from the search field goes into the results. */
static void
next_match_cb (BjbCustomerPicker *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->results_view));
}

static void
selection_changed_cb (BjbCustomerPicker *self)
{
  pick (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
activate_cb (BjbCustomerPicker *self,
             guint              position)
{
  g_autoptr(BjbCustomer) customer = g_list_model_get_item (G_LIST_MODEL (self->results), position);

  pick (self, customer);
}

static void
error_changed_cb (BjbCustomerPicker *self)
{
  const GError *error = bjb_paged_query_model_get_error (self->results);
  g_autofree char *sentence = error != NULL ? bjb_error_sentence (error) : NULL;

  bjb_widgets_show_label (self->error_label, sentence);
}

/* GObject */

static void
bjb_customer_picker_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), BJB_TYPE_CUSTOMER_PICKER);
  /* The box around everything is not a bound template child. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bjb_customer_picker_parent_class)->dispose (object);
}

static void
bjb_customer_picker_finalize (GObject *object)
{
  BjbCustomerPicker *self = BJB_CUSTOMER_PICKER (object);

  g_free (self->customer_name);

  G_OBJECT_CLASS (bjb_customer_picker_parent_class)->finalize (object);
}

static void
bjb_customer_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BjbCustomerPicker *self = BJB_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_object (value, bjb_customer_query_get_connection (self->query));
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_picker_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BjbCustomerPicker *self = BJB_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      bjb_customer_picker_set_connection (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_picker_class_init (BjbCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_customer_picker_dispose;
  object_class->finalize = bjb_customer_picker_finalize;
  object_class->get_property = bjb_customer_picker_get_property;
  object_class->set_property = bjb_customer_picker_set_property;

  properties[PROP_CONNECTION] = bjb_widgets_connection_property ();
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CUSTOMER_PICKED] = g_signal_new ("customer-picked", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (BJB_TYPE_CUSTOMER);
  g_type_ensure (BJB_TYPE_CUSTOMER_QUERY);
  g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
  bjb_widgets_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/widgets/bjb-customer-picker.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, picked_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, results_view);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, selection);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, results);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerPicker, query);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, error_changed_cb);
}

static void
bjb_customer_picker_init (BjbCustomerPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_pick (self, 0, NULL);
}

GtkWidget *
bjb_customer_picker_new (void)
{
  return g_object_new (BJB_TYPE_CUSTOMER_PICKER, NULL);
}

void
bjb_customer_picker_set_connection (BjbCustomerPicker *self,
                                    BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));

  if (bjb_customer_query_get_connection (self->query) == connection)
    return;
  bjb_customer_query_set_connection (self->query, connection);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

gint64
bjb_customer_picker_get_customer_id (BjbCustomerPicker *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_PICKER (self), 0);
  return self->customer_id;
}

const char *
bjb_customer_picker_get_customer_name (BjbCustomerPicker *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_PICKER (self), NULL);
  return self->customer_name;
}

void
bjb_customer_picker_set_customer (BjbCustomerPicker *self,
                                  gint64             id,
                                  const char        *name)
{
  g_return_if_fail (BJB_IS_CUSTOMER_PICKER (self));

  if (id <= 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
    }
  show_pick (self, MAX (id, 0), name);
}

GtkEditable *
bjb_customer_picker_get_search_entry (BjbCustomerPicker *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_PICKER (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkSelectionModel *
bjb_customer_picker_get_results (BjbCustomerPicker *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_PICKER (self), NULL);
  /* A cast, not the checking macro: GtkSingleSelection is one. */
  return (GtkSelectionModel *) self->selection;
}
