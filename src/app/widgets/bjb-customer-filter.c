/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-filter"

#include "config.h"

#include "bjb-customer-filter.h"
#include "bjb-customer-ops.h"
#include "bjb-error-sentence.h"
#include "bjb-ops-query.h"

typedef struct
{
  /* Unowned: the page cancels the lookup before they go. */
  GtkEditable           *entry;
  GtkLabel              *status_label;
  BjbCustomerFilterFunc  func;
  gpointer               user_data;
} Lookup;

static void
found_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  g_autofree Lookup *lookup = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) customers = bjb_customer_ops_search_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (customers == NULL)
    {
      g_autofree char *text = bjb_error_sentence (error);

      gtk_label_set_text (lookup->status_label, text);
      return;
    }
  if (customers->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (lookup->entry), "error");
  lookup->func (lookup->user_data,
                customers->len == 0 ? -1 : bjb_customer_get_id (g_ptr_array_index (customers, 0)));
}

void
bjb_customer_filter_lookup (BjbConnection          *connection,
                            GtkEditable            *entry,
                            GtkLabel               *status_label,
                            GCancellable          **slot,
                            BjbCustomerFilterFunc   func,
                            gpointer                user_data)
{
  const char *text = gtk_editable_get_text (entry);
  BjbCustomerFilter filter = { .text = text };
  GCancellable *cancellable;
  Lookup *lookup;

  g_return_if_fail (connection == NULL || BJB_IS_CONNECTION (connection));
  g_return_if_fail (GTK_IS_EDITABLE (entry));
  g_return_if_fail (GTK_IS_LABEL (status_label));
  g_return_if_fail (slot != NULL && func != NULL);

  cancellable = bjb_ops_restart_cancellable (slot, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0' || connection == NULL)
    {
      func (user_data, 0);
      return;
    }
  lookup = g_new (Lookup, 1);
  *lookup = (Lookup) { entry, status_label, func, user_data };
  bjb_customer_ops_search_async (connection, &filter, "name", NULL, 1, cancellable, found_cb,
                                 lookup);
}
