/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-export-spec"

#include "config.h"

#include "bjb-export-spec.h"

struct _BjbExportSpec
{
  GObject parent_instance;

  /* Owned */
  char *basename;
  char *title;
  char *sql;
  GPtrArray *params;    /* char*, NULL entries allowed */
  GArray *columns;      /* BjbExportColumn */
  GPtrArray *filters;   /* char*, NULL-terminated */
};

G_DEFINE_FINAL_TYPE (BjbExportSpec, bjb_export_spec, G_TYPE_OBJECT)

static void
clear_column (gpointer data)
{
  BjbExportColumn *column = data;

  g_free (column->name);
  g_free (column->heading);
  g_clear_pointer (&column->labels, g_hash_table_unref);
}

static void
bjb_export_spec_finalize (GObject *object)
{
  BjbExportSpec *self = (BjbExportSpec *)object;

  g_free (self->basename);
  g_free (self->title);
  g_free (self->sql);
  g_ptr_array_unref (self->params);
  g_array_unref (self->columns);
  g_ptr_array_unref (self->filters);

  G_OBJECT_CLASS (bjb_export_spec_parent_class)->finalize (object);
}

static void
bjb_export_spec_class_init (BjbExportSpecClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_export_spec_finalize;
}

static void
bjb_export_spec_init (BjbExportSpec *self)
{
  self->params = g_ptr_array_new_with_free_func (g_free);
  self->columns = g_array_new (FALSE, TRUE, sizeof (BjbExportColumn));
  g_array_set_clear_func (self->columns, clear_column);
  self->filters = g_ptr_array_new_null_terminated (4, g_free, TRUE);
}

BjbExportSpec *
bjb_export_spec_new (const char *basename,
                     const char *title,
                     const char *sql)
{
  BjbExportSpec *self;

  g_return_val_if_fail (basename != NULL && title != NULL && sql != NULL, NULL);

  self = g_object_new (BJB_TYPE_EXPORT_SPEC, NULL);
  self->basename = g_strdup (basename);
  self->title = g_strdup (title);
  self->sql = g_strdup (sql);
  return self;
}

void
bjb_export_spec_add_param (BjbExportSpec *self,
                           const char    *value)
{
  g_return_if_fail (BJB_IS_EXPORT_SPEC (self));
  g_ptr_array_add (self->params, g_strdup (value));
}

void
bjb_export_spec_add_column (BjbExportSpec       *self,
                            const char          *name,
                            const char          *heading,
                            BjbExportColumnType  type,
                            guint                width,
                            gboolean             total)
{
  BjbExportColumn column = {
    .name = g_strdup (name),
    .heading = g_strdup (heading),
    .type = type,
    .width = MAX (width, 4),
    .total = total && (type == BJB_EXPORT_INTEGER || type == BJB_EXPORT_RUPIAH),
    .printed = TRUE,
  };

  g_return_if_fail (BJB_IS_EXPORT_SPEC (self));
  g_return_if_fail (name != NULL && heading != NULL);
  g_array_append_val (self->columns, column);
}

void
bjb_export_spec_set_labels (BjbExportSpec     *self,
                            const char        *name,
                            const char *const *labels)
{
  g_return_if_fail (BJB_IS_EXPORT_SPEC (self));
  g_return_if_fail (name != NULL && labels != NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      BjbExportColumn *column = &g_array_index (self->columns, BjbExportColumn, i);

      if (!g_str_equal (column->name, name))
        continue;
      g_clear_pointer (&column->labels, g_hash_table_unref);
      column->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint j = 0; labels[j] != NULL && labels[j + 1] != NULL; j += 2)
        g_hash_table_insert (column->labels, g_strdup (labels[j]), g_strdup (labels[j + 1]));
      return;
    }
  g_return_if_reached ();
}

void
bjb_export_spec_set_not_printed (BjbExportSpec *self,
                                 const char    *name)
{
  g_return_if_fail (BJB_IS_EXPORT_SPEC (self));

  for (guint i = 0; i < self->columns->len; i++)
    if (g_str_equal (g_array_index (self->columns, BjbExportColumn, i).name, name))
      {
        g_array_index (self->columns, BjbExportColumn, i).printed = FALSE;
        return;
      }
  g_return_if_reached ();
}

void
bjb_export_spec_add_filter (BjbExportSpec *self,
                            const char    *label,
                            const char    *value)
{
  g_return_if_fail (BJB_IS_EXPORT_SPEC (self));
  g_return_if_fail (label != NULL && value != NULL);
  g_ptr_array_add (self->filters, g_strdup_printf ("%s: %s", label, value));
}

const char *
bjb_export_spec_get_title (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  return self->title;
}

const char *
bjb_export_spec_get_sql (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  return self->sql;
}

guint
bjb_export_spec_get_n_params (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), 0);
  return self->params->len;
}

const char *const *
bjb_export_spec_get_params (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  return (const char *const *) self->params->pdata;
}

guint
bjb_export_spec_get_n_columns (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), 0);
  return self->columns->len;
}

const BjbExportColumn *
bjb_export_spec_get_column (BjbExportSpec *self,
                            guint          index)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);
  return &g_array_index (self->columns, BjbExportColumn, index);
}

const char *const *
bjb_export_spec_get_filters (BjbExportSpec *self)
{
  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  return (const char *const *) self->filters->pdata;
}

char *
bjb_export_spec_dup_file_name (BjbExportSpec *self,
                               GDateTime     *now,
                               const char    *extension)
{
  g_autoptr(GTimeZone) jakarta = g_time_zone_new_identifier ("Asia/Jakarta");
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BJB_IS_EXPORT_SPEC (self), NULL);
  g_return_val_if_fail (now != NULL && extension != NULL, NULL);

  if (jakarta == NULL)
    jakarta = g_time_zone_new_utc ();
  local = g_date_time_to_timezone (now, jakarta);
  date = g_date_time_format (local, "%Y-%m-%d");
  return g_strdup_printf ("%s-%s.%s", self->basename, date, extension);
}
