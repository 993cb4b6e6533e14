/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-delivery-spool"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bjb-delivery-spool.h"

/* A spool file: its format version, then the completion. GVariant so that a damaged file
 * is recognised (not in normal form) instead of read as half a delivery. */
#define SPOOL_TYPE    "(usxssmsayayii)"
#define SPOOL_FORMAT  "(usxssms@ay@ayii)"
#define SPOOL_VERSION 1u
#define SPOOL_SUFFIX  ".completion"
#define TEMP_PREFIX   ".tmp-"

struct _BjbDeliverySpool
{
  GObject parent_instance;

  /* Owned */
  char *directory;
};

G_DEFINE_FINAL_TYPE (BjbDeliverySpool, bjb_delivery_spool, G_TYPE_OBJECT)
G_DEFINE_QUARK (bjb-delivery-spool-error-quark, bjb_delivery_spool_error)
G_DEFINE_BOXED_TYPE (BjbDeliveryCompletion, bjb_delivery_completion,
                     bjb_delivery_completion_copy, bjb_delivery_completion_free)

BjbDeliveryCompletion *
bjb_delivery_completion_new (gint64      order_id,
                             const char *recipient,
                             const char *note,
                             GDateTime  *captured_at,
                             GBytes     *photo,
                             GBytes     *thumb,
                             int         width,
                             int         height)
{
  BjbDeliveryCompletion *self = g_new0 (BjbDeliveryCompletion, 1);

  self->order_id = order_id;
  self->key = g_uuid_string_random ();
  self->recipient = g_strdup (recipient);
  self->note = g_strdup (note);
  self->captured_at = captured_at != NULL ? g_date_time_ref (captured_at) : NULL;
  self->photo = photo != NULL ? g_bytes_ref (photo) : NULL;
  self->thumb = thumb != NULL ? g_bytes_ref (thumb) : NULL;
  self->width = width;
  self->height = height;
  return self;
}

BjbDeliveryCompletion *
bjb_delivery_completion_copy (const BjbDeliveryCompletion *self)
{
  BjbDeliveryCompletion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = bjb_delivery_completion_new (self->order_id, self->recipient, self->note,
                                      self->captured_at, self->photo, self->thumb,
                                      self->width, self->height);
  g_free (copy->key);
  copy->key = g_strdup (self->key);
  return copy;
}

void
bjb_delivery_completion_free (BjbDeliveryCompletion *self)
{
  if (self == NULL)
    return;
  g_free (self->key);
  g_free (self->recipient);
  g_free (self->note);
  g_clear_pointer (&self->captured_at, g_date_time_unref);
  g_clear_pointer (&self->photo, g_bytes_unref);
  g_clear_pointer (&self->thumb, g_bytes_unref);
  g_free (self);
}

static void
bjb_delivery_spool_finalize (GObject *object)
{
  BjbDeliverySpool *self = BJB_DELIVERY_SPOOL (object);

  g_free (self->directory);
  G_OBJECT_CLASS (bjb_delivery_spool_parent_class)->finalize (object);
}

static void
bjb_delivery_spool_class_init (BjbDeliverySpoolClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bjb_delivery_spool_finalize;
}

static void
bjb_delivery_spool_init (BjbDeliverySpool *self)
{
}

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *what,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s %s: %s", what, path, g_strerror (saved_errno));
  return FALSE;
}

/* A rename or an unlink is durable only once the directory itself reached the disk. */
static gboolean
sync_directory (const char  *directory,
                GError     **error)
{
  int fd = open (directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  int saved_errno;

  if (fd < 0)
    return set_errno_error (error, errno, "Cannot open", directory);
  if (fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      return set_errno_error (error, saved_errno, "Cannot sync", directory);
    }
  close (fd);
  return TRUE;
}

char *
bjb_delivery_spool_default_directory (const char *login)
{
  g_return_val_if_fail (login != NULL && *login != '\0', NULL);

  return g_build_filename (g_get_user_data_dir (), "barokah", "deliveries", login, NULL);
}

BjbDeliverySpool *
bjb_delivery_spool_new (const char  *directory,
                        GError     **error)
{
  g_autoptr(BjbDeliverySpool) self = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (directory != NULL, NULL);

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      set_errno_error (error, errno, "Cannot create", directory);
      return NULL;
    }
  dir = g_dir_open (directory, 0, error);
  if (dir == NULL)
    return NULL;
  /* A temporary file is a write that never reached its rename: not a queued completion. */
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, TEMP_PREFIX))
      {
        g_autofree char *path = g_build_filename (directory, name, NULL);

        if (g_unlink (path) != 0)
          {
            set_errno_error (error, errno, "Cannot remove", path);
            return NULL;
          }
      }

  self = g_object_new (BJB_TYPE_DELIVERY_SPOOL, NULL);
  self->directory = g_strdup (directory);
  return g_steal_pointer (&self);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* (transfer full): the spool files' names, in queue order (the zero-padded sequence
 * number leads the name, so name order is queue order). */
static GPtrArray *
spool_names (BjbDeliverySpool  *self,
             GError           **error)
{
  g_autoptr(GDir) dir = g_dir_open (self->directory, 0, error);
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (dir == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, SPOOL_SUFFIX) && !g_str_has_prefix (name, TEMP_PREFIX))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  return g_steal_pointer (&names);
}

static gboolean
check_completion (const BjbDeliveryCompletion  *c,
                  GError                      **error)
{
  g_autofree char *recipient = g_strstrip (g_strdup (c->recipient != NULL ? c->recipient : ""));
  const char *problem = NULL;

  if (c->order_id <= 0)
    problem = "no order";
  else if (c->key == NULL || !g_uuid_string_is_valid (c->key))
    problem = "no idempotency key";
  else if (*recipient == '\0')
    problem = "no recipient";
  else if (c->captured_at == NULL)
    problem = "no capture time";
  else if (c->photo == NULL || g_bytes_get_size (c->photo) == 0
           || c->thumb == NULL || g_bytes_get_size (c->thumb) == 0)
    problem = "no photo";
  else if (c->width < 1 || c->width > 1600 || c->height < 1 || c->height > 1600)
    problem = "photo size out of range";
  if (problem != NULL)
    g_set_error (error, BJB_DELIVERY_SPOOL_ERROR, BJB_DELIVERY_SPOOL_ERROR_INVALID,
                 "Completion of order %" G_GINT64_FORMAT " not queued: %s", c->order_id, problem);
  return problem == NULL;
}

static GBytes *
serialize (const BjbDeliveryCompletion *c)
{
  g_autofree char *captured = g_date_time_format_iso8601 (c->captured_at);
  g_autoptr(GVariant) v = NULL;

  v = g_variant_ref_sink (g_variant_new (SPOOL_FORMAT, SPOOL_VERSION, c->key, c->order_id,
                                         c->recipient, captured, c->note,
                                         g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, c->photo, TRUE),
                                         g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, c->thumb, TRUE),
                                         c->width, c->height));
  return g_variant_get_data_as_bytes (v);
}

static BjbDeliveryCompletion *
deserialize (GBytes      *bytes,
             const char  *path,
             GError     **error)
{
  g_autoptr(GVariant) v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (SPOOL_TYPE),
                                                                        bytes, FALSE));
  g_autoptr(GVariant) photo = NULL;
  g_autoptr(GVariant) thumb = NULL;
  g_autoptr(BjbDeliveryCompletion) c = g_new0 (BjbDeliveryCompletion, 1);
  g_autofree char *captured = NULL;
  guint32 version = 0;

  if (g_variant_is_normal_form (v))
    g_variant_get (v, SPOOL_FORMAT, &version, &c->key, &c->order_id, &c->recipient, &captured,
                   &c->note, &photo, &thumb, &c->width, &c->height);
  if (version == SPOOL_VERSION)
    {
      c->photo = g_variant_get_data_as_bytes (photo);
      c->thumb = g_variant_get_data_as_bytes (thumb);
      c->captured_at = g_date_time_new_from_iso8601 (captured, NULL);
    }
  if (version != SPOOL_VERSION || !check_completion (c, NULL))
    {
      g_set_error (error, BJB_DELIVERY_SPOOL_ERROR, BJB_DELIVERY_SPOOL_ERROR_CORRUPT,
                   "%s is not a queued delivery completion", path);
      return NULL;
    }
  return g_steal_pointer (&c);
}

/* Writes @bytes to @path (a new file) and syncs it; on failure nothing is left at @path. */
static gboolean
write_synced (const char  *path,
              GBytes      *bytes,
              GError     **error)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  int fd = open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  int saved_errno = 0;

  if (fd < 0)
    return set_errno_error (error, errno, "Cannot create", path);
  while (size > 0 && saved_errno == 0)
    {
      ssize_t n = write (fd, data, size);

      if (n < 0 && errno != EINTR)
        saved_errno = errno;
      else if (n > 0)
        {
          data += n;
          size -= (gsize) n;
        }
    }
  if (saved_errno == 0 && fsync (fd) != 0)
    saved_errno = errno;
  if (close (fd) != 0 && saved_errno == 0)
    saved_errno = errno;
  if (saved_errno != 0)
    {
      g_unlink (path);
      return set_errno_error (error, saved_errno, "Cannot write", path);
    }
  return TRUE;
}

gboolean
bjb_delivery_spool_add (BjbDeliverySpool             *self,
                        const BjbDeliveryCompletion  *completion,
                        GError                      **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *final = NULL;
  g_autofree char *final_name = NULL;
  guint64 seq = 1;

  g_return_val_if_fail (BJB_IS_DELIVERY_SPOOL (self), FALSE);
  g_return_val_if_fail (completion != NULL, FALSE);

  if (!check_completion (completion, error))
    return FALSE;
  names = spool_names (self, error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      /* The same completion queued twice (a double tap) stays one entry. */
      if (strstr (name, completion->key) != NULL)
        return TRUE;
    }
  if (names->len > 0)
    seq = g_ascii_strtoull (g_ptr_array_index (names, names->len - 1), NULL, 10) + 1;

  bytes = serialize (completion);
  temp = g_strconcat (self->directory, G_DIR_SEPARATOR_S, TEMP_PREFIX, completion->key, NULL);
  final_name = g_strdup_printf ("%020" G_GUINT64_FORMAT "-%s" SPOOL_SUFFIX, seq, completion->key);
  final = g_build_filename (self->directory, final_name, NULL);
  if (!write_synced (temp, bytes, error))
    return FALSE;
  if (g_rename (temp, final) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp);
      return set_errno_error (error, saved_errno, "Cannot rename", temp);
    }
  return sync_directory (self->directory, error);
}

GPtrArray *
bjb_delivery_spool_list (BjbDeliverySpool  *self,
                         GError           **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) completions = NULL;

  g_return_val_if_fail (BJB_IS_DELIVERY_SPOOL (self), NULL);

  names = spool_names (self, error);
  if (names == NULL)
    return NULL;
  completions = g_ptr_array_new_with_free_func ((GDestroyNotify) bjb_delivery_completion_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (self->directory, g_ptr_array_index (names, i), NULL);
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, error);
      g_autoptr(GBytes) bytes = NULL;
      BjbDeliveryCompletion *c;

      if (file == NULL)
        return NULL;
      /* Copied out of the mapping: the completion may outlive the file's removal. */
      bytes = g_bytes_new (g_mapped_file_get_contents (file), g_mapped_file_get_length (file));
      c = deserialize (bytes, path, error);
      if (c == NULL)
        return NULL;
      g_ptr_array_add (completions, c);
    }
  return g_steal_pointer (&completions);
}

gboolean
bjb_delivery_spool_remove (BjbDeliverySpool  *self,
                           const char        *key,
                           GError           **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *suffix = NULL;

  g_return_val_if_fail (BJB_IS_DELIVERY_SPOOL (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  names = spool_names (self, error);
  if (names == NULL)
    return FALSE;
  suffix = g_strconcat ("-", key, SPOOL_SUFFIX, NULL);
  for (guint i = 0; i < names->len; i++)
    if (g_str_has_suffix (g_ptr_array_index (names, i), suffix))
      {
        g_autofree char *path = g_build_filename (self->directory, g_ptr_array_index (names, i), NULL);

        if (g_unlink (path) != 0)
          return set_errno_error (error, errno, "Cannot remove", path);
        return sync_directory (self->directory, error);
      }
  return FALSE;
}
