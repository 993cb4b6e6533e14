/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bjb-paged-query-model"

#include "config.h"

#include "bjb-paged-query-model-private.h"

/* Makes @items (the rows @self shows first, references it owns) equal @wanted (the same
 * and new rows in their new order, borrowed), reporting each contiguous insertion and
 * removal on its own: a row placed at the top is one change at 0, a page's worth of rows
 * read beyond the old end another at the end, and the rows between are not touched, so a
 * view keeps their widgets, the selection and the scroll position. */
void
_bjb_paged_query_model_move_to (GListModel *self,
                                GPtrArray  *items,
                                GPtrArray  *wanted)
{
  g_autoptr(GHashTable) in_wanted = g_hash_table_new (NULL, NULL);
  guint pos = 0;
  guint k = 0;

  for (guint i = 0; i < wanted->len; i++)
    g_hash_table_add (in_wanted, g_ptr_array_index (wanted, i));

  while (k < wanted->len || pos < items->len)
    {
      gpointer want = k < wanted->len ? g_ptr_array_index (wanted, k) : NULL;
      guint run = 0;
      guint found;

      /* Rows gone. */
      while (pos + run < items->len &&
             !g_hash_table_contains (in_wanted, g_ptr_array_index (items, pos + run)))
        run++;
      if (run > 0)
        {
          g_ptr_array_remove_range (items, pos, run);
          g_list_model_items_changed (self, pos, run, 0);
          continue;
        }
      if (want == NULL)
        break;
      if (pos < items->len && g_ptr_array_index (items, pos) == want)
        {
          pos++;
          k++;
          continue;
        }
      /* New rows (or rows moved up), as one run, up to the next row already in place. */
      while (k + run < wanted->len &&
             (pos + run >= items->len ||
              g_ptr_array_index (wanted, k + run) != g_ptr_array_index (items, pos + run)))
        {
          gpointer row = g_ptr_array_index (wanted, k + run);
          /* Held across the move: @items' reference may be the row's only one. */
          g_autoptr(GObject) keep = g_object_ref (row);

          if (g_ptr_array_find (items, row, &found))
            {
              /* Moved up: out of its old place (after the run) first, the run so far
               * reported so that every change is told against what the view has. */
              if (run > 0)
                g_list_model_items_changed (self, pos, 0, run);
              pos += run;
              k += run;
              run = 0;
              g_ptr_array_remove_index (items, found);
              g_list_model_items_changed (self, found, 1, 0);
            }
          g_ptr_array_insert (items, pos + run, g_object_ref (row));
          run++;
        }
      if (run > 0)
        g_list_model_items_changed (self, pos, 0, run);
      pos += run;
      k += run;
    }
}

