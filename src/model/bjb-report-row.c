/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-report-row"

#include "config.h"

#include "bjb-report-row.h"

/* The properties as two tables, so get, set and update are one loop each. */
enum {
  PROP_0,
  /* int64 */
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_COUNT,
  PROP_AMOUNT,
  /* string */
  PROP_KEY,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ITEMS,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_DETAIL,
  PROP_DATE_TEXT,
  PROP_COUNT_TEXT,
  PROP_AMOUNT_TEXT,
  PROP_GROSS_TEXT,
  PROP_DISCOUNT_TEXT,
  PROP_SHIPPING_TEXT,
  PROP_KIND,
  PROP_KIND_LABEL,
  N_PROPS,
};

#define FIRST_INT PROP_ID
#define N_INTS (PROP_KEY - PROP_ID)
#define FIRST_STRING PROP_KEY
#define N_STRINGS (N_PROPS - PROP_KEY)

static const char *const prop_names[N_PROPS] = {
  NULL, "id", "customer-id", "count", "amount", "key", "title", "subtitle", "items", "status",
  "status-label", "detail", "date-text", "count-text", "amount-text", "gross-text",
  "discount-text", "shipping-text", "kind", "kind-label",
};

struct _BjbReportRow
{
  BjbPagedRowBase parent_instance;

  gint64 ints[N_INTS];
  char *strings[N_STRINGS];
};

G_DEFINE_FINAL_TYPE (BjbReportRow, bjb_report_row, BJB_TYPE_PAGED_ROW_BASE)

static GParamSpec *properties[N_PROPS];

static void
bjb_report_row_finalize (GObject *object)
{
  BjbReportRow *self = (BjbReportRow *) object;

  for (guint i = 0; i < N_STRINGS; i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (bjb_report_row_parent_class)->finalize (object);
}

static void
bjb_report_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BjbReportRow *self = BJB_REPORT_ROW (object);

  if (prop_id >= FIRST_INT && prop_id < FIRST_STRING)
    g_value_set_int64 (value, self->ints[prop_id - FIRST_INT]);
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    g_value_set_string (value, self->strings[prop_id - FIRST_STRING]);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bjb_report_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BjbReportRow *self = BJB_REPORT_ROW (object);

  if (prop_id >= FIRST_INT && prop_id < FIRST_STRING)
    {
      gint64 v = g_value_get_int64 (value);

      if (self->ints[prop_id - FIRST_INT] != v)
        {
          self->ints[prop_id - FIRST_INT] = v;
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else if (prop_id >= FIRST_STRING && prop_id < N_PROPS)
    {
      if (bjb_paged_query_set_string (&self->strings[prop_id - FIRST_STRING],
                                      g_value_get_string (value)))
        g_object_notify_by_pspec (object, pspec);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

/* BjbPagedRowBase */

static gint64
report_row_get_id (BjbPagedRowBase *row)
{
  return BJB_REPORT_ROW (row)->ints[PROP_ID - FIRST_INT];
}

/* Through set_property, which notifies only what changed. */
static void
report_row_update (BjbPagedRowBase *row,
                   BjbPagedRowBase *from_row)
{
  BjbReportRow *self = BJB_REPORT_ROW (row);
  BjbReportRow *from = BJB_REPORT_ROW (from_row);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = FIRST_INT; i < FIRST_STRING; i++)
    g_object_set (self, prop_names[i], from->ints[i - FIRST_INT], NULL);
  for (guint i = FIRST_STRING; i < N_PROPS; i++)
    g_object_set (self, prop_names[i], from->strings[i - FIRST_STRING], NULL);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
bjb_report_row_class_init (BjbReportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_report_row_finalize;
  object_class->get_property = bjb_report_row_get_property;
  object_class->set_property = bjb_report_row_set_property;

  for (guint i = FIRST_INT; i < FIRST_STRING; i++)
    properties[i] = g_param_spec_int64 (prop_names[i], NULL, NULL, G_MININT64, G_MAXINT64, 0,
                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                        | G_PARAM_STATIC_STRINGS);
  for (guint i = FIRST_STRING; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (prop_names[i], NULL, NULL, NULL,
                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  BJB_PAGED_ROW_BASE_CLASS (klass)->get_id = report_row_get_id;
  BJB_PAGED_ROW_BASE_CLASS (klass)->update = report_row_update;
}

static void
bjb_report_row_init (BjbReportRow *self)
{
}

/* Public */

BjbReportRow *
bjb_report_row_new (void)
{
  return g_object_new (BJB_TYPE_REPORT_ROW, NULL);
}

gint64
bjb_report_row_get_customer_id (BjbReportRow *self)
{
  g_return_val_if_fail (BJB_IS_REPORT_ROW (self), 0);
  return self->ints[PROP_CUSTOMER_ID - FIRST_INT];
}

const char *
bjb_report_row_get_key (BjbReportRow *self)
{
  g_return_val_if_fail (BJB_IS_REPORT_ROW (self), NULL);
  return self->strings[PROP_KEY - FIRST_STRING];
}

const char *
bjb_report_row_get_text (BjbReportRow *self,
                         const char   *name)
{
  g_return_val_if_fail (BJB_IS_REPORT_ROW (self), NULL);

  for (guint i = FIRST_STRING; i < N_PROPS; i++)
    if (g_str_equal (prop_names[i], name))
      return self->strings[i - FIRST_STRING] != NULL ? self->strings[i - FIRST_STRING] : "";
  g_return_val_if_reached (NULL);
}
