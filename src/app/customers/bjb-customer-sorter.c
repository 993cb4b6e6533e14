/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-customer-sorter"

#include "config.h"

#include <glib/gi18n.h>

#include "bjb-customer.h"
#include "bjb-customer-sorter.h"

struct _BjbCustomerSorter
{
  GtkSorter parent_instance;

  char *key;
};

G_DEFINE_FINAL_TYPE (BjbCustomerSorter, bjb_customer_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A probe pair answers "which column, which way": the column view's sorter asks its sort
 * columns in order and stops at the first that is not EQUAL, so the first of ours to see
 * the probe is the primary one, and the sign of the answer is its direction. */
#define PROBE_KEY "bjb-customer-sorter-probe"

static GtkOrdering
ordering (gint64 diff)
{
  return diff < 0 ? GTK_ORDERING_SMALLER : diff > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static GtkOrdering
bjb_customer_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  BjbCustomerSorter *self = BJB_CUSTOMER_SORTER (sorter);
  gint64 a = 0, b = 0;
  GtkOrdering result;

  if (g_object_get_data (item1, PROBE_KEY) != NULL)
    {
      /* Whichever way round it was asked, item1 comes first for this column. */
      if (g_object_get_data (item1, "bjb-probe-answer") == NULL &&
          g_object_get_data (item2, "bjb-probe-answer") == NULL)
        g_object_set_data_full (item1, "bjb-probe-answer", g_strdup (self->key), g_free);
      return GTK_ORDERING_SMALLER;
    }

  if (g_strcmp0 (self->key, "name") == 0)
    {
      result = ordering (g_utf8_collate (bjb_customer_get_name (item1) ?: "",
                                         bjb_customer_get_name (item2) ?: ""));
      if (result != GTK_ORDERING_EQUAL)
        return result;
    }
  else if (g_strcmp0 (self->key, "total_spend") == 0)
    {
      result = ordering (bjb_customer_get_total_spend (item1) - bjb_customer_get_total_spend (item2));
      if (result != GTK_ORDERING_EQUAL)
        return result;
    }
  else if (g_strcmp0 (self->key, "created_at") == 0)
    {
      /* ids grow with creation time */
    }
  a = bjb_customer_get_id (item1);
  b = bjb_customer_get_id (item2);
  return ordering (a - b);
}

static GtkSorterOrder
bjb_customer_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
bjb_customer_sorter_finalize (GObject *object)
{
  BjbCustomerSorter *self = (BjbCustomerSorter *)object;

  g_free (self->key);

  G_OBJECT_CLASS (bjb_customer_sorter_parent_class)->finalize (object);
}

static void
bjb_customer_sorter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BjbCustomerSorter *self = BJB_CUSTOMER_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_sorter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BjbCustomerSorter *self = BJB_CUSTOMER_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_free (self->key);
      self->key = g_value_dup_string (value);
      gtk_sorter_changed (GTK_SORTER (self), GTK_SORTER_CHANGE_DIFFERENT);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_customer_sorter_class_init (BjbCustomerSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->finalize = bjb_customer_sorter_finalize;
  object_class->get_property = bjb_customer_sorter_get_property;
  object_class->set_property = bjb_customer_sorter_set_property;

  sorter_class->compare = bjb_customer_sorter_compare;
  sorter_class->get_order = bjb_customer_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bjb_customer_sorter_init (BjbCustomerSorter *self)
{
}

char *
bjb_customer_sorter_get_server_sort (GtkSorter *sorter)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering result;
  const char *key;

  g_return_val_if_fail (GTK_IS_SORTER (sorter), NULL);

  /* Any two objects: the column sorters answer probes before looking at the rows. */
  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  g_object_set_data (G_OBJECT (a), PROBE_KEY, GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (b), PROBE_KEY, GINT_TO_POINTER (TRUE));

  result = gtk_sorter_compare (sorter, a, b);
  key = g_object_get_data (G_OBJECT (a), "bjb-probe-answer");
  if (key == NULL)
    {
      key = g_object_get_data (G_OBJECT (b), "bjb-probe-answer");
      /* asked as compare (b, a): b "came first" in the column's own order */
      result = -result;
    }
  if (key == NULL || result == GTK_ORDERING_EQUAL)
    return NULL;

  return result == GTK_ORDERING_SMALLER ? g_strdup (key) : g_strconcat ("-", key, NULL);
}
