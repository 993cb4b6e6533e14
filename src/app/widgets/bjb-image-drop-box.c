/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-image-drop-box"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-error-sentence.h"
#include "bjb-file-chooser.h"
#include "bjb-image-drop-box.h"
#include "bjb-ops-query.h"
#include "bjb-widgets.h"

#define ZOOM_STEP 1.25
#define ZOOM_MAX  8.0

struct _BjbImageDropBox
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget            *child;
  GtkWidget            *preview;
  GtkScrolledWindow    *scroller;
  GtkPicture           *picture;
  GtkLabel             *status_label;
  GtkLabel             *error_label;
  GtkWindow            *full_window;
  GtkPicture           *full_picture;

  /* Owned */
  GCancellable         *cancellable;   /* the load in flight; cancelled in dispose */
  GtkFileChooserNative *chooser;
  BjbImage             *image;
  char                 *title;
  char                 *refusal;
  double                zoom;
  double                pinch_start;
  int                   fit_width;     /* the width the picture fills at zoom 1 */
  guint                 resize_source; /* applies a new fit_width after the allocation */
  gboolean              accepting;
};

G_DEFINE_FINAL_TYPE (BjbImageDropBox, bjb_image_drop_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ACCEPTING,
  PROP_HAS_IMAGE,
  PROP_ZOOM,
  N_PROPS
};

enum {
  IMAGE_READY,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ what the clerk reads */

static void
show_error (BjbImageDropBox *self,
            const char      *sentence)
{
  bjb_widgets_show_label (self->status_label, NULL);
  bjb_widgets_show_label (self->error_label, sentence);
  if (sentence != NULL && *sentence != '\0')
    g_signal_emit (self, signals[FAILED], 0, sentence);
}

static void
show_status (BjbImageDropBox *self,
             const char      *text)
{
  bjb_widgets_show_label (self->status_label, text);
  bjb_widgets_show_label (self->error_label, NULL);
}

/* ------------------------------------------------------------------ zoom */

/* The picture's size is set here, not left to GtkPicture inside a viewport: fitted to the
 * width means exactly the box's width and the height that keeps the aspect ratio (a phone
 * screenshot is then taller than the box and scrolls); zoomed is that times the zoom. */
static void
update_zoom (BjbImageDropBox *self)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);
  gboolean shown = paintable != NULL;
  gboolean fitted = self->zoom <= 1.0;

  if (!shown || self->fit_width <= 0)
    gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, -1);
  else
    {
      int intrinsic_width = MAX (gdk_paintable_get_intrinsic_width (paintable), 1);
      int intrinsic_height = MAX (gdk_paintable_get_intrinsic_height (paintable), 1);
      int width = (int) (self->fit_width * self->zoom);
      int height = (int) ((double) width * intrinsic_height / intrinsic_width);

      gtk_widget_set_size_request (GTK_WIDGET (self->picture), fitted ? -1 : width, height);
    }
  gtk_scrolled_window_set_policy (self->scroller, fitted ? GTK_POLICY_NEVER : GTK_POLICY_AUTOMATIC,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-in", shown && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-out", shown && !fitted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.zoom-fit", shown && !fitted);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "image.full-window", shown);
}

static gboolean
apply_fit_width (gpointer user_data)
{
  BjbImageDropBox *self = user_data;

  self->resize_source = 0;
  update_zoom (self);
  return G_SOURCE_REMOVE;
}

/* The box lays its child out itself, to learn the width the picture is fitted to. */
static void
bjb_image_drop_box_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  GtkWidget *child = BJB_IMAGE_DROP_BOX (widget)->child;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static GtkSizeRequestMode
bjb_image_drop_box_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = BJB_IMAGE_DROP_BOX (widget)->child;

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
bjb_image_drop_box_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (widget);
  GtkWidget *child = self->child;
  /* The scroller's frame takes a pixel on each side. */
  int fit = MAX (width - 2, 1);

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);
  /* A new size request during an allocation would be lost: apply it right after. */
  if (fit != self->fit_width)
    {
      self->fit_width = fit;
      if (self->resize_source == 0)
        self->resize_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_fit_width, self, NULL);
    }
}

static void
set_zoom (BjbImageDropBox *self,
          double           zoom)
{
  zoom = CLAMP (zoom, 1.0, ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;
  self->zoom = zoom;
  update_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
action_zoom (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (widget);

  if (g_str_equal (action_name, "image.zoom-in"))
    set_zoom (self, self->zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "image.zoom-out"))
    set_zoom (self, self->zoom / ZOOM_STEP);
  else
    set_zoom (self, 1.0);
}

static void
action_full_window (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (widget);

  gtk_picture_set_paintable (self->full_picture, gtk_picture_get_paintable (self->picture));
  gtk_window_set_transient_for (self->full_window, bjb_widgets_window_of (widget));
  gtk_window_present (self->full_window);
}

/* Ctrl + wheel zooms; a plain wheel scrolls as usual. */
static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           BjbImageDropBox          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || gtk_picture_get_paintable (self->picture) == NULL)
    return FALSE;
  set_zoom (self, dy < 0 ? self->zoom * ZOOM_STEP : self->zoom / ZOOM_STEP);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                BjbImageDropBox  *self)
{
  self->pinch_start = self->zoom;
}

static void
on_pinch_scale_changed (GtkGestureZoom  *gesture,
                        double           scale,
                        BjbImageDropBox *self)
{
  set_zoom (self, self->pinch_start * scale);
}

static void
set_paintable (BjbImageDropBox *self,
               GdkPaintable    *paintable)
{
  gtk_picture_set_paintable (self->picture, paintable);
  gtk_widget_set_visible (self->preview, paintable != NULL);
  self->zoom = 1.0;
  update_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static gboolean
show_bytes (BjbImageDropBox *self,
            GBytes          *jpeg)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (jpeg, &error);

  if (texture == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      show_error (self, sentence);
      return FALSE;
    }
  set_paintable (self, GDK_PAINTABLE (texture));
  return TRUE;
}

/* ------------------------------------------------------------------ intake */

static void
on_image_loaded (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  BjbImageDropBox *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(BjbImage) image = bjb_image_load_finish (result, &error);

  /* Cancelled: dispose or a newer image; either way this one is not wanted. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (image == NULL)
    {
      g_autofree char *sentence = bjb_error_sentence (error);

      show_error (self, sentence);
      return;
    }
  g_clear_pointer (&self->image, bjb_image_unref);
  self->image = g_steal_pointer (&image);
  show_status (self, NULL);
  show_bytes (self, bjb_image_get_jpeg (self->image));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_IMAGE]);
  g_signal_emit (self, signals[IMAGE_READY], 0);
}

static GCancellable *
restart_load (BjbImageDropBox *self)
{
  bjb_ops_restart_cancellable (&self->cancellable, NULL);
  show_status (self, _("Checking the image…"));
  return self->cancellable;
}

static gboolean
refuse_when_closed (BjbImageDropBox *self)
{
  if (self->accepting && gtk_widget_is_sensitive (GTK_WIDGET (self)))
    return FALSE;
  show_error (self, self->refusal ? self->refusal : _("No image can be added now."));
  return TRUE;
}

void
bjb_image_drop_box_load_file (BjbImageDropBox *self,
                              GFile           *file)
{
  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));
  g_return_if_fail (G_IS_FILE (file));

  bjb_image_load_file_async (file, restart_load (self), on_image_loaded, self);
}

void
bjb_image_drop_box_load_texture (BjbImageDropBox *self,
                                 GdkTexture      *texture)
{
  g_autoptr(GBytes) png = NULL;

  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));
  g_return_if_fail (GDK_IS_TEXTURE (texture));

  /* The same checks and scaling as a file: the bytes go through gdk-pixbuf. */
  png = gdk_texture_save_to_png_bytes (texture);
  bjb_image_load_bytes_async (png, restart_load (self), on_image_loaded, self);
}

static void
on_clipboard_texture (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BjbImageDropBox *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      show_error (self, _("The clipboard holds no image. Copy the photo or screenshot first."));
      return;
    }
  bjb_image_drop_box_load_texture (self, texture);
}

void
bjb_image_drop_box_paste (BjbImageDropBox *self)
{
  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));

  if (refuse_when_closed (self))
    return;
  gdk_clipboard_read_texture_async (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                                    restart_load (self), on_clipboard_texture, self);
}

/* The page's commands: which drop box of the page an action of the page works on. */

static GHashTable *command_boxes;  /* interned action name → offset of the box in the page */

static BjbImageDropBox *
command_box (GtkWidget  *owner,
             const char *action_name)
{
  gsize offset = GPOINTER_TO_SIZE (g_hash_table_lookup (command_boxes, action_name));

  g_assert (offset > 0);
  return G_STRUCT_MEMBER (BjbImageDropBox *, owner, offset);
}

static void
choose_command (GtkWidget  *owner,
                const char *action_name,
                GVariant   *parameter)
{
  bjb_image_drop_box_choose_file (command_box (owner, action_name));
}

static void
paste_command (GtkWidget  *owner,
               const char *action_name,
               GVariant   *parameter)
{
  bjb_image_drop_box_paste (command_box (owner, action_name));
}

void
bjb_image_drop_box_install_commands (GtkWidgetClass *owner_class,
                                     gsize           box_offset,
                                     const char     *choose_action,
                                     const char     *paste_action)
{
  g_return_if_fail (GTK_IS_WIDGET_CLASS (owner_class));
  g_return_if_fail (box_offset > 0 && choose_action != NULL);

  /* Class initialisation runs once per class, on the main thread. */
  if (command_boxes == NULL)
    command_boxes = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (command_boxes, (gpointer) g_intern_string (choose_action),
                       GSIZE_TO_POINTER (box_offset));
  gtk_widget_class_install_action (owner_class, choose_action, NULL, choose_command);
  if (paste_action == NULL)
    return;
  g_hash_table_insert (command_boxes, (gpointer) g_intern_string (paste_action),
                       GSIZE_TO_POINTER (box_offset));
  gtk_widget_class_install_action (owner_class, paste_action, NULL, paste_command);
}

static void
on_file_chosen (gpointer  owner,
                GFile    *file)
{
  bjb_image_drop_box_load_file (BJB_IMAGE_DROP_BOX (owner), file);
}

void
bjb_image_drop_box_choose_file (BjbImageDropBox *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;

  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));

  if (self->chooser != NULL || refuse_when_closed (self))
    return;
  /* Only a hint for the clerk: the bytes are checked by gdk-pixbuf anyway. */
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  bjb_file_chooser_open (GTK_WIDGET (self), &self->chooser,
                         self->title ? self->title : _("Choose a Photo"),
                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), filter, NULL, on_file_chosen);
}

static gboolean
on_drop (GtkDropTarget   *target,
         const GValue    *value,
         double           x,
         double           y,
         BjbImageDropBox *self)
{
  if (refuse_when_closed (self))
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      if (files == NULL)
        return FALSE;
      bjb_image_drop_box_load_file (self, files->data);
      g_slist_free (files);
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    {
      bjb_image_drop_box_load_file (self, g_value_get_object (value));
      return TRUE;
    }
  if (G_VALUE_HOLDS (value, GDK_TYPE_TEXTURE))
    {
      bjb_image_drop_box_load_texture (self, g_value_get_object (value));
      return TRUE;
    }
  return FALSE;
}

void
bjb_image_drop_box_watch_drops (BjbImageDropBox *self,
                                GtkWidget       *area)
{
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE, GDK_TYPE_TEXTURE };
  GtkDropTarget *target;

  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (area));

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (area, GTK_EVENT_CONTROLLER (target));
}

/* ------------------------------------------------------------------ GObject */

static void
bjb_image_drop_box_dispose (GObject *object)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  bjb_file_chooser_close (&self->chooser);
  /* A toplevel is kept alive by GTK until destroyed, not by the template. */
  if (self->full_window != NULL)
    gtk_window_destroy (self->full_window);

  gtk_widget_dispose_template (GTK_WIDGET (self), BJB_TYPE_IMAGE_DROP_BOX);
  /* A plain GtkWidget parent: its child is ours to unparent. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (bjb_image_drop_box_parent_class)->dispose (object);
}

static void
bjb_image_drop_box_finalize (GObject *object)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->image, bjb_image_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->refusal, g_free);

  G_OBJECT_CLASS (bjb_image_drop_box_parent_class)->finalize (object);
}

static void
bjb_image_drop_box_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ACCEPTING:
      g_value_set_boolean (value, self->accepting);
      break;
    case PROP_HAS_IMAGE:
      g_value_set_boolean (value, self->image != NULL);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_image_drop_box_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BjbImageDropBox *self = BJB_IMAGE_DROP_BOX (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_ACCEPTING:
      bjb_image_drop_box_set_accepting (self, g_value_get_boolean (value), self->refusal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_image_drop_box_class_init (BjbImageDropBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bjb_image_drop_box_dispose;
  object_class->finalize = bjb_image_drop_box_finalize;
  object_class->get_property = bjb_image_drop_box_get_property;
  object_class->set_property = bjb_image_drop_box_set_property;
  widget_class->measure = bjb_image_drop_box_measure;
  widget_class->get_request_mode = bjb_image_drop_box_get_request_mode;
  widget_class->size_allocate = bjb_image_drop_box_size_allocate;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCEPTING] =
    g_param_spec_boolean ("accepting", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_IMAGE] =
    g_param_spec_boolean ("has-image", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 1.0, ZOOM_MAX, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMAGE_READY] = g_signal_new ("image-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  bjb_widgets_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/id/barokahjaya/BackOffice/widgets/bjb-image-drop-box.ui");
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, child);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, preview);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, scroller);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, picture);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, status_label);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, error_label);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, full_window);
  gtk_widget_class_bind_template_child (widget_class, BjbImageDropBox, full_picture);
  gtk_widget_class_bind_template_callback (widget_class, on_scroll);
  gtk_widget_class_bind_template_callback (widget_class, on_pinch_begin);
  gtk_widget_class_bind_template_callback (widget_class, on_pinch_scale_changed);

  gtk_widget_class_install_action (widget_class, "image.zoom-in", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "image.zoom-out", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "image.zoom-fit", NULL, action_zoom);
  gtk_widget_class_install_action (widget_class, "image.full-window", NULL, action_full_window);
}

static void
bjb_image_drop_box_init (BjbImageDropBox *self)
{
  self->zoom = 1.0;
  self->accepting = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  bjb_image_drop_box_watch_drops (self, GTK_WIDGET (self));
  show_status (self, NULL);
  set_paintable (self, NULL);
}

BjbImage *
bjb_image_drop_box_get_image (BjbImageDropBox *self)
{
  g_return_val_if_fail (BJB_IS_IMAGE_DROP_BOX (self), NULL);
  return self->image;
}

void
bjb_image_drop_box_show_jpeg (BjbImageDropBox *self,
                              GBytes          *jpeg)
{
  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));

  if (self->image != NULL)
    {
      g_clear_pointer (&self->image, bjb_image_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_IMAGE]);
    }
  if (jpeg == NULL)
    set_paintable (self, NULL);
  else
    show_bytes (self, jpeg);
}

void
bjb_image_drop_box_clear (BjbImageDropBox *self)
{
  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));

  g_cancellable_cancel (self->cancellable);
  show_status (self, NULL);
  bjb_image_drop_box_show_jpeg (self, NULL);
}

void
bjb_image_drop_box_set_accepting (BjbImageDropBox *self,
                                  gboolean         accepting,
                                  const char      *refusal)
{
  g_return_if_fail (BJB_IS_IMAGE_DROP_BOX (self));

  if (g_strcmp0 (refusal, self->refusal) != 0)
    {
      g_free (self->refusal);
      self->refusal = g_strdup (refusal);
    }
  accepting = !!accepting;
  if (self->accepting == accepting)
    return;
  self->accepting = accepting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCEPTING]);
}

double
bjb_image_drop_box_get_zoom (BjbImageDropBox *self)
{
  g_return_val_if_fail (BJB_IS_IMAGE_DROP_BOX (self), 1.0);
  return self->zoom;
}

gboolean
bjb_image_drop_box_has_preview (BjbImageDropBox *self)
{
  g_return_val_if_fail (BJB_IS_IMAGE_DROP_BOX (self), FALSE);
  return gtk_picture_get_paintable (self->picture) != NULL;
}
