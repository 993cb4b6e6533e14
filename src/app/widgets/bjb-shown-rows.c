/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-shown-rows"

#include "config.h"

#include "bjb-shown-rows.h"

#define DEFAULT_INITIAL 25
/* Rows added at a time when the user scrolls near the end of the shown ones. */
#define STEP 20

struct _BjbShownRows
{
  GObject parent_instance;

  /* Owned */
  GtkSliceListModel *slice;
  GtkAdjustment *adjustment;   /* the scroller's vertical one, watched while we live */
  guint initial;
  guint grow_source;

  /* Borrowed */
  BjbPagedQueryModel *model;   /* the slice holds it */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbShownRows, bjb_shown_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SCROLLER,
  PROP_INITIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel */

static GType
bjb_shown_rows_get_item_type (GListModel *model)
{
  BjbShownRows *self = BJB_SHOWN_ROWS (model);

  return self->model != NULL ? g_list_model_get_item_type (G_LIST_MODEL (self->model))
                             : G_TYPE_OBJECT;
}

static guint
bjb_shown_rows_get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (BJB_SHOWN_ROWS (model)->slice));
}

static gpointer
bjb_shown_rows_get_item (GListModel *model,
                         guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (BJB_SHOWN_ROWS (model)->slice), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bjb_shown_rows_get_item_type;
  iface->get_n_items = bjb_shown_rows_get_n_items;
  iface->get_item = bjb_shown_rows_get_item;
}

/* Growing */

static gboolean
grow_cb (gpointer user_data)
{
  BjbShownRows *self = user_data;
  double below;
  guint size = gtk_slice_list_model_get_size (self->slice);

  self->grow_source = 0;
  if (self->adjustment == NULL || self->model == NULL ||
      gtk_adjustment_get_page_size (self->adjustment) <= 0 ||
      size >= g_list_model_get_n_items (G_LIST_MODEL (self->model)))
    return G_SOURCE_REMOVE;

  /* Less than a quarter of a screen of rows below the visible ones: show more before they
   * are needed. The view lays them out, the adjustment changes, and this runs again until
   * the window is full. (Half a screen made the ledger grow by 20 rows right after every
   * open, ~20 ms of CPU nobody had asked for yet.) */
  below = gtk_adjustment_get_upper (self->adjustment) -
          gtk_adjustment_get_value (self->adjustment) -
          gtk_adjustment_get_page_size (self->adjustment);
  if (below < gtk_adjustment_get_page_size (self->adjustment) / 4)
    gtk_slice_list_model_set_size (self->slice, size + STEP);
  return G_SOURCE_REMOVE;
}

/* The adjustment changes while the view is being allocated: the model changes after. */
static void
adjustment_changed_cb (BjbShownRows *self)
{
  if (self->grow_source == 0)
    self->grow_source = g_idle_add (grow_cb, self);
}

/* New filters start again from the top with a screen of rows, so the next first page is
 * not laid out as deep as the user had scrolled into the last one. */
static void
loading_changed_cb (BjbShownRows *self)
{
  if (bjb_paged_query_model_get_loading (self->model))
    gtk_slice_list_model_set_size (self->slice, self->initial);
}

static void
set_scroller (BjbShownRows      *self,
              GtkScrolledWindow *scroller)
{
  if (self->adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->adjustment, self);
  g_clear_object (&self->adjustment);
  if (scroller == NULL)
    return;
  /* Not the scrolled window itself: it owns the view that owns us. */
  self->adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (scroller));
  g_signal_connect_swapped (self->adjustment, "changed",
                            G_CALLBACK (adjustment_changed_cb), self);
  g_signal_connect_swapped (self->adjustment, "value-changed",
                            G_CALLBACK (adjustment_changed_cb), self);
}

static void
set_model (BjbShownRows       *self,
           BjbPagedQueryModel *model)
{
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  self->model = model;
  gtk_slice_list_model_set_model (self->slice, G_LIST_MODEL (model));
  if (model != NULL)
    g_signal_connect_swapped (model, "notify::loading", G_CALLBACK (loading_changed_cb), self);
}

/**
 * bjb_shown_rows_reveal:
 *
 * Shows the rows down to @position of the paged model (a row picked by id, kept picked
 * after a refresh), so the view can select it.
 */
void
bjb_shown_rows_reveal (BjbShownRows *self,
                       guint         position)
{
  g_return_if_fail (BJB_IS_SHOWN_ROWS (self));

  if (position != G_MAXUINT && position >= gtk_slice_list_model_get_size (self->slice))
    gtk_slice_list_model_set_size (self->slice, position + 1);
}

/* GObject */

static void
bjb_shown_rows_dispose (GObject *object)
{
  BjbShownRows *self = BJB_SHOWN_ROWS (object);

  g_clear_handle_id (&self->grow_source, g_source_remove);
  set_scroller (self, NULL);
  if (self->slice != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->slice, self);
      set_model (self, NULL);
    }
  g_clear_object (&self->slice);

  G_OBJECT_CLASS (bjb_shown_rows_parent_class)->dispose (object);
}

static void
bjb_shown_rows_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbShownRows *self = BJB_SHOWN_ROWS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_INITIAL:
      g_value_set_uint (value, self->initial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_shown_rows_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BjbShownRows *self = BJB_SHOWN_ROWS (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      set_model (self, g_value_get_object (value));
      break;
    case PROP_SCROLLER:
      set_scroller (self, g_value_get_object (value));
      break;
    case PROP_INITIAL:
      self->initial = g_value_get_uint (value);
      gtk_slice_list_model_set_size (self->slice, self->initial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_shown_rows_class_init (BjbShownRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = bjb_shown_rows_dispose;
  object_class->get_property = bjb_shown_rows_get_property;
  object_class->set_property = bjb_shown_rows_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, BJB_TYPE_PAGED_QUERY_MODEL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCROLLER] =
    g_param_spec_object ("scroller", NULL, NULL, GTK_TYPE_SCROLLED_WINDOW,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_INITIAL] =
    g_param_spec_uint ("initial", NULL, NULL, 1, G_MAXUINT, DEFAULT_INITIAL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
items_changed_cb (BjbShownRows *self,
                  guint         position,
                  guint         removed,
                  guint         added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
bjb_shown_rows_init (BjbShownRows *self)
{
  self->initial = DEFAULT_INITIAL;
  self->slice = gtk_slice_list_model_new (NULL, 0, self->initial);
  g_signal_connect_swapped (self->slice, "items-changed", G_CALLBACK (items_changed_cb), self);
}

/**
 * bjb_shown_rows_new:
 * @model: (transfer none)
 *
 * Returns: (transfer full): the first @initial rows of @model, growing when a scroller is
 *   set ("scroller") and the user scrolls.
 */
BjbShownRows *
bjb_shown_rows_new (BjbPagedQueryModel *model,
                    guint               initial)
{
  g_return_val_if_fail (BJB_IS_PAGED_QUERY_MODEL (model), NULL);

  return g_object_new (BJB_TYPE_SHOWN_ROWS, "model", model, "initial", MAX (initial, 1), NULL);
}
