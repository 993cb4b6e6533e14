/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-row"

#include "config.h"

#include "bjb-order-row.h"
#include "bjb-paged-query.h"

struct _BjbOrderRow
{
  GObject parent_instance;

  gint64 id;
  char *number;
  char *customer_name;
  char *status;
  char *status_label;
  gint64 total;
  char *total_text;
  gint64 placed_at;
  char *placed_text;
  gint64 due_at;
  char *due_text;
  char **due_classes;
  char *courier;
  char *placed_key;     /* placed_at as the server wrote it: the keyset of the next page */
  gboolean placeholder;
};

static void paged_row_iface_init (BjbPagedRowInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BjbOrderRow, bjb_order_row, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (BJB_TYPE_PAGED_ROW, paged_row_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_CUSTOMER_NAME,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_TOTAL,
  PROP_TOTAL_TEXT,
  PROP_PLACED_AT,
  PROP_PLACED_TEXT,
  PROP_DUE_AT,
  PROP_DUE_TEXT,
  PROP_DUE_CLASSES,
  PROP_COURIER,
  N_PROPS,
  /* BjbPagedRow's, overridden: not in the installed array */
  PROP_PLACEHOLDER = N_PROPS,
};

static GParamSpec *properties[N_PROPS + 1];

static void
bjb_order_row_finalize (GObject *object)
{
  BjbOrderRow *self = (BjbOrderRow *) object;

  g_clear_pointer (&self->number, g_free);
  g_clear_pointer (&self->customer_name, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->status_label, g_free);
  g_clear_pointer (&self->total_text, g_free);
  g_clear_pointer (&self->placed_text, g_free);
  g_clear_pointer (&self->due_text, g_free);
  g_clear_pointer (&self->due_classes, g_strfreev);
  g_clear_pointer (&self->courier, g_free);
  g_clear_pointer (&self->placed_key, g_free);

  G_OBJECT_CLASS (bjb_order_row_parent_class)->finalize (object);
}

static void
bjb_order_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BjbOrderRow *self = (BjbOrderRow *) object;

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_string (value, self->number);
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, self->customer_name);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;
    case PROP_TOTAL:
      g_value_set_int64 (value, self->total);
      break;
    case PROP_TOTAL_TEXT:
      g_value_set_string (value, self->total_text);
      break;
    case PROP_PLACED_AT:
      g_value_set_int64 (value, self->placed_at);
      break;
    case PROP_PLACED_TEXT:
      g_value_set_string (value, self->placed_text);
      break;
    case PROP_DUE_AT:
      g_value_set_int64 (value, self->due_at);
      break;
    case PROP_DUE_TEXT:
      g_value_set_string (value, self->due_text);
      break;
    case PROP_DUE_CLASSES:
      g_value_set_boxed (value, self->due_classes);
      break;
    case PROP_COURIER:
      g_value_set_string (value, self->courier);
      break;
    case PROP_PLACEHOLDER:
      g_value_set_boolean (value, self->placeholder);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BjbOrderRow *self = (BjbOrderRow *) object;

  switch (prop_id)
    {
    case PROP_ID:
      bjb_order_row_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_NUMBER:
      bjb_order_row_set_number (self, g_value_get_string (value));
      break;
    case PROP_CUSTOMER_NAME:
      bjb_order_row_set_customer_name (self, g_value_get_string (value));
      break;
    case PROP_STATUS:
      bjb_order_row_set_status (self, g_value_get_string (value));
      break;
    case PROP_STATUS_LABEL:
      bjb_order_row_set_status_label (self, g_value_get_string (value));
      break;
    case PROP_TOTAL:
      bjb_order_row_set_total (self, g_value_get_int64 (value));
      break;
    case PROP_TOTAL_TEXT:
      bjb_order_row_set_total_text (self, g_value_get_string (value));
      break;
    case PROP_PLACED_AT:
      bjb_order_row_set_placed_at (self, g_value_get_int64 (value));
      break;
    case PROP_PLACED_TEXT:
      bjb_order_row_set_placed_text (self, g_value_get_string (value));
      break;
    case PROP_DUE_AT:
      bjb_order_row_set_due_at (self, g_value_get_int64 (value));
      break;
    case PROP_DUE_TEXT:
      bjb_order_row_set_due_text (self, g_value_get_string (value));
      break;
    case PROP_DUE_CLASSES:
      bjb_order_row_set_due_classes (self, g_value_get_boxed (value));
      break;
    case PROP_COURIER:
      bjb_order_row_set_courier (self, g_value_get_string (value));
      break;
    case PROP_PLACEHOLDER:
      self->placeholder = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bjb_order_row_class_init (BjbOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_order_row_finalize;
  object_class->get_property = bjb_order_row_get_property;
  object_class->set_property = bjb_order_row_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_string ("number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
    g_param_spec_string ("status-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_int64 ("total", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL_TEXT] =
    g_param_spec_string ("total-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACED_AT] =
    g_param_spec_int64 ("placed-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLACED_TEXT] =
    g_param_spec_string ("placed-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_AT] =
    g_param_spec_int64 ("due-at", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_TEXT] =
    g_param_spec_string ("due-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DUE_CLASSES] =
    g_param_spec_boxed ("due-classes", NULL, NULL, G_TYPE_STRV,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COURIER] =
    g_param_spec_string ("courier", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_PLACEHOLDER, "placeholder");
}

/* BjbPagedRow */

static gint64
bjb_order_row_paged_get_id (BjbPagedRow *row)
{
  return BJB_ORDER_ROW (row)->id;
}

static gboolean
bjb_order_row_paged_get_placeholder (BjbPagedRow *row)
{
  return BJB_ORDER_ROW (row)->placeholder;
}

/* Through the setters, which notify only what changed: a refreshed row redraws only the
 * cells whose value is new. */
static void
bjb_order_row_paged_update (BjbPagedRow *row,
                            BjbPagedRow *from_row)
{
  BjbOrderRow *self = BJB_ORDER_ROW (row);
  BjbOrderRow *from = BJB_ORDER_ROW (from_row);

  g_object_freeze_notify (G_OBJECT (self));
  self->placeholder = FALSE;
  bjb_order_row_set_id (self, from->id);
  bjb_order_row_set_number (self, from->number);
  bjb_order_row_set_customer_name (self, from->customer_name);
  bjb_order_row_set_status (self, from->status);
  bjb_order_row_set_status_label (self, from->status_label);
  bjb_order_row_set_total (self, from->total);
  bjb_order_row_set_total_text (self, from->total_text);
  bjb_order_row_set_placed_at (self, from->placed_at);
  bjb_order_row_set_placed_text (self, from->placed_text);
  bjb_order_row_set_placed_key (self, from->placed_key);
  bjb_order_row_set_due_at (self, from->due_at);
  bjb_order_row_set_due_text (self, from->due_text);
  bjb_order_row_set_due_classes (self, (const char * const *) from->due_classes);
  bjb_order_row_set_courier (self, from->courier);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
paged_row_iface_init (BjbPagedRowInterface *iface)
{
  iface->get_id = bjb_order_row_paged_get_id;
  iface->update = bjb_order_row_paged_update;
  iface->get_placeholder = bjb_order_row_paged_get_placeholder;
}

static void
bjb_order_row_init (BjbOrderRow *self)
{
}

BjbOrderRow *
bjb_order_row_new (void)
{
  return g_object_new (BJB_TYPE_ORDER_ROW, NULL);
}

gint64
bjb_order_row_get_id (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), 0);
  return self->id;
}

void
bjb_order_row_set_id (BjbOrderRow *self,
                       gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (self->id == value)
    return;
  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
bjb_order_row_get_number (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->number;
}

void
bjb_order_row_set_number (BjbOrderRow *self,
                           const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->number, value) == 0)
    return;
  g_free (self->number);
  self->number = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
}

const char *
bjb_order_row_get_customer_name (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->customer_name;
}

void
bjb_order_row_set_customer_name (BjbOrderRow *self,
                                  const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->customer_name, value) == 0)
    return;
  g_free (self->customer_name);
  self->customer_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_NAME]);
}

const char *
bjb_order_row_get_status (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->status;
}

void
bjb_order_row_set_status (BjbOrderRow *self,
                           const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->status, value) == 0)
    return;
  g_free (self->status);
  self->status = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
bjb_order_row_get_status_label (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->status_label;
}

void
bjb_order_row_set_status_label (BjbOrderRow *self,
                                 const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->status_label, value) == 0)
    return;
  g_free (self->status_label);
  self->status_label = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_LABEL]);
}

gint64
bjb_order_row_get_total (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), 0);
  return self->total;
}

void
bjb_order_row_set_total (BjbOrderRow *self,
                          gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (self->total == value)
    return;
  self->total = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
}

const char *
bjb_order_row_get_total_text (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->total_text;
}

void
bjb_order_row_set_total_text (BjbOrderRow *self,
                               const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->total_text, value) == 0)
    return;
  g_free (self->total_text);
  self->total_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL_TEXT]);
}

gint64
bjb_order_row_get_placed_at (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), 0);
  return self->placed_at;
}

void
bjb_order_row_set_placed_at (BjbOrderRow *self,
                              gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (self->placed_at == value)
    return;
  self->placed_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACED_AT]);
}

const char *
bjb_order_row_get_placed_text (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->placed_text;
}

void
bjb_order_row_set_placed_text (BjbOrderRow *self,
                                const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->placed_text, value) == 0)
    return;
  g_free (self->placed_text);
  self->placed_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLACED_TEXT]);
}

gint64
bjb_order_row_get_due_at (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), 0);
  return self->due_at;
}

void
bjb_order_row_set_due_at (BjbOrderRow *self,
                           gint64 value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (self->due_at == value)
    return;
  self->due_at = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_AT]);
}

const char *
bjb_order_row_get_due_text (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->due_text;
}

void
bjb_order_row_set_due_text (BjbOrderRow *self,
                             const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->due_text, value) == 0)
    return;
  g_free (self->due_text);
  self->due_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_TEXT]);
}

const char * const *
bjb_order_row_get_due_classes (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return (const char * const *) self->due_classes;
}

void
bjb_order_row_set_due_classes (BjbOrderRow *self,
                                const char * const *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (self->due_classes != NULL && value != NULL && g_strv_equal ((const char * const *) self->due_classes, value))
    return;
  g_strfreev (self->due_classes);
  self->due_classes = g_strdupv ((char **) value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_CLASSES]);
}

const char *
bjb_order_row_get_courier (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->courier;
}

void
bjb_order_row_set_courier (BjbOrderRow *self,
                            const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->courier, value) == 0)
    return;
  g_free (self->courier);
  self->courier = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COURIER]);
}

/* (nullable): placed_at as the server wrote it, for the next page's keyset */
const char *
bjb_order_row_get_placed_key (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), NULL);
  return self->placed_key;
}

void
bjb_order_row_set_placed_key (BjbOrderRow *self,
                              const char  *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  if (g_strcmp0 (self->placed_key, value) == 0)
    return;
  g_free (self->placed_key);
  self->placed_key = g_strdup (value);
}

gboolean
bjb_order_row_get_placeholder (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), FALSE);
  return self->placeholder;
}
