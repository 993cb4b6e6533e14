/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-list-controller"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-error-sentence.h"
#include "bjb-field-props.h"
#include "bjb-list-controller-private.h"
#include "bjb-money.h"
#include "bjb-widgets.h"

/* A page's .ui declares the model and its shown rows beside the controller: ensuring the
 * controller's type is enough for the builder to know theirs. */
G_DEFINE_FINAL_TYPE_WITH_CODE (BjbListController, bjb_list_controller, G_TYPE_OBJECT,
                               g_type_ensure (BJB_TYPE_PAGED_QUERY_MODEL);
                               g_type_ensure (BJB_TYPE_SHOWN_ROWS))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_STORE,
  PROP_SHOWN_ROWS,
  PROP_SELECTION,
  PROP_VIEW,
  PROP_SCROLLER,
  PROP_SPINNER,
  PROP_COUNT_LABEL,
  PROP_ERROR_LABEL,
  PROP_SEARCH_ENTRY,
  N_OBJECT_PROPS,
  PROP_SELECTED_ID = N_OBJECT_PROPS,
  PROP_KEEP_PICKED,
  PROP_SEARCH_PROPERTY,
  PROP_KEY_PROPERTY,
  N_PROPS
};

enum {
  PICKED,
  ACTIVATED,
  CAN_LEAVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];

#define FIELD_FLAGS (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
static guint signals[N_SIGNALS];

/* The object properties: their field and what the controller listens to on them. */
static void model_set (BjbListController *self);
static void selection_set (BjbListController *self);
static void view_set (BjbListController *self);
static void bind_search (BjbListController *self);

static const struct
{
  const char *name;
  GType (*get_type) (void);
  gsize offset;
  void (*on_set) (BjbListController *self);
} object_props[N_OBJECT_PROPS] = {
  [PROP_MODEL] = { "model", bjb_paged_query_model_get_type,
                   G_STRUCT_OFFSET (BjbListController, model), model_set },
  [PROP_STORE] = { "store", g_list_store_get_type,
                   G_STRUCT_OFFSET (BjbListController, store), NULL },
  [PROP_SHOWN_ROWS] = { "shown-rows", bjb_shown_rows_get_type,
                        G_STRUCT_OFFSET (BjbListController, shown_rows), NULL },
  [PROP_SELECTION] = { "selection", gtk_single_selection_get_type,
                       G_STRUCT_OFFSET (BjbListController, selection), selection_set },
  [PROP_VIEW] = { "view", gtk_column_view_get_type,
                  G_STRUCT_OFFSET (BjbListController, view), view_set },
  [PROP_SCROLLER] = { "scroller", gtk_scrolled_window_get_type,
                      G_STRUCT_OFFSET (BjbListController, scroller), NULL },
  [PROP_SPINNER] = { "spinner", gtk_spinner_get_type,
                     G_STRUCT_OFFSET (BjbListController, spinner), NULL },
  [PROP_COUNT_LABEL] = { "count-label", gtk_label_get_type,
                         G_STRUCT_OFFSET (BjbListController, count_label), NULL },
  [PROP_ERROR_LABEL] = { "error-label", gtk_label_get_type,
                         G_STRUCT_OFFSET (BjbListController, error_label), NULL },
  [PROP_SEARCH_ENTRY] = { "search-entry", gtk_editable_get_type,
                          G_STRUCT_OFFSET (BjbListController, search_entry), bind_search },
};

static GObject **
object_field (BjbListController *self,
              guint              prop_id)
{
  return G_STRUCT_MEMBER_P (self, object_props[prop_id].offset);
}

/* The rows the selection shows: the model's, or the store's in the whole-list mode. */
static GListModel *
rows_of (BjbListController *self)
{
  return self->store != NULL ? G_LIST_MODEL (self->store) : G_LIST_MODEL (self->model);
}

/* A store has no placeholders. */
static gboolean
is_placeholder (BjbListController *self,
                gpointer           row)
{
  return row == NULL ||
         (self->store == NULL && bjb_paged_row_get_placeholder (BJB_PAGED_ROW (row)));
}

char *
_bjb_list_controller_fill_format (const char *format,
                                  const char *text)
{
  g_auto(GStrv) parts = g_strsplit (format, "%s", 2);

  return g_strjoinv (text, parts);
}

static void
update_count (BjbListController *self)
{
  gint64 n = bjb_paged_query_model_get_n_total (self->model);
  g_autofree char *digits = NULL;
  g_autofree char *text = NULL;

  /* Unknown while the new count is on its way: the old one stays until then. */
  if (n < 0 || self->count_label == NULL || self->count_format == NULL)
    return;
  digits = bjb_money_format_plain (self->count_cap > 0 ? MIN (n, self->count_cap) : n);
  text = _bjb_list_controller_fill_format (self->count_format ((gulong) n), digits);
  gtk_label_set_label (self->count_label, text);
}

static void
update_error (BjbListController *self)
{
  const GError *error = bjb_paged_query_model_get_error (self->model);
  g_autofree char *sentence = error != NULL ? bjb_error_sentence (error) : NULL;

  if (self->error_label != NULL)
    bjb_widgets_show_label (self->error_label, sentence);
}

void
bjb_list_controller_sync (BjbListController *self)
{
  guint position;

  g_return_if_fail (BJB_IS_LIST_CONTROLLER (self));

  if (self->store != NULL && self->selection != NULL)
    {
      _bjb_list_controller_store_sync (self);
      return;
    }
  if (self->model == NULL || self->selection == NULL)
    return;
  position = self->selected_id > 0 ? bjb_paged_query_model_find (self->model, self->selected_id)
                                   : G_MAXUINT;
  if (self->shown_rows != NULL)
    bjb_shown_rows_reveal (self->shown_rows, position);
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position != G_MAXUINT ? position : GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
update_spinner (BjbListController *self)
{
  if (self->spinner != NULL)
    gtk_spinner_set_spinning (self->spinner, bjb_paged_query_model_get_loading (self->model));
}

/* A new first page reuses the row objects in place, so the selection is put right when it
 * has come: the row shown beside the list still selected if the new rows have it. */
static void
loading_changed_cb (BjbListController *self)
{
  update_spinner (self);
  if (bjb_paged_query_model_get_loading (self->model))
    return;
  if (self->scroller != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  bjb_list_controller_sync (self);
}

static void
items_changed_cb (BjbListController *self)
{
  if (!self->keep_picked || self->selected_id == 0 || self->selection == NULL ||
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    return;
  if (bjb_paged_query_model_find (self->model, self->selected_id) != G_MAXUINT)
    bjb_list_controller_sync (self);
}

static void
model_set (BjbListController *self)
{
  bind_search (self);
  g_signal_connect_object (self->model, "notify::n-total", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::error", G_CALLBACK (update_error), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static gboolean
can_leave (BjbListController *self,
           gpointer           row)
{
  gboolean ok = TRUE;

  if (!g_signal_has_handler_pending (self, signals[CAN_LEAVE], 0, FALSE))
    return TRUE;
  g_signal_emit (self, signals[CAN_LEAVE], 0, row, &ok);
  return ok;
}

static void
selected_item_cb (BjbListController *self)
{
  gpointer row = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing || is_placeholder (self, row))
    return;
  /* What is typed beside the list, or on its way to the server, is never thrown away by a
   * click in the list: the selection goes back to the row it belongs to. */
  if (!can_leave (self, row))
    {
      bjb_list_controller_sync (self);
      return;
    }
  /* A store's rows are new objects after each read: only another row is picked. */
  if (self->store != NULL && !_bjb_list_controller_store_take (self, row))
    return;
  g_signal_emit (self, signals[PICKED], 0, row);
}

static void
selection_set (BjbListController *self)
{
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);
}

static void
activate_cb (BjbListController *self,
             guint              position)
{
  g_autoptr(GObject) row = g_list_model_get_item (rows_of (self), position);

  if (!is_placeholder (self, row))
    g_signal_emit (self, signals[ACTIVATED], 0, row);
}

static void
view_set (BjbListController *self)
{
  g_signal_connect_object (self->view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Once the entry, the property and the model's query are all known (the builder sets them in
 * any order); the binding lasts as long as the entry. */
static void
bind_search (BjbListController *self)
{
  BjbPagedQuery *query = self->model != NULL ? bjb_paged_query_model_get_query (self->model)
                                             : NULL;

  if (self->search_bound || self->search_entry == NULL || self->search_property == NULL ||
      query == NULL)
    return;
  self->search_bound = TRUE;
  bjb_widgets_bind_search (self->search_entry, G_OBJECT (query), self->search_property);
}

static void
set_object (BjbListController *self,
            guint              prop_id,
            GObject           *object)
{
  GObject **field = object_field (self, prop_id);

  if (*field == object)
    return;
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, self);
  g_set_object (field, object);
  if (object != NULL && object_props[prop_id].on_set != NULL)
    object_props[prop_id].on_set (self);
  /* The builder sets the properties in any order, the model may be loading already. */
  if (object != NULL && self->model != NULL)
    {
      update_spinner (self);
      update_count (self);
      update_error (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* GObject */

static void
bjb_list_controller_dispose (GObject *object)
{
  BjbListController *self = BJB_LIST_CONTROLLER (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  for (guint i = PROP_MODEL; i < N_OBJECT_PROPS; i++)
    set_object (self, i, NULL);

  G_OBJECT_CLASS (bjb_list_controller_parent_class)->dispose (object);
}

static void
bjb_list_controller_finalize (GObject *object)
{
  BjbListController *self = BJB_LIST_CONTROLLER (object);

  g_value_unset (&self->kept);
  g_free (self->load_error_format);
  g_free (self->load_error_shown);
  bjb_field_props_clear (object);

  G_OBJECT_CLASS (bjb_list_controller_parent_class)->finalize (object);
}

/* The object properties are set_object()'s; the others are fields (bjb-field-props). */
static void
bjb_list_controller_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  if (prop_id < N_OBJECT_PROPS)
    g_value_set_object (value, *object_field (BJB_LIST_CONTROLLER (object), prop_id));
  else
    bjb_field_props_get_property (object, prop_id, value, pspec);
}

static void
bjb_list_controller_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BjbListController *self = BJB_LIST_CONTROLLER (object);

  if (prop_id < N_OBJECT_PROPS)
    set_object (self, prop_id, g_value_get_object (value));
  else
    bjb_field_props_set_property (object, prop_id, value, pspec);
  /* Said once, in the .ui: a binding made stays. */
  if (prop_id == PROP_SEARCH_PROPERTY)
    bind_search (self);
}

static void
bjb_list_controller_class_init (BjbListControllerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_list_controller_dispose;
  object_class->finalize = bjb_list_controller_finalize;
  object_class->get_property = bjb_list_controller_get_property;
  object_class->set_property = bjb_list_controller_set_property;

  for (guint i = PROP_MODEL; i < N_OBJECT_PROPS; i++)
    properties[i] = g_param_spec_object (object_props[i].name, NULL, NULL,
                                         object_props[i].get_type (), FIELD_FLAGS);
  g_object_class_install_properties (object_class, N_OBJECT_PROPS, properties);
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0, FIELD_FLAGS);
  properties[PROP_KEEP_PICKED] = g_param_spec_boolean ("keep-picked", NULL, NULL, FALSE, FIELD_FLAGS);
  properties[PROP_SEARCH_PROPERTY] =
    g_param_spec_string ("search-property", NULL, NULL, NULL, FIELD_FLAGS);
  properties[PROP_KEY_PROPERTY] =
    g_param_spec_string ("key-property", NULL, NULL, NULL, FIELD_FLAGS);
  bjb_field_props_install (object_class, PROP_SELECTED_ID,
                           G_STRUCT_OFFSET (BjbListController, selected_id),
                           properties[PROP_SELECTED_ID]);
  bjb_field_props_install (object_class, PROP_KEEP_PICKED,
                           G_STRUCT_OFFSET (BjbListController, keep_picked),
                           properties[PROP_KEEP_PICKED]);
  bjb_field_props_install (object_class, PROP_SEARCH_PROPERTY,
                           G_STRUCT_OFFSET (BjbListController, search_property),
                           properties[PROP_SEARCH_PROPERTY]);
  bjb_field_props_install (object_class, PROP_KEY_PROPERTY,
                           G_STRUCT_OFFSET (BjbListController, key_property),
                           properties[PROP_KEY_PROPERTY]);

  /**
   * BjbListController::picked:
   * @row: the row the user selected (never a placeholder)
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * BjbListController::activated:
   * @row: the row activated in the view (never a placeholder)
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * BjbListController::can-leave:
   * @row: the row the user selected
   *
   * Returns: FALSE to keep what the page shows (the selection goes back to "selected-id")
   */
  signals[CAN_LEAVE] = g_signal_new ("can-leave", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, g_signal_accumulator_first_wins, NULL, NULL,
                                     G_TYPE_BOOLEAN, 1, G_TYPE_OBJECT);
  _bjb_list_controller_store_class_init (object_class);
}

static void
bjb_list_controller_init (BjbListController *self)
{
}

/**
 * bjb_list_controller_set_count_format:
 * @format: (nullable): the count label's format for a number of rows
 * @cap: the highest number the count label writes (0: any)
 */
void
bjb_list_controller_set_count_format (BjbListController  *self,
                                      BjbListCountFormat  format,
                                      gint64              cap)
{
  g_return_if_fail (BJB_IS_LIST_CONTROLLER (self));

  self->count_format = format;
  self->count_cap = cap;
  if (self->model != NULL)
    update_count (self);
}

gint64
bjb_list_controller_get_selected_id (BjbListController *self)
{
  g_return_val_if_fail (BJB_IS_LIST_CONTROLLER (self), 0);
  return self->selected_id;
}

void
bjb_list_controller_set_selected_id (BjbListController *self,
                                     gint64             id)
{
  g_return_if_fail (BJB_IS_LIST_CONTROLLER (self));

  bjb_field_props_set_int64 (self, properties[PROP_SELECTED_ID], id);
  /* In the whole-list mode the key of a row not read yet (a rule just saved). */
  if (self->store == NULL)
    return;
  g_value_unset (&self->kept);
  if (id == 0)
    return;
  g_value_init (&self->kept, G_TYPE_INT64);
  g_value_set_int64 (&self->kept, id);
}

void
bjb_list_controller_select_id (BjbListController *self,
                               gint64             id)
{
  bjb_list_controller_set_selected_id (self, id);
  bjb_list_controller_sync (self);
}

gpointer
bjb_list_controller_dup_row (BjbListController *self,
                             gint64             id)
{
  guint position;
  g_autoptr(GObject) row = NULL;

  g_return_val_if_fail (BJB_IS_LIST_CONTROLLER (self), NULL);

  if (self->model == NULL || id <= 0)
    return NULL;
  position = bjb_paged_query_model_find (self->model, id);
  if (position == G_MAXUINT)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  return is_placeholder (self, row) ? NULL : g_steal_pointer (&row);
}

static BjbListController *
page_list (GtkWidget *page)
{
  GObject *list = gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), "list");

  g_return_val_if_fail (BJB_IS_LIST_CONTROLLER (list), NULL);
  return BJB_LIST_CONTROLLER (list);
}

void
bjb_list_controller_open_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  BjbListController *self = page_list (widget);
  g_autoptr(GObject) row = self != NULL
                           ? bjb_list_controller_dup_row (self, g_variant_get_int64 (parameter))
                           : NULL;

  if (row == NULL)
    return;
  g_signal_emit (self, signals[ACTIVATED], 0, row);
  bjb_list_controller_sync (self);
}

void
bjb_list_controller_search_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  BjbListController *self = page_list (widget);

  if (self != NULL && self->search_entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
