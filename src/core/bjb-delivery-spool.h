/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The courier's offline queue: completions made without a connection, kept on disk until
 * the server confirmed them.
 *
 * One file per completion in the spool directory, named by its place in the queue, written
 * to a temporary name, fsync'd, renamed and the directory fsync'd: a completion is either
 * all there or not there at all, whatever happens to the program or the tablet's power.
 * Leftover temporary files (a write cut short) are removed when the spool is opened. The
 * server makes a resend harmless: every completion carries its idempotency key, so a
 * completion sent twice (killed after the server committed, before the file was removed)
 * is stored once.
 */

#define BJB_DELIVERY_SPOOL_ERROR (bjb_delivery_spool_error_quark ())
GQuark bjb_delivery_spool_error_quark (void);

typedef enum
{
  BJB_DELIVERY_SPOOL_ERROR_INVALID,  /* a completion missing what the server will need */
  BJB_DELIVERY_SPOOL_ERROR_CORRUPT,  /* a spool file that is not a completion */
} BjbDeliverySpoolError;

/* A completion as the courier made it. Every field is owned by the struct. */
typedef struct
{
  gint64     order_id;
  char      *key;           /* idempotency key, a UUID (g_uuid_string_random) */
  char      *recipient;     /* who received the goods */
  char      *note;          /* (nullable) */
  GDateTime *captured_at;   /* when the photo was taken */
  GBytes    *photo;         /* JPEG, at most 1600 px on the long side */
  GBytes    *thumb;         /* JPEG, 256 px */
  int        width;
  int        height;
} BjbDeliveryCompletion;

#define BJB_TYPE_DELIVERY_COMPLETION (bjb_delivery_completion_get_type ())
GType                  bjb_delivery_completion_get_type (void);
/* (transfer full): a completion with a fresh key; @note nullable. */
BjbDeliveryCompletion *bjb_delivery_completion_new      (gint64      order_id,
                                                         const char *recipient,
                                                         const char *note,
                                                         GDateTime  *captured_at,
                                                         GBytes     *photo,
                                                         GBytes     *thumb,
                                                         int         width,
                                                         int         height);
BjbDeliveryCompletion *bjb_delivery_completion_copy     (const BjbDeliveryCompletion *self);
void                   bjb_delivery_completion_free     (BjbDeliveryCompletion *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BjbDeliveryCompletion, bjb_delivery_completion_free)

#define BJB_TYPE_DELIVERY_SPOOL (bjb_delivery_spool_get_type ())
G_DECLARE_FINAL_TYPE (BjbDeliverySpool, bjb_delivery_spool, BJB, DELIVERY_SPOOL, GObject)

/* (transfer full): <user data dir>/barokah/deliveries/<login>: one queue per login, so two
 * couriers sharing a tablet never send each other's completions. */
char             *bjb_delivery_spool_default_directory (const char *login);

/* (transfer full) (nullable): the spool in @directory (created, mode 0700, if missing);
 * removes temporary files a cut-short write left behind. */
BjbDeliverySpool *bjb_delivery_spool_new      (const char                  *directory,
                                               GError                     **error);

/* Queues @completion after every completion already queued; durable when it returns TRUE. */
gboolean          bjb_delivery_spool_add      (BjbDeliverySpool            *self,
                                               const BjbDeliveryCompletion *completion,
                                               GError                     **error);

/* (transfer full) (element-type BjbDeliveryCompletion): the queue, oldest first. A file that
 * cannot be read is reported through @error rather than skipped: it may be a delivery. */
GPtrArray        *bjb_delivery_spool_list     (BjbDeliverySpool            *self,
                                               GError                     **error);

/* Removes the completion with @key once the server confirmed it; TRUE if it was there. */
gboolean          bjb_delivery_spool_remove   (BjbDeliverySpool            *self,
                                               const char                  *key,
                                               GError                     **error);

G_END_DECLS
