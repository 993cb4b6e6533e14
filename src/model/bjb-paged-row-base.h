/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "bjb-paged-query.h"

G_BEGIN_DECLS

#define BJB_TYPE_PAGED_ROW_BASE (bjb_paged_row_base_get_type ())
G_DECLARE_DERIVABLE_TYPE (BjbPagedRowBase, bjb_paged_row_base, BJB, PAGED_ROW_BASE, GObject)

/*
 * BjbPagedRowBase: the part of BjbPagedRow the generic row bases (BjbFieldRow, BjbValueRow)
 * share: the construct-only "placeholder" property, which update() clears. A base fills in
 * @get_id and @update (which copies the values of @from, a row of the same type) in its
 * class_init; the rows themselves derive from that base.
 */
struct _BjbPagedRowBaseClass
{
  GObjectClass parent_class;

  gint64 (*get_id) (BjbPagedRowBase *self);
  void   (*update) (BjbPagedRowBase *self,
                    BjbPagedRowBase *from);

  /*< private >*/
  gpointer padding[4];
};

G_END_DECLS
