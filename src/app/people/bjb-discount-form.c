/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-discount-form"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-customer-picker.h"
#include "bjb-date-entry.h"
#include "bjb-db-error.h"
#include "bjb-discount-check.h"
#include "bjb-discount-form.h"
#include "bjb-discount-ops.h"
#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-people.h"
#include "bjb-product-picker.h"
#include "bjb-widgets.h"

/* The combo rows' items, in the order of the .ui. */
static const char *const audiences[] = { "customer", "loyal" };
static const char *const scopes[] = { "single_product", "all_products", "cart_threshold" };

static const char *const field_names[] = {
  "name", "percent", "valid_until", "min_cart", "customer", "product"
};
enum { F_NAME, F_PERCENT, F_VALID_UNTIL, F_MIN_CART, F_CUSTOMER, F_PRODUCT, N_FIELDS };
/* The fields with an entry of their own. */
#define N_ENTRIES (F_MIN_CART + 1)

struct _BjbDiscountForm
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  AdwPreferencesGroup *rule_group;
  GtkWidget *rows[N_ENTRIES];
  GtkWidget *error_rows[N_FIELDS];
  GtkLabel *error_labels[N_FIELDS];
  GtkSwitch *active_switch;
  AdwComboRow *audience_row;
  AdwComboRow *scope_row;
  AdwActionRow *product_row;
  BjbCustomerPicker *customer_picker;
  BjbProductPicker *product_picker;
  GtkLabel *form_error;
  GtkLabel *status_label;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  gint64 rule_id;             /* 0: a new rule */
  int version;                /* the version the form began from */
  char *old_valid_until;      /* the edited rule's own last day, which may be past */
  gint64 product_id;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (BjbDiscountForm, bjb_discount_form, GTK_TYPE_WIDGET)

enum {
  SAVED,
  STALE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const BjbFormFields fields = {
  field_names, N_FIELDS, N_ENTRIES,
  G_STRUCT_OFFSET (BjbDiscountForm, rows), G_STRUCT_OFFSET (BjbDiscountForm, error_rows),
  G_STRUCT_OFFSET (BjbDiscountForm, error_labels), G_STRUCT_OFFSET (BjbDiscountForm, form_error),
};

static void
set_field_error (BjbDiscountForm *self,
                 const char      *field,
                 const char      *sentence)
{
  bjb_form_fields_set_error (self, &fields, field, sentence);
}

static void
set_busy (BjbDiscountForm *self,
          gboolean         busy)
{
  bjb_form_set_busy (GTK_WIDGET (self), &self->busy, busy, NULL, "discount-form.save", NULL);
}

static const char *
audience (BjbDiscountForm *self)
{
  return audiences[MIN (adw_combo_row_get_selected (self->audience_row), G_N_ELEMENTS (audiences) - 1)];
}

static const char *
scope (BjbDiscountForm *self)
{
  return scopes[MIN (adw_combo_row_get_selected (self->scope_row), G_N_ELEMENTS (scopes) - 1)];
}

/* Only the parts the chosen audience and scope use are shown. */
static void
update_visibility (BjbDiscountForm *self)
{
  gboolean one_customer = g_str_equal (audience (self), "customer");
  gboolean one_product = g_str_equal (scope (self), "single_product");
  gboolean min_cart = g_str_equal (scope (self), "cart_threshold");

  gtk_widget_set_visible (GTK_WIDGET (self->customer_picker), one_customer);
  gtk_widget_set_visible (GTK_WIDGET (self->product_row), one_product);
  gtk_widget_set_visible (GTK_WIDGET (self->product_picker), one_product);
  gtk_widget_set_visible (self->rows[F_MIN_CART], min_cart);
  if (!one_customer)
    set_field_error (self, "customer", NULL);
  if (!one_product)
    set_field_error (self, "product", NULL);
  if (!min_cart)
    set_field_error (self, "min_cart", NULL);
}

static void
choice_changed_cb (BjbDiscountForm *self)
{
  update_visibility (self);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
field_changed_cb (BjbDiscountForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
show_product (BjbDiscountForm *self,
              gint64           id,
              const char      *name)
{
  self->product_id = id;
  adw_action_row_set_subtitle (self->product_row,
                               id > 0 && name != NULL ? name : _("None chosen: double-click one below"));
  if (id > 0)
    set_field_error (self, "product", NULL);
}

static void
product_activated_cb (BjbDiscountForm *self,
                      BjbProductHit   *hit)
{
  show_product (self, bjb_product_hit_get_id (hit), bjb_product_hit_get_name (hit));
  field_changed_cb (self);
}

static const char *
text_of (BjbDiscountForm *self,
         guint            i)
{
  return gtk_editable_get_text (bjb_form_fields_entry (self, &fields, i));
}

static void
set_text (BjbDiscountForm *self,
          guint            i,
          const char      *text)
{
  gtk_editable_set_text (bjb_form_fields_entry (self, &fields, i), text != NULL ? text : "");
}

/* Saving */

/* BJ020: who saved the rule meanwhile and when, from the DETAIL the server sends. */
static char *
stale_sentence (BjbDiscountForm *self,
                const GError    *error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *detail = bjb_db_error_get_detail (error);
  JsonObject *current;
  const char *by;
  g_autoptr(GDateTime) at = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *when = NULL;

  if (detail == NULL || !json_parser_load_from_data (parser, detail, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bjb_error_sentence (error);
  current = json_node_get_object (json_parser_get_root (parser));
  /* Saving again replaces their version with what is typed here: the admin was told. */
  self->version = (int) json_object_get_int_member_with_default (current, "version", self->version);
  if (bjb_ui_speaks_server_language ())
    return bjb_error_sentence (error);
  by = json_object_get_string_member_with_default (current, "updated_by", "?");
  at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (current, "updated_at", ""),
                                     NULL);
  local = at != NULL ? g_date_time_to_local (at) : NULL;
  /* Translators: date and time of a notification, see g_date_time_format() */
  when = local != NULL ? g_date_time_format (local, _("%-d %B %Y, %H:%M")) : g_strdup ("?");
  return g_strdup_printf (_("%s changed this rule on %s, after you opened it."), by, when);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbDiscountForm) self = user_data;
  g_autoptr(GError) error = NULL;
  int version = 0;
  gint64 id = bjb_discount_ops_save_finish (result, &version, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);
  if (id == 0)
    {
      const char *field = bjb_discount_check_field_of_error (error);
      g_autofree char *sentence = NULL;
      g_autofree char *text = NULL;

      g_debug ("save_discount_rule: %s", error->message);
      if (g_strcmp0 (bjb_db_error_get_sqlstate (error), "BJ020") == 0)
        {
          sentence = stale_sentence (self, error);
          text = g_strdup_printf (_("Not saved: %s Your changes are still here: check the list, "
                                    "then press Save again to replace theirs."), sentence);
          g_signal_emit (self, signals[STALE], 0);
        }
      else
        {
          sentence = bjb_error_sentence (error);
          text = bjb_form_not_saved (error, sentence);
        }
      if (field != NULL)
        set_field_error (self, field, sentence);
      set_field_error (self, "form", text);
      return;
    }

  self->rule_id = id;
  self->version = version;
  adw_preferences_group_set_title (self->rule_group, _("Edit discount rule"));
  gtk_label_set_text (self->status_label, _("Saved."));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  g_signal_emit (self, signals[SAVED], 0, id);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbDiscountForm *self = BJB_DISCOUNT_FORM (widget);
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *valid_until = NULL;
  BjbDiscountRuleEdit edit = { 0 };
  gboolean valid = TRUE;

  if (self->busy || self->connection == NULL)
    return;
  bjb_form_fields_clear (self, &fields);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);

  edit.id = self->rule_id;
  edit.version = self->version;
  edit.audience = audience (self);
  edit.scope = scope (self);
  edit.active = gtk_switch_get_active (self->active_switch);
  edit.min_cart_total = -1;

  name = g_strstrip (g_strdup (text_of (self, F_NAME)));
  if (*name == '\0' || g_utf8_strlen (name, -1) > 200)
    {
      set_field_error (self, "name", _("Give the rule a name, at most 200 characters."));
      valid = FALSE;
    }
  edit.name = name;
  if ((reason = bjb_discount_check_percent (text_of (self, F_PERCENT), &edit.percent)) != NULL)
    {
      set_field_error (self, "percent", reason);
      g_clear_pointer (&reason, g_free);
      valid = FALSE;
    }
  if ((reason = bjb_discount_check_valid_until (text_of (self, F_VALID_UNTIL), NULL,
                                                self->old_valid_until, &valid_until)) != NULL)
    {
      set_field_error (self, "valid_until", reason);
      g_clear_pointer (&reason, g_free);
      valid = FALSE;
    }
  edit.valid_until = valid_until;
  if (g_str_equal (edit.audience, "customer"))
    {
      edit.customer_id = bjb_customer_picker_get_customer_id (self->customer_picker);
      if (edit.customer_id <= 0)
        {
          set_field_error (self, "customer", _("Pick the customer this rule is for."));
          valid = FALSE;
        }
    }
  if (g_str_equal (edit.scope, "single_product"))
    {
      edit.product_id = self->product_id;
      if (edit.product_id <= 0)
        {
          set_field_error (self, "product", _("Pick the product this rule is for."));
          valid = FALSE;
        }
    }
  if (g_str_equal (edit.scope, "cart_threshold") &&
      (reason = bjb_discount_check_min_cart (text_of (self, F_MIN_CART), &edit.min_cart_total)) != NULL)
    {
      set_field_error (self, "min_cart", reason);
      valid = FALSE;
    }
  if (!valid)
    {
      set_field_error (self, "form", _("Please correct the marked fields."));
      return;
    }

  set_busy (self, TRUE);
  bjb_discount_ops_save_async (self->connection, &edit, self->cancellable, save_cb,
                               g_object_ref (self));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  bjb_discount_form_start_new (BJB_DISCOUNT_FORM (widget));
}

/* GObject */

static void
bjb_discount_form_dispose (GObject *object)
{
  BjbDiscountForm *self = (BjbDiscountForm *)object;

  bjb_connected_dispose (self, BJB_TYPE_DISCOUNT_FORM, &self->cancellable);

  G_OBJECT_CLASS (bjb_discount_form_parent_class)->dispose (object);
}

static void
bjb_discount_form_finalize (GObject *object)
{
  BjbDiscountForm *self = (BjbDiscountForm *)object;

  g_free (self->old_valid_until);

  G_OBJECT_CLASS (bjb_discount_form_parent_class)->finalize (object);
}

static void
bjb_discount_form_class_init (BjbDiscountFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_discount_form_dispose;
  object_class->finalize = bjb_discount_form_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbDiscountForm, connection),
                               (BjbConnectedSetter) bjb_discount_form_set_connection);

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[STALE] = g_signal_new ("stale", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  bjb_people_ensure_resources ();
  g_type_ensure (BJB_TYPE_CUSTOMER_PICKER);
  g_type_ensure (BJB_TYPE_PRODUCT_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-discount-form.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, content);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, rule_group);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, active_switch);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, audience_row);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, scope_row);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, product_row);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, product_picker);
  gtk_widget_class_bind_template_child (widget_class, BjbDiscountForm, status_label);
  bjb_form_fields_bind (widget_class, &fields);
  gtk_widget_class_bind_template_callback (widget_class, choice_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, product_activated_cb);

  gtk_widget_class_install_action (widget_class, "discount-form.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "discount-form.clear", NULL, clear_action);
}

static void
bjb_discount_form_init (BjbDiscountForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  /* A side pane: the product's name before its category (the drop-down still narrows). */
  bjb_product_picker_set_show_category (self->product_picker, FALSE);
  self->cancellable = g_cancellable_new ();
  update_visibility (self);
}

void
bjb_discount_form_set_connection (BjbDiscountForm *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  set_busy (self, FALSE);
  bjb_customer_picker_set_connection (self->customer_picker, connection);
  bjb_product_picker_set_connection (self->product_picker, connection);
}

void
bjb_discount_form_start_new (BjbDiscountForm *self)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));

  self->rule_id = 0;
  self->version = 0;
  g_clear_pointer (&self->old_valid_until, g_free);
  for (guint i = 0; i < N_ENTRIES; i++)
    set_text (self, i, "");
  gtk_switch_set_active (self->active_switch, TRUE);
  adw_combo_row_set_selected (self->audience_row, 1);
  adw_combo_row_set_selected (self->scope_row, 1);
  bjb_customer_picker_set_customer (self->customer_picker, 0, NULL);
  show_product (self, 0, NULL);
  bjb_form_fields_clear (self, &fields);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  adw_preferences_group_set_title (self->rule_group, _("New discount rule"));
  update_visibility (self);
}

void
bjb_discount_form_load (BjbDiscountForm *self,
                        BjbDiscountRule *rule)
{
  g_autofree char *percent = NULL;
  g_autofree char *min_cart = NULL;

  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));
  g_return_if_fail (BJB_IS_DISCOUNT_RULE (rule));

  bjb_discount_form_start_new (self);
  self->rule_id = bjb_discount_rule_get_id (rule);
  self->version = bjb_discount_rule_get_version (rule);
  self->old_valid_until = g_strdup (bjb_discount_rule_get_valid_until (rule));
  percent = g_strdup_printf ("%d", bjb_discount_rule_get_percent (rule));
  if (bjb_discount_rule_get_min_cart_total (rule) >= 0)
    min_cart = bjb_money_format_plain (bjb_discount_rule_get_min_cart_total (rule));
  set_text (self, F_NAME, bjb_discount_rule_get_name (rule));
  set_text (self, F_PERCENT, percent);
  bjb_date_entry_show_text (bjb_form_fields_entry (self, &fields, F_VALID_UNTIL),
                            self->old_valid_until);
  set_text (self, F_MIN_CART, min_cart);
  gtk_switch_set_active (self->active_switch, bjb_discount_rule_get_active (rule));
  bjb_discount_form_set_audience (self, bjb_discount_rule_get_audience (rule));
  bjb_discount_form_set_scope (self, bjb_discount_rule_get_scope (rule));
  bjb_customer_picker_set_customer (self->customer_picker, bjb_discount_rule_get_customer_id (rule),
                                    bjb_discount_rule_get_customer_name (rule));
  show_product (self, bjb_discount_rule_get_product_id (rule),
                bjb_discount_rule_get_product_name (rule));
  adw_preferences_group_set_title (self->rule_group, _("Edit discount rule"));
}

gint64
bjb_discount_form_get_rule_id (BjbDiscountForm *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_FORM (self), 0);
  return self->rule_id;
}

GtkEditable *
bjb_discount_form_get_field (BjbDiscountForm *self,
                             const char      *field)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_FORM (self), NULL);
  return bjb_form_fields_lookup (self, &fields, field);
}

const char *
bjb_discount_form_get_error (BjbDiscountForm *self,
                             const char      *field)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_FORM (self), NULL);
  return bjb_form_fields_get_error (self, &fields, field);
}

void
bjb_discount_form_set_audience (BjbDiscountForm *self,
                                const char      *code)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (audiences); i++)
    if (g_strcmp0 (audiences[i], code) == 0)
      adw_combo_row_set_selected (self->audience_row, i);
}

void
bjb_discount_form_set_scope (BjbDiscountForm *self,
                             const char      *code)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));

  for (guint i = 0; i < G_N_ELEMENTS (scopes); i++)
    if (g_strcmp0 (scopes[i], code) == 0)
      adw_combo_row_set_selected (self->scope_row, i);
}

void
bjb_discount_form_set_customer (BjbDiscountForm *self,
                                gint64           id,
                                const char      *name)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));
  bjb_customer_picker_set_customer (self->customer_picker, id, name);
}

void
bjb_discount_form_set_product (BjbDiscountForm *self,
                               gint64           id,
                               const char      *name)
{
  g_return_if_fail (BJB_IS_DISCOUNT_FORM (self));
  show_product (self, id, name);
}

gboolean
bjb_discount_form_get_busy (BjbDiscountForm *self)
{
  g_return_val_if_fail (BJB_IS_DISCOUNT_FORM (self), FALSE);
  return self->busy;
}
