/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-result"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "bjb-result-private.h"

struct _BjbResult
{
  GObject parent_instance;

  /* Owned */
  PGresult *result;
};

G_DEFINE_FINAL_TYPE (BjbResult, bjb_result, G_TYPE_OBJECT)

static void
bjb_result_finalize (GObject *object)
{
  BjbResult *self = (BjbResult *) object;

  g_clear_pointer (&self->result, PQclear);

  G_OBJECT_CLASS (bjb_result_parent_class)->finalize (object);
}

static void
bjb_result_class_init (BjbResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bjb_result_finalize;
}

static void
bjb_result_init (BjbResult *self)
{
}

BjbResult *
bjb_result_new_take (PGresult *result)
{
  BjbResult *self;

  g_return_val_if_fail (result != NULL, NULL);

  self = g_object_new (BJB_TYPE_RESULT, NULL);
  self->result = result;
  return self;
}

guint
bjb_result_get_n_rows (BjbResult *self)
{
  g_return_val_if_fail (BJB_IS_RESULT (self), 0);

  return (guint) PQntuples (self->result);
}

guint
bjb_result_get_n_columns (BjbResult *self)
{
  g_return_val_if_fail (BJB_IS_RESULT (self), 0);

  return (guint) PQnfields (self->result);
}

gboolean
bjb_result_has_column (BjbResult  *self,
                       const char *column)
{
  g_return_val_if_fail (BJB_IS_RESULT (self), FALSE);
  g_return_val_if_fail (column != NULL, FALSE);

  return PQfnumber (self->result, column) >= 0;
}

const char *
bjb_result_get_command_status (BjbResult *self)
{
  g_return_val_if_fail (BJB_IS_RESULT (self), NULL);

  return PQcmdStatus (self->result);
}

/* Returns the column number, or -1 after a critical for a bad row or column. */
static int
lookup (BjbResult  *self,
        guint       row,
        const char *column)
{
  int col;

  g_return_val_if_fail (BJB_IS_RESULT (self), -1);
  g_return_val_if_fail (column != NULL, -1);

  col = PQfnumber (self->result, column);
  if (col < 0)
    {
      g_critical ("Result has no column “%s”", column);
      return -1;
    }
  if (row >= (guint) PQntuples (self->result))
    {
      g_critical ("Row %u out of range (%d rows)", row, PQntuples (self->result));
      return -1;
    }
  return col;
}

gboolean
bjb_result_is_null (BjbResult  *self,
                    guint       row,
                    const char *column)
{
  int col = lookup (self, row, column);

  return col < 0 || PQgetisnull (self->result, (int) row, col);
}

const char *
bjb_result_get_string (BjbResult  *self,
                       guint       row,
                       const char *column)
{
  int col = lookup (self, row, column);

  if (col < 0 || PQgetisnull (self->result, (int) row, col))
    return NULL;
  return PQgetvalue (self->result, (int) row, col);
}

gint64
bjb_result_get_int64 (BjbResult  *self,
                      guint       row,
                      const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

double
bjb_result_get_double (BjbResult  *self,
                       guint       row,
                       const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);

  return text ? g_ascii_strtod (text, NULL) : 0.0;
}

gboolean
bjb_result_get_boolean (BjbResult  *self,
                        guint       row,
                        const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);

  return text != NULL && (text[0] == 't' || text[0] == 'T');
}

JsonNode *
bjb_result_get_json (BjbResult  *self,
                     guint       row,
                     const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  if (text == NULL)
    return NULL;

  node = json_from_string (text, &error);
  if (node == NULL)
    g_critical ("Column “%s” is not JSON: %s", column, error ? error->message : "empty");
  return node;
}

GDateTime *
bjb_result_get_datetime (BjbResult  *self,
                         guint       row,
                         const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);
  GDateTime *dt;

  if (text == NULL)
    return NULL;

  /* DateStyle ISO: "2026-11-21 19:33:03.123456+07" — GLib takes the space separator. */
  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    g_critical ("Column “%s” is not a timestamptz: %s", column, text);
  return dt;
}

GBytes *
bjb_result_get_bytes (BjbResult  *self,
                      guint       row,
                      const char *column)
{
  const char *text = bjb_result_get_string (self, row, column);
  unsigned char *data;
  size_t len = 0;
  GBytes *bytes;

  if (text == NULL)
    return NULL;

  data = PQunescapeBytea ((const unsigned char *) text, &len);
  if (data == NULL)
    return NULL;
  bytes = g_bytes_new (data, len);
  PQfreemem (data);
  return bytes;
}
