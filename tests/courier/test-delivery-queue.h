/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bjb-delivery-spool.h"

G_BEGIN_DECLS

/* The courier's cache and queue (bjb-delivery-cache, bjb-delivery-queue), added to the
 * spool's test program, whose helpers they share. */
typedef char                  *(*SeededDbFunc)     (void);
typedef gint64                 (*ShippedOrderFunc) (const char *dbname);
typedef BjbDeliveryCompletion *(*CompletionFunc)   (gint64      order_id,
                                                    GDateTime  *captured_at,
                                                    gsize       photo_size);
typedef char                  *(*MakeDirFunc)      (void);
typedef void                   (*RemoveTreeFunc)   (const char *dir);

void delivery_queue_tests_add (SeededDbFunc     seeded_db,
                               ShippedOrderFunc shipped_order,
                               CompletionFunc   completion_for,
                               MakeDirFunc      make_dir,
                               RemoveTreeFunc   remove_tree);

G_END_DECLS
