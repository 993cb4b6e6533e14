/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-order-row"

#include "config.h"

#include "bjb-field-props.h"
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

  bjb_field_props_clear (object);
  g_clear_pointer (&self->placed_key, g_free);

  G_OBJECT_CLASS (bjb_order_row_parent_class)->finalize (object);
}

static void
bjb_order_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == PROP_PLACEHOLDER)
    g_value_set_boolean (value, BJB_ORDER_ROW (object)->placeholder);
  else
    bjb_field_props_get_property (object, prop_id, value, pspec);
}

static void
bjb_order_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == PROP_PLACEHOLDER)
    BJB_ORDER_ROW (object)->placeholder = g_value_get_boolean (value);
  else
    bjb_field_props_set_property (object, prop_id, value, pspec);
}

#define FIELD(prop, field, pspec) BJB_FIELD_PROP (BjbOrderRow, prop, field, pspec)
#define STRING(prop, field, name) \
  FIELD (prop, field, g_param_spec_string (name, NULL, NULL, NULL, flags))
#define INT64(prop, field, name) \
  FIELD (prop, field, g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags))

static void
bjb_order_row_class_init (BjbOrderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = bjb_order_row_finalize;
  object_class->get_property = bjb_order_row_get_property;
  object_class->set_property = bjb_order_row_set_property;

  INT64 (PROP_ID, id, "id");
  STRING (PROP_NUMBER, number, "number");
  STRING (PROP_CUSTOMER_NAME, customer_name, "customer-name");
  STRING (PROP_STATUS, status, "status");
  STRING (PROP_STATUS_LABEL, status_label, "status-label");
  INT64 (PROP_TOTAL, total, "total");
  STRING (PROP_TOTAL_TEXT, total_text, "total-text");
  INT64 (PROP_PLACED_AT, placed_at, "placed-at");
  STRING (PROP_PLACED_TEXT, placed_text, "placed-text");
  INT64 (PROP_DUE_AT, due_at, "due-at");
  STRING (PROP_DUE_TEXT, due_text, "due-text");
  FIELD (PROP_DUE_CLASSES, due_classes,
         g_param_spec_boxed ("due-classes", NULL, NULL, G_TYPE_STRV, flags));
  STRING (PROP_COURIER, courier, "courier");

  g_object_class_override_property (object_class, PROP_PLACEHOLDER, "placeholder");
}

#undef INT64
#undef STRING
#undef FIELD

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
  bjb_field_props_set_int64 (self, properties[PROP_ID], value);
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
  bjb_field_props_set_string (self, properties[PROP_NUMBER], value);
}

void
bjb_order_row_set_customer_name (BjbOrderRow *self,
                                  const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  bjb_field_props_set_string (self, properties[PROP_CUSTOMER_NAME], value);
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
  bjb_field_props_set_string (self, properties[PROP_STATUS], value);
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
  bjb_field_props_set_string (self, properties[PROP_STATUS_LABEL], value);
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
  bjb_field_props_set_int64 (self, properties[PROP_TOTAL], value);
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
  bjb_field_props_set_string (self, properties[PROP_TOTAL_TEXT], value);
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
  bjb_field_props_set_int64 (self, properties[PROP_PLACED_AT], value);
}

void
bjb_order_row_set_placed_text (BjbOrderRow *self,
                                const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  bjb_field_props_set_string (self, properties[PROP_PLACED_TEXT], value);
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
  bjb_field_props_set_int64 (self, properties[PROP_DUE_AT], value);
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
  bjb_field_props_set_string (self, properties[PROP_DUE_TEXT], value);
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
  bjb_field_props_set_strv (self, properties[PROP_DUE_CLASSES], value);
}

void
bjb_order_row_set_courier (BjbOrderRow *self,
                            const char *value)
{
  g_return_if_fail (BJB_IS_ORDER_ROW (self));
  bjb_field_props_set_string (self, properties[PROP_COURIER], value);
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
  /* Not a property: nothing to notify. */
  bjb_paged_query_set_string (&self->placed_key, value);
}

gboolean
bjb_order_row_get_placeholder (BjbOrderRow *self)
{
  g_return_val_if_fail (BJB_IS_ORDER_ROW (self), FALSE);
  return self->placeholder;
}
