/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "bjb-connected.h"
#include "bjb-customer-detail.h"
#include "bjb-customer-ops.h"
#include "bjb-customer-order.h"
#include "bjb-customers-page.h"
#include "bjb-error-sentence.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"

#define HISTORY_LIMIT 50

struct _BjbCustomerDetail
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *name_label;
  GtkLabel *loyal_badge;
  GtkLabel *inactive_badge;
  GtkLabel *phone_label;
  GtkLabel *email_label;
  GtkLabel *address_label;
  GtkLabel *birthday_label;
  GtkLabel *created_label;
  GtkLabel *notes_label;
  GtkLabel *spend_label;
  GtkLevelBar *loyal_bar;
  GtkLabel *to_loyal_label;
  GtkLabel *top3_label;
  GtkLabel *preferences_label;
  GtkLabel *orders_summary_label;
  GListStore *orders_store;
  GtkLabel *feedback_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  gint64 customer_id;
  gboolean loyal;
  gboolean loaded;
};

G_DEFINE_FINAL_TYPE (BjbCustomerDetail, bjb_customer_detail, GTK_TYPE_WIDGET)

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_text (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text != NULL && *text != '\0' ? text : "—");
}

static gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_int (node) : 0;
}

static gboolean
member_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node);
}

/* Days until the next birthday, Jakarta calendar; a 29 February birthday is on 28 February
 * in other years (as the server's bjb.is_birthday). */
static int
days_to_birthday (GDate *birth)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) now = g_date_time_new_now (jakarta ?: g_time_zone_new_utc ());
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));

  for (int year = g_date_get_year (&today); year <= g_date_get_year (&today) + 1; year++)
    {
      GDate next;
      int day = g_date_get_day (birth);

      if (g_date_get_month (birth) == G_DATE_FEBRUARY && day == 29 && !g_date_is_leap_year (year))
        day = 28;
      g_date_clear (&next, 1);
      g_date_set_dmy (&next, day, g_date_get_month (birth), year);
      if (g_date_compare (&next, &today) >= 0)
        return g_date_days_between (&today, &next);
    }
  return -1;
}

static char *
birthday_text (const char *iso)
{
  GDate birth;
  char buf[64];
  int days;

  if (iso == NULL)
    return NULL;
  g_date_clear (&birth, 1);
  g_date_set_parse (&birth, iso);
  if (!g_date_valid (&birth))
    return g_strdup (iso);

  /* Translators: a birth date, see g_date_strftime() */
  g_date_strftime (buf, sizeof buf, _("%-d %B %Y"), &birth);
  days = days_to_birthday (&birth);
  if (days == 0)
    /* Translators: %s is the birth date */
    return g_strdup_printf (_("%s — birthday today!"), buf);
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — birthday in %d day",
                                         "%s — birthday in %d days", days),
                            buf, days);
  return g_strdup (buf);
}

static void
show_summary (BjbCustomerDetail *self,
              JsonObject        *summary)
{
  gint64 spend = member_int (summary, "total_spend");
  gint64 threshold = member_int (summary, "loyalty_threshold");
  gint64 to_loyal = member_int (summary, "to_loyal");
  g_autofree char *spend_text = bjb_money_format (spend);
  g_autoptr(GString) top3 = g_string_new (NULL);
  JsonArray *array;

  self->loyal = member_bool (summary, "loyal");
  gtk_widget_set_visible (GTK_WIDGET (self->loyal_badge), self->loyal);
  gtk_label_set_label (self->spend_label, spend_text);
  gtk_level_bar_set_value (self->loyal_bar,
                           threshold > 0 ? MIN (1.0, (double) spend / (double) threshold) : 1.0);
  if (self->loyal)
    gtk_label_set_label (self->to_loyal_label,
                         _("Loyal: loyalty discounts and the birthday discount on favourite products apply."));
  else
    {
      g_autofree char *missing = bjb_money_format (to_loyal);
      g_autofree char *limit = bjb_money_format (threshold);
      /* Translators: "Rp 1.500.000 more to become loyal (at Rp 5.000.000)" */
      g_autofree char *text = g_strdup_printf (_("%s more to become loyal (at %s)."), missing, limit);

      gtk_label_set_label (self->to_loyal_label, text);
    }

  array = summary != NULL && json_object_has_member (summary, "top3")
          ? json_object_get_array_member (summary, "top3") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *p = json_array_get_object_element (array, i);

      g_string_append_printf (top3, "%s%u. %s — %" G_GINT64_FORMAT " %s",
                              i > 0 ? "\n" : "", i + 1,
                              json_object_get_string_member (p, "name"),
                              member_int (p, "qty"),
                              json_object_get_string_member (p, "unit"));
    }
  if (top3->len == 0)
    g_string_append (top3, _("Nothing bought yet."));
  gtk_label_set_label (self->top3_label, top3->str);
}

static void
show_orders (BjbCustomerDetail *self,
             GListModel        *orders,
             gint64             order_count)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) feedback = g_string_new (NULL);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (orders); i++)
    {
      BjbCustomerOrder *order = g_list_model_get_item (orders, i);

      if (bjb_customer_order_get_feedback (order) != NULL)
        g_string_append_printf (feedback, "%s%s: “%s”", feedback->len > 0 ? "\n" : "",
                                bjb_customer_order_get_number (order),
                                bjb_customer_order_get_feedback (order));
      g_ptr_array_add (items, order);
    }
  g_list_store_splice (self->orders_store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->orders_store)),
                       items->pdata, items->len);

  if (order_count == 0)
    summary = g_strdup (_("No orders yet."));
  else if (order_count > items->len)
    summary = g_strdup_printf (_("The latest %u of %u orders."), items->len, (guint) order_count);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u order.", "%u orders.", (gulong) order_count),
                               (guint) order_count);
  gtk_label_set_label (self->orders_summary_label, summary);
  set_text (self->feedback_label, feedback->len > 0 ? feedback->str : _("No feedback yet."));
}

static void
card_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbCustomerDetail) self = user_data;
  g_autoptr(BjbCustomerCard) card = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *birthday = NULL;
  GDateTime *created;
  JsonObject *summary;

  card = bjb_customer_ops_get_card_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (card == NULL)
    {
      g_autofree char *sentence = error != NULL ? bjb_error_sentence (error) : NULL;

      adw_status_page_set_description (self->error_page,
                                       sentence != NULL ? sentence
                                                        : _("This customer no longer exists."));
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  gtk_label_set_label (self->name_label, bjb_customer_card_get_name (card));
  gtk_widget_set_visible (GTK_WIDGET (self->inactive_badge), !bjb_customer_card_get_active (card));
  set_text (self->phone_label, bjb_customer_card_get_phone (card));
  set_text (self->email_label, bjb_customer_card_get_email (card));
  set_text (self->address_label, bjb_customer_card_get_address (card));
  birthday = birthday_text (bjb_customer_card_get_birth_date (card));
  set_text (self->birthday_label, birthday);
  created = bjb_customer_card_get_created_at (card);
  if (created != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);
      /* Translators: see g_date_time_format() */
      g_autofree char *text = g_date_time_format (local, _("%-d %B %Y"));
      set_text (self->created_label, text);
    }
  set_text (self->notes_label, bjb_customer_card_get_notes (card));
  set_text (self->preferences_label, bjb_customer_card_get_preferences (card));

  summary = bjb_customer_card_get_summary (card);
  show_summary (self, summary);
  show_orders (self, bjb_customer_card_get_orders (card), member_int (summary, "order_count"));

  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "content");
  g_signal_emit (self, signals[LOADED], 0);
}

static void
start_load (BjbCustomerDetail *self,
            gboolean           keep_content)
{
  bjb_ops_restart_cancellable (&self->cancellable, NULL);

  if (self->connection == NULL || self->customer_id <= 0)
    return;

  if (!keep_content)
    {
      self->loaded = FALSE;
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  bjb_customer_ops_get_card_async (self->connection, self->customer_id, HISTORY_LIMIT,
                                   self->cancellable, card_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (BJB_CUSTOMER_DETAIL (widget), FALSE);
}

static void
bjb_customer_detail_dispose (GObject *object)
{
  BjbCustomerDetail *self = (BjbCustomerDetail *)object;

  bjb_connected_dispose (self, BJB_TYPE_CUSTOMER_DETAIL, &self->cancellable);

  G_OBJECT_CLASS (bjb_customer_detail_parent_class)->dispose (object);
}

static void
bjb_customer_detail_class_init (BjbCustomerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_customer_detail_dispose;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbCustomerDetail, connection),
                               (BjbConnectedSetter) bjb_customer_detail_set_connection);

  signals[LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_customers_ensure_resources ();
  g_type_ensure (BJB_TYPE_CUSTOMER_ORDER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/customers/bjb-customer-detail.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, spinner);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, error_page);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, loyal_badge);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, inactive_badge);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, phone_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, email_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, address_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, birthday_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, created_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, notes_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, spend_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, loyal_bar);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, to_loyal_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, top3_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, preferences_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, orders_summary_label);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, orders_store);
  gtk_widget_class_bind_template_child (widget_class, BjbCustomerDetail, feedback_label);

  gtk_widget_class_install_action (widget_class, "customer.reload", NULL, reload_action);
}

static void
bjb_customer_detail_init (BjbCustomerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

void
bjb_customer_detail_set_connection (BjbCustomerDetail *self,
                                    BjbConnection     *connection)
{
  g_return_if_fail (BJB_IS_CUSTOMER_DETAIL (self));
  bjb_connected_store (self, connection, NULL);
}

void
bjb_customer_detail_load (BjbCustomerDetail *self,
                          gint64             id)
{
  g_return_if_fail (BJB_IS_CUSTOMER_DETAIL (self));

  self->customer_id = id;
  start_load (self, FALSE);
}

void
bjb_customer_detail_reload (BjbCustomerDetail *self)
{
  g_return_if_fail (BJB_IS_CUSTOMER_DETAIL (self));

  /* Keep what is on screen (and its scroll position) until the new data is in. */
  start_load (self, self->loaded);
}

gint64
bjb_customer_detail_get_customer_id (BjbCustomerDetail *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_DETAIL (self), 0);
  return self->customer_id;
}

gboolean
bjb_customer_detail_get_loaded (BjbCustomerDetail *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_DETAIL (self), FALSE);
  return self->loaded;
}

const char *
bjb_customer_detail_get_text (BjbCustomerDetail *self,
                              const char        *part)
{
  static const struct { const char *part; gsize offset; } parts[] = {
    { "name", G_STRUCT_OFFSET (BjbCustomerDetail, name_label) },
    { "phone", G_STRUCT_OFFSET (BjbCustomerDetail, phone_label) },
    { "email", G_STRUCT_OFFSET (BjbCustomerDetail, email_label) },
    { "spend", G_STRUCT_OFFSET (BjbCustomerDetail, spend_label) },
    { "to-loyal", G_STRUCT_OFFSET (BjbCustomerDetail, to_loyal_label) },
    { "top3", G_STRUCT_OFFSET (BjbCustomerDetail, top3_label) },
    { "preferences", G_STRUCT_OFFSET (BjbCustomerDetail, preferences_label) },
    { "birthday", G_STRUCT_OFFSET (BjbCustomerDetail, birthday_label) },
    { "orders", G_STRUCT_OFFSET (BjbCustomerDetail, orders_summary_label) },
    { "feedback", G_STRUCT_OFFSET (BjbCustomerDetail, feedback_label) },
  };

  g_return_val_if_fail (BJB_IS_CUSTOMER_DETAIL (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (g_strcmp0 (parts[i].part, part) == 0)
      return gtk_label_get_label (G_STRUCT_MEMBER (GtkLabel *, self, parts[i].offset));
  g_return_val_if_reached (NULL);
}

gboolean
bjb_customer_detail_get_loyal (BjbCustomerDetail *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_DETAIL (self), FALSE);
  return self->loyal;
}

GListModel *
bjb_customer_detail_get_orders (BjbCustomerDetail *self)
{
  g_return_val_if_fail (BJB_IS_CUSTOMER_DETAIL (self), NULL);
  return G_LIST_MODEL (self->orders_store);
}
