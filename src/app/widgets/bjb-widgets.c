/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-widgets"

#include "config.h"

#include "bjb-widgets.h"
#include "bjb-widgets-resources.h"

void
bjb_widgets_register_once (gsize  *once,
                           void  (*register_resource) (void))
{
  if (g_once_init_enter (once))
    {
      register_resource ();
      g_once_init_leave (once, 1);
    }
}

void
bjb_widgets_ensure_resources (void)
{
  static gsize once = 0;

  bjb_widgets_register_once (&once, bjb_widgets_register_resource);
}

void
bjb_widgets_add_style (GtkWidget  *widget,
                       const char *resource_path)
{
  static GHashTable *added = NULL;   /* resource paths (unowned: literals) */
  g_autoptr(GtkCssProvider) provider = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (added == NULL)
    added = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_add (added, (gpointer) resource_path))
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, resource_path);
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (widget),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
bjb_widgets_show_label (GtkLabel   *label,
                        const char *text)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
bjb_widgets_store_replace (GListStore *store,
                           GListModel *items)
{
  guint n = g_list_model_get_n_items (items);
  g_autoptr(GPtrArray) copy = g_ptr_array_new_full (n, g_object_unref);

  g_return_if_fail (G_IS_LIST_STORE (store));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (copy, g_list_model_get_item (items, i));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       copy->pdata, copy->len);
}

GParamSpec *
bjb_widgets_connection_property (void)
{
  return g_param_spec_object ("connection", NULL, NULL, BJB_TYPE_CONNECTION,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

typedef struct
{
  GtkEditable *entry;     /* its data holds the idle: removed before the entry goes */
  GObject     *query;     /* (owned) */
  const char  *property;  /* (unowned): a literal */
  guint        idle_id;
} BoundSearch;

static void
bound_search_free (gpointer data)
{
  BoundSearch *bound = data;

  g_clear_handle_id (&bound->idle_id, g_source_remove);
  g_object_unref (bound->query);
  g_free (bound);
}

static gboolean
apply_search_cb (gpointer user_data)
{
  BoundSearch *bound = user_data;

  bound->idle_id = 0;
  g_object_set (bound->query, bound->property, gtk_editable_get_text (bound->entry), NULL);
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (GtkEditable *entry,
                   BoundSearch *bound)
{
  if (bound->idle_id == 0)
    bound->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_search_cb, bound, NULL);
}

void
bjb_widgets_bind_search (GtkEditable *entry,
                         GObject     *query,
                         const char  *property)
{
  BoundSearch *bound;

  g_return_if_fail (GTK_IS_EDITABLE (entry));
  g_return_if_fail (G_IS_OBJECT (query));
  g_return_if_fail (property != NULL);

  bound = g_new0 (BoundSearch, 1);
  bound->entry = entry;
  bound->query = g_object_ref (query);
  bound->property = property;
  g_object_set_data_full (G_OBJECT (entry), "bjb-bound-search", bound, bound_search_free);
  g_signal_connect (entry, "changed", G_CALLBACK (search_changed_cb), bound);
}

GtkWindow *
bjb_widgets_window_of (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}
