/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-settings-page"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "bjb-connected.h"
#include "bjb-error-sentence.h"
#include "bjb-form-fields.h"
#include "bjb-money.h"
#include "bjb-ops-query.h"
#include "bjb-page.h"
#include "bjb-people.h"
#include "bjb-phone.h"
#include "bjb-settings-ops.h"
#include "bjb-settings-page.h"
#include "bjb-widgets.h"

typedef enum
{
  KIND_MONEY,     /* whole rupiah */
  KIND_INT,       /* a whole number between min and max */
  KIND_BOOL,
  KIND_TEXT,      /* 1–300 characters */
  KIND_PHONE,
  KIND_ACCOUNTS,  /* 1–5 strings of at most 100 characters, typed separated by ";" */
} Kind;

/* The limits of bjb.set_setting (0007), so a wrong value is explained before it is sent.
 * KIND_INT limits fit an int (they are said in a sentence with %d). */
static const struct
{
  const char *key;
  Kind kind;
  gint64 min, max;
} fields[] = {
  { "loyalty_threshold", KIND_MONEY, 0, G_GINT64_CONSTANT (1000000000000) },
  { "birthday_cart_min", KIND_MONEY, 0, G_GINT64_CONSTANT (1000000000000) },
  { "birthday_percent", KIND_INT, 1, 100 },
  { "payment_window", KIND_INT, 1, 720 },
  { "low_stock_threshold", KIND_INT, 0, 1000000 },
  { "require_second_confirmer", KIND_BOOL, 0, 0 },
  { "business_name", KIND_TEXT, 1, 300 },
  { "business_address", KIND_TEXT, 1, 300 },
  { "business_phone", KIND_PHONE, 0, 0 },
  { "bank_accounts", KIND_ACCOUNTS, 1, 5 },
};

#define N_FIELDS G_N_ELEMENTS (fields)

struct _BjbSettingsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget *content;
  GtkLabel *status_label;
  GtkWidget *rows[N_FIELDS];
  GtkWidget *error_rows[N_FIELDS];
  GtkLabel *error_labels[N_FIELDS];
  GtkSwitch *require_second_confirmer_switch;

  /* Owned */
  BjbConnection *connection;
  GCancellable *cancellable;
  char *loaded[N_FIELDS];     /* the text each row showed when last read from the server */
  guint busy;                 /* requests in flight */
  gboolean syncing;           /* setting the switch from the server, not the admin */
};

static void page_iface_init (BjbPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbSettingsPage, bjb_settings_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGE, page_iface_init))

static int
field_index (const char *key)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      return (int) i;
  return -1;
}

static void
set_error (BjbSettingsPage *self,
           guint            i,
           const char      *sentence)
{
  bjb_form_mark_field (self->rows[i], self->error_rows[i], self->error_labels[i], sentence);
}

static void
set_status (BjbSettingsPage *self,
            const char      *text)
{
  gtk_label_set_text (self->status_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
}

/* The value as the row shows it: rupiah grouped, accounts joined by "; ". */
static char *
value_text (guint     i,
            JsonNode *value)
{
  if (value == NULL)
    return g_strdup ("");
  switch (fields[i].kind)
    {
    case KIND_MONEY:
      return bjb_money_format_plain (json_node_get_int (value));
    case KIND_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
    case KIND_BOOL:
      return g_strdup (json_node_get_boolean (value) ? "true" : "false");
    case KIND_TEXT:
    case KIND_PHONE:
      return g_strdup (JSON_NODE_HOLDS_VALUE (value) ? json_node_get_string (value) : "");
    case KIND_ACCOUNTS:
      {
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_auto(GStrv) accounts = NULL;

        if (JSON_NODE_HOLDS_ARRAY (value))
          for (guint n = 0; n < json_array_get_length (json_node_get_array (value)); n++)
            g_strv_builder_add (builder, json_array_get_string_element (json_node_get_array (value), n));
        accounts = g_strv_builder_end (builder);
        return g_strjoinv ("; ", accounts);
      }
    default:
      g_assert_not_reached ();
    }
}

static void
show_value (BjbSettingsPage *self,
            guint            i,
            const char      *text)
{
  g_free (self->loaded[i]);
  self->loaded[i] = g_strdup (text);
  if (fields[i].kind == KIND_BOOL)
    {
      self->syncing = TRUE;
      gtk_switch_set_active (self->require_second_confirmer_switch, g_str_equal (text, "true"));
      self->syncing = FALSE;
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), text);
}

/* Turns what the admin typed into the JSON set_setting takes, or says what is wrong. */
static JsonNode *
parse_field (BjbSettingsPage  *self,
             guint             i,
             char            **reason)
{
  g_autofree char *text = NULL;
  gint64 number = 0;

  if (fields[i].kind == KIND_BOOL)
    return json_node_init_boolean (json_node_alloc (),
                                   gtk_switch_get_active (self->require_second_confirmer_switch));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i]))));
  switch (fields[i].kind)
    {
    case KIND_MONEY:
      if (!bjb_money_parse (text, &number, NULL) || number < fields[i].min || number > fields[i].max)
        {
          *reason = g_strdup (_("Type a whole amount of rupiah, such as 5.000.000."));
          return NULL;
        }
      return json_node_init_int (json_node_alloc (), number);
    case KIND_INT:
      {
        char *end = NULL;

        number = g_ascii_strtoll (text, &end, 10);
        if (*text == '\0' || end == text || *end != '\0')
          {
            *reason = g_strdup_printf (_("Type a whole number from %d to %d."),
                                       (int) fields[i].min, (int) fields[i].max);
            return NULL;
          }
        if (number < fields[i].min || number > fields[i].max)
          {
            *reason = g_strdup_printf (_("The number must be from %d to %d."),
                                       (int) fields[i].min, (int) fields[i].max);
            return NULL;
          }
        return json_node_init_int (json_node_alloc (), number);
      }
    case KIND_TEXT:
      if (*text == '\0' || g_utf8_strlen (text, -1) > fields[i].max)
        {
          *reason = g_strdup (_("Type a text of at most 300 characters."));
          return NULL;
        }
      return json_node_init_string (json_node_alloc (), text);
    case KIND_PHONE:
      {
        g_autoptr(GError) error = NULL;
        g_autofree char *phone = bjb_phone_normalize (text, &error);

        if (phone == NULL)
          {
            *reason = g_strdup (_("Type a phone number such as 0274 123456 or +62 812 3456 7890."));
            return NULL;
          }
        return json_node_init_string (json_node_alloc (), phone);
      }
    case KIND_ACCOUNTS:
      {
        g_auto(GStrv) parts = g_strsplit (text, ";", -1);
        g_autoptr(JsonArray) accounts = json_array_new ();

        for (guint n = 0; parts[n] != NULL; n++)
          {
            g_strstrip (parts[n]);
            if (*parts[n] == '\0')
              continue;
            if (g_utf8_strlen (parts[n], -1) > 100)
              {
                *reason = g_strdup (_("Each bank account can be at most 100 characters."));
                return NULL;
              }
            json_array_add_string_element (accounts, parts[n]);
          }
        if (json_array_get_length (accounts) < 1 || json_array_get_length (accounts) > 5)
          {
            *reason = g_strdup (_("Type one to five bank accounts, separated by “;”."));
            return NULL;
          }
        return json_node_init_array (json_node_alloc (), accounts);
      }
    case KIND_BOOL:
    default:
      g_assert_not_reached ();
    }
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(BjbSettingsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) settings = bjb_settings_ops_list_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy--;
  if (settings == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);
      g_autofree char *text = g_strdup_printf (_("The settings could not be read: %s"), sentence);

      g_debug ("list_settings: %s", error->message);
      set_status (self, text);
      return;
    }
  for (guint n = 0; n < settings->len; n++)
    {
      BjbSetting *setting = g_ptr_array_index (settings, n);
      int i = field_index (setting->key);
      g_autofree char *text = NULL;
      g_autofree char *shown = NULL;

      if (i < 0)
        continue;
      text = value_text ((guint) i, setting->value);
      /* A row the admin is changing keeps what they typed; the others follow the server. */
      if (fields[i].kind != KIND_BOOL)
        shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[i])));
      if (self->loaded[i] == NULL || shown == NULL || g_strcmp0 (shown, self->loaded[i]) == 0)
        show_value (self, (guint) i, text);
    }
}

void
bjb_settings_page_refresh (BjbSettingsPage *self)
{
  g_return_if_fail (BJB_IS_SETTINGS_PAGE (self));

  if (self->connection == NULL)
    return;
  self->busy++;
  bjb_settings_ops_list_async (self->connection, self->cancellable, list_cb, g_object_ref (self));
}

typedef struct
{
  BjbSettingsPage *self;
  guint index;
  char *text;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_object_unref (data->self);
  g_free (data->text);
  g_free (data);
}

static void
set_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  SaveData *data = user_data;
  BjbSettingsPage *self = data->self;
  g_autoptr(GError) error = NULL;

  if (!bjb_settings_ops_set_finish (result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      save_data_free (data);
      return;
    }
  self->busy--;
  if (error != NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);
      g_autofree char *text = g_strdup_printf (_("Not saved: %s"), sentence);

      g_debug ("set_setting %s: %s", fields[data->index].key, error->message);
      set_error (self, data->index, text);
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;

      g_object_get (self->rows[data->index], "title", &title, NULL);
      text = g_strdup_printf (_("Saved: %s."), title);
      set_status (self, text);
      /* The value as stored (a phone as +62…), and untouched rows as they are now. */
      if (fields[data->index].kind == KIND_BOOL)
        show_value (self, data->index, data->text);
      else
        g_clear_pointer (&self->loaded[data->index], g_free);
      bjb_settings_page_refresh (self);
    }
  save_data_free (data);
}

static void
apply (BjbSettingsPage *self,
       guint            i)
{
  g_autofree char *reason = NULL;
  g_autoptr(JsonNode) value = NULL;
  SaveData *data;

  if (self->connection == NULL)
    return;
  set_status (self, NULL);
  value = parse_field (self, i, &reason);
  set_error (self, i, reason);
  if (value == NULL)
    {
      if (fields[i].kind != KIND_BOOL)
        gtk_widget_grab_focus (self->rows[i]);
      return;
    }
  data = g_new0 (SaveData, 1);
  data->self = g_object_ref (self);
  data->index = i;
  data->text = fields[i].kind == KIND_BOOL ? value_text (i, value) : NULL;
  self->busy++;
  bjb_settings_ops_set_async (self->connection, fields[i].key, value, self->cancellable,
                              set_cb, data);
}

static void
row_apply_cb (GtkWidget       *row,
              BjbSettingsPage *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->rows[i] == row)
      apply (self, i);
}

static void
switch_changed_cb (BjbSettingsPage *self)
{
  if (!self->syncing)
    apply (self, (guint) field_index ("require_second_confirmer"));
}

static void
settings_apply_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  int i = field_index (g_variant_get_string (parameter, NULL));

  if (i >= 0)
    apply (BJB_SETTINGS_PAGE (widget), (guint) i);
}

/* BjbPage */

static void
bjb_settings_page_page_refresh (BjbPage *page)
{
  bjb_settings_page_refresh (BJB_SETTINGS_PAGE (page));
}

static void
page_iface_init (BjbPageInterface *iface)
{
  iface->set_session = bjb_page_set_session_connection;
  iface->refresh = bjb_settings_page_page_refresh;
  /* No event says a setting changed: the page reads them again whenever it is shown. */
}

/* GObject */

static void
bjb_settings_page_dispose (GObject *object)
{
  BjbSettingsPage *self = (BjbSettingsPage *)object;

  bjb_connected_dispose (self, BJB_TYPE_SETTINGS_PAGE, &self->cancellable);

  G_OBJECT_CLASS (bjb_settings_page_parent_class)->dispose (object);
}

static void
bjb_settings_page_finalize (GObject *object)
{
  BjbSettingsPage *self = (BjbSettingsPage *)object;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (self->loaded[i]);

  G_OBJECT_CLASS (bjb_settings_page_parent_class)->finalize (object);
}

static void
bjb_settings_page_class_init (BjbSettingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_settings_page_dispose;
  object_class->finalize = bjb_settings_page_finalize;

  bjb_connected_class_install (object_class, G_STRUCT_OFFSET (BjbSettingsPage, connection),
                               (BjbConnectedSetter) bjb_settings_page_set_connection);

  bjb_people_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/people/bjb-settings-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_bind_template_child (widget_class, BjbSettingsPage, content);
  gtk_widget_class_bind_template_child (widget_class, BjbSettingsPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbSettingsPage, require_second_confirmer_switch);
  /* Each setting's row, error row and error label, named after its key. */
  {
    const char *keys[N_FIELDS];

    for (guint i = 0; i < N_FIELDS; i++)
      keys[i] = fields[i].key;
    bjb_form_bind_rows (widget_class, keys, N_FIELDS, N_FIELDS,
                        G_STRUCT_OFFSET (BjbSettingsPage, rows),
                        G_STRUCT_OFFSET (BjbSettingsPage, error_rows),
                        G_STRUCT_OFFSET (BjbSettingsPage, error_labels));
  }
  gtk_widget_class_bind_template_callback (widget_class, row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, switch_changed_cb);

  gtk_widget_class_install_action (widget_class, "settings.apply", "s", settings_apply_action);
  gtk_widget_class_install_action (widget_class, "settings.refresh", NULL, bjb_page_refresh_action);
}

static void
bjb_settings_page_init (BjbSettingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_people_ensure_style (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  /* Shown again: somebody may have changed a setting meanwhile. */
  g_signal_connect (self, "map", G_CALLBACK (bjb_settings_page_refresh), NULL);
}

GtkWidget *
bjb_settings_page_new (void)
{
  return g_object_new (BJB_TYPE_SETTINGS_PAGE, NULL);
}

void
bjb_settings_page_set_connection (BjbSettingsPage *self,
                                  BjbConnection   *connection)
{
  g_return_if_fail (BJB_IS_SETTINGS_PAGE (self));

  if (!bjb_connected_store (self, connection, &self->cancellable))
    return;
  self->busy = 0;
  bjb_settings_page_refresh (self);
}

GtkWidget *
bjb_settings_page_get_field (BjbSettingsPage *self,
                             const char      *key)
{
  int i;

  g_return_val_if_fail (BJB_IS_SETTINGS_PAGE (self), NULL);
  i = field_index (key);
  g_return_val_if_fail (i >= 0, NULL);
  return fields[i].kind == KIND_BOOL ? GTK_WIDGET (self->require_second_confirmer_switch)
                                     : self->rows[i];
}

const char *
bjb_settings_page_get_error (BjbSettingsPage *self,
                             const char      *key)
{
  int i;

  g_return_val_if_fail (BJB_IS_SETTINGS_PAGE (self), NULL);
  i = field_index (key);
  g_return_val_if_fail (i >= 0, NULL);
  return bjb_form_shown_error (self->error_rows[i], self->error_labels[i]);
}

gboolean
bjb_settings_page_get_busy (BjbSettingsPage *self)
{
  g_return_val_if_fail (BJB_IS_SETTINGS_PAGE (self), FALSE);
  return self->busy > 0;
}
