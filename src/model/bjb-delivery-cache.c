/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-cache"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "bjb-delivery-cache.h"

#define CACHE_NAME "cache.json"

gboolean
bjb_delivery_cache_save (const char  *directory,
                         JsonArray   *rows,
                         JsonObject  *titles,
                         GDateTime   *saved_at,
                         GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;

  g_return_val_if_fail (directory != NULL && rows != NULL && saved_at != NULL, FALSE);

  when = g_date_time_format_iso8601 (saved_at);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "saved_at");
  json_builder_add_string_value (builder, when);
  json_builder_set_member_name (builder, "rows");
  json_builder_add_value (builder, json_node_init_array (json_node_alloc (), rows));
  if (titles != NULL)
    {
      json_builder_set_member_name (builder, "titles");
      json_builder_add_value (builder, json_node_init_object (json_node_alloc (), titles));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot create %s: %s", directory, g_strerror (saved_errno));
      return FALSE;
    }
  path = g_build_filename (directory, CACHE_NAME, NULL);
  return g_file_set_contents_full (path, text, (gssize) length,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

JsonArray *
bjb_delivery_cache_load (const char  *directory,
                         JsonObject **titles,
                         GDateTime  **saved_at,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *rows;

  g_return_val_if_fail (directory != NULL, NULL);

  path = g_build_filename (directory, CACHE_NAME, NULL);
  if (!json_parser_load_from_file (parser, path, error))
    return NULL;
  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  rows = object != NULL ? json_object_get_member (object, "rows") : NULL;
  if (rows == NULL || !JSON_NODE_HOLDS_ARRAY (rows))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s is not a delivery cache", path);
      return NULL;
    }
  if (titles != NULL)
    {
      JsonNode *node = json_object_get_member (object, "titles");

      *titles = node != NULL && JSON_NODE_HOLDS_OBJECT (node)
                ? json_object_ref (json_node_get_object (node)) : NULL;
    }
  if (saved_at != NULL)
    *saved_at = g_date_time_new_from_iso8601 (json_object_get_string_member_with_default (object, "saved_at", ""),
                                              NULL);
  return json_array_ref (json_node_get_array (rows));
}
